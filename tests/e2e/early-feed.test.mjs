// The loader starts the feed's request the moment it sees a widget, in parallel with the glue and
// the wasm, and the widget takes that request over when it mounts (src/dom/net/fetch.rs, `adopt`):
// the feed is asked for once, before the wasm has arrived; a failed early request ends like any
// other, with Retry; per-language feeds are left to the widget, which alone knows the language.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { delay, newPage, servePage, setUp, waitForCards } from "./harness.mjs";

const HOST = "#w";
let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

const part = (name) => `${HOST} [part~="${name}"]`;

/** Serves a page with one eager widget at `/name`, with `attrs`. */
function routePage(page, name, attrs) {
  return servePage(page, env.url, name, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>early feed test</title></head>
<body><div id="w" data-news-widget data-loading="eager" ${attrs}></div>
<script src="dist/news-widget.js" defer></script></body></html>`);
}

/** Every request whose URL contains `part`, with when it left (ms since the test's start). */
function watchRequests(page, part, start) {
  const seen = [];
  page.on("request", (request) => {
    if (request.url().includes(part)) seen.push({ url: request.url(), at: Date.now() - start });
  });
  return seen;
}

test("the feed is asked for once, before the wasm has arrived", async () => {
  const page = await newPage(env.browser);
  const start = Date.now();
  let wasmServedAt = null;
  // A slow wasm download, as on a phone: the feed must not wait for it.
  await page.route("**/news-widget-*_bg.wasm", async (route) => {
    await delay(1500);
    wasmServedAt = Date.now() - start;
    await route.continue();
  });
  const feeds = watchRequests(page, "feeds/changchun.json", start);
  await page.goto(await routePage(page, "early.html", 'data-feed="feeds/changchun.json"'));
  assert.equal(await waitForCards(page, HOST), 10);
  assert.equal(feeds.length, 1, `one request for the feed: ${JSON.stringify(feeds)}`);
  assert.ok(wasmServedAt !== null, "the wasm was fetched");
  assert.ok(feeds[0].at < wasmServedAt - 1000,
    `the feed left at ${feeds[0].at} ms, while the wasm was held until ${wasmServedAt} ms`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a failed early request ends in the error state, and Retry asks again", async () => {
  const page = await newPage(env.browser);
  let requests = 0;
  await page.route("**/feeds/changchun.json", (route) => {
    requests++;
    return requests === 1 ? route.abort("connectionrefused") : route.continue();
  });
  await page.goto(await routePage(page, "refused.html", 'data-feed="feeds/changchun.json"'));
  await page.locator(part("error")).waitFor({ timeout: 8000 });
  assert.equal(requests, 1, "the widget used the loader's request, not a second one");
  await page.locator(part("retry")).click();
  assert.equal(await waitForCards(page, HOST), 10);
  assert.equal(requests, 2);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("per-language feeds are not fetched early: only the reader's language is asked for", async () => {
  const page = await newPage(env.browser, { locale: "ko-KR" });
  const start = Date.now();
  const all = watchRequests(page, "feeds/", start);
  await page.goto(await routePage(page, "per-language.html",
    'data-feed="feeds/changchun.json?default" data-feed-ko="feeds/changchun.json?ko" data-lang="ko"'));
  assert.equal(await waitForCards(page, HOST), 10);
  assert.deepEqual(all.map((r) => new URL(r.url).search), ["?ko"]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a widget whose element goes before the wasm arrives leaves no request running", async () => {
  const page = await newPage(env.browser);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route("**/news-widget-*_bg.wasm", async (route) => { await held; await route.continue(); });
  let finished = 0;
  let failed = 0;
  page.on("requestfinished", (r) => { if (r.url().includes("slow-feed")) finished++; });
  page.on("requestfailed", (r) => { if (r.url().includes("slow-feed")) failed++; });
  // The feed answers slowly: the request is still open when the widget mounts and leaves.
  await page.route("**/slow-feed.json", async (route) => { await delay(3000); await route.continue({ url: `${env.url}/feeds/changchun.json` }).catch(() => {}); });
  await page.goto(await routePage(page, "gone.html", 'data-feed="slow-feed.json"'));
  // The loader's request is on its way; the element is removed, then the wasm arrives.
  await page.waitForFunction(() => window.NewsWidget);
  await page.evaluate(() => document.getElementById("w").remove());
  release();
  const until = Date.now() + 6000;
  while (failed === 0 && Date.now() < until) await delay(100);
  assert.equal(failed, 1, "the feed's request was aborted");
  assert.equal(finished, 0, "the feed's request did not run to its end");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
