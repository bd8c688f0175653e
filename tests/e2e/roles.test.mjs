// Artifacts by role (docs/interface.md#embedding): the loader looks at the page and downloads only the
// module it needs. An article page with only toolbars gets news-widget-toolbar (no feed reader,
// sanitizer of feeds, cards, network or kept feeds); a page with only widgets gets
// news-widget-widget (none of the article toolbar's code); a page with both gets
// news-widget-core, both in one. A widget added later to an article page mounts on the widget's
// module beside the toolbar's, with the same API and events, and the two modules share the
// reader's choices, and one reads aloud at a time.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { SMALL, close, newPage, servePage, setUp, waitForCards } from "./harness.mjs";
import { fakeSpeech, VOICES } from "./speech-fake.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

const { article: ARTICLE, toolbar: TOOLBAR, widget: WIDGET, page } = SMALL;

/** A page with `body`, recording the files it asks of dist/ (their names, in order). */
async function open(name, body, { speech } = {}) {
  const tab = await newPage(env.browser);
  if (speech) await tab.addInitScript(fakeSpeech, speech);
  tab.dist = [];
  tab.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith("/dist/")) tab.dist.push(path.slice("/dist/".length));
  });
  await tab.goto(await servePage(tab, env.url, name, page(body)));
  return tab;
}

const waitForToolbar = (tab) => tab.waitForFunction(
  () => document.getElementById("bar")?.shadowRoot?.querySelector('[part~="toolbar"]'), null, { timeout: 15000 });

/** The page's font step as each element's handle reads it. */
const steps = (tab) => tab.evaluate(() => ({
  bar: NewsWidget.get(document.getElementById("bar")).fontStep,
  news: NewsWidget.get(document.getElementById("news")).fontStep,
  zoom: getComputedStyle(document.getElementById("text")).zoom,
}));

test("an article page with only a toolbar downloads the loader and the toolbar's module, nothing else", async () => {
  const tab = await open("toolbar-only.html", TOOLBAR + ARTICLE);
  await waitForToolbar(tab);
  await tab.locator('#bar [part~="font-larger"]').click();
  assert.equal(await tab.evaluate(() => NewsWidget.get(document.getElementById("bar")).fontStep), 1);
  assert.deepEqual(tab.dist.sort(), ["news-widget-toolbar.js", "news-widget-toolbar_bg.wasm", "news-widget.js"]);
  assert.deepEqual(tab.errors, []);
  await close(tab);
});

test("a page with only widgets downloads the widget's module; one with both downloads the core alone", async () => {
  const widgets = await open("widget-only.html", WIDGET);
  await waitForCards(widgets, "#news");
  assert.deepEqual(widgets.dist.sort(), ["news-widget-widget.js", "news-widget-widget_bg.wasm", "news-widget.js"]);
  await close(widgets);

  const both = await open("both-roles.html", TOOLBAR + ARTICLE + WIDGET);
  await waitForToolbar(both);
  await waitForCards(both, "#news");
  assert.deepEqual(both.dist.sort(), ["news-widget-core.js", "news-widget-core_bg.wasm", "news-widget.js"]);
  await both.locator('#bar [part~="font-larger"]').click();
  assert.deepEqual(await steps(both), { bar: 1, news: 1, zoom: "1.125" });
  assert.deepEqual(both.errors, []);
  await close(both);
});

test("a widget added later to a toolbar-only page mounts on the widget's module, and the two share the font step both ways, with their events", async () => {
  const tab = await open("toolbar-then-widget.html", TOOLBAR + ARTICLE);
  await waitForToolbar(tab);
  await tab.evaluate(() => {
    window.__events = [];
    document.addEventListener("news-widget:fontsizechange", (e) => window.__events.push([e.target.id, e.detail.step]));
    document.body.insertAdjacentHTML("beforeend",
      `<news-widget id="news" feed="/feeds/plain.json"></news-widget>`);
  });
  await waitForCards(tab, "#news");
  assert.deepEqual(tab.dist.sort(), ["news-widget-toolbar.js", "news-widget-toolbar_bg.wasm",
    "news-widget-widget.js", "news-widget-widget_bg.wasm", "news-widget.js"]);

  await tab.locator('#bar [part~="font-larger"]').click();
  assert.deepEqual(await steps(tab), { bar: 1, news: 1, zoom: "1.125" }, "the toolbar's A+ reaches the widget");
  await tab.locator('#news [part~="font-larger"]').click();
  assert.deepEqual(await steps(tab), { bar: 2, news: 2, zoom: "1.25" }, "the widget's A+ reaches the toolbar and its article");
  await tab.evaluate(() => NewsWidget.get(document.getElementById("bar")).setFontStep(0));
  assert.deepEqual(await steps(tab), { bar: 0, news: 0, zoom: "1" }, "setFontStep on the toolbar's handle");
  assert.deepEqual(await tab.evaluate(() => window.__events),
    [["bar", 1], ["news", 1], ["news", 2], ["bar", 2], ["bar", 0], ["news", 0]],
    "each host tells its page of each change, once");
  assert.deepEqual(tab.errors, []);
  await close(tab);
});

test("a widget added later beside a toolbar's module shares line spacing and contrast both ways, and one starting to read stops the other", async () => {
  const tab = await open("toolbar-then-widget-aids.html", TOOLBAR + ARTICLE, { speech: { voices: Object.values(VOICES) } });
  await waitForToolbar(tab);
  await tab.evaluate(() => {
    window.__states = [];
    document.addEventListener("news-widget:listenchange", (e) => window.__states.push([e.target.id, e.detail.state]));
    document.body.insertAdjacentHTML("beforeend",
      `<news-widget id="news" feed="/feeds/plain.json"></news-widget>`);
  });
  await waitForCards(tab, "#news");
  const aids = () => tab.evaluate(() => {
    const [bar, news] = ["bar", "news"].map((id) => NewsWidget.get(document.getElementById(id)));
    return { bar: [bar.lineSpacing, bar.contrast], news: [news.lineSpacing, news.contrast] };
  });
  await tab.evaluate(() => NewsWidget.get(document.getElementById("bar")).setContrast("light-on-dark"));
  assert.deepEqual(await aids(), { bar: [1, "light-on-dark"], news: [1, "light-on-dark"] }, "the toolbar's contrast reaches the widget");
  await tab.evaluate(() => NewsWidget.get(document.getElementById("news")).setLineSpacing(2));
  assert.deepEqual(await aids(), { bar: [2, "light-on-dark"], news: [2, "light-on-dark"] }, "the widget's spacing reaches the toolbar");

  await tab.evaluate(() => NewsWidget.get(document.getElementById("bar")).listen());
  await tab.waitForFunction(() => window.__speech.spoken.length >= 1);
  await tab.locator('#news button[data-action="open"]').first().click();
  await tab.waitForSelector('#news >> [part~="article-body"]');
  await tab.evaluate(() => NewsWidget.get(document.getElementById("news")).listen());
  await tab.waitForFunction(() => window.__states.some(([id, s]) => id === "bar" && s === "stopped"));
  // Across modules the claim is told before the widget's own event (within one module it is
  // queued behind it).
  assert.deepEqual(await tab.evaluate(() => window.__states),
    [["bar", "reading"], ["bar", "stopped"], ["news", "reading"]], "the toolbar stops when the widget starts");
  assert.deepEqual(tab.errors, []);
  await close(tab);
});

test("on an article page the widget's API fetches the widget's module: validateFeed reads, mount() mounts, mountToolbar on a widget page fetches the toolbar's", async () => {
  const tab = await open("toolbar-api.html", TOOLBAR + ARTICLE + `<div id="later"></div>`);
  await waitForToolbar(tab);
  const report = await tab.evaluate(async () => {
    const r = await NewsWidget.validateFeed(await fetch("/feeds/plain.json"));
    return { format: r.format, items: r.items > 0 };
  });
  assert.deepEqual(report, { format: "JSON Feed", items: true });
  assert.ok(tab.dist.includes("news-widget-widget_bg.wasm") && !tab.dist.includes("news-widget-core_bg.wasm"), tab.dist.join());
  await tab.evaluate(() => NewsWidget.mount(document.getElementById("later"), { feed: "/feeds/plain.json" }));
  await waitForCards(tab, "#later");
  assert.deepEqual(tab.errors, []);
  await close(tab);

  const widgets = await open("widget-api.html", WIDGET + ARTICLE + `<div id="bar"></div>`);
  await waitForCards(widgets, "#news");
  await widgets.evaluate(() => NewsWidget.mountToolbar(document.getElementById("bar"), { for: "text" }));
  await waitForToolbar(widgets);
  assert.deepEqual(widgets.dist.sort(), ["news-widget-toolbar.js", "news-widget-toolbar_bg.wasm",
    "news-widget-widget.js", "news-widget-widget_bg.wasm", "news-widget.js"]);
  await widgets.locator('#news [part~="font-larger"]').click();
  assert.deepEqual(await steps(widgets), { bar: 1, news: 1, zoom: "1.125" }, "the widget's A+ reaches the later toolbar");
  assert.deepEqual(widgets.errors, []);
  await close(widgets);
});
