// Localization end to end: the language control, negotiation (saved choice, <html lang>,
// navigator.languages, data-lang), untranslated items, and run-time Fluent resources (locales).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { events, newPage, recordEvents, root, servePage, setUp, shot, waitForCards } from "./harness.mjs";

const HOST = "[data-news-widget]";
const UNTRANSLATED_ID = "cc-2024-0412-sign-translation-consultation"; // has no Korean version
const SEED_ID = "cc-2024-0528-ulsan30";
const LANGUAGE_KEY = "news-widget:language";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

// ---------------------------------------------------------------------------------------------
// Helpers.

const part = (name) => `${HOST} [part~="${name}"]`;
const languageButton = (tag) => `${part("language")} button[lang="${tag}"]`;

/** A built-in locale's resources as one text: its messages are split by role into three files. */
const builtIn = (tag) =>
  ["common", "widget", "toolbar"].map((f) => readFileSync(join(root, `locales/${tag}/${f}.ftl`), "utf8")).join("\n");

/** Fluent messages of a resource: id → value for one-line messages without placeables. */
function simpleMessages(text) {
  const lines = text.split("\n");
  const messages = new Map();
  lines.forEach((line, i) => {
    const m = /^([a-zA-Z][\w-]*) = (.+)$/.exec(line);
    const continued = /^\s+\S/.test(lines[i + 1] || "");
    if (m && !m[2].includes("{") && !continued) messages.set(m[1], m[2].trim());
  });
  return messages;
}

/** Every message id of a resource with the variables it uses, e.g. "cards-shown" → "$shown,$total". */
function messageShapes(text) {
  const shapes = new Map();
  let current = null;
  for (const line of text.split("\n")) {
    const m = /^([a-zA-Z][\w-]*) =/.exec(line);
    if (m) {
      current = m[1];
      shapes.set(current, new Set());
    } else if (!/^\s/.test(line)) {
      current = null;
    }
    if (current) for (const v of line.matchAll(/\$([\w-]+)/g)) shapes.get(current).add(v[1]);
  }
  return new Map([...shapes].map(([id, vars]) => [id, [...vars].sort().join(",")]));
}

/** Serves `body` at `/name` on the demo's origin, so relative feed and dist URLs work. */
const routePage = (page, name, body) => servePage(page, env.url, name, body);

function testPage(htmlLang, widgetAttrs) {
  const lang = htmlLang ? ` lang="${htmlLang}"` : "";
  return `<!doctype html><html${lang}><head><meta charset="utf-8"><title>i18n test</title>
<link rel="stylesheet" href="site.css"></head><body><main><div class="panel">
<div data-news-widget data-feed="feeds/changchun.json" data-page-size="6" ${widgetAttrs}></div>
</div></main><script src="dist/news-widget.js" defer></script></body></html>`;
}

const text = async (page, selector) => ((await page.locator(selector).first().textContent()) ?? "").trim();
const rootLang = (page) => page.locator(`${HOST} .nw`).getAttribute("lang");
const heading = (page) => text(page, `${HOST} .list-heading`);
const firstDate = (page) => text(page, `${part("card")} time`);
const fontsLabel = (page) => text(page, `${HOST} #nw-fonts-label`);

/** Clicks a language button and waits until the widget root speaks `tag`. */
async function switchTo(page, tag) {
  await page.locator(languageButton(tag)).click();
  await page.waitForFunction(
    ([sel, t]) => document.querySelector(sel).shadowRoot.querySelector(".nw").getAttribute("lang") === t,
    [HOST, tag],
    { timeout: 10000 },
  );
  await waitForCards(page);
}

async function showAll(page) {
  await page.locator(part("more")).click();
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelectorAll('[part~="card"]').length === 10, HOST, { timeout: 5000 });
}

async function assertPressed(page, tag) {
  const buttons = await page.locator(`${part("language")} button`).evaluateAll((bs) =>
    bs.map((b) => [b.getAttribute("lang"), b.getAttribute("aria-pressed")]));
  for (const [lang, pressed] of buttons) {
    assert.equal(pressed, lang === tag ? "true" : "false", `aria-pressed on ${lang} (current ${tag})`);
  }
}

// ---------------------------------------------------------------------------------------------
// The language control.

test("language control: endonym buttons with their own lang, English pressed by default", async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.url}/index.html`);
  await waitForCards(page);
  const buttons = await page.locator(`${part("language")} button`).evaluateAll((bs) =>
    bs.map((b) => ({ lang: b.getAttribute("lang"), text: b.textContent.trim() })));
  assert.deepEqual(buttons, [
    { lang: "en-US", text: "English" },
    { lang: "zh-CN", text: "中文" },
    { lang: "ko-KR", text: "한국어" },
  ]);
  await assertPressed(page, "en-US");
  assert.equal(await rootLang(page), "en-US");
  assert.equal(await heading(page), "Latest news");
  assert.equal(await fontsLabel(page), "Fonts:");
  assert.equal(await firstDate(page), "October 16, 2024");
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: shot("i18n-cards-en"), fullPage: true });
});

test("Korean: the 한국어 button re-renders heading, labels and dates at once and fires languagechange", async () => {
  const page = await newPage(env.browser);
  await recordEvents(page);
  await page.goto(`${env.url}/index.html`);
  await waitForCards(page);
  const url = page.url();
  await switchTo(page, "ko-KR");
  assert.equal(page.url(), url, "no reload");
  assert.equal(await heading(page), "최신 소식");
  assert.equal(await fontsLabel(page), "글자 크기:");
  assert.equal(await firstDate(page), "2024년 10월 16일");
  assert.equal(await text(page, part("more")), "더 보기");
  assert.equal(await text(page, `${HOST} [data-role="count"]`), "전체 10건 중 6건 표시");
  assert.equal(await rootLang(page), "ko-KR", 'the widget root carries lang="ko-KR"');
  await assertPressed(page, "ko-KR");
  const titles = await page.locator(part("card-title")).allTextContents();
  assert.ok(titles.some((t) => t.includes("울산")), `card titles in Korean: ${titles.join(" | ")}`);
  assert.deepEqual((await events(page, "news-widget:languagechange")).map((e) => e.detail), [{ language: "ko-KR" }]);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en", "<html lang> of the host page untouched");
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: shot("i18n-cards-ko"), fullPage: true });
});

test("Korean: the choice is saved under news-widget:language and survives a reload", async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.url}/index.html`);
  await waitForCards(page);
  await switchTo(page, "ko-KR");
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), LANGUAGE_KEY), "ko-KR");
  await page.reload();
  await waitForCards(page);
  assert.equal(await rootLang(page), "ko-KR", "still Korean after reload (saved choice beats <html lang=en>)");
  assert.equal(await heading(page), "최신 소식");
  await assertPressed(page, "ko-KR");
  assert.deepEqual(page.errors, []);
});

/** Elements of the widget whose own text (or accessible label) is an English UI string. */
function englishLeftovers(page, english) {
  return page.evaluate(([sel, values, skipId]) => {
    const shadow = document.querySelector(sel).shadowRoot;
    const found = [];
    for (const el of shadow.querySelectorAll("*")) {
      // Content of the item that has no Korean version stays English by design.
      const card = el.closest('[part~="card"]');
      if (card && card.querySelector(`[data-id="${skipId}"]`)) continue;
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.data).join("").trim();
      const where = `<${el.localName}${el.getAttribute("part") ? ` part="${el.getAttribute("part")}"` : ""}${el.className ? ` class="${el.className}"` : ""}>`;
      if (values.includes(own)) found.push(`${where} text "${own}"`);
      for (const attr of ["aria-label", "title", "alt"]) {
        const v = (el.getAttribute(attr) || "").trim();
        if (values.includes(v)) found.push(`${where} ${attr}="${v}"`);
      }
    }
    return found;
  }, [HOST, [...english.values()], UNTRANSLATED_ID]);
}

test("Korean: no English UI string is left in the cards or the article view", async () => {
  const english = simpleMessages(builtIn("en-US"));
  assert.ok(english.size >= 20, `read the en-US one-line messages (${english.size})`);
  assert.equal(english.get("meta-source-label"), "Source:");
  const page = await newPage(env.browser);
  await page.goto(`${env.url}/index.html`);
  await waitForCards(page);
  await switchTo(page, "ko-KR");
  await showAll(page);
  assert.deepEqual(await englishLeftovers(page, english), [], "English UI strings in the Korean card list");
  const untranslated = page.locator(`${part("card-title")}:has(button[data-id="${UNTRANSLATED_ID}"])`);
  assert.equal(await untranslated.getAttribute("lang"), "en", "the card without Korean is marked English on its title");
  assert.equal(await untranslated.getAttribute("dir"), "auto", "and laid out in its own letters' direction");
  assert.match(await untranslated.textContent(), /Public Consultation/, "that card shows its English title");

  await page.locator(`${HOST} button[data-action="open"][data-id="${SEED_ID}"]`).click();
  await page.locator(part("article-title")).waitFor();
  assert.match(await text(page, part("article-title")), /울산/, "the seed article in Korean");
  assert.deepEqual(await englishLeftovers(page, english), [], "English UI strings in the Korean article view");
  const meta = (await text(page, part("meta"))).replace(/\s+/g, " ");
  assert.match(meta, /^수정일: 2024년 5월 28일 출처: /, `Korean meta line: "${meta}"`);
  assert.equal(await page.locator(part("notice")).count(), 0, "no untranslated notice on a translated article");
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: shot("i18n-article-ko"), fullPage: true });
});

test("Korean: an item without Korean opens in English, marked lang=en, with a Korean notice", async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.url}/index.html`);
  await waitForCards(page);
  await switchTo(page, "ko-KR");
  await showAll(page);
  await page.locator(`${HOST} button[data-action="open"][data-id="${UNTRANSLATED_ID}"]`).click();
  await page.locator(part("article-title")).waitFor();
  assert.equal(await text(page, part("notice")), "이 기사는 한국어로 제공되지 않아 원문으로 표시합니다.");
  assert.equal(await page.locator(part("article-body")).getAttribute("lang"), "en", "the body carries lang=en");
  assert.equal(await page.locator(part("article-title")).getAttribute("lang"), "en", "the title carries lang=en");
  assert.match(await text(page, part("article-title")), /Public Consultation/);
  assert.equal(await text(page, `${HOST} [part~="meta"] .label`), "수정일:", "the UI around it stays Korean");
  assert.equal(await rootLang(page), "ko-KR");
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: shot("i18n-article-ko-untranslated"), fullPage: true });
});

// ---------------------------------------------------------------------------------------------
// Chinese and negotiation.

test("Chinese: the 中文 button shows Chinese dates and labels (字体：, 来源：)", async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.url}/index.html`);
  await waitForCards(page);
  await switchTo(page, "zh-CN");
  assert.equal(await heading(page), "最新动态");
  assert.equal(await firstDate(page), "2024年10月16日");
  assert.equal(await fontsLabel(page), "字体：");
  await assertPressed(page, "zh-CN");
  await page.screenshot({ path: shot("i18n-cards-zh"), fullPage: true });
  await page.locator(`${HOST} button[data-action="open"][data-id="${SEED_ID}"]`).click();
  await page.locator(part("article-title")).waitFor();
  const labels = await page.locator(`${part("meta")} .label`).allTextContents();
  assert.deepEqual(labels, ["更新时间：", "来源："], "meta labels in Chinese");
  assert.match(await text(page, part("article-title")), /长春/, "the article in Chinese");
  assert.deepEqual(page.errors, []);
});

test("negotiation: <html lang=zh-CN> with lang auto gives Chinese", async () => {
  const page = await newPage(env.browser, { locale: "en-US" });
  await page.goto(await routePage(page, "i18n-html-zh.html", testPage("zh-CN", "")));
  await waitForCards(page);
  assert.equal(await rootLang(page), "zh-CN");
  assert.equal(await heading(page), "最新动态");
  assert.equal(await firstDate(page), "2024年10月16日");
  await assertPressed(page, "zh-CN");
  assert.deepEqual(page.errors, []);
});

test("negotiation: navigator.languages ko-KR with no <html lang> gives Korean", async () => {
  const page = await newPage(env.browser, { locale: "ko-KR" });
  await page.goto(await routePage(page, "i18n-nav-ko.html", testPage(null, 'data-lang="auto"')));
  await waitForCards(page);
  const languages = await page.evaluate(() => navigator.languages);
  assert.equal(languages[0], "ko-KR", `the browser asks for Korean first: ${languages}`);
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute("lang")), false);
  assert.equal(await rootLang(page), "ko-KR");
  assert.equal(await heading(page), "최신 소식");
  assert.deepEqual(page.errors, []);
});

test("negotiation: data-lang=en beats the saved choice, <html lang> and navigator.languages", async () => {
  const page = await newPage(env.browser, { locale: "ko-KR" });
  await page.addInitScript((k) => localStorage.setItem(k, "zh-CN"), LANGUAGE_KEY);
  await page.goto(await routePage(page, "i18n-data-lang-en.html", testPage("ko", 'data-lang="en"')));
  await waitForCards(page);
  assert.equal(await rootLang(page), "en-US");
  assert.equal(await heading(page), "Latest news");
  assert.equal(await firstDate(page), "October 16, 2024");
  await assertPressed(page, "en-US");
  assert.deepEqual(page.errors, []);
});

// ---------------------------------------------------------------------------------------------
// Run-time Fluent resources (the `locales` option) on www/locales-demo.html.

test("locales: the demo's Japanese resource has every en-US message with the same variables", () => {
  const en = messageShapes(builtIn("en-US"));
  const ja = messageShapes(readFileSync(join(root, "www/l10n/ja/news-widget.ftl"), "utf8"));
  assert.deepEqual([...ja.keys()].sort(), [...en.keys()].sort(), "same message ids");
  for (const [id, vars] of en) assert.equal(ja.get(id), vars, `variables of "${id}"`);
});

test("locales: a site's en-US resource rewords More to 'Show more stories' and keeps the rest", async () => {
  const page = await newPage(env.browser, { locale: "en-US" });
  await page.goto(`${env.url}/locales-demo.html`);
  await waitForCards(page);
  assert.equal(await rootLang(page), "en-US");
  assert.equal(await text(page, part("more")), "Show more stories", "the run-time rewording applies on first render");
  assert.equal(await heading(page), "Latest news", "messages the resource does not reword stay built-in");
  assert.deepEqual(page.errors, []);
});

test("locales: a 日本語 button from Intl.DisplayNames switches to the run-time Japanese resource", async () => {
  const page = await newPage(env.browser, { locale: "en-US" });
  await recordEvents(page);
  await page.goto(`${env.url}/locales-demo.html`);
  await waitForCards(page);
  const buttons = await page.locator(`${part("language")} button`).evaluateAll((bs) =>
    bs.map((b) => `${b.getAttribute("lang")}:${b.textContent.trim()}`));
  assert.deepEqual(buttons, ["en-US:English", "zh-CN:中文", "ko-KR:한국어", "ja:日本語"]);
  await switchTo(page, "ja");
  assert.equal(await heading(page), "最新ニュース");
  assert.equal(await rootLang(page), "ja", 'the widget root carries lang="ja"');
  assert.equal(await fontsLabel(page), "文字サイズ：");
  assert.equal(await firstDate(page), "2024年10月16日");
  assert.equal(await text(page, part("more")), "もっと見る");
  await assertPressed(page, "ja");
  const titleLang = await page.locator(part("card-title")).first().getAttribute("lang");
  assert.equal(titleLang, "en", "the feed has no Japanese: card content stays English and says so");
  assert.deepEqual((await events(page, "news-widget:languagechange")).map((e) => e.detail), [{ language: "ja" }]);
  assert.deepEqual(await events(page, "news-widget:error"), [], "the Japanese resource parses cleanly");
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: shot("i18n-cards-ja"), fullPage: true });
});

test("locales: a Japanese choice survives a reload like a built-in one", async () => {
  const page = await newPage(env.browser, { locale: "en-US" });
  await page.goto(`${env.url}/locales-demo.html`);
  await waitForCards(page);
  await switchTo(page, "ja");
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), LANGUAGE_KEY), "ja");
  await page.reload();
  await waitForCards(page);
  assert.equal(await rootLang(page), "ja", "the saved choice ja is restored after reload");
  assert.equal(await heading(page), "最新ニュース");
  await assertPressed(page, "ja");
  assert.deepEqual(page.errors, []);
});

test("locales: a resource with a syntax error fires news-widget:error kind locale; its good message applies", async () => {
  const page = await newPage(env.browser, { locale: "en-US" });
  await recordEvents(page);
  await page.route("**/l10n/ja/news-widget.ftl", (route) => route.fulfill({
    status: 200,
    contentType: "text/plain; charset=utf-8",
    body: "more = { $broken\n\ncards-heading = 最新ニュース（検証）\n",
  }));
  await page.goto(`${env.url}/locales-demo.html`);
  await waitForCards(page);
  await switchTo(page, "ja");
  assert.equal(await heading(page), "最新ニュース（検証）", "the good entry of the broken resource applies");
  assert.equal(await rootLang(page), "ja");
  const errors = await events(page, "news-widget:error");
  assert.equal(errors.length, 1, `one error event: ${JSON.stringify(errors)}`);
  assert.equal(errors[0].detail.kind, "locale");
  assert.ok(errors[0].detail.message && errors[0].detail.message.length > 0, "the error has a message");
  const more = await text(page, part("more"));
  assert.notEqual(more, "{ $broken", "the broken entry is not shown raw");
  assert.ok(more.length > 0, "More still has a label (English fallback)");
  assert.equal(await page.locator(part("more")).getAttribute("lang"), "en-US", "the English fallback is marked with its lang");
  assert.deepEqual(page.errors, []);
});
