// News that survives the network (docs/serving.md#news-that-survives-the-network): timeouts, a busy
// server's Retry-After, CORS named in the console, an unresolvable host, and the demo server's
// caching headers. The last good feed kept in Cache Storage is in network-kept.test.mjs. Every test
// runs in a fresh browser context.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { chromium } from "playwright-core";
import {
  CHROMIUM_ARGS, DEMO_FEED as FEED, EN_STATES as EN, PAGE_WIDGET as HOST, busyOnce, chromiumPath, delay, events, newPage,
  pageWidgetPart as part, recordEvents, routeWidgetPage, setUp, waitForCards,
} from "./harness.mjs";
import { CACHE, startServer, VERSION } from "../../scripts/serve.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

// The shared one-widget page (harness.mjs), served by this file's server.
const routePage = (page, name, attrs, above) => routeWidgetPage(env.url, page, name, attrs, above);

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
