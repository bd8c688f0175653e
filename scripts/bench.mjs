// The benchmark (`make bench`): ours side by side with the JavaScript reference widget
// (../shared/reference/), both served by scripts/serve.mjs from one origin with the same
// compression and cache headers, measured alternately (A B A B) in one headless Chromium;
// then the figures only ours has (twiggy contributors, validateFeed). It informs; it never
// fails a build. Run after scripts/build.sh (bench.sh does). docs/benchmarks.md reads it.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CACHE, startServer } from "./serve.mjs";
import { OURS_BASE, REFERENCE_TOOLBAR_SRC, VARIANTS, benchCache, preloadLines, toolbarPreloadLines, writeArticlePages, writeBenchSite } from "./bench/pages.mjs";
import { PROFILES, firstCards, interactions, memory, toolbarUsable } from "./bench/measure.mjs";
import { contributors, distFiles, sizesOf } from "./bench/sizes.mjs";
import { kb, mb, median, ms, ratio, table, timing } from "./bench/report.mjs";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || 7));
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
  "--enable-precise-memory-info", "--js-flags=--expose-gc"];

const dist = join(root, "dist");
if (!existsSync(dist)) {
  console.error("no dist/: run scripts/build.sh first (make bench does)");
  process.exit(1);
}
const referenceDir = [resolve(root, "../shared/reference"), process.env.BENCH_REFERENCE]
  .find((dir) => dir && existsSync(join(dir, "news-widget.js")));
const widgets = referenceDir ? ["ours", "reference"] : ["ours"];
// The article page: ours against the reference's plain script toolbar, where it is there too,
// and ours with the toolbar's preload lines.
const toolbars = [...(referenceDir && existsSync(join(referenceDir, "toolbar.js")) ? ["ours", "reference"] : ["ours"]), "preload"];

// ---------------------------------------------------------------------------------------------
// The server: the project's, with the bench pages and the reference mounted beside dist/.
const site = mkdtempSync(join(tmpdir(), "news-widget-bench-"));
const { pages, feedUrls } = writeBenchSite(site);
pages.article = writeArticlePages(site, join(root, "www/article.html"));
let feedPolicy = CACHE.feed; // the "revalidated" repeat view swaps it for no-cache
const mounts = [{ prefix: "/bench/", dir: site, cache: benchCache(() => feedPolicy) }];
// Same headers as ours under its version path: a pinned file that a CDN may keep for a year.
if (referenceDir) mounts.push({ prefix: "/reference/", dir: referenceDir, cache: CACHE.versioned });
const served = [];
const { server, url } = await startServer({ port: 0, quiet: true, mounts,
  onResponse: (req, status) => served.push({ path: new URL(req.url, url).pathname, status }) });

// Each scene measures "navigation start → first frame with 20 cards painted".
const SCENES = [
  { key: "phone", label: "first 20 cards, phone on 4G, cold", page: "first", profile: PROFILES.phone, preload: true },
  { key: "desktop", label: "first 20 cards, desktop, cold", page: "first", profile: PROFILES.desktop, budget: 150 },
  { key: "repeat", label: "first 20 cards, phone, repeat view (feed fresh in the HTTP cache)", page: "first", profile: PROFILES.phone, repeat: true },
  { key: "revalidate", label: "first 20 cards, phone, repeat view (feed revalidated: a 304)", page: "first", profile: PROFILES.phone, repeat: true, feed: "no-cache" },
  { key: "big", label: "first 20 cards of a 10,000-item feed, desktop, cold", page: "big", profile: PROFILES.desktop, memory: true },
];
const got = {}; // got[scene][variant][run] = result; a failed run leaves a hole
const errors = [];
const keep = (scene, variant, run, value) => { ((got[scene] ??= {})[variant] ??= [])[run] = value; };

async function measureScene(browser, scene, run) {
  feedPolicy = scene.feed || CACHE.feed;
  const variants = scene.preload ? [...widgets, "preload"] : widgets;
  for (const variant of variants) {
    const glue = variant === "reference" ? null : `${OURS_BASE}news-widget-widget.js`;
    try {
      const result = await firstCards(browser, url, pages[scene.page][variant], {
        profile: scene.profile, repeat: scene.repeat, log: served,
        after: scene.memory ? (context, page) => memory(context, page, glue) : null,
      });
      if (run >= 0) keep(scene.key, variant, run, result);
    } catch (error) {
      errors.push(`${scene.key} / ${variant}: ${String(error.message || error).split("\n")[0]}`);
    }
  }
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const chromiumVersion = browser.version();
const loadBefore = loadavg()[0];
let preloadCheck = null;
try {
  // Compress every file once, then one uncounted desktop round: neither the server's first
  // gzip nor the browser's first start-up lands in a median.
  for (const path of [...Object.values(pages).flatMap(Object.values), ...Object.values(feedUrls), "/bench/feed-1000.json",
    `${OURS_BASE}news-widget.js`, ...["widget", "toolbar"].flatMap((m) => [`${OURS_BASE}news-widget-${m}.js`, `${OURS_BASE}news-widget-${m}_bg.wasm`]),
    ...(referenceDir ? ["/reference/news-widget.js"] : []), ...(toolbars.includes("reference") ? [REFERENCE_TOOLBAR_SRC] : []),
    "/article.css", "/img/ulsan-friendship.svg"]) {
    await (await fetch(url + path, { headers: { "accept-encoding": "gzip" } })).arrayBuffer();
  }
  await measureScene(browser, SCENES[1], -1);
  for (let run = 0; run < RUNS; run++) {
    process.stderr.write(`bench: run ${run + 1} of ${RUNS}\n`);
    for (const scene of SCENES) await measureScene(browser, scene, run);
    for (const variant of toolbars) {
      try {
        const from = served.length;
        const result = await toolbarUsable(browser, url, pages.article[variant], { profile: PROFILES.phone });
        // How often the server sent each file of the toolbar's module in this run: once, where the
        // preload lines are used.
        result.hits = Object.fromEntries(["news-widget-toolbar_bg.wasm", "news-widget-toolbar.js"].map((name) =>
          [name, served.slice(from).filter((s) => s.path.endsWith(`/${name}`)).length]));
        keep("article", variant, run, result);
      } catch (error) {
        errors.push(`article / ${variant}: ${String(error.message || error).split("\n")[0]}`);
      }
    }
    for (const variant of widgets) {
      try {
        keep("api", variant, run, await interactions(browser, url, pages.api[variant], {
          feed: feedUrls.api, profile: PROFILES.desktop,
          validate: variant === "ours" ? { 1000: "/bench/feed-1000.json", 10000: "/bench/feed-10000.json" } : null,
        }));
      } catch (error) {
        errors.push(`interactions / ${variant}: ${String(error.message || error).split("\n")[0]}`);
      }
    }
  }
  // The evidence that the preloads are used: one more phone run, watched for 4 s after load.
  feedPolicy = CACHE.feed;
  preloadCheck = await firstCards(browser, url, pages.first.preload, { profile: PROFILES.phone, detail: true, log: served })
    .catch((error) => ({ error: String(error.message || error) }));
} finally {
  await browser.close();
  server.close();
  rmSync(site, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// The side-by-side table.
const out = [];
const say = (...lines) => out.push(...lines);
// What a page downloads: the loader and its role's module (a page of widgets: the widget's, an
// article page: the toolbar's); the tools module only with `locales`, the plan module only on a
// reader's first Listen (or pointing at it), the print module only for a reader's first Print
// (or pointing at it) from a page with only toolbars.
const TOOLS_FILE = "news-widget-tools.wasm";
const PLAN_FILE = "news-widget-plan.wasm";
const roleFiles = (role) => distFiles(dist).filter((f) =>
  ["news-widget.js", `news-widget-${role}.js`, `news-widget-${role}_bg.wasm`].includes(f.split("/").pop()));
const ours = sizesOf(roleFiles("widget"));
const articleOurs = sizesOf(roleFiles("toolbar"));
const shipped = sizesOf(distFiles(dist));
const tools = sizesOf(distFiles(dist).filter((f) => f.endsWith(`/${TOOLS_FILE}`)));
const planModule = sizesOf(distFiles(dist).filter((f) => f.endsWith(`/${PLAN_FILE}`)));
const printModule = sizesOf(distFiles(dist).filter((f) => /\/news-widget-print(\.js|_bg\.wasm)$/.test(f)));
const reference = referenceDir ? sizesOf([join(referenceDir, "news-widget.js")]) : null;
// Per run, in run order (a hole where a run failed), so that ours and the reference pair up.
const runsOf = (scene, variant) => Array.from({ length: RUNS }, (_, i) => got[scene]?.[variant]?.[i]);
const present = (scene, variant) => runsOf(scene, variant).filter(Boolean);
const cardMs = (scene, variant) => runsOf(scene, variant).map((r) => r?.ms);
const mark = (ok) => (ok ? "✓" : "✗");
const budget = (value, limit, text) => (Number.isFinite(value) ? `${text} ${mark(value <= limit)}` : text);

const rows = [];
function line(label, oursValues, refValues, preloadValues, format, budgetText = "") {
  rows.push([label, format(oursValues), refValues ? format(refValues) : "—", ratio(oursValues, refValues || []),
    preloadValues ? format(preloadValues) : "", budgetText]);
}
const one = (f) => (xs) => f(median(xs));
line("shipped to a page of widgets, gzip -9 (sum of per-file sizes: loader, widget's glue and wasm)", [ours.total.gz], reference && [reference.total.gz], null, one(kb),
  budget(ours.total.gz, 100 * 1024, "≤ 100 KB"));
if (tools.rows.length) line("the compiler of run-time .ftl, only for `locales`, gzip -9", [tools.total.gz], null, null, one(kb));
if (planModule.rows.length) line("the reading plan, only for a reader's first Listen, gzip -9", [planModule.total.gz], null, null, one(kb));
if (printModule.rows.length) line("the print module, only for a reader's first Print on an article page, gzip -9", [printModule.total.gz], null, null, one(kb));
line("shipped, brotli 11 (sum)", [ours.total.br], reference && [reference.total.br], null, one(kb));
line("shipped, raw (sum)", [ours.total.raw], reference && [reference.total.raw], null, one(kb));
for (const scene of SCENES) {
  const budgetText = scene.budget ? budget(median(cardMs(scene.key, "ours")), scene.budget, `≤ ${scene.budget} ms`) : "";
  line(scene.label, cardMs(scene.key, "ours"), referenceDir && cardMs(scene.key, "reference"),
    scene.preload ? cardMs(scene.key, "preload") : null, timing, budgetText);
}
const api = (variant, action, field) => runsOf("api", variant).map((r) => r?.[action][field]);
const actions = [["lang", "language switch en → ko, 100 cards", 16], ["font", "one A+ step, 100 cards", 4], ["open", "open an article (handle.open), 100 cards", null]];
for (const [action, label, scriptBudget] of actions) {
  line(`${label}: to the end of its frame`, api("ours", action, "frame"), referenceDir && api("reference", action, "frame"), null, timing);
  line(`${label}: script`, api("ours", action, "script"), referenceDir && api("reference", action, "script"), null, timing,
    scriptBudget ? budget(median(api("ours", action, "script")), scriptBudget, `≤ ${scriptBudget} ms`) : "");
}
const mem = (variant, part) => runsOf("big", variant).map((r) => (!r ? undefined : part ? r.after[part] : r.after.heap + r.after.wasm));
line("memory after the 10,000-item feed: JS heap after GC + wasm memory", mem("ours"), referenceDir && mem("reference"), null, one(mb),
  budget(median(mem("ours")), 20 * 1024 * 1024, "≤ 20 MB"));
const bytesOf = (r) => Object.values(r.timeline).reduce((sum, e) => sum + (Array.isArray(e) ? e.reduce((s, x) => s + x.size, 0) : e.size), 0);
const wire = (variant) => runsOf("phone", variant).map((r) => r && bytesOf(r));
line("bytes over the wire, cold phone load (page + widget + feed, bodies)", wire("ours"), referenceDir && wire("reference"), wire("preload"), one(kb));
// The article page (www/article.html, only <news-widget-toolbar for>): ours against toolbar.js.
const art = (variant, pick) => runsOf("article", variant).map((r) => (r ? pick(r) : undefined));
const artRef = toolbars.includes("reference") ? (pick) => art("reference", pick) : () => null;
line("article page: shipped, gzip -9 (loader, toolbar's glue and wasm)", [articleOurs.total.gz], null, null, one(kb),
  budget(articleOurs.total.gz, 25 * 1024, "≤ 25 KB"));
line("article page: toolbar usable (A+ laid out, its click handled), phone, cold", art("ours", (r) => r.ms), artRef((r) => r.ms), art("preload", (r) => r.ms), timing);
line("article page: bytes over the wire (page, styles, picture, toolbar), phone, cold", art("ours", bytesOf), artRef(bytesOf), null, one(kb));
line("article page: cumulative layout shift until 1 s after usable, phone, cold", art("ours", (r) => r.cls), artRef((r) => r.cls), null, one((x) => (Number.isFinite(x) ? x.toFixed(3) : "n/a")));

say(`# news-widget benchmark — ${new Date().toISOString().slice(0, 10)}`, "",
  `Medians of ${RUNS} runs (min–max in brackets), Chromium ${chromiumVersion} headless, ${widgets.length > 1 ? "ours and the reference alternated run by run (A B A B) in one browser" : "ours alone"}; ` +
  `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after, on ${cpus().length} cores (other work on the machine moves the timings, the ratios less).`,
  referenceDir ? "Reference: the JavaScript reference widget and toolbar (news-widget.js, toolbar.js), from outside this repository." : "**The reference widget is absent** (no ../shared/reference/news-widget.js, BENCH_REFERENCE unset): ours alone.",
  "", table(["figure", "ours", "reference", "ours ÷ reference", "ours + preload", "budget (ours)"], rows, ["l", "r", "r", "r", "r", "l"]), "");

// Where the time goes on the phone: the pages' own resource timing, medians.
const at = (scene, variant, pick) => median(present(scene, variant).map((r) => pick(r)));
const res = (name, field) => (r) => r.timeline[name]?.[0]?.[field];
const steps = [
  ["page HTML received", (r) => r.timeline.html.end],
  ["widget script received (ours: the loader)", res("news-widget.js", "end")],
  ["glue requested", res("news-widget-widget.js", "start")],
  ["glue received", res("news-widget-widget.js", "end")],
  ["wasm requested", res("news-widget-widget_bg.wasm", "start")],
  ["wasm received", res("news-widget-widget_bg.wasm", "end")],
  ["feed requested", res("feed.json", "start")],
  ["feed received", res("feed.json", "end")],
  ["news-widget:ready", (r) => r.ready?.at],
  ["first 20 cards painted", (r) => r.ms],
];
function timelineTable(scene, variants) {
  say(`Where the time goes: ${SCENES.find((s) => s.key === scene).label} (ms from navigation start, the page's resource timing, medians):`, "",
    table(["step", ...variants.map((v) => VARIANTS[v].label)],
      steps.map(([label, pick]) => [label, ...variants.map((v) => { const m = at(scene, v, pick); return Number.isFinite(m) ? ms(m) : "—"; })]),
      ["l", ...variants.map(() => "r")]), "");
}
timelineTable("phone", [...widgets, "preload"]);
timelineTable("desktop", widgets);
timelineTable("revalidate", widgets);
// The repeat views: what the server saw on the measured visit, and where ours took its list from.
for (const key of ["repeat", "revalidate"]) {
  const parts = widgets.map((v) => {
    const last = present(key, v).at(-1);
    const hits = last ? last.server.map((s) => `${s.path.split("/").pop()} ${s.status}`).join(", ") || "none" : "n/a";
    const kept = present(key, v).filter((r) => r.ready?.source === "kept").length;
    return `${VARIANTS[v].label}: server saw ${hits}${v === "ours" ? `; list from the kept copy in ${kept} of ${present(key, v).length} runs` : ""}`;
  });
  say(`- ${SCENES.find((s) => s.key === key).label} — ${parts.join("; ")}.`);
}
if (got.big) {
  say(`- Memory split: ${widgets.map((v) => `${VARIANTS[v].label} JS heap ${mb(median(mem(v, "heap")))}` +
    (v === "reference" ? "" : ` + wasm memory ${mb(median(mem(v, "wasm")))}`)).join("; ")}.`);
}
const okAll = (variant, action) => present("api", variant).every((r) => r[action].ok);
const failed = widgets.flatMap((v) => actions.filter(([a]) => !okAll(v, a)).map(([a]) => `${v} ${a}`));
say(failed.length ? `- **Actions that did not take effect: ${failed.join(", ")}** (their figures mean nothing).` : "- Every timed action was checked to have taken effect (Korean titles, the step, the article).");
if (got.article) {
  const clicks = toolbars.map((v) => `${VARIANTS[v].label} ${present("article", v).filter((r) => r.ok).length} of ${present("article", v).length}`);
  say(`- Article page: a click on A+ after each run scaled the article to 112.5 % in ${clicks.join(", ")} runs; ` +
    `files downloaded (last run): ${toolbars.map((v) => `${VARIANTS[v].label}: ${Object.keys(present("article", v).at(-1)?.timeline || {}).filter((k) => k !== "html").join(", ")}`).join("; ")}; ` +
    `layout shifts (last run, ms: value): ${toolbars.map((v) => `${VARIANTS[v].label}: ${(present("article", v).at(-1)?.shifts || []).map((e) => `${Math.round(e.at)}: ${e.value.toFixed(3)}`).join(", ") || "none"}`).join("; ")}.`);
}

// The preload lines and the evidence that Chromium used them.
say("", "Preload lines measured in \"ours + preload\" (in the page's <head>):", "", "```html", ...preloadLines(feedUrls.first), "```", "");
{
  const [plain, preloaded] = [cardMs("phone", "ours"), cardMs("phone", "preload")];
  const saved = plain.map((x, i) => x - preloaded[i]);
  say(`- First 20 cards, phone, cold: ${ms(median(plain))} without the lines, ${ms(median(preloaded))} with them; ` +
    `per run (back to back), with ÷ without ${ratio(preloaded, plain)}, ` +
    `${ms(Math.abs(median(saved)))} ${median(saved) >= 0 ? "saved" : "lost"} (median of the differences).`);
}
if (preloadCheck && !preloadCheck.error) {
  for (const name of ["news-widget-widget_bg.wasm", "news-widget-widget.js", "feed.json"]) {
    const requests = preloadCheck.requests.filter((r) => r.url.endsWith(`/${name}`)).length;
    const entries = preloadCheck.timeline[name] || [];
    const hits = preloadCheck.server.filter((s) => s.path.endsWith(`/${name}`)).length;
    const once = requests === 1 && hits === 1 && entries.length === 1;
    say(`- ${name}: ${once ? "downloaded once" : "**not downloaded exactly once**"} (${requests} request in CDP Network, ` +
      `${hits} at the server, resource timing: ${entries.map((e) => `${e.initiator}, ${e.size} B`).join("; ") || "none"})`);
  }
  const warnings = preloadCheck.messages.filter((m) => /preload/i.test(m));
  say(warnings.length ? `- console: **${warnings.join(" / ")}**` : "- console (CDP Log and console API, until 4 s after the cards): no preload warning");
} else if (preloadCheck) say(`- preload check failed: ${preloadCheck.error}`);
say("", "On the article page, \"ours + preload\" has the toolbar's module's lines:", "", "```html", ...toolbarPreloadLines(), "```", "");
{
  const [plain, preloaded] = [art("ours", (r) => r.ms), art("preload", (r) => r.ms)];
  const saved = plain.map((x, i) => x - preloaded[i]);
  say(`- Toolbar usable, phone, cold: ${ms(median(plain))} without the lines, ${ms(median(preloaded))} with them; ` +
    `${ms(Math.abs(median(saved)))} ${median(saved) >= 0 ? "saved" : "lost"} (median of the per-run differences); ` +
    `the server sent the toolbar's module per run (wasm, glue): ` +
    `${present("article", "preload").map((r) => `${r.hits?.["news-widget-toolbar_bg.wasm"]}, ${r.hits?.["news-widget-toolbar.js"]}`).join("; ")}.`);
}

// ---------------------------------------------------------------------------------------------
// Ours only.
say("", "## Ours only", "", "Shipped files (dist/), bytes:", "",
  table(["file", "raw", "gzip -9", "brotli 11"], [...shipped.rows, shipped.total].map((r) => [r.name, r.raw, r.gz, r.br]), ["l", "r", "r", "r"]), "");
const parse = (n) => present("api", "ours").map((r) => r.parse?.[n]);
say(table(["measure", "median", "budget"], [
  ["validateFeed, 1,000-item feed", timing(parse(1000)), ""],
  ["validateFeed, 10,000-item feed", timing(parse(10000)), budget(median(parse(10000)), 300, "≤ 300 ms")],
], ["l", "r", "l"]), "");
const who = contributors(root);
if (who) {
  say(`Largest contributors to the wasm (before wasm-opt, ${kb(who.code)} of code and data):`, "",
    table(["crate", "bytes", "share"], who.top.map(([crate, size]) => [crate, size, `${(100 * size / who.code).toFixed(1)} %`]), ["l", "r", "r"]), "");
} else say("(contributors: twiggy or a release build missing; make bench installs and builds both)", "");

say("## How to read it", "",
  "- Both widgets: the same page (`<div data-news-widget data-feed=… data-page-size=\"20\">` + one `defer` script tag), the same generated JSON Feed 1.1 (zh-CN and ko translations), the same server (scripts/serve.mjs: gzip -9 precompressed, ETag; `/dist/v…/` and `/reference/` `public, max-age=31536000, immutable`; feeds `public, max-age=60, stale-while-revalidate=3600`; pages `no-cache`).",
  "- ours ÷ reference: the median of the per-run ratios (each pair measured back to back, so a change of the machine's load between runs cancels out); below 1, ours is smaller or faster.",
  "- First cards: navigation start → the end of the first frame in which the widget's shadow root holds 20 laid-out `[part~=card]` elements (a requestAnimationFrame watch installed before any page script, reporting through the console so that nothing is injected into the page while it loads). Cold: a new browser context each run (empty HTTP cache, Cache Storage, localStorage). Phone: CDP `Network.emulateNetworkConditions` 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up, `Emulation.setCPUThrottlingRate` 4, 412×823 viewport. Desktop: no throttling (localhost, this machine).",
  "- Repeat view: the page is loaded once in the context, then closed; a new tab of the same context is measured. Ours keeps the last feed in Cache Storage (`news-widget:feeds`) and renders it at once on a repeat visit, then refreshes it from the network: that is a product feature, measured as a reader sees it.",
  "- Actions: the page mounts the widget with `NewsWidget.mount(el, {feed, pageSize: 100})` (both widgets have it); the action starts in a requestAnimationFrame callback and ends with a timeout queued there, which runs after that frame's style, layout and paint. `script` is the action's synchronous JavaScript/wasm time.",
  `- Memory: \`Performance.getMetrics\` JSHeapUsedSize after \`HeapProfiler.collectGarbage\`, plus (ours) the wasm instance's memory size.`,
  "- Article page: www/article.html as the demo serves it (its stylesheet and picture), with ours or the reference's toolbar.js in the same `<script defer blocking=\"render\">` tag, and ours with the toolbar's two preload lines (\"ours + preload\"); phone profile, cold. Usable: navigation start → the end of the first frame in which the toolbar's A+ button is laid out (both attach its click listener in the task that builds it; a real click after the run checks that the article scales). Cumulative layout shift: the sum of the page's `layout-shift` entries without recent input, from the start until 1 s after usable (the bar's arrival is the shift this measures).");
if (errors.length) say("", "Errors (these runs are missing from the medians):", ...errors.map((e) => `- ${e}`));
console.log(out.join("\n"));
