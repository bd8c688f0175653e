// The benchmark (`make bench`): shipped size of dist/ (raw, gzip, brotli), the wasm's largest
// contributors by crate (twiggy), and medians of browser timings in headless Chromium, each next
// to its budget. It informs; it never fails a build. Run after scripts/build.sh.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { startServer } from "./serve.mjs";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const RUNS = Number(process.env.BENCH_RUNS || 11);
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
  "--enable-precise-memory-info", "--js-flags=--expose-gc"];

const rows = [];
const mark = (ok) => (ok ? "✓" : "✗");
function row(what, value, budget, ok) {
  rows.push([what, value, budget ?? "", budget ? mark(ok) : ""]);
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---------------------------------------------------------------------------------------------
// Sizes.
const dist = join(root, "dist");
if (!existsSync(dist)) {
  console.error("no dist/: run scripts/build.sh first (make bench does)");
  process.exit(1);
}
let total = { raw: 0, gz: 0, br: 0 };
const sizeRows = [];
for (const name of readdirSync(dist).sort()) {
  const data = readFileSync(join(dist, name));
  const raw = data.length;
  const gz = gzipSync(data, { level: 9 }).length;
  const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total = { raw: total.raw + raw, gz: total.gz + gz, br: total.br + br };
  sizeRows.push([name, raw, gz, br]);
}
sizeRows.push(["total", total.raw, total.gz, total.br]);

// ---------------------------------------------------------------------------------------------
// The wasm's contributors by crate, from a build with names kept (before wasm-opt strips them).
function contributors() {
  const twiggy = ["twiggy", join(process.env.HOME || "", ".cargo/bin/twiggy")].find((t) => {
    try { execFileSync(t, ["--version"], { stdio: "ignore" }); return true; } catch { return false; }
  });
  if (!twiggy) return null;
  const wasm = join(root, "target/wasm32-unknown-unknown/release/news_widget.wasm");
  const out = join(root, "target/bench-names");
  // bench.sh built it just before (cargo leaves it untouched when nothing changed).
  if (!existsSync(wasm)) return null;
  execFileSync("wasm-bindgen", ["--keep-debug", "--target", "web", "--out-dir", out, wasm]);
  const csv = execFileSync(twiggy, ["top", "-n", "100000", "--format", "csv", join(out, "news_widget_bg.wasm")], { maxBuffer: 64 << 20 }).toString();
  const sizes = new Map();
  let code = 0;
  for (const line of csv.split("\n").slice(1)) {
    const match = line.match(/^"?(.*?)"?,(\d+),/);
    if (!match) continue;
    const [name, size] = [match[1], Number(match[2])];
    if (name.startsWith("custom section") || name.includes("function names")) continue;
    code += size;
    let crate;
    if (name.startsWith("data segment")) crate = "(data: strings, tables, CSS, FTL)";
    else {
      const m = name.match(/^<?&?(?:dyn )?([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/) || name.match(/^<([a-z_][a-z0-9_]*)/);
      crate = m ? m[1] : "(other)";
    }
    sizes.set(crate, (sizes.get(crate) || 0) + size);
  }
  return { code, top: [...sizes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12) };
}

// ---------------------------------------------------------------------------------------------
// Browser timings.
function feed(n) {
  const items = [];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    items.push({
      id: `item-${i}`,
      title: `Sister-city news number ${i}`,
      summary: `Summary of item ${i}: delegations, festivals and services for foreign residents.`,
      content_html: `<p>Paragraph one of item ${i}.</p><p>Paragraph <a href="/x">two</a>.</p>`,
      date_published: `2024-05-${day}T10:00:00+08:00`,
      authors: [{ name: "CCFAO" }],
      _news_widget: { translations: {
        "zh-CN": { title: `友好城市新闻 ${i}`, summary: `第 ${i} 条新闻摘要。`, content_html: `<p>第 ${i} 条。</p>` },
        ko: { title: `자매도시 소식 ${i}`, summary: `${i}번째 소식 요약.`, content_html: `<p>${i}번째.</p>` },
      } },
    });
  }
  return JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "Bench", language: "en", items });
}

const page = (pageSize) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script>window.__t0 = performance.now();</script>
<script src="/dist/news-widget.js" defer></script></head>
<body><div id="w" data-news-widget data-feed="/bench/feed.json" data-page-size="${pageSize}"></div></body></html>`;

async function timings(browser, url) {
  const feeds = { 20: feed(20), 100: feed(100), 1000: feed(1000), 10000: feed(10000) };
  const results = { first: [], repeat: [], three: [], lang: [], langFrame: [], font: [], fontFrame: [], open: [], openFrame: [], parse1k: [], parse10k: [] };
  let memory = null;
  for (let run = 0; run < RUNS; run++) {
    // A fresh context each run: download + compile + first cards, as a first visit.
    const context = await browser.newContext();
    const p = await context.newPage();
    let currentFeed = feeds[20];
    let feedDelay = 0;
    await p.route("**/bench/page-*.html", (r) => r.fulfill({ contentType: "text/html", body: page(r.request().url().includes("100") ? 100 : 20) }));
    await p.route("**/bench/feed.json", async (r) => {
      if (feedDelay) await new Promise((resolve) => setTimeout(resolve, feedDelay));
      await r.fulfill({ contentType: "application/json", body: currentFeed });
    });
    const firstCards = () => p.evaluate(() => new Promise((done) => {
      const check = () => {
        const root = document.getElementById("w").shadowRoot;
        if (root && root.querySelectorAll('[part~="card"]').length === 20) {
          // The frame after the cards are in the DOM is the one that paints them.
          requestAnimationFrame(() => setTimeout(() => done(performance.now() - window.__t0), 0));
        } else requestAnimationFrame(check);
      };
      check();
    }));
    await p.goto(`${url}/bench/page-20.html`);
    results.first.push(await firstCards());

    // Repeat view: the same reader again, with the feed 300 ms away (a phone's round trip to
    // the feed's server). The kept copy (where the widget keeps one) shows without waiting.
    await p.waitForFunction(async () => !window.caches ||
      (await (await caches.open("news-widget:feeds")).keys()).length > 0, null, { timeout: 3000 }).catch(() => {});
    feedDelay = 300;
    await p.goto(`${url}/bench/page-20.html`);
    results.repeat.push(await firstCards());
    await p.waitForTimeout(400); // the feed's answer, before the next page
    feedDelay = 0;

    // The three-instance demo page: navigation start → all three widgets' cards painted.
    await p.goto(`${url}/three.html`);
    results.three.push(await p.evaluate(() => new Promise((done) => {
      const check = () => {
        const ready = ["changchun", "ulsan", "riverside"].every((id) =>
          document.getElementById(id).shadowRoot?.querySelector('[part~="card"]'));
        if (ready) requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0));
        else requestAnimationFrame(check);
      };
      check();
    })));

    currentFeed = feeds[100];
    await p.goto(`${url}/bench/page-100.html`);
    await p.waitForFunction(() => document.getElementById("w").shadowRoot?.querySelectorAll('[part~="card"]').length === 100);
    // Two figures per action: the widget's own synchronous work (script), and the time until
    // the next frame has run (script + style + layout + the wait for that frame).
    const step = (action) => p.evaluate((act) => new Promise((done) => {
      const handle = NewsWidget.get(document.getElementById("w"));
      const t = performance.now();
      if (act === "lang") handle.setLanguage(handle.language === "ko-KR" ? "en" : "ko");
      if (act === "font") handle.setFontStep(handle.fontStep === 1 ? 0 : 1);
      if (act === "open") handle.open("item-5");
      const script = performance.now() - t;
      requestAnimationFrame(() => setTimeout(() => done([script, performance.now() - t]), 0));
    }), action);
    for (const action of ["lang", "font", "open"]) {
      const [script, frame] = await step(action);
      results[action].push(script);
      results[`${action}Frame`].push(frame);
    }

    const parse = (n) => p.evaluate(async (text) => {
      await NewsWidget.validateFeed("{}").catch(() => {}); // the wasm is loaded and warm
      const t = performance.now();
      const report = await NewsWidget.validateFeed(text);
      const took = performance.now() - t;
      if (report.items < 1) throw new Error("no items parsed");
      return took;
    }, feeds[n]);
    results.parse1k.push(await parse(1000));
    results.parse10k.push(await parse(10000));

    if (run === RUNS - 1) {
      // Memory after a widget loaded the 10,000-item feed (only the first page is rendered).
      currentFeed = feeds[10000];
      await p.goto(`${url}/bench/page-20.html`);
      await p.waitForFunction(() => document.getElementById("w").shadowRoot?.querySelectorAll('[part~="card"]').length === 20);
      const cdp = await context.newCDPSession(p);
      await cdp.send("HeapProfiler.collectGarbage");
      await cdp.send("Performance.enable");
      const metrics = (await cdp.send("Performance.getMetrics")).metrics;
      const heap = metrics.find((m) => m.name === "JSHeapUsedSize").value;
      const wasm = await p.evaluate(async () => {
        // The glue's init returns the instance's exports once it is initialised.
        const glue = await import(new URL("/dist/news-widget-core.js", location.href).href);
        const exports = await glue.default();
        return exports && exports.memory ? exports.memory.buffer.byteLength : null;
      });
      memory = { heap, wasm };
    }
    await context.close();
  }
  return { results, memory };
}

const { server, url } = await startServer({ port: 0, quiet: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
let measured;
try {
  measured = await timings(browser, url);
} finally {
  await browser.close();
  server.close();
}
const who = contributors();

// ---------------------------------------------------------------------------------------------
// The table.
console.log(`\nnews-widget benchmark — ${new Date().toISOString().slice(0, 10)}, ${RUNS} runs, headless Chromium\n`);
console.log("Shipped files (dist/)");
console.log("| file | raw | gzip | brotli |\n|---|---:|---:|---:|");
for (const [name, raw, gz, br] of sizeRows) console.log(`| ${name} | ${raw} | ${gz} | ${br} |`);
console.log(`\ntotal gzip ${kb(total.gz)} — budget ≤ 120 KB ${mark(total.gz <= 120 * 1024)}`);

if (who) {
  console.log(`\nLargest contributors to the wasm (before wasm-opt, ${kb(who.code)} of code and data)`);
  console.log("| crate | bytes | share |\n|---|---:|---:|");
  for (const [crate, size] of who.top) console.log(`| ${crate} | ${size} | ${(100 * size / who.code).toFixed(1)} % |`);
} else {
  console.log("\n(contributors: twiggy or a fresh release build missing; make bench installs and builds both)");
}

const r = measured.results;
row("script start → first 20 cards painted", ms(median(r.first)), "≤ 150 ms", median(r.first) <= 150);
row("repeat view, feed 300 ms away: script start → first 20 cards painted", ms(median(r.repeat)), "", true);
row("three-instance demo page: navigation → all cards painted", ms(median(r.three)), "", true);
row("language switch, 100 cards: script", ms(median(r.lang)), "≤ 16 ms", median(r.lang) <= 16);
row("language switch, 100 cards: to next frame", ms(median(r.langFrame)), "", true);
row("one A+ step, 100 cards: script", ms(median(r.font)), "≤ 4 ms", median(r.font) <= 4);
row("one A+ step, 100 cards: to next frame", ms(median(r.fontFrame)), "", true);
row("open an article: script", ms(median(r.open)), "", true);
row("open an article: to next frame", ms(median(r.openFrame)), "", true);
row("parse + validate 1,000-item feed", ms(median(r.parse1k)), "", true);
row("parse + validate 10,000-item feed", ms(median(r.parse10k)), "≤ 300 ms", median(r.parse10k) <= 300);
if (measured.memory) {
  const { heap, wasm } = measured.memory;
  const sum = heap + (wasm || 0);
  row("JS heap after the 10,000-item feed", kb(heap), "", true);
  row("wasm memory after the 10,000-item feed", wasm == null ? "n/a" : kb(wasm), "", true);
  row("memory total", kb(sum), "≤ 20 MB", sum <= 20 * 1024 * 1024);
}
console.log(`\nBrowser timings (medians of ${RUNS})`);
console.log("| measure | median | budget | |\n|---|---:|---|---|");
for (const [a, b, c, d] of rows) console.log(`| ${a} | ${b} | ${c} | ${d} |`);
