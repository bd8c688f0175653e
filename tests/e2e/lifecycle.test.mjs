// A destroyed widget is gone, memory included: mounting and destroying a widget with a large
// feed a hundred times leaves the wasm's memory and the JS heap where they were after the first
// ten (a widget kept alive by anything, a listener, a request, the registry, would hold its
// feed, about a megabyte a cycle).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setUp, newPage, waitForCards } from "./harness.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

/** A JSON Feed of `count` articles with bodies of about 4 KB each. */
function bigFeed(count) {
  const paragraph = "<p>" + "Sister-city exchange programme news. ".repeat(110) + "</p>";
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "Big feed",
    items: Array.from({ length: count }, (_, i) => ({
      id: `big-${i}`,
      title: `Article ${i}`,
      content_html: paragraph,
      date_published: new Date(Date.UTC(2024, 4, 28) - i * 3600e3).toISOString(),
    })),
  });
}

async function jsHeapAfterGc(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  return metrics.find((m) => m.name === "JSHeapUsedSize").value;
}

test("a hundred mounts and destroys leave the wasm memory and the JS heap as they were", async () => {
  const page = await newPage(env.browser);
  await page.addInitScript(() => {
    // The widget's memory, caught as the glue instantiates the wasm.
    for (const name of ["instantiate", "instantiateStreaming"]) {
      const original = WebAssembly[name];
      WebAssembly[name] = async function (...args) {
        const result = await original.apply(this, args);
        const instance = result.instance || result;
        if (instance.exports && instance.exports.memory) window.__wasmMemory = instance.exports.memory;
        return result;
      };
    }
  });
  const body = bigFeed(300);
  await page.route("**/feeds/big.json", (route) => route.fulfill({
    contentType: "application/json",
    headers: { "cache-control": "no-store" },
    body,
  }));
  await page.goto(`${env.url}/plain.html`);
  await waitForCards(page, "#widget");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");

  const cycles = (n) => page.evaluate(async (n) => {
    const host = document.getElementById("probe") || Object.assign(document.createElement("div"), { id: "probe" });
    document.querySelector("main").append(host);
    for (let i = 0; i < n; i++) {
      const handle = await NewsWidget.mount(host, { feed: "feeds/big.json", pageSize: 20 });
      while (!host.shadowRoot.querySelector('[part~="card"]')) await new Promise((r) => setTimeout(r, 5));
      handle.destroy();
    }
    // Cache Storage writes of the kept feed run in the background; let them finish.
    await new Promise((r) => setTimeout(r, 200));
    return window.__wasmMemory.buffer.byteLength;
  }, n);

  const warmWasm = await cycles(10);
  const warmHeap = await jsHeapAfterGc(cdp);
  const afterWasm = await cycles(100);
  const afterHeap = await jsHeapAfterGc(cdp);
  const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;
  const feedBytes = body.length;
  console.log(`# feed ${mb(feedBytes)}; wasm memory ${mb(warmWasm)} -> ${mb(afterWasm)}; JS heap ${mb(warmHeap)} -> ${mb(afterHeap)}`);
  // One leaked cycle would hold at least the decoded feed (about its JSON's size).
  assert.ok(afterWasm - warmWasm < 2 * feedBytes,
    `the wasm memory grew by ${mb(afterWasm - warmWasm)} over 100 cycles (${mb(feedBytes)} a feed)`);
  assert.ok(afterHeap - warmHeap < 2 * feedBytes,
    `the JS heap grew by ${mb(afterHeap - warmHeap)} over 100 cycles`);
  const shadow = await page.evaluate(() => document.getElementById("probe").shadowRoot.innerHTML);
  assert.equal(shadow, "<slot></slot>");
  assert.deepEqual(page.errors, []);
});
