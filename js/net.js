// The widget's network and storage I/O, imported by the wasm (src/dom/net/fetch.rs, src/dom/net/cache.rs)
// and bundled into the glue by scripts/build.sh. The calls to the browser are here, because each
// one costs a glue function and a wasm import when made from Rust, and an async Rust function
// costs its state machine: in JS they are about 1 KB gzip. The policy stays in Rust, where it is
// tested natively: whether to retry and how long to wait (`refresh`), what to keep and what to
// drop and the kept entry's header (`keep`), which failure keeps the news. What is left here is
// telling the browser's outcomes apart (the deadline's abort from the widget's, a CORS block
// from a dead host), covered by tests/e2e/network.test.mjs.
//
// Every timer and listener started here is cleared when its request settles, and a request
// settles when its controller aborts: the widget's guard aborts it when the widget goes, so a
// destroyed widget leaves nothing running.

// What these functions answer is declared in Rust as typed imports (src/dom/net/js.rs: Answer,
// Stored): objects whose fields are named there, never arrays told apart by position or a
// sentinel. The names below are this module's alone.

// The kept feeds' Cache Storage, and the one header of an entry (written and read by
// `keep::EntryMeta`).
const STORE = "news-widget:feeds";
const META = "x-news-widget";
// The key header of an entry an earlier version kept (a header per field).
const OLD_KEY = "x-news-widget-key";

// Runs `work(signal)` with `controller` aborted at `endsAt` (ms since the epoch): a promise that
// settles as `work` does, or, once the deadline passed, resolves `late()`.
function within(controller, endsAt, work, late) {
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, Math.max(0, endsAt - Date.now()));
  return work(controller.signal).then(
    (value) => (clearTimeout(timer), value),
    (error) => {
      clearTimeout(timer);
      if (timedOut) return late();
      throw error;
    },
  );
}

// Resolves after `ms`, or at once when `signal` aborts (or has).
function pause(ms, signal) {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });
}

// One GET of `url`, ended by `controller` or at `endsAt`, the body included, after waiting `wait`
// ms (a busy server's Retry-After; 0 for the first attempt). `answer`: the same GET already on
// its way (the loader's early request). `revalidate`: the HTTP cache asks the server first.
// Never rejects; resolves an Answer: `status` and, for a 2xx, `body`, `contentType` and the final
// `url`; for another status, `retryAfter`; without an answer, status 0 and `timedOut` or the
// browser's `error`, a cross-origin failure diagnosed first (within `timeoutMs` of its own: a
// slow server's failure may come late in the request's).
export function request(url, controller, endsAt, timeoutMs, revalidate, wait, answer) {
  return within(controller, endsAt, async (signal) => {
    if (wait) await pause(wait, signal);
    let response;
    try {
      response = await (answer || fetch(url, { signal, cache: revalidate ? "no-cache" : "default" }));
    } catch (error) {
      if (!signal.aborted) diagnose(url, timeoutMs, signal);
      throw error;
    }
    const { status, headers } = response;
    if (!response.ok) return { status, retryAfter: headers.get("retry-after") };
    const body = new Uint8Array(await response.arrayBuffer());
    return { status, body, contentType: headers.get("content-type"), url: response.url || url };
  }, () => ({ status: 0, timedOut: true })).catch((error) => ({ status: 0, error: String(error && error.message || error) }));
}

// Browsers report a blocked cross-origin answer like a network failure. While online, a
// `no-cors` request of a cross-origin URL tells them apart: if the server answers that one, it is
// reachable, and CORS blocked the answer. Ended with the failed request's signal.
function diagnose(url, ms, failed) {
  if (new URL(url, location.href).origin === location.origin || navigator.onLine === false) return;
  const probe = new AbortController();
  within(probe, Date.now() + ms, (signal) => {
    const stop = () => probe.abort();
    failed.addEventListener("abort", stop);
    return fetch(url, { mode: "no-cors", signal }).finally(() => failed.removeEventListener("abort", stop));
  }, () => Promise.reject()).then(() => {
    try {
      console.error(
        `news-widget: the feed ${url} is blocked by CORS: its server answers without ` +
        `Access-Control-Allow-Origin. The feed's server must send Access-Control-Allow-Origin: ` +
        `${location.origin} (or *).`,
      );
    } catch (error) {
      // A page's console wrapper that throws: the diagnosis is lost, nothing else.
    }
  }, () => {});
}

// Resolves after the current task (a 0 ms timer, gone once it fired).
export function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// Cache Storage holds http(s) requests only (the browser tests' blob: feeds are not kept).
const keepable = (url) => /^https?:/.test(url);

// A promise of what `use(caches)` returns, rejected where storage is blocked: no `caches` (plain
// http, sandboxed frames), a page that replaced it, or a call that throws or rejects.
const withCaches = (use) => Promise.resolve().then(() => use(globalThis.caches));
// The kept feeds' cache (opened, and so created, only to keep a feed).
const store = () => withCaches((caches) => caches.open(STORE));

// The kept copy of `url`: a Stored with its header (`meta`) and its `body`, or undefined when there
// is none (or storage is blocked).
export function lookup(url) {
  if (!keepable(url)) return Promise.resolve();
  return withCaches((caches) => caches.match(url, { cacheName: STORE }))
    .then(async (response) => {
      const meta = response && response.headers.get(META);
      return meta ? { meta, body: new Uint8Array(await response.arrayBuffer()) } : undefined;
    })
    .catch(() => undefined);
}

// Keeps `bytes` as the last good copy of `url` under the header `meta`, or, without `meta`, drops
// the older copy (too large to keep, it would no longer be the last good one). Resolves every
// entry as a Stored with its header (`meta`; an earlier version's entry has none, and its `key`)
// for the bound, or undefined where storage is blocked. A full quota refuses the copy: the
// store stays as it was.
export function keep(url, bytes, meta) {
  if (!keepable(url)) return Promise.resolve();
  return store()
    .then(async (cache) => {
      if (meta) {
        await cache.put(url, new Response(bytes, { headers: [[META, meta]] })).catch(() => {});
      } else {
        await cache.delete(url);
      }
      return (await cache.matchAll()).map(({ headers }) => ({ meta: headers.get(META), key: headers.get(OLD_KEY) }));
    })
    .catch(() => undefined);
}

// Deletes the kept copies of `keys` (each on its own, not awaited).
export function forget(keys) {
  store().then((cache) => keys.forEach((key) => cache.delete(key).catch(() => {})), () => {});
}
