// The print module (docs/architecture.md#modules): on a page with only toolbars, whose module has
// no sanitizing walker, Print and Print preview get the article's cleaned copy from
// news-widget-print, which the loader fetches when a reader points at, moves to or presses
// them; a page with widgets too has the walker in its own module and fetches nothing. What is
// printed is toolbar-print.test.mjs's.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ARTICLE_PAGES as PAGES, SMALL, TOOLBAR, close, newPage, openArticle as openArticleIn, recordPrints, servePage, setUp, toolbarPart as part, waitForToolbar } from "./harness.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

const PRINT_FILES = ["news-widget-print.js", "news-widget-print_bg.wasm"];

/** The English article page with its toolbar, recording the print module's requests. */
async function openArticle() {
  const page = await openArticleIn(env, PAGES.en.path, {
    init: () => {
      window.__printModule = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const file = e.name.split("/").pop().split("#")[0];
          if (file.startsWith("news-widget-print")) window.__printModule.push(file);
        }
      }).observe({ type: "resource", buffered: true });
    },
  });
  await page.addInitScript(recordPrints);
  await page.evaluate(recordPrints);
  return page;
}

const fetched = (page) => page.evaluate(() => window.__printModule.slice().sort());
const prints = (page) => page.evaluate(() => (window.__prints || []).length);
const live = (page) => page.evaluate((sel) =>
  document.querySelector(sel).shadowRoot.querySelector("[aria-live]").textContent.trim(), TOOLBAR);

test("a page with only toolbars fetches the print module when a reader points at Print, not before, and once", async () => {
  const page = await openArticle();
  await page.waitForTimeout(300);
  assert.deepEqual(await fetched(page), [], "nothing of it before a reader goes to Print");
  // Pointing at Print starts the download, so that the press usually finds the module there.
  await page.locator(part("print")).hover();
  await page.waitForFunction(() => window.__printModule.length === 2, null, { timeout: 15000 });
  assert.equal(await prints(page), 0, "pointing prints nothing");
  await page.locator(part("print")).click();
  await page.waitForFunction(() => (window.__prints || []).length === 1, null, { timeout: 15000 });
  assert.deepEqual(await fetched(page), PRINT_FILES);
  assert.match((await page.evaluate(() => window.__prints[0].text)), /Ulsan/, "the article printed");

  await page.locator(part("print-preview")).click();
  await page.waitForSelector(`${TOOLBAR} dialog[open]`);
  await page.keyboard.press("Escape");
  await page.locator(part("print")).click();
  await page.waitForFunction(() => (window.__prints || []).length === 2, null, { timeout: 15000 });
  assert.deepEqual(await fetched(page), PRINT_FILES, "the module already there for the preview and the second print");
  assert.deepEqual(page.errors, []);
  await close(page);
});

for (const file of PRINT_FILES) {
  test(`a print module whose ${file.endsWith(".js") ? "glue" : ".wasm"} does not load is said in the toolbar's words, and the next Print loads it`, async () => {
    const page = await openArticle();
    let refuse = true;
    await page.route(`**/${file}*`, (route) => (refuse ? route.abort() : route.continue()));
    const said = async (before) => {
      await page.waitForFunction(([sel, was]) => {
        const text = document.querySelector(sel).shadowRoot.querySelector("[aria-live]").textContent;
        return text !== was && /did not load/.test(text);
      }, [TOOLBAR, before], { timeout: 15000 });
      return live(page);
    };
    const quiet = await live(page);
    await page.locator(part("print")).click();
    assert.equal(await said(quiet), "Printing could not start: it did not load. Please try again.");
    assert.equal(await prints(page), 0);
    assert.ok(page.logs.some((line) => /news-widget: the print module gave no copy/.test(line)), page.logs.join("\n"));

    // Print preview says so too (a repeated message is told apart by the live region), and is
    // not left half open: it opens once the module loads.
    const before = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector("[aria-live]").textContent, TOOLBAR);
    await page.locator(part("print-preview")).click();
    await said(before);
    assert.equal(await page.locator(`${TOOLBAR} dialog[open]`).count(), 0);
    refuse = false;
    await page.locator(part("print-preview")).click();
    await page.waitForSelector(`${TOOLBAR} dialog[open]`, { timeout: 15000 });
    await page.keyboard.press("Escape");
    await page.locator(part("print")).click();
    await page.waitForFunction(() => (window.__prints || []).length === 1, null, { timeout: 15000 });
    assert.deepEqual(page.errors, []);
    await close(page);
  });
}

test("moving to Print preview with the keyboard starts the print module's download", async () => {
  const page = await openArticle();
  await page.locator(part("print-preview")).focus();
  await page.waitForFunction(() => window.__printModule.length === 2, null, { timeout: 15000 });
  assert.equal(await page.locator(`${TOOLBAR} dialog[open]`).count(), 0, "moving opens nothing");
  await page.keyboard.press("Enter");
  await page.waitForSelector(`${TOOLBAR} dialog[open]`, { timeout: 15000 });
  assert.deepEqual(await fetched(page), PRINT_FILES, "once");
  assert.deepEqual(page.errors, []);
  await close(page);
});

test("a toolbar destroyed while the print module is on its way prints nothing and leaves no error", async () => {
  const page = await openArticle();
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route("**/news-widget-print_bg.wasm", async (route) => { await gate; await route.continue(); });
  await page.locator(part("print")).click();
  await page.evaluate((sel) => NewsWidget.get(document.querySelector(sel)).destroy(), TOOLBAR);
  release();
  await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.includes("news-widget-print_bg.wasm")), null, { timeout: 15000 });
  await page.waitForTimeout(500);
  assert.equal(await prints(page), 0);
  assert.equal(await page.locator("iframe").count(), 0, "no frame left on the page");
  assert.deepEqual(page.errors, []);
  await close(page);
});

test("A+ pressed while the print module is on its way: the article prints at the new step", async () => {
  const page = await openArticle();
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route("**/news-widget-print_bg.wasm", async (route) => { await gate; await route.continue(); });
  await page.locator(part("print")).click();
  await page.locator(part("font-larger")).click();
  await page.locator(part("font-larger")).click();
  release();
  await page.waitForFunction(() => (window.__prints || []).length === 1, null, { timeout: 15000 });
  const html = await page.evaluate(() => window.__prints[0].html);
  assert.match(html, /--nw-scale: 1\.25/, "the frame's body at 125 %, the step when it printed");
  assert.deepEqual(page.errors, []);
  await close(page);
});

test("a page with widgets and toolbars prints from its own module (the core), without the print module", async () => {
  const tab = await newPage(env.browser);
  await tab.addInitScript(recordPrints);
  const files = [];
  tab.on("request", (r) => files.push(new URL(r.url()).pathname.split("/").pop()));
  await tab.goto(await servePage(tab, env.url, "print-both-roles.html", SMALL.page(SMALL.toolbar + SMALL.article + SMALL.widget)));
  await waitForToolbar(tab, "#bar");
  await tab.locator(part("print", "#bar")).click();
  await tab.waitForFunction(() => (window.__prints || []).length === 1, null, { timeout: 15000 });
  assert.match(await tab.evaluate(() => window.__prints[0].text), /Words of the article/);
  assert.ok(files.includes("news-widget-core_bg.wasm"), files.join(", "));
  assert.deepEqual(files.filter((f) => f.startsWith("news-widget-print")), []);
  assert.deepEqual(tab.errors, []);
  await close(tab);
});
