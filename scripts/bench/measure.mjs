// One measurement of one widget in the shared Chromium: each function opens its own context
// (so a cold run starts with an empty HTTP cache, Cache Storage and localStorage), does one
// thing, and closes it. The orchestrator (scripts/bench.mjs) alternates the widgets.

/** The devices: CDP throttling on the phone, nothing on the desktop (this machine, localhost). */
export const PROFILES = {
  phone: {
    context: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
    network: { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) },
    cpu: 4,
  },
  desktop: { context: { viewport: { width: 1280, height: 800 } }, network: null, cpu: 1 },
};

// Runs in every document of a measured context before the page's own scripts. Checked once per
// frame, in requestAnimationFrame: the first frame whose callback finds what is awaited on
// screen is the one that paints it; the timeout queued there runs after that frame's style,
// layout and paint. Each document starts its own watch, so a second navigation never sees the
// first one's. It says so on the console: waiting with page.waitForFunction would make
// Playwright inject its script into the page while it loads (about 250 ms of main-thread
// parsing at 4x CPU, seen in a trace), inside the figure. What is awaited: "cards", `count` of
// them laid out in the widget's shadow root; or "toolbar", the article toolbar's A+ button laid
// out (both toolbars attach its click listener in the task that builds it, so a button on
// screen is a click handled; toolbarUsable checks that afterwards with a real click). The
// layout shifts and the widget's ready event are recorded from the start.
const SIGNAL = "news-widget-bench: painted";
function watch([what, count, SIGNAL]) {
  window.__bench = { done: null, ready: null, shifts: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.shifts.push({ value: e.value, at: e.startTime, input: e.hadRecentInput });
  }).observe({ type: "layout-shift", buffered: true });
  document.addEventListener("news-widget:ready", (e) => {
    window.__bench.ready ??= { at: performance.now(), source: e.detail && e.detail.source };
  }, true);
  const inShadow = (host, selector) => (host && host.shadowRoot ? [...host.shadowRoot.querySelectorAll(selector)] : []);
  const painted = what === "cards"
    ? () => {
      const cards = inShadow(document.querySelector("[data-news-widget]"), '[part~="card"]');
      return cards.length >= count && cards[0].getBoundingClientRect().height > 0;
    }
    : () => {
      const button = inShadow(document.querySelector("news-widget-toolbar, [data-news-widget-toolbar]"), '[part~="font-larger"]')[0];
      return button && button.getBoundingClientRect().height > 0;
    };
  const tick = () => {
    if (painted()) {
      setTimeout(() => {
        window.__bench.done = performance.now();
        console.debug(SIGNAL);
      }, 0);
    } else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function throttle(context, page, profile) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  if (profile.network) await cdp.send("Network.emulateNetworkConditions", profile.network);
  if (profile.cpu > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
  return cdp;
}

// The page's own view of its requests, in ms from navigation start.
function timeline() {
  const nav = performance.getEntriesByType("navigation")[0];
  const out = { html: { start: 0, end: nav.responseEnd, size: nav.encodedBodySize } };
  for (const e of performance.getEntriesByType("resource")) {
    const name = new URL(e.name).pathname.split("/").pop();
    (out[name] ??= []).push({ start: e.startTime, end: e.responseEnd, size: e.encodedBodySize, transfer: e.transferSize, initiator: e.initiatorType });
  }
  return out;
}

// Resolves when the page's watch reports what it awaits; listen before navigating.
function painted(page, timeout = 60000) {
  const seen = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nothing painted after ${timeout} ms`)), timeout);
    page.once("close", () => { clearTimeout(timer); reject(new Error("page closed before it painted")); });
    page.on("console", (message) => {
      if (message.text() !== SIGNAL) return;
      clearTimeout(timer);
      resolve();
    });
  });
  seen.catch(() => {}); // a failed navigation is reported by goto; this one is awaited later
  return seen;
}

/**
 * Navigation start → first frame with `count` cards painted, in a fresh context. `repeat`:
 * load the page once, let it settle, close it, then measure a second navigation in a new tab
 * of the same context (its HTTP cache and Cache Storage warm). `detail`: keep the page open
 * 4 s longer to collect console and CDP evidence (the preload check). `after(context, page)`
 * runs on the measured page before it closes; its answer is `result.after`.
 */
export async function firstCards(browser, url, path, { profile, count = 20, repeat = false, detail = false, log, after = null }) {
  const context = await browser.newContext(profile.context);
  await context.addInitScript(watch, ["cards", count, SIGNAL]);
  try {
    if (repeat) {
      const first = await context.newPage();
      await throttle(context, first, profile);
      const shown = painted(first);
      await first.goto(url + path);
      await shown;
      // The kept feed is written after the first render; a reader's second visit comes later.
      await first.waitForFunction(async () => !window.caches ||
        (await (await caches.open("news-widget:feeds")).keys()).length > 0, null, { timeout: 3000, polling: 100 }).catch(() => {});
      await first.waitForTimeout(500);
      await first.close();
    }
    const page = await context.newPage();
    const cdp = await throttle(context, page, profile);
    const requests = [];
    const messages = [];
    cdp.on("Network.requestWillBeSent", (e) => requests.push({ url: e.request.url, type: e.type }));
    if (detail) {
      await cdp.send("Log.enable");
      cdp.on("Log.entryAdded", ({ entry }) => messages.push(`${entry.level}: ${entry.text}`));
      page.on("console", (m) => messages.push(`console ${m.type()}: ${m.text()}`));
    }
    const served = log.length;
    const shown = painted(page);
    await page.goto(url + path);
    await shown;
    const seen = await page.evaluate(() => window.__bench);
    if (detail) await page.waitForTimeout(4000); // Chrome's "preloaded but not used" comes ~3 s after load
    const result = {
      ms: seen.done,
      ready: seen.ready,
      timeline: await page.evaluate(timeline),
      requests,
      messages,
      server: log.slice(served),
    };
    if (after) result.after = await after(context, page);
    await cdp.detach().catch(() => {});
    return result;
  } finally {
    await context.close();
  }
}

/**
 * The article page with a toolbar, cold, in a fresh context: navigation start → the toolbar
 * usable (`ms`), the cumulative layout shift until 1 s after that (`cls`, shifts after input
 * excluded, as the metric does), the page's resource timing, and whether a click on A+ then
 * scaled the article (`ok`: its computed zoom is the next step's).
 */
export async function toolbarUsable(browser, url, path, { profile, target = "zoom" }) {
  const context = await browser.newContext(profile.context);
  await context.addInitScript(watch, ["toolbar", 1, SIGNAL]);
  try {
    const page = await context.newPage();
    const cdp = await throttle(context, page, profile);
    const usable = painted(page);
    await page.goto(url + path);
    await usable;
    await page.waitForTimeout(1000);
    const seen = await page.evaluate(() => window.__bench);
    const before = await page.evaluate((id) => getComputedStyle(document.getElementById(id)).zoom, target);
    await page.locator('[part~="font-larger"]').first().click();
    const after = await page.waitForFunction(([id, was]) => {
      const zoom = getComputedStyle(document.getElementById(id)).zoom;
      return zoom !== was && zoom;
    }, [target, before], { timeout: 5000 }).then((h) => h.jsonValue(), () => before);
    const result = {
      ms: seen.done,
      cls: seen.shifts.filter((e) => !e.input && e.at <= seen.done + 1000).reduce((sum, e) => sum + e.value, 0),
      shifts: seen.shifts,
      ok: Number(before) === 1 && Number(after) === 1.125,
      timeline: await page.evaluate(timeline),
    };
    await cdp.detach().catch(() => {});
    return result;
  } finally {
    await context.close();
  }
}

/** JS heap after a full GC, and the wasm's linear memory (ours: `glue` is its module's URL). */
export async function memory(context, page, glue) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("Performance.enable");
  const heap = (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "JSHeapUsedSize").value;
  // The glue's init returns the instance's exports when it is already initialised.
  const wasm = glue ? await page.evaluate(async (src) => {
    const exports = await (await import(new URL(src, location.href).href)).default();
    return exports && exports.memory ? exports.memory.buffer.byteLength : null;
  }, glue) : 0;
  await cdp.detach().catch(() => {});
  return { heap, wasm: wasm || 0 };
}

// In the page: one action of the handle, started at the beginning of a frame as an input event
// would be. `script` is the action's synchronous time; `frame` runs to the end of the frame that
// shows it (style, layout, paint), read by a timeout queued in the same callback. `ok` checks
// that the action did what it says, so that a no-op cannot look fast.
function act(action) {
  return new Promise((done) => requestAnimationFrame(() => {
    const h = window.__handle;
    const root = document.getElementById("w").shadowRoot;
    const step = h.fontStep;
    const t = performance.now();
    if (action === "lang") h.setLanguage("ko");
    if (action === "font") h.setFontStep(step + 1);
    if (action === "open") h.open("item-5");
    const script = performance.now() - t;
    setTimeout(() => {
      const frame = performance.now() - t;
      let ok = false;
      if (action === "lang") ok = /자매도시/.test(root.querySelector('[part~="card-title"]')?.textContent || "");
      if (action === "font") ok = h.fontStep === step + 1;
      if (action === "open") ok = !!root.querySelector('[part~="article-title"]');
      done({ script, frame, ok });
    }, 0);
  }));
}

/**
 * The handle's actions on 100 cards (desktop): the page mounts the widget with
 * NewsWidget.mount, which both widgets have, on a bare element.
 */
export async function interactions(browser, url, path, { feed, profile, validate = null }) {
  const context = await browser.newContext(profile.context);
  try {
    const page = await context.newPage();
    await page.goto(url + path);
    await page.waitForFunction(() => window.NewsWidget && window.NewsWidget.mount);
    await page.evaluate(async (f) => {
      window.__handle = await NewsWidget.mount(document.getElementById("w"), { feed: f, pageSize: 100, lang: "en" });
    }, feed);
    await page.waitForFunction(() => document.getElementById("w").shadowRoot?.querySelectorAll('[part~="card"]').length === 100);
    await page.waitForTimeout(300);
    const out = {};
    for (const action of ["lang", "font", "open"]) {
      out[action] = await page.evaluate(act, action);
      await page.waitForTimeout(100);
    }
    if (validate) {
      out.parse = {};
      for (const [n, feedUrl] of Object.entries(validate)) {
        out.parse[n] = await page.evaluate(async (u) => {
          const text = await (await fetch(u)).text();
          const t = performance.now();
          const report = await NewsWidget.validateFeed(text);
          if (report.items < 1) throw new Error("no items parsed");
          return performance.now() - t;
        }, feedUrl);
      }
    }
    return out;
  } finally {
    await context.close();
  }
}
