// The last good feed kept in Cache Storage (docs/serving.md#news-that-survives-the-network): shown
// at once on a repeat visit, with a notice when it could not be refreshed, the in-place update with
// its announcement, the size bound, blocked storage and the `online` refresh. Timeouts, busy servers
// and CORS are in network.test.mjs. Every test runs in a fresh browser context: no test sees
// another's kept feeds.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import {
  DEMO_FEED as FEED, EN_STATES as EN, PAGE_WIDGET as HOST, busyOnce, delay, events, newPage, pageWidgetPart as part,
  recordEvents, routeWidgetPage, setUp, waitForCards,
} from "./harness.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

// The shared one-widget page (harness.mjs), served by this file's server.
const routePage = (page, name, attrs, above) => routeWidgetPage(env.url, page, name, attrs, above);

/** Waits until the kept store holds a feed whose URL contains `part`. */
async function waitForKept(page, urlPart) {
  await page.waitForFunction(async (p) => {
    if (!window.caches) return false;
    const cache = await caches.open("news-widget:feeds");
    return (await cache.keys()).some((request) => request.url.includes(p));
  }, urlPart, { timeout: 10000, polling: 100 });
}

const keptUrls = (page) => page.evaluate(async () => {
  const cache = await caches.open("news-widget:feeds");
  return (await cache.keys()).map((request) => request.url);
});

/** A first visit that leaves the feed kept. */
async function firstVisit(page, url) {
  await page.goto(url);
  await waitForCards(page, HOST);
  await waitForKept(page, "feeds/changchun.json");
}

/** The demo feed with `n` newer items on top. */
function feedWithNewItems(n) {
  const feed = structuredClone(FEED);
  for (let i = 0; i < n; i++) {
    feed.items.unshift({
      ...structuredClone(FEED.items[0]),
      id: `fresh-${i}`,
      title: `Fresh news number ${i}`,
      date_published: `2030-01-0${i + 1}T10:00:00+08:00`,
      date_modified: undefined,
      _news_widget: undefined,
    });
  }
  return JSON.stringify(feed);
}

const cardIds = (page) => page.evaluate((sel) =>
  [...document.querySelector(sel).shadowRoot.querySelectorAll('[part~="card"] [data-action="open"]')].map((b) => b.dataset.id), HOST);

// ---------------------------------------------------------------------------------------------
// The kept feed.

test("a second visit with the feed unreachable shows the kept news with its notice and Retry", async () => {
  const page = await newPage(env.browser);
  await recordEvents(page);
  const url = await routePage(page, "kept.html", 'data-feed="feeds/changchun.json" data-page-size="6"');
  await firstVisit(page, url);
  const before = await cardIds(page);

  let fail = true;
  await page.route("**/feeds/changchun.json", (route) => (fail ? route.abort("failed") : route.continue()));
  await page.goto(url);
  const notice = page.locator(part("notice"));
  await notice.waitFor({ timeout: 8000 });
  assert.deepEqual(await cardIds(page), before, "the kept cards");
  assert.match((await notice.locator("p").textContent()).trim(), EN.notice);
  const year = String(new Date().getFullYear());
  assert.ok((await notice.locator("p").textContent()).includes(year), "when it was last updated: a date and time");
  assert.equal(await notice.getAttribute("role"), "status");
  const retry = notice.locator('[part~="retry"]');
  assert.equal((await retry.textContent()).trim(), "Try again");
  assert.equal(await page.locator(part("error")).count(), 0, "no error state over kept news");
  assert.deepEqual((await events(page, "news-widget:ready")).map((e) => e.detail), [{ source: "kept" }]);
  assert.deepEqual((await events(page, "news-widget:error")).map((e) => e.detail),
    [{ kind: "network", message: EN.network, kept: true }]);

  fail = false;
  await retry.click();
  await page.waitForFunction((sel) => !document.querySelector(sel).shadowRoot.querySelector('[part~="notice"]'), HOST);
  assert.deepEqual(await cardIds(page), before, "the fresh cards");
  const focus = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.activeElement?.dataset.id, HOST);
  assert.equal(focus, before[0], "focus moves from the vanished Retry to the first card");
  assert.deepEqual(page.errors, []);
});

test("a repeat visit shows the kept cards at once and updates them in place when the slow feed arrives", async () => {
  const page = await newPage(env.browser);
  await recordEvents(page);
  const url = await routePage(page, "repeat.html", 'data-feed="feeds/changchun.json" data-page-size="6"',
    '<div style="height: 700px">header</div>');
  await firstVisit(page, url);

  let answered = 0;
  await page.route("**/feeds/changchun.json", async (route) => {
    await delay(4000);
    answered = Date.now();
    await route.fulfill({ status: 200, contentType: "application/json", body: feedWithNewItems(2) });
  });
  // The live region's texts and any Loading state, recorded from the first cards on.
  await page.addInitScript(() => {
    window.__heard = [];
    window.__loadingSeen = false;
    const watch = () => {
      const root = document.getElementById("w")?.shadowRoot;
      const live = root?.querySelector('[role="status"][aria-live]');
      if (!root || !root.querySelector('[part~="card"]') || !live) return requestAnimationFrame(watch);
      new MutationObserver(() => window.__heard.push(live.textContent)).observe(live, { childList: true, characterData: true, subtree: true });
      new MutationObserver(() => { if (root.querySelector('[data-kind="loading"]')) window.__loadingSeen = true; })
        .observe(root, { childList: true, subtree: true });
    };
    requestAnimationFrame(watch);
  });
  const start = Date.now();
  await page.goto(url);
  await waitForCards(page, HOST);
  const shownAfter = Date.now() - start;
  assert.ok(shownAfter < 2500, `kept cards without waiting for the 4 s feed (${shownAfter} ms)`);
  assert.equal(answered, 0, "the feed had not answered yet");
  const ready = await events(page, "news-widget:ready");
  assert.deepEqual(ready.map((e) => e.detail), [{ source: "kept" }], "ready says the list is the kept one");

  // The reader scrolls and focuses the third card while the feed loads.
  const before = await cardIds(page);
  await page.evaluate(() => window.scrollTo(0, 500));
  await page.locator(`${HOST} [part~="card"] [data-action="open"]`).nth(2).focus();

  await page.waitForFunction((sel) =>
    !!document.querySelector(sel).shadowRoot.querySelector('[data-id="fresh-0"]'), HOST, { timeout: 10000 });
  const after = await cardIds(page);
  assert.deepEqual(after.slice(0, 2), ["fresh-1", "fresh-0"], "the new articles on top");
  assert.deepEqual(after.slice(2), before.slice(0, 4), "then the ones shown before");
  const focus = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.activeElement?.dataset.id, HOST);
  assert.equal(focus, before[2], "focus stays on the same card");
  assert.equal(await page.evaluate(() => window.scrollY), 500, "the scroll position stays");
  await delay(300);
  const heard = await page.evaluate(() => window.__heard.filter((t) => t.includes("new article")));
  assert.deepEqual(heard, ["2 new articles."], "the new articles are announced once");
  assert.equal(await page.evaluate(() => window.__loadingSeen), false, "no Loading state in between");
  assert.equal(await page.locator(part("notice")).count(), 0, "no notice: the refresh worked");
  assert.equal((await events(page, "news-widget:ready")).length, 1, "ready once");
  assert.deepEqual(page.errors, []);
});

test("a repeat visit to a busy server shows the kept cards during the retry's wait, then the fresh ones", async () => {
  const page = await newPage(env.browser);
  await recordEvents(page);
  const url = await routePage(page, "busy-repeat.html", 'data-feed="feeds/changchun.json"');
  await firstVisit(page, url);

  // The busy answer comes before the kept copy is read (as when the loader's early request has
  // it before the wasm starts, or on a phone's slow storage).
  await page.addInitScript(() => {
    const match = CacheStorage.prototype.match;
    CacheStorage.prototype.match = function (...args) {
      return new Promise((resolve) => setTimeout(resolve, 600)).then(() => match.apply(this, args));
    };
  });
  const asked = await busyOnce(page, () => "3", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: feedWithNewItems(1) }));
  const start = Date.now();
  await page.goto(url);
  await waitForCards(page, HOST);
  const shownAfter = Date.now() - start;
  assert.ok(shownAfter < 2500, `the kept cards did not wait for the 3 s Retry-After (${shownAfter} ms)`);
  assert.equal(asked.length, 1, "the retry has not been sent yet");
  assert.deepEqual((await events(page, "news-widget:ready")).map((e) => e.detail), [{ source: "kept" }]);
  await page.waitForFunction((sel) =>
    !!document.querySelector(sel).shadowRoot.querySelector('[data-id="fresh-0"]'), HOST, { timeout: 10000 });
  assert.equal(asked.length, 2, "one retry");
  assert.equal(await page.locator(part("notice")).count(), 0, "no notice: the retry worked");
  assert.deepEqual(await events(page, "news-widget:error"), [], "no error on the way");
  assert.deepEqual(page.errors, []);
});

test("an article open on the kept copy stays open when the fresh feed arrives", async () => {
  const page = await newPage(env.browser);
  const url = await routePage(page, "open.html", 'data-feed="feeds/changchun.json"');
  await firstVisit(page, url);
  let answered = false;
  await page.route("**/feeds/changchun.json", async (route) => {
    await delay(2000);
    answered = true;
    // The fresh feed no longer lists the open article: it stays readable all the same.
    const feed = JSON.parse(feedWithNewItems(1));
    feed.items = feed.items.filter((i) => i.id !== FEED.items[1].id);
    await route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(feed) });
  });
  await page.goto(url);
  await waitForCards(page, HOST);
  await page.locator(`${HOST} [data-id="${FEED.items[1].id}"]`).click();
  await page.locator(part("article-title")).waitFor();
  assert.equal(answered, false, "opened before the fresh feed arrived");
  while (!answered) await delay(100);
  await delay(500);
  assert.equal((await page.locator(part("article-title")).textContent()).trim(), FEED.items[1].title);
  assert.deepEqual(page.errors, []);
});

test("ready says where the list came from: the network on a first visit, the kept copy after", async () => {
  const page = await newPage(env.browser);
  await recordEvents(page);
  const url = await routePage(page, "source.html", 'data-feed="feeds/changchun.json"');
  await firstVisit(page, url);
  assert.deepEqual((await events(page, "news-widget:ready")).map((e) => e.detail), [{ source: "network" }]);
  await page.route("**/feeds/changchun.json", async (route) => { await delay(1500); await route.continue(); });
  await page.goto(url);
  await waitForCards(page, HOST);
  assert.deepEqual((await events(page, "news-widget:ready")).map((e) => e.detail), [{ source: "kept" }]);
});

test("coming back online refreshes news that could not be refreshed, by itself", async () => {
  const page = await newPage(env.browser);
  const url = await routePage(page, "online.html", 'data-feed="feeds/changchun.json"');
  await firstVisit(page, url);
  let requests = 0;
  await page.route("**/feeds/changchun.json", (route) => { requests++; route.continue(); });
  await page.context().setOffline(true);
  await page.evaluate(() => NewsWidget.get(document.getElementById("w")).reload());
  await page.locator(part("notice")).waitFor({ timeout: 8000 });
  const before = requests;
  await page.context().setOffline(false);
  await page.waitForFunction((sel) => !document.querySelector(sel).shadowRoot.querySelector('[part~="notice"]'),
    HOST, { timeout: 8000 });
  assert.ok(requests > before, "the feed was asked again without a reload");
  assert.equal(await page.locator(part("card")).count(), 10);
  assert.deepEqual(page.errors, []);
});

test("the kept store is bounded: with many feeds the oldest go first", async () => {
  const page = await newPage(env.browser);
  await page.route(`${env.url}/empty.html`, (route) => route.fulfill({
    contentType: "text/html",
    body: '<!doctype html><html lang="en"><body><script src="dist/news-widget.js"></script></body></html>',
  }));
  await page.goto(`${env.url}/empty.html`);
  await page.waitForFunction(() => window.NewsWidget);
  for (let i = 0; i < 18; i++) {
    await page.evaluate(async (n) => {
      const host = document.createElement("div");
      document.body.append(host);
      const handle = await NewsWidget.mount(host, { feed: `feeds/changchun.json?n=${n}` });
      await new Promise((resolve) => host.addEventListener("news-widget:ready", resolve, { once: true }));
      handle.destroy();
      host.remove();
    }, i);
    await waitForKept(page, `changchun.json?n=${i}`);
  }
  await page.waitForFunction(async () => (await (await caches.open("news-widget:feeds")).keys()).length <= 16);
  const urls = (await keptUrls(page)).filter((u) => u.includes("?n=")).map((u) => Number(new URL(u).searchParams.get("n")));
  assert.deepEqual(urls.sort((a, b) => a - b), [...Array(16).keys()].map((i) => i + 2), "16 kept: the two oldest dropped");
  assert.deepEqual(page.errors, []);
});

test("an entry an earlier version kept (one header per field) goes at the next bound", async () => {
  const page = await newPage(env.browser);
  await page.route(`${env.url}/empty.html`, (route) => route.fulfill({
    contentType: "text/html",
    body: '<!doctype html><html lang="en"><body><script src="dist/news-widget.js"></script></body></html>',
  }));
  await page.goto(`${env.url}/empty.html`);
  await page.evaluate(async (origin) => {
    const cache = await caches.open("news-widget:feeds");
    const old = `${origin}/feeds/old-format.json`;
    await cache.put(old, new Response("{}", { headers: {
      "x-news-widget-key": old, "x-news-widget-fetched": String(Date.now()), "x-news-widget-bytes": "2",
    } }));
  }, env.url);
  await page.waitForFunction(() => window.NewsWidget);
  await page.evaluate(async () => {
    const host = document.createElement("div");
    document.body.append(host);
    await NewsWidget.mount(host, { feed: "feeds/changchun.json" });
    await new Promise((resolve) => host.addEventListener("news-widget:ready", resolve, { once: true }));
  });
  await waitForKept(page, "changchun.json");
  await page.waitForFunction(async () =>
    !(await (await caches.open("news-widget:feeds")).keys()).some((r) => r.url.includes("old-format")));
  assert.deepEqual(page.errors, []);
});

for (const [name, block] of [
  ["no caches at all (sandboxed frames, plain http)", "delete window.caches;"],
  ["caches.open rejects (opaque origins, some private modes)",
    "CacheStorage.prototype.open = () => Promise.reject(new DOMException('blocked', 'SecurityError'));"],
  ["caches.open throws", "CacheStorage.prototype.open = () => { throw new DOMException('blocked', 'SecurityError'); };"],
]) {
  test(`storage blocked, ${name}: nothing kept, nothing reported`, async () => {
    const page = await newPage(env.browser);
    await page.addInitScript(block);
    const url = await routePage(page, "blocked.html", 'data-feed="feeds/changchun.json"');
    await page.goto(url);
    assert.equal(await waitForCards(page, HOST), 10, "the news as usual");
    await delay(300);
    await page.route("**/feeds/changchun.json", (route) => route.abort("failed"));
    await page.goto(url);
    await page.locator(part("error")).waitFor({ timeout: 8000 });
    assert.equal(await page.locator(part("card")).count(), 0, "no kept cards: nothing could be kept");
    assert.deepEqual(page.errors, [], "no uncaught error");
    const noise = page.logs.filter((l) => /news-widget/.test(l) && /cache|storage|SecurityError/i.test(l));
    assert.deepEqual(noise, [], "no console message about storage");
  });
}

// ---------------------------------------------------------------------------------------------
