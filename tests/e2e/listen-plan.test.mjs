// The reading plan's own module, end to end: news-widget-plan.wasm (the sentence rules) is
// fetched when a reader points at, moves to or presses Listen and never before, once for the
// page (pointing does not ask again right after a failure; a press always does); when it cannot be
// fetched the reader is told and Listen works again once it can; a plan that arrives after the
// reader went Back starts nothing, nor one asked for an article before the one being read; one
// that never comes is given up after 15 s; and the press speaks a silent utterance, once, so
// that WebKit lets the later ones speak. With the scripted `speechSynthesis` of speech-fake.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { close, newPage, servePage, setUp, waitForCards } from "./harness.mjs";
import { fakeSpeech, VOICES } from "./speech-fake.mjs";

const PLAN = "news-widget-plan.wasm";
const HOST = "#w";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

const pageHtml = (lang) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<title>listen plan</title><link rel="stylesheet" href="site.css"></head><body><main>
<div id="w" data-news-widget data-feed="feeds/changchun.json" data-lang="${lang}"></div></main>
<script src="dist/news-widget.js" defer></script></body></html>`;

const part = (name) => `${HOST} [part~="${name}"]`;
const live = (page) => page.evaluate((sel) =>
  document.querySelector(sel).shadowRoot.querySelector("[aria-live]").textContent.trim(), HOST);
const listenControl = (page) => page.locator(part("listen")).first().evaluate((e) =>
  ({ text: e.textContent.trim(), disabled: e.getAttribute("aria-disabled") }));
const spoken = (page) => page.evaluate(() => window.__speech.spoken.map((u) => u.text));

/** The widget in `lang` with its first article open; `plan` is told of each request for the module. */
async function openArticle(lang, onPlan = (route) => route.continue()) {
  const page = await newPage(env.browser);
  await page.addInitScript(fakeSpeech, { voices: Object.values(VOICES) });
  const requests = [];
  const warnings = [];
  page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
  await page.route(`**/${PLAN}`, (route) => { requests.push(route.request().url()); return onPlan(route); });
  await page.goto(await servePage(page, env.url, `listen-plan-${lang}.html`, pageHtml(lang)));
  await waitForCards(page, HOST);
  await page.locator(`${HOST} button[data-action="open"]`).first().click();
  await page.waitForSelector(part("article-body"));
  return { page, requests, warnings };
}

test("moving to Listen with the keyboard starts the download too; a press after a failed one asks again", async () => {
  let fail = true;
  const { page, requests } = await openArticle("en", (route) => (fail ? route.abort() : route.continue()));
  await page.locator(part("listen")).focus();
  await expectRequests(page, requests, 1);
  await page.waitForTimeout(300); // refused by now
  await page.keyboard.press("Enter");
  await page.waitForFunction((sel) => /could not start/.test(
    document.querySelector(sel).shadowRoot.querySelector("[aria-live]").textContent), HOST, { timeout: 25_000 });
  assert.equal(requests.length, 2, "the press asked again after the pointing's download failed");
  fail = false;
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => window.__speech.spoken.length >= 1);
  assert.equal(requests.length, 3);
  assert.deepEqual(page.errors, []);
  await close(page);
});

/** Waits (up to 5 s) until the page has asked for the plan module `count` times. */
async function expectRequests(page, requests, count) {
  for (let i = 0; i < 50 && requests.length < count; i++) await page.waitForTimeout(100);
  assert.equal(requests.length, count);
}

/** The plan module's download held until `release()`. */
function heldDownload() {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  return { release, onPlan: async (route) => { await gate; await route.continue(); } };
}

test("the plan module is fetched when a reader points at Listen, not before, and once for the page", async () => {
  const { page, requests } = await openArticle("zh-CN");
  await page.waitForTimeout(200);
  assert.deepEqual(requests, [], "the page and an open article fetch no plan");
  // Pointing at Listen starts the download, so that the press usually finds the module there.
  await page.locator(part("listen")).hover();
  await expectRequests(page, requests, 1);
  assert.deepEqual(await spoken(page), [], "pointing reads nothing");
  await page.locator(part("listen")).click();
  await page.waitForFunction(() => window.__speech.spoken.length >= 1);
  assert.equal(requests.length, 1);
  await page.locator(part("listen-stop")).click();
  await page.locator(part("back")).click();
  await page.locator(`${HOST} button[data-action="open"]`).nth(1).click();
  await page.waitForSelector(part("article-body"));
  await page.locator(part("listen")).click();
  await page.waitForFunction(() => window.__speech.spoken.length >= 2);
  assert.equal(requests.length, 1, "the second article is planned by the module already compiled");
  assert.deepEqual(page.errors, []);
  await close(page);
});

// A download refused at once, and one that hangs (given up by the loader after 15 s).
for (const [how, failing] of [
  ["refused", (route) => route.abort()],
  ["that hangs", () => new Promise(() => {})],
]) {
  test(`a plan module download ${how}: the reader is told, Listen is ready again, and the next press asks again`, async () => {
    let fail = true;
    const { page, requests, warnings } = await openArticle("en", (route) => (fail ? failing(route) : route.continue()));
    // A press without pointing first (Playwright's click would point, and start the download).
    await page.locator(part("listen")).dispatchEvent("click");
    await page.waitForFunction((sel) => /could not start/.test(
      document.querySelector(sel).shadowRoot.querySelector("[aria-live]").textContent), HOST, { timeout: 25_000 });
    assert.equal(await live(page), "Reading aloud could not start: it did not load. Please try again.");
    assert.deepEqual(await listenControl(page), { text: "Listen", disabled: "false" }, "not left busy");
    assert.deepEqual(await spoken(page), []);
    assert.ok(warnings.some((w) => /news-widget: no reading plan: the plan module could not be fetched: /.test(w)), warnings.join("\n"));
    fail = false;
    // Pointing right after a failure does not ask again; the press does.
    await page.locator(part("listen")).click();
    await page.waitForFunction(() => window.__speech.spoken.length >= 1);
    assert.equal(requests.length, 2, "the failed download is asked for again, once");
    assert.deepEqual(page.errors, []);
    await close(page);
  });
}

test("Listen is busy while the plan is on its way, and a plan that arrives after Back starts nothing", async () => {
  const { release, onPlan } = heldDownload();
  const { page } = await openArticle("ko", onPlan);
  await page.locator(part("listen")).click();
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot
    .querySelector('[part~="listen"]').getAttribute("aria-disabled") === "true", HOST);
  await page.locator(part("back")).click();
  release();
  await page.waitForTimeout(500);
  assert.deepEqual(await spoken(page), [], "nothing is read once the reader has gone back");
  assert.deepEqual(await page.evaluate(() => window.__speech.listen.slice()), []);
  await page.locator(`${HOST} button[data-action="open"]`).first().click();
  await page.waitForSelector(part("article-body"));
  assert.equal((await listenControl(page)).disabled, "false", "Listen is ready in the next article");
  await page.locator(part("listen")).click();
  await page.waitForFunction(() => window.__speech.spoken.length >= 1);
  assert.deepEqual(page.errors, []);
  await close(page);
});

test("the press of Listen speaks a silent utterance within the click, once for the page (WebKit speaks only after one)", async () => {
  const { page } = await openArticle("zh-CN");
  // Runs after the widget's own listener, in the same dispatch of the click.
  await page.evaluate(() => window.addEventListener("click", () => { window.__silentInClick = window.__speech.silent; }));
  await page.locator(part("listen")).click();
  await page.waitForFunction(() => window.__speech.spoken.length >= 1);
  assert.equal(await page.evaluate(() => window.__silentInClick), 1, "spoken before the click's dispatch ended");
  await page.locator(part("listen-stop")).click();
  await page.locator(part("listen")).click();
  await page.waitForFunction(() => window.__speech.spoken.length >= 2);
  assert.equal(await page.evaluate(() => window.__speech.silent), 1, "once for the page");
  await close(page);
});

test("a plan asked for before Back is not read for the article opened after it", async () => {
  const { release, onPlan } = heldDownload();
  const { page } = await openArticle("zh-CN", onPlan);
  await page.locator(part("listen")).click();
  await page.locator(part("back")).click();
  await page.locator(`${HOST} button[data-action="open"]`).nth(1).click();
  await page.waitForSelector(part("article-body"));
  const title = await page.evaluate((sel) =>
    document.querySelector(sel).shadowRoot.querySelector(".article-title").textContent.replace(/\s+/g, ""), HOST);
  await page.locator(part("listen")).click();
  release();
  await page.waitForFunction(() => window.__speech.spoken.length >= 1);
  await page.waitForTimeout(200);
  const { spoken } = await page.evaluate(() => ({ spoken: window.__speech.spoken.map((u) => u.text) }));
  assert.equal(spoken.length, 1, `one utterance on its way: ${spoken}`);
  assert.equal(spoken[0].replace(/\s+/g, ""), title, "the second article's title, not the first's");
  assert.deepEqual(page.errors, []);
  await close(page);
});

test("a page's listen() without a gesture does not use up the silent utterance: the reader's press still speaks one", async () => {
  const { page } = await openArticle("zh-CN");
  // Playwright's own calls count as gestures in Chromium (userGesture): the page's view of its
  // activation is scripted instead, false for the page's call and true for the reader's press.
  await page.evaluate(() => {
    window.__active = false;
    Object.defineProperty(navigator, "userActivation", { value: { get isActive() { return window.__active; } } });
  });
  await page.evaluate((sel) => NewsWidget.get(document.querySelector(sel)).listen(), HOST);
  await page.waitForFunction(() => window.__speech.spoken.length >= 1);
  assert.equal(await page.evaluate(() => window.__speech.silent), 1);
  await page.locator(part("listen-stop")).click();
  await page.evaluate(() => { window.__active = true; });
  await page.locator(part("listen")).click();
  await page.waitForFunction(() => window.__speech.spoken.length >= 2);
  assert.equal(await page.evaluate(() => window.__speech.silent), 2, "the press, a gesture, speaks its own");
  await page.locator(part("listen-stop")).click();
  await page.locator(part("listen")).click();
  await page.waitForFunction(() => window.__speech.spoken.length >= 3);
  assert.equal(await page.evaluate(() => window.__speech.silent), 2, "and then no more");
  await close(page);
});
