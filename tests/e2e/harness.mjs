// Shared set-up of the end-to-end tests: serves www/ + dist/ on a free port and drives the
// machine's Chromium through playwright-core (no browser download).
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

export const root = resolve(fileURLToPath(import.meta.url), "../../..");
export const outDir = join(root, "test-results");
mkdirSync(outDir, { recursive: true });

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

export function chromiumPath() {
  return process.env.CHROMIUM || "/usr/bin/chromium";
}

/**
 * Starts the server and a browser; returns { url, browser, close }. `mounts`: more folders to
 * serve (scripts/serve.mjs), e.g. the test-only build at /trap/.
 */
export async function setUp({ mounts = [] } = {}) {
  const { server, url } = await startServer({ port: 0, quiet: true, mounts });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/** A new page that fails the test on any uncaught page error and records console output. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  const page = await context.newPage();
  page.errors = [];
  page.logs = [];
  page.on("pageerror", (e) => page.errors.push(e.message));
  page.on("console", (m) => page.logs.push(`${m.type()}: ${m.text()}`));
  return page;
}

export function shot(name) {
  return join(outDir, `${name}.png`);
}

/** Waits until the widget in `host` shows cards, and returns their count. */
export async function waitForCards(page, host = "[data-news-widget], news-widget") {
  await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      return el && el.shadowRoot && el.shadowRoot.querySelectorAll('[part~="card"]').length > 0;
    },
    host,
    { timeout: 15000 },
  );
  return page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelectorAll('[part~="card"]').length, host);
}

/** Resolves after `ms` milliseconds. */
export const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/** Closes a page from `newPage` with its context. */
export const close = (page) => page.context().close();

/** Serves `body` as the HTML page `name` of the server at `base`; returns the page's URL. */
export async function servePage(page, base, name, body) {
  await page.route(`${base}/${name}`, (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body }));
  return `${base}/${name}`;
}

/**
 * Records, from the page's start, every `news-widget:` event of the widget and its document:
 * its type and detail, when it came (`performance.now()`), and how it was sent (bubbles,
 * composed, from the host element). Read with `events`.
 */
export async function recordEvents(page) {
  await page.addInitScript(() => {
    window.__nwEvents = [];
    for (const type of ["news-widget:ready", "news-widget:open", "news-widget:languagechange", "news-widget:error"]) {
      document.addEventListener(type, (e) => {
        window.__nwEvents.push({
          type,
          detail: e.detail,
          at: performance.now(),
          bubbles: e.bubbles,
          composed: e.composed,
          fromHost: e.target instanceof Element && e.target.matches("[data-news-widget], news-widget"),
        });
      });
    }
  });
}

/** The events of `type` that `recordEvents` saw so far. */
export const events = (page, type) => page.evaluate((t) => window.__nwEvents.filter((e) => e.type === t), type);

/**
 * An init script (`page.addInitScript(recordPrints)`, also in frames) that replaces
 * `window.print` by a record, in the top window's `__prints`, of what would have been printed:
 * where (a frame, in a shadow root), the document's title, language, text, markup and
 * stylesheets, the controls, scripts, handlers and `javascript:` URLs it holds, and what of the
 * page's scripts ran in that window.
 */
export function recordPrints() {
  window.print = function () {
    const top = window.top;
    const doc = document;
    const sheets = [...(doc.adoptedStyleSheets || []), ...doc.styleSheets];
    (top.__prints ||= []).push({
      inFrame: window !== top,
      frameClass: window.frameElement ? window.frameElement.className : null,
      frameInShadow: window.frameElement ? window.frameElement.getRootNode() instanceof top.ShadowRoot : false,
      title: doc.title,
      lang: doc.documentElement.lang,
      text: doc.body ? doc.body.innerText : "",
      html: doc.documentElement.outerHTML,
      css: sheets.map((s) => [...s.cssRules].map((r) => r.cssText).join("\n")).join("\n"),
      controls: doc.querySelectorAll(
        '[part~="toolbar"], [part~="back"], [part~="cards"], [part~="card"], [part~="language"], button',
      ).length,
      scripts: doc.querySelectorAll("script").length,
      handlers: [...doc.querySelectorAll("*")].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName} ${a.name}`)),
      scriptUrls: [...doc.querySelectorAll("[href], [src]")].map((e) => e.getAttribute("href") || e.getAttribute("src")).filter((u) => /^\s*javascript:/i.test(u)),
      // Whatever the page's scripts would have set in this frame's own window.
      ranHere: ["__pageScriptRuns", "__inlineScriptRuns", "__onerrorRuns", "__linkRan"].filter((k) => window[k] !== undefined),
    });
  };
}

const AXE = join(root, "node_modules/axe-core/axe.min.js");
// The WCAG levels every axe-core audit of the project checks.
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Runs axe-core over the elements `include` selects (open shadow roots included). */
export async function axeViolations(page, include) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async ([inc, tags]) => {
    const result = await window.axe.run({ include: inc }, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => `${n.target.flat().join(" >>> ")}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, " ").trim()})` : ""}`),
    }));
  }, [include, AXE_TAGS]);
}

/** `axeViolations`' findings, one paragraph each, for an assertion's message. */
export function describeViolations(violations) {
  return violations
    .map((v) => `- ${v.id} [${v.impact}] ${v.help}\n${v.targets.map((t) => `    at ${t}`).join("\n")}`)
    .join("\n");
}

// ---------------------------------------------------------------------------------------------
// The reader toolbar on the article pages (toolbar*.test.mjs): the pages, their routes, opening one.

export const TOOLBAR = "news-widget-toolbar";
export const STEP_KEY = "news-widget:font-step";
export const HOSTILE_ARTICLE = readFileSync(join(root, "tests/fixtures/pages/hostile-article.html"), "utf8");
/** The three demo article pages, with what their bar says in the page's language. */
export const ARTICLE_PAGES = {
  zh: { path: "article.html", ui: "zh-CN", fonts: "字体：", larger: "放大字体", announce: "字号 112.5%", date: "2024年5月28日" },
  ko: { path: "article-ko.html", ui: "ko-KR", fonts: "글자 크기:", larger: "글자 크게", announce: "글자 크기 112.5%", date: "2024년 5월 28일" },
  en: { path: "article-en.html", ui: "en-US", fonts: "Fonts:", larger: "Larger text", announce: "Text size 112.5 %", date: "May 28, 2024" },
};

/** Serves the hostile fixture (and any extra page given as { path: html }) through the test's routes. */
export async function routeArticlePages(page, extra = {}) {
  await page.route("**/hostile-article.html", (route) => route.fulfill({ contentType: "text/html", body: HOSTILE_ARTICLE }));
  for (const [path, body] of Object.entries(extra)) {
    await page.route(`**/${path}`, (route) => route.fulfill({ contentType: "text/html", body }));
  }
}

/** A page at `path` with its toolbar mounted, in a fresh context of `env` (from setUp). */
export async function openArticle(env, path, { viewport, step, init } = {}) {
  const page = await newPage(env.browser, viewport ? { viewport } : {});
  await routeArticlePages(page);
  if (step !== undefined) await page.addInitScript(([k, s]) => localStorage.setItem(k, String(s)), [STEP_KEY, step]);
  if (init) await page.addInitScript(init);
  await page.goto(`${env.url}/${path}`);
  await waitForToolbar(page);
  return page;
}

export function waitForToolbar(page, sel = TOOLBAR) {
  return page.waitForFunction(
    (s) => document.querySelector(s)?.shadowRoot?.querySelector('[part~="toolbar"]'),
    sel,
    { timeout: 15000 },
  );
}

export const toolbarPart = (name, sel = TOOLBAR) => `${sel} [part~="${name}"]`;

// ---------------------------------------------------------------------------------------------
// One widget on a page of its own and a busy feed server (network*.test.mjs).

export const PAGE_WIDGET = "#w";
export const DEMO_FEED = JSON.parse(readFileSync(join(root, "www/feeds/changchun.json"), "utf8"));
/** The English texts of the error states and of the notice over a kept copy. */
export const EN_STATES = {
  timeout: "The news server did not answer in time. Please try again later.",
  network: "The news could not be loaded. Check your connection and try again.",
  notice: /^Last updated .+\. The news could not be refreshed\.$/,
};
export const pageWidgetPart = (name) => `${PAGE_WIDGET} [part~="${name}"]`;

/** Serves a page with one widget (#w) at `/name` of the server at `base`; `attrs` are its attributes, `above` what precedes it. */
export function routeWidgetPage(base, page, name, attrs, above = "") {
  return servePage(page, base, name, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>network test</title></head>
<body>${above}<div id="w" data-news-widget data-loading="eager" ${attrs}></div>
<div style="height: 3000px"></div><script src="dist/news-widget.js" defer></script></body></html>`);
}

/**
 * Routes the demo feed: a 503 with `Retry-After: retryAfter()` first, then `then(route)`.
 * Returns the times the feed was asked for.
 */
export async function busyOnce(page, retryAfter, then = (route) => route.continue()) {
  const times = [];
  await page.route("**/feeds/changchun.json", (route) => {
    times.push(Date.now());
    if (times.length > 1) return then(route);
    const headers = { "retry-after": retryAfter() };
    return route.fulfill({ status: 503, headers, contentType: "text/plain", body: "busy" });
  });
  return times;
}

// ---------------------------------------------------------------------------------------------
// The demo page's widget in a given state, language and size (a11y*.test.mjs).

export const DEMO_WIDGET = "[data-news-widget]";
export const UI_LANGS = { en: "en-US", zh: "zh-CN", ko: "ko-KR" };
const LANGUAGE_KEY = "news-widget:language";
/** Has an image (figure), a meta line and a source link. */
export const ARTICLE_WITH_FIGURE = "cc-2024-0528-ulsan30";
/** The longest article: headings, a list, a blockquote. */
export const LONGEST_ARTICLE = "cc-2024-0820-expo-guide";
/** Has a Chinese version but no Korean one: in Korean it shows in English with a notice. */
const NO_KOREAN = "cc-2024-0412-sign-translation-consultation";
export const demoWidgetPart = (name) => `${DEMO_WIDGET} [part~="${name}"]`;

/**
 * The demo page (index.html: six cards a page) in `lang`, in `state`: "cards", "article"
 * (ARTICLE_WITH_FIGURE), "preview" (LONGEST_ARTICLE in print preview), "untranslated" (NO_KOREAN),
 * "error" (feed answers 500). `step` is applied through the API once the widget shows its state;
 * the page opens in a fresh context of `env` (from setUp).
 */
export async function openDemoWidget(env, { lang = "en", step = 0, state = "cards", viewport, media } = {}) {
  const page = await newPage(env.browser, viewport ? { viewport } : {});
  if (media) await page.emulateMedia(media);
  await page.addInitScript(([key, tag]) => localStorage.setItem(key, tag), [LANGUAGE_KEY, UI_LANGS[lang]]);
  if (state === "error") {
    await page.route("**/feeds/changchun.json", (route) =>
      route.fulfill({ status: 500, contentType: "text/plain", body: "Internal Server Error" }));
  }
  await page.goto(`${env.url}/index.html`);
  if (state === "error") {
    await page.locator(demoWidgetPart("error")).waitFor({ timeout: 15000 });
  } else {
    await waitForCards(page);
  }
  const id = { article: ARTICLE_WITH_FIGURE, preview: LONGEST_ARTICLE, untranslated: NO_KOREAN }[state];
  if (id) {
    // Through the API: NO_KOREAN is not on the first page of cards.
    const opened = await page.evaluate(([sel, i]) => window.NewsWidget.get(document.querySelector(sel)).open(i), [DEMO_WIDGET, id]);
    assert.equal(opened, true, `the feed has the item ${id}`);
    await page.locator(demoWidgetPart("article-title")).waitFor({ timeout: 5000 });
  }
  if (state === "preview") {
    await page.locator(demoWidgetPart("print-preview")).click();
    await page.locator(`${DEMO_WIDGET} .print-layout`).waitFor();
  }
  if (step !== 0) await setWidgetStep(page, step);
  return page;
}

async function setWidgetStep(page, step) {
  const now = await page.evaluate(([sel, s]) => {
    const handle = window.NewsWidget.get(document.querySelector(sel));
    handle.setFontStep(s);
    return handle.fontStep;
  }, [DEMO_WIDGET, step]);
  assert.equal(now, step, `the widget is at font step ${step}`);
  // One frame, so that layout reflects the new size.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
}

/**
 * The small pages of the loader's tests (roles, start order, the print module): an article, its
 * toolbar and a widget, in any mix, on a page whose loader is a `defer` script.
 */
export const SMALL = {
  article: `<div id="text"><p>Words of the article.</p></div>`,
  toolbar: `<news-widget-toolbar id="bar" for="text"></news-widget-toolbar>`,
  widget: `<div id="news" data-news-widget data-feed="/feeds/plain.json" data-loading="eager"></div>`,
  page: (body, lang = "en") => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Small page</title></head>
  <body>${body}<script src="/dist/news-widget.js" defer></script></body></html>`,
};
