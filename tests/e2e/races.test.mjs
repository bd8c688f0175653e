// Timing and focus edge cases a second review found: late resources, overlapping loads,
// startup focus, Retry focus, and events of a widget without a feed.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { delay, newPage, setUp, waitForCards } from "./harness.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

test("a late language resource does not undo a later choice", { timeout: 30000 }, async () => {
  const page = await newPage(env.browser);
  await page.route("**/l10n/ja/news-widget.ftl", async (route) => {
    await delay(800);
    await route.continue();
  });
  await page.goto(`${env.url}/locales-demo.html`);
  await waitForCards(page);
  await page.locator('[data-news-widget] [part~="language"] button[lang="ja"]').click();
  await page.locator('[data-news-widget] [part~="language"] button[lang="ko-KR"]').click();
  await page.waitForTimeout(1200);
  const lang = await page.evaluate(() => document.querySelector("[data-news-widget]").shadowRoot.querySelector(".nw").lang);
  assert.equal(lang, "ko-KR");
  // The resource that arrived late is kept: choosing Japanese now is immediate.
  await page.locator('[data-news-widget] [part~="language"] button[lang="ja"]').click();
  const heading = await page.locator('[data-news-widget] h2').first().textContent();
  assert.equal(heading, "最新ニュース", "the site's Japanese resource, not the Korean still on screen");
});

test("a language switch during the first load is kept when the feed arrives", { timeout: 30000 }, async () => {
  const page = await newPage(env.browser);
  await page.route("**/feeds/changchun.json", async (route) => {
    await delay(600);
    await route.continue();
  });
  await page.goto(`${env.url}/index.html`);
  await page.waitForFunction(() => document.querySelector("[data-news-widget]").shadowRoot?.querySelector('[data-kind="loading"]'));
  await page.locator('[data-news-widget] [part~="language"] button[lang="ko-KR"]').click();
  await waitForCards(page);
  const heading = await page.locator('[data-news-widget] h2').first().textContent();
  assert.equal(heading, "최신 소식");
});

test("reload() during a load shows no error and reports ready once", { timeout: 30000 }, async () => {
  const page = await newPage(env.browser);
  await page.route("**/feeds/changchun.json", async (route) => {
    await delay(300);
    await route.continue();
  });
  await page.goto(`${env.url}/plain.html`);
  const events = await page.evaluate(async () => {
    const host = document.createElement("div");
    document.body.append(host);
    const seen = [];
    for (const type of ["news-widget:ready", "news-widget:error"]) host.addEventListener(type, () => seen.push(type));
    const handle = await NewsWidget.mount(host, { feed: "feeds/changchun.json" });
    handle.reload();
    handle.reload();
    for (let i = 0; i < 250 && !host.shadowRoot.querySelector('[part~="card"]'); i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 400));
    return { seen, errorBox: !!host.shadowRoot.querySelector('[part~="error"]') };
  });
  assert.deepEqual(events, { seen: ["news-widget:ready"], errorBox: false });
});

test("the article option opens without taking focus from the page", { timeout: 30000 }, async () => {
  const page = await newPage(env.browser);
  await page.route("**/focus-host.html", (route) => route.fulfill({
    contentType: "text/html",
    body: `<!doctype html><html lang="en"><body><input id="q" aria-label="Search">
      <div data-news-widget data-feed="feeds/changchun.json" data-article="cc-2024-0528-ulsan30"></div>
      <script src="dist/news-widget.js" defer></script></body></html>`,
  }));
  await page.goto(`${env.url}/focus-host.html`);
  await page.focus("#q");
  await page.waitForFunction(() => document.querySelector("[data-news-widget]").shadowRoot?.querySelector('[part~="article-title"]'));
  assert.equal(await page.evaluate(() => document.activeElement.id), "q");
});

test("Retry keeps keyboard focus in the widget and lands on the first card", { timeout: 30000 }, async () => {
  const page = await newPage(env.browser);
  let calls = 0;
  await page.route("**/feeds/changchun.json", (route) => (++calls === 1 ? route.abort() : route.continue()));
  await page.goto(`${env.url}/index.html`);
  await page.locator('[data-news-widget] [part~="retry"]').focus();
  await page.keyboard.press("Enter");
  await waitForCards(page);
  const focused = await page.evaluate(() => {
    const active = document.querySelector("[data-news-widget]").shadowRoot.activeElement;
    return active && active.getAttribute("data-key");
  });
  assert.match(focused || "", /^open:/);
});

test("a widget without a feed reports its error after mount() resolved", { timeout: 30000 }, async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.url}/plain.html`);
  const detail = await page.evaluate(async () => {
    const host = document.createElement("div");
    document.body.append(host);
    const handle = await NewsWidget.mount(host, {});
    const event = await new Promise((resolve) => {
      host.addEventListener("news-widget:error", resolve, { once: true });
      setTimeout(() => resolve({ detail: { kind: "none: no event within 3 s" } }), 3000);
    });
    return { kind: event.detail.kind, text: host.shadowRoot.querySelector('[part~="error"]').textContent, ok: !!handle };
  });
  assert.equal(detail.kind, "config");
  assert.match(detail.text, /could not be read/);
});

test("the same announcement twice is still a change of the live region", { timeout: 30000 }, async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.url}/plain.html`);
  await waitForCards(page, "#widget");
  await page.evaluate(() => NewsWidget.get(document.getElementById("widget")).setFontStep(5));
  await page.locator('#widget [part~="font-larger"]').focus();
  const heard = [];
  for (let i = 0; i < 2; i++) {
    await page.keyboard.press("+");
    heard.push(await page.evaluate(() =>
      document.getElementById("widget").shadowRoot.querySelector('[role="status"]').textContent));
  }
  assert.equal(heard[0].trim(), "Text size 200 %");
  assert.equal(heard[1].trim(), "Text size 200 %");
  assert.notEqual(heard[0], heard[1], "the text changed, so a screen reader speaks it again");
});
