// The reader toolbar on existing article pages (docs/toolbar.md): the three
// demo pages (www/article*.html) and a hostile CMS page (tests/fixtures/pages/hostile-article.html,
// served at /hostile-article.html): the bar and its languages, text size over px and !important
// rules, reflow at 320 px, the shared stored step, no flash, mounting forms and destroy(). Print is
// in toolbar-print.test.mjs, accessibility and keyboard in toolbar-a11y.test.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import {
  ARTICLE_PAGES as PAGES, HOSTILE_ARTICLE as HOSTILE, STEP_KEY, TOOLBAR, close, newPage, openArticle as openArticleIn,
  routeArticlePages as routePages, setUp, shot, toolbarPart as part, waitForCards, waitForToolbar,
} from "./harness.mjs";

/** Every step from 87.5 % to 200 %, as setFontStep takes them. */
const STEPS = [-1, 0, 1, 2, 3, 4, 5];

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

// The shared article-page helpers (harness.mjs), bound to this file's server.
const openArticle = (path, options) => openArticleIn(env, path, options);

// ---------------------------------------------------------------------------------------------
// Helpers.

async function setStep(page, step, sel = TOOLBAR) {
  await page.evaluate(([s, n]) => NewsWidget.get(document.querySelector(s)).setFontStep(n), [sel, step]);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
}

/** The rendered height of the first two characters of `selector`'s first text (a word). */
function wordHeights(selectors) {
  const out = {};
  for (const [name, sel] of Object.entries(selectors)) {
    const el = document.querySelector(sel);
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.data.trim() ? 1 : 3) });
    const text = walker.nextNode();
    const range = document.createRange();
    const start = text.data.search(/\S/);
    range.setStart(text, start);
    range.setEnd(text, start + 2);
    out[name] = range.getBoundingClientRect().height;
  }
  return out;
}

/** Words inside the hostile article under px / !important rules, and two outside it. */
const HOSTILE_WORDS = {
  "p (14px !important)": "#first",
  "p (inline 16px !important)": "#zoom p:nth-of-type(2)",
  "span (14px !important)": "#span-word",
  "td (12px)": "#cell",
  "h2 (18px !important)": "#zoom h2",
};
const OUTSIDE_WORDS = { "header span": "#outside-word", "line after the article": "#after", "h1": "h1" };

/** Horizontal overflow of the page, and article images or tables reaching past the column. */
function overflow() {
  const de = document.documentElement;
  const zoom = document.getElementById("zoom");
  const column = zoom.getBoundingClientRect();
  const found = [];
  if (de.scrollWidth > de.clientWidth) found.push(`the page scrolls sideways: ${de.scrollWidth} > ${de.clientWidth}`);
  for (const el of zoom.querySelectorAll("img, table, p, td, h2, span")) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > column.right + 1 || r.right > de.clientWidth + 1)) {
      found.push(`${el.localName} spans to ${Math.round(r.right)} (column ends at ${Math.round(column.right)}, viewport ${de.clientWidth})`);
    }
  }
  return found;
}

/** Counts live event-listener registrations, so that a leak shows as a difference. */
function countListeners() {
  const live = new Map();
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const key = (type, opts) => `${type}|${typeof opts === "boolean" ? opts : !!(opts && opts.capture)}`;
  EventTarget.prototype.addEventListener = function (type, fn, opts) {
    if (fn) {
      const list = live.get(this) || [];
      if (!list.some((e) => e.fn === fn && e.k === key(type, opts))) list.push({ fn, k: key(type, opts) });
      live.set(this, list);
    }
    return add.call(this, type, fn, opts);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, opts) {
    const list = live.get(this);
    if (list) live.set(this, list.filter((e) => !(e.fn === fn && e.k === key(type, opts))));
    return remove.call(this, type, fn, opts);
  };
  window.__liveListeners = () => [...live.values()].reduce((n, l) => n + l.length, 0);
}

// ---------------------------------------------------------------------------------------------
// 1. The bar on each demo page: its controls, its language, the page's translations.

for (const [lang, info] of Object.entries(PAGES)) {
  test(`${lang}: the bar shows Fonts A+ A A-, Print, Print preview and the page's translations, in the page's language`, async () => {
    const page = await openArticle(info.path);
    const bar = await page.evaluate((sel) => {
      const shadow = document.querySelector(sel).shadowRoot;
      const parts = ["toolbar", "font-larger", "font-reset", "font-smaller", "print", "print-preview", "language"];
      return {
        parts: Object.fromEntries(parts.map((p) => [p, shadow.querySelectorAll(`[part~="${p}"]`).length])),
        lang: shadow.querySelector(".nw").lang,
        fonts: shadow.querySelector(".fonts .label").textContent,
        largerName: shadow.querySelector('[part~="font-larger"]').getAttribute("aria-label"),
        links: [...shadow.querySelectorAll('[part~="language"] a')].map((a) => ({
          href: a.href, lang: a.lang, text: a.textContent, current: a.getAttribute("aria-current"),
        })),
        alternates: [...document.querySelectorAll('head link[rel="alternate"][hreflang]')]
          .filter((l) => l.hreflang !== "x-default").map((l) => ({ href: l.href, lang: l.hreflang })),
        url: location.href,
      };
    }, TOOLBAR);
    for (const [name, count] of Object.entries(bar.parts)) assert.equal(count, 1, `one [part~=${name}]`);
    assert.equal(bar.lang, info.ui, "the bar speaks the page's <html lang>");
    assert.equal(bar.fonts, info.fonts);
    assert.equal(bar.largerName, `A+ ${info.larger}`, "A+ is named from Fluent, label in name");

    // Every alternate is offered, once, by endonym, with its own lang; the page itself is current.
    const byHref = (list) => [...list].sort((a, b) => a.href.localeCompare(b.href));
    const expected = new Map(bar.alternates.map((a) => [a.href, a.lang]));
    expected.set(bar.url, expected.get(bar.url) || { zh: "zh-CN", ko: "ko", en: "en" }[lang]);
    assert.deepEqual(byHref(bar.links.map(({ href, lang: l }) => ({ href, lang: l }))),
      byHref([...expected].map(([href, l]) => ({ href, lang: l }))), "one link per hreflang alternate, plus the page itself");
    assert.deepEqual(bar.links.map((l) => l.text), ["English", "中文", "한국어"], "endonyms, in a fixed order");
    assert.deepEqual(bar.links.filter((l) => l.current === "page").map((l) => l.href), [bar.url], "the current page is marked aria-current");
    assert.deepEqual(page.errors, []);
    await close(page);
  });
}

test("a language link goes to that translation, whose bar marks it current", async () => {
  const page = await openArticle(PAGES.zh.path);
  await page.locator(`${part("language")} a[lang="ko"]`).click();
  await page.waitForURL(/article-ko\.html$/);
  await waitForToolbar(page);
  const current = await page.evaluate((sel) =>
    document.querySelector(sel).shadowRoot.querySelector('[aria-current="page"]').lang, TOOLBAR);
  assert.equal(current, "ko");
  await close(page);
});

test("a page that names no translations gets no language control", async () => {
  const page = await newPage(env.browser);
  await routePages(page, {
    "plain-article.html": `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain</title></head>
      <body><h1>Plain</h1><news-widget-toolbar for="text"></news-widget-toolbar><div id="text"><p>Words.</p></div>
      <script src="/dist/news-widget.js" defer></script></body></html>`,
  });
  await page.goto(`${env.url}/plain-article.html`);
  await waitForToolbar(page);
  assert.equal(await page.locator(part("language")).count(), 0);
  assert.equal(await page.locator(part("font-larger")).count(), 1);
  await close(page);
});

// ---------------------------------------------------------------------------------------------
// 2. Text size on someone else's HTML.

test("hostile page: every step from 87.5 % to 200 % grows the article's words over px and !important rules, and nothing outside", async () => {
  const page = await openArticle("hostile-article.html");
  const seen = [];
  for (const step of STEPS) {
    await setStep(page, step);
    seen.push({ step, inside: await page.evaluate(wordHeights, HOSTILE_WORDS), outside: await page.evaluate(wordHeights, OUTSIDE_WORDS) });
  }
  const base = seen.find((s) => s.step === 0);
  for (const name of Object.keys(HOSTILE_WORDS)) {
    const heights = seen.map((s) => s.inside[name]);
    for (let i = 1; i < heights.length; i++) {
      assert.ok(heights[i] > heights[i - 1], `${name}: step ${STEPS[i]} is taller than step ${STEPS[i - 1]} (${heights.map((h) => h.toFixed(1)).join(" → ")})`);
    }
    const ratio = heights.at(-1) / base.inside[name];
    assert.ok(ratio > 1.85 && ratio < 2.15, `${name}: 200 % renders about twice as tall (${ratio.toFixed(2)})`);
  }
  for (const s of seen) assert.deepEqual(s.outside, base.outside, `step ${s.step}: words outside the article keep their size`);
  // The site's rules are still in force: the words grew, the declared sizes did not change.
  const declared = await page.evaluate(() => ({
    p: getComputedStyle(document.getElementById("first")).fontSize,
    span: getComputedStyle(document.getElementById("span-word")).fontSize,
    td: getComputedStyle(document.getElementById("cell")).fontSize,
  }));
  assert.deepEqual(declared, { p: "14px", span: "14px", td: "12px" });
  assert.deepEqual(page.errors, []);
  await close(page);
});

test("zh demo: A+ and A- move the article's words up and down step by step", async () => {
  const page = await openArticle(PAGES.zh.path);
  const word = { p: "#zoom p", td: "#zoom table.milestones td" };
  const at100 = await page.evaluate(wordHeights, word);
  await page.locator(part("font-smaller")).click();
  const smaller = await page.evaluate(wordHeights, word);
  assert.ok(smaller.p < at100.p && smaller.td < at100.td, "A- shrinks");
  assert.equal(await page.locator(part("font-smaller")).getAttribute("aria-disabled"), "true", "A- is disabled at 87.5 %");
  await page.locator(part("font-reset")).click();
  let last = await page.evaluate(wordHeights, word);
  assert.deepEqual(last, at100, "A returns to 100 %");
  for (let i = 0; i < 5; i++) {
    await page.locator(part("font-larger")).click();
    const now = await page.evaluate(wordHeights, word);
    assert.ok(now.p > last.p && now.td > last.td, `A+ number ${i + 1} grows the words`);
    last = now;
  }
  assert.ok(last.p / at100.p > 1.85, "five A+ reach 200 %");
  assert.equal(await page.locator(part("font-larger")).getAttribute("aria-disabled"), "true", "A+ is disabled at 200 %");
  await close(page);
});

for (const path of [PAGES.zh.path, PAGES.ko.path, PAGES.en.path, "hostile-article.html"]) {
  test(`${path}: at 320 px wide and 200 % the page does not scroll sideways and pictures and tables stay in the column`, async () => {
    const page = await openArticle(path, { viewport: { width: 320, height: 640 } });
    await setStep(page, 5);
    const problems = await page.evaluate(overflow);
    assert.deepEqual(problems, []);
    if (path === PAGES.zh.path) await page.screenshot({ path: shot("toolbar-zh-320-200"), fullPage: true });
    await close(page);
  });
}

test("on a phone the bar is the fonts and More tools, which shows the rest and hides it again, by mouse and keyboard; the article starts on the first screen", async () => {
  const page = await openArticle(PAGES.zh.path, { viewport: { width: 320, height: 640 } });
  const toggle = page.locator(part("more-tools"));
  const spacing = page.locator(part("line-spacing"));
  const articleTop = () => page.evaluate(() => document.getElementById("zoom").getBoundingClientRect().top + scrollY);
  assert.equal(await toggle.textContent(), "更多工具");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  assert.equal(await spacing.isVisible(), false, "line spacing waits behind More tools");
  assert.ok(await page.locator(part("font-larger")).isVisible(), "the fonts are there at once");
  const closed = await articleTop();
  assert.ok(closed < 640, `the article starts on the first screen (at ${closed} px)`);

  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  for (const name of ["line-spacing", "contrast", "print", "print-preview"]) {
    assert.ok(await page.locator(part(name)).isVisible(), `${name} shows`);
  }
  assert.ok(await articleTop() > closed, "the rest of the bar takes its place above the article");
  await page.locator(`${part("contrast")} [data-value="light-on-dark"]`).click();
  assert.equal(await page.evaluate(() => localStorage.getItem("news-widget:contrast")), "light-on-dark", "a control behind it works");

  // The keyboard: the button is in the tab order after A-, Enter and Space toggle it and the
  // focus stays on it; Tab from it goes to the rest when open.
  await toggle.focus();
  await page.keyboard.press("Enter");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  assert.equal(await spacing.isVisible(), false);
  assert.equal(await page.evaluate((sel) => document.querySelector(sel).shadowRoot.activeElement?.getAttribute("part"), TOOLBAR), "more-tools");
  await page.keyboard.press("Space");
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate((sel) => document.querySelector(sel).shadowRoot.activeElement?.dataset.action, TOOLBAR), "line-spacing");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  assert.equal(await page.evaluate((sel) => document.querySelector(sel).shadowRoot.activeElement?.getAttribute("part"), TOOLBAR), "font-smaller");
  assert.deepEqual(page.errors, []);
  await close(page);
});

test("a bar that A+ narrows under the keyboard keeps the focused control shown, and hides it once the focus moves on", async () => {
  const page = await openArticle(PAGES.en.path, { viewport: { width: 700, height: 800 } });
  const toggle = page.locator(part("more-tools"));
  const spacing = page.locator(part("line-spacing"));
  assert.equal(await toggle.isVisible(), false, "wide enough at 100 %");
  await page.locator(`${part("line-spacing")} [data-value="1.5"]`).focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("+");
  assert.ok(await toggle.isVisible(), "at 200 % the bar is narrow: More tools shows");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  const focused = () => page.evaluate((sel) => document.querySelector(sel).shadowRoot.activeElement?.dataset.value ?? null, TOOLBAR);
  assert.equal(await focused(), "1.5", "the focus stays on the control");
  assert.ok(await spacing.isVisible(), "and the control stays shown while it holds the focus");
  await toggle.focus();
  assert.equal(await spacing.isVisible(), false, "hidden once the focus moved on");
  assert.deepEqual(page.errors, []);
  await close(page);
});

test("on a wide screen every group shows and More tools does not", async () => {
  const page = await openArticle(PAGES.en.path, { viewport: { width: 1280, height: 800 } });
  assert.equal(await page.locator(part("more-tools")).isVisible(), false);
  for (const name of ["font-larger", "line-spacing", "contrast", "print", "print-preview"]) {
    assert.ok(await page.locator(part(name)).isVisible(), `${name} shows`);
  }
  await close(page);
});

// ---------------------------------------------------------------------------------------------
// 3. One site-wide step: reloads, the news widget, other tabs.

test("the step survives a reload and is the news widget's on another page of the site, and back", async () => {
  const page = await openArticle(PAGES.zh.path);
  await page.locator(part("font-larger")).click();
  await page.locator(part("font-larger")).click();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), STEP_KEY), "2");
  const before = await page.evaluate(wordHeights, { p: "#zoom p" });
  await page.reload();
  await waitForToolbar(page);
  assert.equal(await page.evaluate((s) => NewsWidget.get(document.querySelector(s)).fontStep, TOOLBAR), 2);
  assert.deepEqual(await page.evaluate(wordHeights, { p: "#zoom p" }), before, "the article is at 125 % again");

  await page.goto(`${env.url}/index.html`);
  await waitForCards(page);
  const widget = await page.evaluate(() => {
    const host = document.querySelector("[data-news-widget]");
    return { step: NewsWidget.get(host).fontStep, size: getComputedStyle(host.shadowRoot.querySelector(".nw")).fontSize };
  });
  assert.deepEqual(widget, { step: 2, size: "20px" }, "the widget reads at 125 % too");

  await page.locator('[data-news-widget] [part~="font-smaller"]').click();
  await page.goto(`${env.url}/${PAGES.zh.path}`);
  await waitForToolbar(page);
  assert.equal(await page.evaluate((s) => NewsWidget.get(document.querySelector(s)).fontStep, TOOLBAR), 1, "the widget's A- reached the article");
  await close(page);
});

test("on one page a widget and a toolbar follow each other, and the toolbar tells its page", async () => {
  const page = await newPage(env.browser);
  await routePages(page, {
    "both.html": `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Both</title></head><body>
      <news-widget-toolbar id="bar" for="text"></news-widget-toolbar><div id="text"><p>Words of the article.</p></div>
      <div id="news" data-news-widget data-feed="/feeds/plain.json" data-loading="eager"></div>
      <script src="/dist/news-widget.js" defer></script></body></html>`,
  });
  await page.goto(`${env.url}/both.html`);
  await waitForToolbar(page);
  await waitForCards(page, "#news");
  await page.evaluate(() => {
    window.__events = [];
    document.getElementById("bar").addEventListener("news-widget:fontsizechange", (e) => window.__events.push(e.detail));
  });
  await page.locator(part("font-larger")).click();
  const afterToolbar = await page.evaluate(() => ({
    widget: NewsWidget.get(document.getElementById("news")).fontStep,
    zoom: getComputedStyle(document.getElementById("text")).zoom,
  }));
  assert.deepEqual(afterToolbar, { widget: 1, zoom: "1.125" });
  await page.locator('#news [part~="font-larger"]').click();
  const afterWidget = await page.evaluate(() => ({
    toolbar: NewsWidget.get(document.getElementById("bar")).fontStep,
    zoom: getComputedStyle(document.getElementById("text")).zoom,
    disabled: document.getElementById("bar").shadowRoot.querySelector('[part~="font-reset"]').getAttribute("aria-disabled"),
  }));
  assert.deepEqual(afterWidget, { toolbar: 2, zoom: "1.25", disabled: "false" });
  assert.deepEqual(await page.evaluate(() => window.__events), [{ step: 1, scale: 1.125 }, { step: 2, scale: 1.25 }],
    "news-widget:fontsizechange on the toolbar host for both changes");
  await close(page);
});

test("a step chosen in another tab reaches the open article (storage event)", async () => {
  const first = await openArticle(PAGES.en.path);
  const second = await first.context().newPage();
  await second.goto(`${env.url}/${PAGES.ko.path}`);
  await waitForToolbar(second);
  await second.evaluate((sel) => NewsWidget.get(document.querySelector(sel)).setFontStep(3), TOOLBAR);
  await first.waitForFunction((sel) => NewsWidget.get(document.querySelector(sel)).fontStep === 3, TOOLBAR, { timeout: 5000 });
  assert.equal(await first.evaluate(() => getComputedStyle(document.getElementById("zoom")).zoom), "1.5");
  await close(first);
});

test("no flash: after a reload at 150 % the very first frame already shows the article at 150 %, and the toolbar's stylesheet is the loader's", async () => {
  // The demo pages load the loader with `defer blocking="render"` (docs/toolbar.md#no-flash): no
  // frame is rendered before it has run, and it scales the article from the stored step at once;
  // the wasm mounts the toolbar frames later. Every frame is recorded from the first one on.
  const page = await openArticle(PAGES.zh.path, {
    step: 3,
    init: () => {
      if (window !== window.top) return;
      const record = (window.__frames = []);
      window.__sheets = [];
      const replace = CSSStyleSheet.prototype.replaceSync;
      CSSStyleSheet.prototype.replaceSync = function (text) {
        // Not the loader's sheet of the article's own line heights (`floor`), which is no copy.
        if (text.startsWith("#") && !text.includes("--nw-body")) window.__sheets.push({ text, mounted: !!document.querySelector("news-widget-toolbar")?.shadowRoot });
        return replace.call(this, text);
      };
      const tick = () => {
        const zoom = document.getElementById("zoom");
        const first = zoom && zoom.querySelector("p");
        const table = zoom && zoom.querySelector("table.milestones");
        record.push(first && table ? {
          zoom: getComputedStyle(zoom).zoom,
          word: (() => { const r = document.createRange(); r.setStart(first.firstChild, 0); r.setEnd(first.firstChild, 2); return r.getBoundingClientRect().height; })(),
          table: table.getBoundingClientRect().width,
          // The bar, not the loader's placeholder before it.
          mounted: !!document.querySelector("news-widget-toolbar").shadowRoot?.querySelector('[part~="toolbar"]'),
        } : { article: false });
        if (record.filter((f) => f.mounted).length < 2 && record.length < 600) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
  });
  await page.waitForFunction(() => window.__frames.filter((f) => f.mounted).length >= 2);
  const { frames, sheets } = await page.evaluate(() => ({ frames: window.__frames, sheets: window.__sheets }));
  assert.equal(frames[0].zoom, "1.5", `the first frame rendered is at 150 %: ${JSON.stringify(frames[0])}`);
  assert.equal(frames[0].mounted, false, "and that is before the toolbar mounted (the loader's doing)");
  assert.deepEqual([...new Set(frames.map((f) => f.zoom))], ["1.5"], "every frame, before and after the toolbar mounted");
  const mounted = frames.find((f) => f.mounted);
  assert.deepEqual({ word: frames[0].word, table: frames[0].table }, { word: mounted.word, table: mounted.table },
    "nothing moves when the toolbar takes over from the loader");
  const early = sheets.filter((s) => !s.mounted);
  const own = sheets.filter((s) => s.mounted);
  assert.equal(early.length, 1, "the loader scaled the article before the wasm arrived");
  assert.ok(own.length >= 1, "the toolbar adopted its own sheet");
  assert.equal(own[0].text, early[0].text, "the same stylesheet text (src/toolbar/text_zoom.rs and its copy in the loader)");
  assert.deepEqual(await page.evaluate(() => document.adoptedStyleSheets.map((s) => s.cssRules[0].cssText.includes("--nw-body"))),
    [true, false], "the loader's early sheet is gone again; its sheet of the article's own line heights and the toolbar's stay");
  await close(page);
});

// ---------------------------------------------------------------------------------------------
// 4. Mounting forms, errors, destroy().

test("destroy() puts the article back exactly and leaves no listener, sheet, frame or dialog", async () => {
  const page = await newPage(env.browser);
  await page.addInitScript(countListeners);
  await page.addInitScript(() => { window.print = () => {}; });
  await routePages(page, {
    "api-article.html": HOSTILE.replace('<news-widget-toolbar for="zoom"></news-widget-toolbar>', '<div id="bar"></div>'),
  });
  await page.addInitScript((k) => localStorage.setItem(k, "2"), STEP_KEY);
  await page.goto(`${env.url}/api-article.html`);
  await page.waitForFunction(() => window.NewsWidget);
  const result = await page.evaluate(async () => {
    const target = document.getElementById("zoom");
    const host = document.getElementById("bar");
    const before = { target: target.outerHTML, host: host.outerHTML, sheets: document.adoptedStyleSheets.length, zoom: getComputedStyle(target).zoom };
    const listenersBefore = window.__liveListeners();
    const handle = await NewsWidget.mountToolbar(host, { for: "zoom" });
    const mounted = { zoom: getComputedStyle(target).zoom, step: handle.fontStep, listeners: window.__liveListeners() };
    handle.setFontStep(5);
    // On this page of toolbars alone, Print and the preview wait for the print module's copy.
    const until = async (found) => {
      for (let i = 0; i < 300 && !found(); i++) await new Promise((r) => setTimeout(r, 20));
      return !!found();
    };
    handle.print();
    const framed = await until(() => host.shadowRoot.querySelector("iframe"));
    host.shadowRoot.querySelector('[part~="print-preview"]').click();
    const dialogOpen = framed && await until(() => host.shadowRoot.querySelector("dialog[open]"));
    handle.destroy();
    await new Promise((r) => setTimeout(r, 50));
    return {
      before,
      mounted,
      dialogOpen,
      after: { target: target.outerHTML, host: host.outerHTML, sheets: document.adoptedStyleSheets.length, zoom: getComputedStyle(target).zoom },
      listenersBefore,
      listenersAfter: window.__liveListeners(),
      shadow: host.shadowRoot.innerHTML,
      frames: document.querySelectorAll("iframe").length + host.shadowRoot.querySelectorAll("iframe").length,
      handle: NewsWidget.get(host),
    };
  });
  assert.equal(result.mounted.zoom, "1.25", "mounted at the stored step 2 (125 %)");
  assert.ok(result.mounted.listeners > result.listenersBefore, "the toolbar did listen");
  assert.ok(result.dialogOpen, "the preview was open");
  assert.deepEqual(result.after, result.before, "the article, the host and the page's sheets are as they were");
  assert.equal(result.listenersAfter, result.listenersBefore, "every listener was removed");
  assert.equal(result.shadow, "<slot></slot>");
  assert.equal(result.frames, 0, "the print frame is gone");
  assert.equal(result.handle, null);
  assert.deepEqual(page.errors, []);
  await close(page);
});

test("[data-news-widget-toolbar] added later, or put on an element later, mounts by itself and is destroyed when removed; a missing target is a config error", async () => {
  const page = await openArticle(PAGES.en.path, { step: 2 });
  const result = await page.evaluate(async () => {
    const wait = (f) => new Promise((resolve) => { const t = () => (f() ? resolve() : setTimeout(t, 20)); t(); });
    const late = document.createElement("div");
    late.setAttribute("data-news-widget-toolbar", "");
    late.setAttribute("data-for", "zoom");
    document.querySelector(".article-foot").before(late);
    await wait(() => late.shadowRoot && late.shadowRoot.querySelector('[part~="toolbar"]'));
    const mounted = NewsWidget.get(late).fontStep;
    late.remove();
    await wait(() => NewsWidget.get(late) === null);

    // Marked once it is on the page (a CMS's script marking its containers).
    const marked = document.createElement("div");
    marked.setAttribute("data-for", "zoom");
    document.querySelector(".article-foot").before(marked);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = !!marked.shadowRoot;
    marked.setAttribute("data-news-widget-toolbar", "");
    await wait(() => marked.shadowRoot && marked.shadowRoot.querySelector('[part~="toolbar"]'));
    const markedStep = NewsWidget.get(marked).fontStep;
    marked.remove();
    await wait(() => NewsWidget.get(marked) === null);

    const broken = document.createElement("news-widget-toolbar");
    broken.setAttribute("for", "no-such-article");
    const error = new Promise((resolve) => broken.addEventListener("news-widget:error", (e) => resolve(e.detail)));
    document.body.append(broken);
    const detail = await error;
    const rejected = await NewsWidget.mountToolbar(document.createElement("div"), {}).then(() => null, (e) => e.kind);
    return { mounted, before, markedStep, detail, rejected, zoom: getComputedStyle(document.getElementById("zoom")).zoom };
  });
  assert.equal(result.mounted, 2);
  assert.equal(result.before, false, "not a toolbar before it is marked");
  assert.equal(result.markedStep, 2, "marked later, it mounts");
  assert.equal(result.zoom, "1.25", "the page's own toolbar still scales its article");
  assert.equal(result.detail.kind, "config");
  assert.match(result.detail.message, /no-such-article/);
  assert.equal(result.rejected, "config");
  assert.deepEqual(page.errors, []);
  await close(page);
});

test("screenshots: the zh article page at 100 % and at 200 %", async () => {
  for (const [step, file] of [[0, "toolbar-zh-100"], [5, "toolbar-zh-200"]]) {
    const page = await openArticle(PAGES.zh.path, { step, viewport: { width: 1000, height: 900 } });
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: shot(file), fullPage: true });
    await close(page);
  }
});
