// The reader toolbar holds its place before the wasm has arrived: the loader's invisible bar
// (src/toolbar/placeholder.rs) is as tall as the real one, so the article does not move when the
// toolbar mounts: on the three demo article pages, on a phone and a desktop, at the reader's
// stored text sizes up to 200 %, and in forced colors.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { newPage, setUp } from "./harness.mjs";

const TOOLBAR = "news-widget-toolbar";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

/** Where the article starts and what the page has shifted, now. */
const measure = (page) => page.evaluate(() => ({
  top: document.getElementById("zoom").getBoundingClientRect().top,
  shift: window.__shifts.reduce((sum, e) => sum + e.value, 0),
}));

/**
 * Opens `path` with the wasm held back: where the article starts under the placeholder, then
 * once the toolbar has mounted, and the page's layout shifts meanwhile.
 */
async function acrossTheMount(path, { width, step, colors }) {
  const page = await newPage(env.browser, { viewport: { width, height: 800 }, ...(colors ? { forcedColors: "active" } : {}) });
  await page.addInitScript((s) => {
    if (s !== 1) localStorage.setItem("news-widget:font-step", String(s - 1));
    window.__shifts = [];
    new PerformanceObserver((list) => window.__shifts.push(...list.getEntries())).observe({ type: "layout-shift", buffered: true });
  }, step + 1);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route("**/news-widget-core_bg.wasm", async (route) => { await held; await route.continue(); });
  await page.goto(`${env.url}/${path}`);
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot?.querySelector(".toolbar"), TOOLBAR);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const placeholder = await measure(page);
  const hidden = await page.evaluate((sel) => getComputedStyle(document.querySelector(sel).shadowRoot.querySelector(".toolbar")).visibility, TOOLBAR);
  release();
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('[part~="toolbar"]'), TOOLBAR);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const mounted = await measure(page);
  assert.deepEqual(page.errors, []);
  await page.context().close();
  return { placeholder, mounted, hidden };
}

for (const path of ["article.html", "article-ko.html", "article-en.html"]) {
  test(`${path}: the article does not move when the toolbar mounts (phone and desktop, 100 % to 200 %)`, async () => {
    const moved = [];
    for (const width of [320, 412, 1280]) {
      for (const step of [0, 2, 5]) {
        const { placeholder, mounted, hidden } = await acrossTheMount(path, { width, step });
        assert.equal(hidden, "hidden", "the placeholder is not seen");
        if (Math.abs(mounted.top - placeholder.top) > 0.5 || mounted.shift > 0) {
          moved.push(`${width} px, step ${step}: article at ${placeholder.top} then ${mounted.top}, layout shift ${mounted.shift}`);
        }
      }
    }
    assert.deepEqual(moved, []);
  });
}

test("in forced colors (the current language's thicker border) the article does not move either", async () => {
  const { placeholder, mounted } = await acrossTheMount("article-ko.html", { width: 412, step: 0, colors: true });
  assert.equal(mounted.top, placeholder.top);
  assert.equal(mounted.shift, 0);
});

test("a toolbar with content of its own keeps it until the mount; no placeholder is laid over it", async () => {
  const page = await newPage(env.browser);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route("**/news-widget-core_bg.wasm", async (route) => { await held; await route.continue(); });
  await page.route("**/own-content.html", (route) => route.fulfill({
    contentType: "text/html",
    body: `<!doctype html><html lang="en"><head><script src="dist/news-widget.js" defer></script></head>
      <body><news-widget-toolbar for="a"><a href="print.html">Print this page</a></news-widget-toolbar><article id="a"><p>Text.</p></article></body></html>`,
  }));
  await page.goto(`${env.url}/own-content.html`);
  await page.waitForFunction(() => window.NewsWidget);
  assert.equal(await page.evaluate((sel) => document.querySelector(sel).shadowRoot, TOOLBAR), null, "the host's own content shows");
  release();
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot?.querySelector('[part~="toolbar"]'), TOOLBAR);
  assert.deepEqual(page.errors, []);
});
