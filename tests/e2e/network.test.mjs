// News that survives the network (docs/serving.md#news-that-survives-the-network): timeouts, a busy
// server's Retry-After, the last good feed kept in Cache Storage (shown at once on a repeat visit,
// with a notice when it could not be refreshed), the in-place update with its announcement, the
// size bound, blocked storage, the `online` refresh, CORS named in the console, and the demo
// server's caching headers. Every test runs in a fresh browser context: no test sees another's kept
// feeds.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath, delay, events, newPage, recordEvents, root, servePage, setUp, waitForCards } from "./harness.mjs";
import { CACHE, startServer, VERSION } from "../../scripts/serve.mjs";

const HOST = "#w";
const FEED = JSON.parse(readFileSync(join(root, "www/feeds/changchun.json"), "utf8"));
const EN = {
  timeout: "The news server did not answer in time. Please try again later.",
  network: "The news could not be loaded. Check your connection and try again.",
  notice: /^Last updated .+\. The news could not be refreshed\.$/,
};

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

const part = (name) => `${HOST} [part~="${name}"]`;

/** Serves a page with one widget at `/name`; `attrs` are its attributes, `above` what precedes it. */
function routePage(page, name, attrs, above = "") {
  return servePage(page, env.url, name, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>network test</title></head>
<body>${above}<div id="w" data-news-widget data-loading="eager" ${attrs}></div>
<div style="height: 3000px"></div><script src="dist/news-widget.js" defer></script></body></html>`);
}

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
// Timeouts.

test("a feed that never answers ends in the timeout error with Retry within the timeout", async () => {
  const page = await newPage(env.browser);
  await recordEvents(page);
  let requests = 0;
  await page.route("**/feeds/changchun.json", (route) => {
    requests++;
    if (requests > 1) route.continue(); // Retry: the server answers now.
    // The first request is never answered.
  });
  const url = await routePage(page, "hang.html", 'data-feed="feeds/changchun.json" data-timeout="1.5"');
  const start = Date.now();
  await page.goto(url);
  const error = page.locator(part("error"));
  await error.waitFor({ timeout: 6000 });
  const took = Date.now() - start;
  assert.ok(took < 4500, `the error shows within the timeout (1.5 s) and the page load: ${took} ms`);
  assert.equal((await error.locator(".state-message").textContent()).trim(), EN.timeout);
  assert.equal(await page.locator(part("retry")).count(), 1, "a Retry control");
  assert.equal(await page.locator(`${HOST} [data-kind="loading"]`).count(), 0, "Loading is gone");
  const errors = await events(page, "news-widget:error");
  assert.deepEqual(errors.map((e) => e.detail), [{ kind: "timeout", message: EN.timeout }]);
  await page.locator(part("retry")).click();
  assert.equal(await waitForCards(page, HOST), 10, "Retry reaches the server");
  assert.equal(requests, 2);
  assert.deepEqual(page.errors, []);
});

/**
 * Runs `fn(page, other)` with a second origin (`other`, another port on 127.0.0.1) served by
 * `handler`. Requests routed by Playwright skip CORS, so a real second server is the only way
 * to see the browser's CORS rules; Chromium's Local Network Access checks (which would refuse
 * any request from one loopback port to another) are off in this browser for that reason.
 */
async function withOtherOrigin(handler, fn) {
  const other = createServer(handler);
  await new Promise((resolve) => other.listen(0, "127.0.0.1", resolve));
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, "--disable-features=LocalNetworkAccessChecks"],
  });
  try {
    await fn(await newPage(browser), `http://127.0.0.1:${other.address().port}`);
  } finally {
    await browser.close();
    other.closeAllConnections();
    await new Promise((r) => other.close(r));
  }
}

test("a feed whose body stalls mid-way also ends at the timeout", async () => {
  await withOtherOrigin((req, res) => {
    // The headers, the start of the body, then nothing.
    res.writeHead(200, { "content-type": "application/json", "access-control-allow-origin": "*" });
    res.write('{"version":"https://jsonfeed.org/version/1.1","items":[');
  }, async (page, other) => {
    const url = await routePage(page, "stall.html", `data-feed="${other}/feed.json" data-timeout="1"`);
    const start = Date.now();
    await page.goto(url);
    const error = page.locator(part("error"));
    await error.waitFor({ timeout: 6000 });
    assert.ok(Date.now() - start < 4000, "within the timeout and the page load");
    assert.equal((await error.locator(".state-message").textContent()).trim(), EN.timeout);
  });
});

test("destroy() leaves no timer behind, even mid-request", async () => {
  const page = await newPage(env.browser);
  await page.addInitScript(() => {
    // Timers of 1 s or more that are still pending (neither fired nor cleared).
    const pending = new Set();
    const set = window.setTimeout, clear = window.clearTimeout;
    window.setTimeout = function (f, ms, ...rest) {
      let id;
      const wrapped = typeof f === "function" ? function () { pending.delete(id); return f.apply(this, arguments); } : f;
      id = set.call(window, wrapped, ms, ...rest);
      if (ms >= 1000) pending.add(id);
      return id;
    };
    window.clearTimeout = function (id) { pending.delete(id); return clear.call(window, id); };
    window.__pendingTimers = () => pending.size;
  });
  await page.route("**/feeds/changchun.json", () => {}); // never answers
  const url = await routePage(page, "destroy.html", 'data-feed="feeds/changchun.json" data-timeout="30"');
  await page.goto(url);
  await page.waitForFunction(() => NewsWidget.get(document.getElementById("w")));
  await delay(300);
  assert.ok(await page.evaluate(() => window.__pendingTimers()) >= 1, "the request's timeout timer is running");
  await page.evaluate(() => NewsWidget.get(document.getElementById("w")).destroy());
  await delay(100);
  assert.equal(await page.evaluate(() => window.__pendingTimers()), 0, "destroy() cleared it");
  assert.deepEqual(page.errors, []);
});

// ---------------------------------------------------------------------------------------------
// Busy servers, CORS, DNS.

/**
 * Routes the demo feed: a 503 with `Retry-After: retryAfter()` first, then `then(route)`.
 * Returns the times the feed was asked for.
 */
async function busyOnce(page, retryAfter, then = (route) => route.continue()) {
  const times = [];
  await page.route("**/feeds/changchun.json", (route) => {
    times.push(Date.now());
    if (times.length > 1) return then(route);
    const headers = { "retry-after": retryAfter() };
    return route.fulfill({ status: 503, headers, contentType: "text/plain", body: "busy" });
  });
  return times;
}

test("a 503 with Retry-After is asked once more by itself, and the news arrives", async () => {
  const page = await newPage(env.browser);
  await recordEvents(page);
  const times = await busyOnce(page, () => "1");
  const url = await routePage(page, "busy.html", 'data-feed="feeds/changchun.json"');
  await page.goto(url);
  assert.equal(await waitForCards(page, HOST), 10);
  assert.equal(times.length, 2, "one retry");
  assert.ok(times[1] - times[0] >= 900, `the retry waited for Retry-After (${times[1] - times[0]} ms)`);
  assert.deepEqual(await events(page, "news-widget:error"), [], "no error on the way");
});

/** `at` as an HTTP date: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) or asctime (`Sun Nov  6 08:49:37 1994`). */
function httpDate(at, form) {
  const d = new Date(at);
  if (form === "imf") return d.toUTCString();
  const [day, , month] = d.toUTCString().split(" ");
  const time = d.toISOString().slice(11, 19);
  return `${day.slice(0, 3)} ${month} ${String(d.getUTCDate()).padStart(2, " ")} ${time} ${d.getUTCFullYear()}`;
}

for (const form of ["imf", "asctime"]) {
  test(`a 503 with Retry-After as an HTTP date (${form}, read as GMT in any time zone) is asked once more then`, async () => {
    // Far from UTC: an HTTP date read as local time would be hours away, past the timeout.
    const page = await newPage(env.browser, { timezoneId: "America/Los_Angeles" });
    await recordEvents(page);
    const times = await busyOnce(page, () => httpDate(Date.now() + 2000, form));
    const url = await routePage(page, `busy-date-${form}.html`, 'data-feed="feeds/changchun.json"');
    await page.goto(url);
    assert.equal(await waitForCards(page, HOST), 10);
    assert.equal(times.length, 2, "one retry");
    // The date has whole seconds: the wait is between 1 and 2 s.
    assert.ok(times[1] - times[0] >= 900, `the retry waited until the date (${times[1] - times[0]} ms)`);
    assert.deepEqual(await events(page, "news-widget:error"), [], "no error on the way");
  });
}

test("a 503 asking for longer than the timeout is not retried: the error state at once", async () => {
  const page = await newPage(env.browser);
  let requests = 0;
  await page.route("**/feeds/changchun.json", (route) => {
    requests++;
    route.fulfill({ status: 503, headers: { "retry-after": "3600" }, contentType: "text/plain", body: "busy" });
  });
  const url = await routePage(page, "busy-long.html", 'data-feed="feeds/changchun.json"');
  await page.goto(url);
  await page.locator(part("error")).waitFor({ timeout: 5000 });
  assert.match(await page.locator(part("error")).textContent(), /\(503\)/);
  assert.equal(requests, 1);
});

test("a cross-origin feed without Access-Control-Allow-Origin: error state, CORS and its fix in the console", async () => {
  await withOtherOrigin((req, res) => {
    res.writeHead(200, { "content-type": "application/json" }); // no Access-Control-Allow-Origin
    res.end(JSON.stringify(FEED));
  }, async (page, other) => {
    const url = await routePage(page, "cors.html", `data-feed="${other}/news.json"`);
    await page.goto(url);
    const error = page.locator(part("error"));
    await error.waitFor({ timeout: 8000 });
    assert.equal((await error.locator(".state-message").textContent()).trim(), EN.network);
    const deadline = Date.now() + 5000;
    let cors;
    while (!(cors = page.logs.find((l) => l.startsWith("error: news-widget:") && l.includes("CORS"))) && Date.now() < deadline) await delay(50);
    assert.ok(cors, `the console names CORS: ${page.logs.join("\n")}`);
    assert.ok(cors.includes(`Access-Control-Allow-Origin: ${env.url}`), `and the header the feed's server must send: ${cors}`);
  });
});

test("a slow cross-origin server is still named CORS: the probe has a timeout of its own", async () => {
  // The failure comes 1.2 s into a 2 s timeout; the probe, as slow, needs more than what is left.
  await withOtherOrigin((req, res) => {
    setTimeout(() => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(FEED));
    }, 1200);
  }, async (page, other) => {
    const url = await routePage(page, "cors-slow.html", `data-feed="${other}/news.json" data-timeout="2"`);
    await page.goto(url);
    await page.locator(part("error")).waitFor({ timeout: 8000 });
    const deadline = Date.now() + 5000;
    const said = () => page.logs.some((l) => l.startsWith("error: news-widget:") && l.includes("CORS"));
    while (!said() && Date.now() < deadline) await delay(50);
    assert.ok(said(),
      `the console names CORS: ${page.logs.join("\n")}`);
  });
});

test("a page whose console.error throws still gets the error state, and no uncaught error", async () => {
  await withOtherOrigin((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(FEED));
  }, async (page, other) => {
    await page.addInitScript(() => {
      window.__corsSaid = 0;
      console.error = (...args) => {
        if (String(args[0]).includes("CORS")) window.__corsSaid++;
        throw new Error("the page's error reporter failed");
      };
    });
    const url = await routePage(page, "cors-throws.html", `data-feed="${other}/news.json"`);
    await page.goto(url);
    await page.locator(part("error")).waitFor({ timeout: 8000 });
    await page.waitForFunction(() => window.__corsSaid > 0, null, { timeout: 5000 });
    await delay(200);
    assert.deepEqual(page.errors, [], "the wrapper's exception stays inside the diagnosis");
  });
});

test("a feed host that does not resolve ends in the network error, not CORS", async () => {
  const page = await newPage(env.browser);
  const url = await routePage(page, "dns.html", 'data-feed="http://no-such-host.invalid/feed.json" data-timeout="5"');
  await page.goto(url);
  const error = page.locator(part("error"));
  await error.waitFor({ timeout: 8000 });
  assert.equal((await error.locator(".state-message").textContent()).trim(), EN.network);
  await delay(300);
  assert.ok(!page.logs.some((l) => l.includes("CORS")), "no CORS diagnosis for a host that is not there");
});

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
// Cheap refresh at scale: the demo server's headers and the browser's HTTP cache.

test("the demo server sends ETag and Cache-Control, answers If-None-Match with 304, serves dist/v<version>/ immutable", async () => {
  const feed = await fetch(`${env.url}/feeds/changchun.json`);
  assert.equal(feed.headers.get("cache-control"), CACHE.feed);
  assert.match(feed.headers.get("cache-control"), /max-age=60, stale-while-revalidate=\d+/);
  const etag = feed.headers.get("etag");
  assert.ok(etag, "an ETag");
  const again = await fetch(`${env.url}/feeds/changchun.json`, { headers: { "if-none-match": etag } });
  assert.equal(again.status, 304);
  const versioned = await fetch(`${env.url}/dist/v${VERSION}/news-widget.js`);
  assert.equal(versioned.status, 200);
  assert.equal(versioned.headers.get("cache-control"), "public, max-age=31536000, immutable");
  const plain = await fetch(`${env.url}/dist/news-widget.js`);
  assert.equal(plain.headers.get("cache-control"), "no-cache");
  assert.equal(await versioned.text(), await plain.text(), "the same loader under both paths");
});

test("a repeat reader costs a 304 or nothing; reload() asks the server and gets a 304", async () => {
  const seen = [];
  const { server, url } = await startServer({ port: 0, quiet: true, onResponse: (req, status) => {
    if (req.url.startsWith("/feeds/changchun.json")) seen.push({ status, conditional: !!req.headers["if-none-match"] });
  } });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${url}/plain.html`);
    await waitForCards(page, "#widget");
    assert.deepEqual(seen, [{ status: 200, conditional: false }], "the first reader downloads the feed");
    await page.goto(`${url}/plain.html`);
    await waitForCards(page, "#widget");
    await delay(300);
    assert.equal(seen.length, 1, "within max-age the next visit costs the server nothing");
    await page.evaluate(() => NewsWidget.get(document.getElementById("widget")).reload());
    for (let i = 0; i < 100 && seen.length < 2; i++) await delay(50);
    assert.deepEqual(seen[1], { status: 304, conditional: true }, "reload() revalidates: a 304");
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
});
