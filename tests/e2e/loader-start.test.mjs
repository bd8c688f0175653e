// What the loader does before the page's module is there, for the module to arrive and start
// sooner. It asks for the module before it mounts the elements already on the page (whose early
// styles and placeholders would hold the requests back), and it readies the browser's Intl
// while the module downloads (js/loader/intl.js): a page's first Intl object costs ICU's
// set-up, which is then paid in the wait, not between the module's arrival and the cards' dates
// or the toolbar's numbers. These tests look at the order of things and at what the page made
// while the download was held; how much time it saves is the benchmark's to say
// (docs/benchmarks.md).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { SMALL, close, newPage, servePage, setUp, waitForCards } from "./harness.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

const { article: ARTICLE, toolbar: TOOLBAR, widget: WIDGET } = SMALL;
const page = (body) => SMALL.page(body, "ko");

/**
 * In the page before its scripts: the kind of each Intl object made. `failing`: the page's first
 * one throws, as a browser does for a tag or option it refuses.
 */
function recordIntl(failing) {
  window.__intl = [];
  for (const kind of ["DateTimeFormat", "NumberFormat", "PluralRules"]) {
    const Real = Intl[kind];
    const Recorded = function (...args) {
      window.__intl.push(kind);
      if (failing && window.__intl.length === 1) throw new RangeError(`${kind} refused (test)`);
      return new Real(...args);
    };
    Recorded.prototype = Real.prototype;
    Object.setPrototypeOf(Recorded, Real);
    Intl[kind] = Recorded;
  }
}

/** `body`'s page with the download of `wasm` held until `release()`. */
async function heldPage(name, body, wasm, { failing = false } = {}) {
  const tab = await newPage(env.browser);
  await tab.addInitScript(recordIntl, failing);
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await tab.route(`**/dist/${wasm}`, async (route) => { await gate; await route.continue(); });
  await tab.goto(await servePage(tab, env.url, name, page(body)));
  return { tab, release };
}

const made = (tab) => tab.evaluate(() => window.__intl.slice());

test("a page of widgets has the date and number formats made while its module downloads, once", async () => {
  const { tab, release } = await heldPage("warm-widget.html", WIDGET, "news-widget-widget_bg.wasm");
  await tab.waitForFunction(() => window.__intl.length >= 2, null, { timeout: 10000 });
  assert.deepEqual(await made(tab), ["DateTimeFormat", "NumberFormat"], "made before the module is there");
  release();
  await waitForCards(tab, "#news");
  const all = await made(tab);
  assert.deepEqual(all.slice(0, 2), ["DateTimeFormat", "NumberFormat"]);
  // The module's own come after, as before: the warm-up replaces none of them.
  assert.ok(all.slice(2).includes("DateTimeFormat"), `the cards' dates have their own format: ${all}`);
  assert.deepEqual(tab.errors, []);
  await close(tab);
});

test("an article page with only a toolbar has the number format made while its module downloads, and no date format", async () => {
  const { tab, release } = await heldPage("warm-toolbar.html", TOOLBAR + ARTICLE, "news-widget-toolbar_bg.wasm");
  await tab.waitForFunction(() => window.__intl.length >= 1, null, { timeout: 10000 });
  assert.deepEqual(await made(tab), ["NumberFormat"]);
  release();
  await tab.waitForFunction(() => document.getElementById("bar")?.shadowRoot?.querySelector('[part~="toolbar"]'), null, { timeout: 15000 });
  assert.ok(!(await made(tab)).includes("DateTimeFormat"));
  assert.deepEqual(tab.errors, []);
  await close(tab);
});

test("an Intl that refuses the warm-up does not stop the loader: the widget still shows its cards", async () => {
  const { tab, release } = await heldPage("warm-refused.html", WIDGET, "news-widget-widget_bg.wasm", { failing: true });
  await tab.waitForFunction(() => window.__intl.length >= 1, null, { timeout: 10000 });
  await tab.waitForTimeout(100);
  assert.deepEqual(await made(tab), ["DateTimeFormat"], "the warm-up stopped at the refusal");
  release();
  await waitForCards(tab, "#news");
  assert.deepEqual(tab.errors, []);
  await close(tab);
});

test("the module's download is asked for before the toolbar already on the page gets its placeholder", async () => {
  const tab = await newPage(env.browser);
  await tab.addInitScript(() => {
    window.__order = [];
    const fetch = window.fetch;
    window.fetch = function (input, init) {
      const url = String(input && input.url ? input.url : input);
      if (url.endsWith("_bg.wasm")) window.__order.push(`fetch ${url.split("/").pop()}`);
      return fetch.call(this, input, init);
    };
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      window.__order.push(`shadow ${this.localName}`);
      return attach.call(this, init);
    };
  });
  await tab.goto(await servePage(tab, env.url, "start-order.html", page(TOOLBAR + ARTICLE)));
  await tab.waitForFunction(() => document.getElementById("bar")?.shadowRoot?.querySelector('[part~="toolbar"]'), null, { timeout: 15000 });
  assert.deepEqual(await tab.evaluate(() => window.__order), ["fetch news-widget-toolbar_bg.wasm", "shadow news-widget-toolbar"]);
  assert.deepEqual(tab.errors, []);
  await close(tab);
});
