// The run-time `.ftl` compiler (the `locales` option) is a module of its own,
// news-widget-tools.wasm: only a page whose widgets name `locales` downloads it, and a failure
// there (a trap of its instance, a failed download) is the widget's locale problem, never the
// end of the page's module.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { delay, events, newPage, recordEvents, setUp, waitForCards } from "./harness.mjs";

const TOOLS = "news-widget-tools.wasm";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

/** The page's requests of the compiler's module, recorded from now on. */
function toolsRequests(page) {
  const seen = [];
  page.on("request", (request) => { if (request.url().endsWith(`/${TOOLS}`)) seen.push(request.url()); });
  return seen;
}

const heading = (page, host = "[data-news-widget]") =>
  page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector(".list-heading").textContent, host);

test("the compiler's module is downloaded once by the page that names locales, and by no other page", async () => {
  const downloads = {};
  for (const path of ["plain.html", "three.html", "article.html", "locales-demo.html"]) {
    const page = await newPage(env.browser, { locale: "en-US" });
    const seen = toolsRequests(page);
    await page.goto(`${env.url}/${path}`);
    if (path === "article.html") {
      await page.waitForFunction(() => document.querySelector("news-widget-toolbar").shadowRoot?.querySelector('[part~="toolbar"]'));
    } else {
      await waitForCards(page);
      // A built-in language needs no compiler either; the demo's Japanese is a second resource.
      const lang = path === "locales-demo.html" ? "ja" : "ko-KR";
      await page.locator(`[data-news-widget] [part~="language"] button[lang="${lang}"]`).first().click();
    }
    await delay(500);
    downloads[path] = seen.length;
    assert.deepEqual(page.errors, [], path);
    await page.context().close();
  }
  assert.deepEqual(downloads, { "plain.html": 0, "three.html": 0, "article.html": 0, "locales-demo.html": 1 });
});

test("locales: a .ftl that stops the compiler is a locale error naming it; the page's widgets go on", async () => {
  const page = await newPage(env.browser, { locale: "en-US" });
  await recordEvents(page);
  // A \u escape cut short by a non-ASCII character: fluent-syntax 0.12 panics on it, which traps
  // the compiler's instance.
  await page.route("**/l10n/ja/news-widget.ftl", (route) => route.fulfill({
    contentType: "text/plain; charset=utf-8",
    body: 'cards-heading = 最新\nbad = { "\\u中" }\n',
  }));
  await page.goto(`${env.url}/locales-demo.html`);
  await waitForCards(page);
  await page.locator('[data-news-widget] [part~="language"] button[lang="ja"]').click();
  await page.waitForFunction(() => window.__nwEvents.some((e) => e.type === "news-widget:error"));
  await delay(300);
  const errors = await events(page, "news-widget:error");
  assert.deepEqual(errors.map((e) => e.detail.kind), ["locale"], JSON.stringify(errors));
  assert.match(errors[0].detail.message, /l10n\/ja\/news-widget\.ftl/, "the message names the resource");
  // The widget goes on: another language, and a second widget mounted afterwards.
  await page.locator('[data-news-widget] [part~="language"] button[lang="ko-KR"]').click();
  await page.waitForFunction(() => document.querySelector("[data-news-widget]").shadowRoot.querySelector(".nw").lang === "ko-KR");
  assert.equal(await heading(page), "최신 소식");
  await page.evaluate(async () => {
    const host = Object.assign(document.createElement("div"), { id: "second" });
    document.querySelector("main").append(host);
    await NewsWidget.mount(host, { feed: "feeds/changchun.json", lang: "en" });
  });
  await waitForCards(page, "#second");
  assert.deepEqual((await events(page, "news-widget:error")).map((e) => e.detail.kind), ["locale"], "no crash");
  assert.deepEqual(page.errors, []);
});

test("locales: the compiler's module failing to download leaves the built-in words, and the next widget asks again", async () => {
  const page = await newPage(env.browser, { locale: "en-US" });
  await recordEvents(page);
  let refusing = true;
  let refused = 0;
  await page.route(`**/${TOOLS}`, (route) => (refusing && ++refused ? route.abort() : route.continue()));
  await page.goto(`${env.url}/locales-demo.html`);
  await waitForCards(page);
  await delay(300);
  const more = (sel) => page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('[part~="more"]').textContent, sel);
  assert.equal(await more("[data-news-widget]"), "More news", "the built-in English, the site's rewording not compiled");
  assert.ok(refused >= 1, "the module was asked for");
  refusing = false;
  await page.evaluate(async () => {
    const host = Object.assign(document.createElement("div"), { id: "later" });
    document.querySelector("main").append(host);
    await NewsWidget.mount(host, { feed: "feeds/changchun.json", lang: "en", pageSize: 6, locales: "l10n/{locale}/news-widget.ftl" });
  });
  await waitForCards(page, "#later");
  await page.waitForFunction(() => document.querySelector("#later").shadowRoot.querySelector('[part~="more"]').textContent !== "More news");
  assert.equal(await more("#later"), "Show more stories");
  assert.deepEqual(await events(page, "news-widget:error"), [], "a failed download is no locale error");
  assert.deepEqual(page.errors, []);
});

test("locales: a large resource compiles (the compiler's memory grows page by page)", async () => {
  const page = await newPage(env.browser, { locale: "en-US" });
  // About 300 KB of source: the compiler's instance grows its memory page by page, many times.
  const filler = Array.from({ length: 2500 }, (_, i) => `filler-${i} = { $n -> [one] one item number ${i} *[other] { $n } items, number ${i}, of a long resource }`).join("\n");
  await page.route("**/l10n/en-US/news-widget.ftl", (route) => route.fulfill({
    contentType: "text/plain; charset=utf-8",
    body: `${filler}\nmore = Show the {"{"}whole{"}"} list\n`,
  }));
  await page.goto(`${env.url}/locales-demo.html`);
  await waitForCards(page);
  await page.waitForFunction(() => document.querySelector("[data-news-widget]").shadowRoot.querySelector('[part~="more"]')?.textContent === "Show the {whole} list");
  assert.deepEqual(page.errors, []);
});
