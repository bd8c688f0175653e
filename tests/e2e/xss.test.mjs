// XSS corpora (DOMPurify, H5SC, OWASP) rendered through the real widget from dist/: nothing may
// run, and no article body may keep a script carrier, an event handler or a script URL.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { newPage, root, setUp } from "./harness.mjs";

const CORPORA = resolve(root, "../shared/corpora");
const EXPECTED = { dompurify: 223, h5sc: 149, owasp: 148 };
const BATCH = 20;
// Inline script is not allowed on the host page. The policy is sent report-only on purpose: an
// enforced one would stop a surviving handler before the alert() hooks could see it run, while
// report-only still raises a securitypolicyviolation event for every inline attempt.
const HOST_CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'";

function loadCorpus(file, pick) {
  const path = join(CORPORA, file);
  if (!existsSync(path)) return { path, payloads: null };
  return { path, payloads: JSON.parse(readFileSync(path, "utf8")).map(pick) };
}

const corpora = {
  dompurify: loadCorpus("dompurify-cases.json", (c) => c.payload),
  h5sc: loadCorpus("h5sc-payloads.json", (p) => p),
  owasp: loadCorpus("owasp-xss-filter-evasion.json", (c) => c.payload),
};
const results = {};

let env;
// Positions ("file line:column", 1-based) of the DOMParser.parseFromString calls in the
// wasm-bindgen glue of the modules that read feeds (see `inertParseCheck`); exact columns, so a
// minified one-line glue stays precise.
const parseCalls = new Set();
before(async () => {
  env = await setUp();
  for (const file of ["news-widget-widget.js", "news-widget-core.js"]) {
    const glue = await (await fetch(`${env.url}/dist/${file}`)).text();
    const known = parseCalls.size;
    glue.split("\n").forEach((line, i) => {
      for (const m of line.matchAll(/\.parseFromString\(/g)) parseCalls.add(`${file} ${i + 1}:${m.index + 2}`);
    });
    assert.ok(parseCalls.size > known, `the glue ${file} calls DOMParser.parseFromString`);
  }
});
after(async () => { await env?.close(); });

// Chromium checks the page's CSP as DOMParser builds the inert document and reports every
// on* attribute it meets, with the parseFromString call as the source. Those handlers belong to
// a document that never renders, loads or dispatches events, so they are not counted; a handler
// that reached the live page would be reported from anywhere else (setAttribute, the event).
function inertParseCheck(call) {
  const file = /\/dist\/(news-widget-(?:widget|core)\.js)$/.exec(call.sourceFile || "");
  return call.kind === "csp" && call.directive === "script-src-attr" &&
    file !== null && parseCalls.has(`${file[1]} ${call.line}:${call.column}`);
}

const xmlText = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const cdata = (s) => `<![CDATA[${s.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;

// The same payloads as the body of an RSS 2.0 description, an RSS content:encoded (CDATA, as
// WordPress writes it) and an Atom html content: every way markup reaches the sanitizer.
function xmlFeedFor(name, payloads, format) {
  const url = (index) => `${env.url}/news/${name}-${index}`;
  if (format === "atom") {
    return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>XSS corpus ${name}</title>
${payloads.map((p, i) => `<entry><id>${name}-${i}</id><title>${name} ${i}</title><link href="${url(i)}"/>` +
  `<updated>2024-05-28T00:00:00Z</updated><content type="html">${xmlText(p)}</content></entry>`).join("\n")}
</feed>`;
  }
  const body = format === "rss-encoded"
    ? (p) => `<description>summary</description><content:encoded>${cdata(p)}</content:encoded>`
    : (p) => `<description>${xmlText(p)}</description>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>XSS corpus ${name}</title><link>${env.url}/</link><language>en</language>
${payloads.map((p, i) => `<item><guid>${name}-${i}</guid><title>${name} ${i}</title><link>${url(i)}</link>${body(p)}</item>`).join("\n")}
</channel></rss>`;
}

function feedFor(name, payloads, format = "json") {
  if (format !== "json") return xmlFeedFor(name, payloads, format);
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: `XSS corpus ${name}`,
    language: "en",
    items: payloads.map((payload, index) => ({
      id: `${name}-${index}`,
      title: `${name} ${index}`,
      url: `${env.url}/news/${name}-${index}`,
      content_html: payload,
    })),
  });
}

function hostPage(name, feedPath) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>xss ${name}</title></head>
<body>
<div data-news-widget data-feed="${feedPath}" data-lang="en" data-page-size="100"></div>
<script src="/dist/news-widget.js" defer></script>
</body></html>`;
}

// Runs before any page script, in every frame: records every way a payload announces itself.
function installHooks() {
  let sink;
  try {
    sink = window.top.__xssCalls;
  } catch {
    sink = undefined;
  }
  if (!sink) sink = window.__xssCalls = [];
  const record = (kind, args, extra = {}) => {
    let detail;
    try {
      detail = Array.from(args, (a) => String(a)).join(", ");
    } catch {
      detail = "(unprintable)";
    }
    let current = null;
    try {
      current = window.top.__xssCurrent ?? null;
    } catch {}
    sink.push({ kind, detail, current, frame: window === window.top ? "top" : String(location.href), ...extra });
  };
  for (const name of ["alert", "prompt", "confirm", "print", "open"]) {
    window[name] = function () { record(name, arguments); return null; };
  }
  for (const name of ["xss", "XSS"]) {
    Object.defineProperty(window, name, {
      configurable: false,
      get() { return undefined; },
      set(v) { record(`window.${name}=`, [v]); },
    });
  }
  document.addEventListener(
    "securitypolicyviolation",
    (e) => record("csp", [e.violatedDirective, e.blockedURI, e.sample], {
      directive: e.violatedDirective, sourceFile: e.sourceFile, line: e.lineNumber, column: e.columnNumber,
    }),
    true,
  );
}

// In the page: opens each id through the public handle and inspects the rendered article body.
// Stops at the first id whose open() throws (the wasm instance is then unusable).
async function openAndInspect({ ids, waitMs }) {
  const BAD_TAGS = new Set([
    "script", "iframe", "object", "embed", "style", "link", "meta", "base", "form", "svg",
    "math", "frame", "frameset", "template", "noscript", "applet", "portal", "input", "button",
    "textarea", "select", "video", "audio", "source", "dialog", "slot",
  ]);
  const BAD_VALUE = /^(javascript|vbscript|livescript|jscript|mocha):|^data:(?!image\/(png|jpe?g|gif|webp|avif);base64,)/;
  const BAD_ANYWHERE = /(javascript|vbscript|livescript):|data:text\/html|expression\(|-moz-binding|behavior:/;
  const URL_ATTRS = new Set(["href", "src", "cite", "action", "formaction", "xlink:href", "background", "poster", "data", "codebase", "lowsrc", "dynsrc", "longdesc", "ping", "usemap", "manifest"]);
  const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);
  // Shown to people as text, never parsed as a URL: "javascript:alert(2)" there is just words.
  const TEXT_ATTRS = new Set(["title", "alt", "abbr"]);
  const strip = (v) => v.toLowerCase().replace(/[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g, "");

  function attributeProblems(el) {
    const problems = [];
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = strip(attr.value);
      const where = `<${el.localName} ${attr.name}="${attr.value.slice(0, 80)}">`;
      if (name.startsWith("on")) problems.push(`event handler ${where}`);
      if (!TEXT_ATTRS.has(name) && BAD_VALUE.test(value)) problems.push(`script/data URL ${where}`);
      if ((name === "style" || name === "srcset") && BAD_ANYWHERE.test(value)) problems.push(`script in ${where}`);
      if (URL_ATTRS.has(name)) {
        let protocol = "unparseable";
        try { protocol = new URL(attr.value, el.baseURI).protocol; } catch {}
        const rasterData = protocol === "data:" && name === "src" && !BAD_VALUE.test(value);
        if (!SAFE_PROTOCOLS.has(protocol) && !rasterData) problems.push(`URL scheme ${protocol} ${where}`);
      }
    }
    return problems;
  }

  const host = document.querySelector("[data-news-widget]");
  const handle = window.NewsWidget.get(host);
  const shadow = host.shadowRoot;
  const checked = [];
  let crashed = false;
  for (const id of ids) {
    window.__xssCurrent = id;
    const problems = [];
    let opened = false;
    try {
      opened = handle.open(id);
    } catch (e) {
      checked.push({ id, problems: [`the widget crashed: open() threw ${e && e.name}: ${e && e.message}`], html: "" });
      crashed = true;
      break;
    }
    if (!opened) problems.push("open() returned false: the item is not in the feed");
    const title = shadow.querySelector('[part~="article-title"]');
    const body = shadow.querySelector('[part~="article-body"]');
    if (!title || title.textContent.trim() !== id.replace(/-(\d+)$/, " $1")) {
      problems.push(`article view shows "${title?.textContent}" instead of ${id}`);
    }
    if (!body) {
      problems.push("no article body rendered");
    } else {
      for (const el of body.querySelectorAll("*")) {
        if (BAD_TAGS.has(el.localName)) problems.push(`<${el.localName}> element kept`);
        if (el.namespaceURI !== "http://www.w3.org/1999/xhtml") problems.push(`foreign element <${el.localName}> (${el.namespaceURI})`);
        if (el.shadowRoot) problems.push(`<${el.localName}> carries a shadow root`);
        problems.push(...attributeProblems(el));
      }
    }
    // The rest of the widget (card summaries are derived from the same HTML) must be clean too.
    for (const el of shadow.querySelectorAll("*")) {
      if (body && body.contains(el)) continue;
      problems.push(...attributeProblems(el).map((p) => `outside body: ${p}`));
    }
    checked.push({ id, problems, html: body ? body.innerHTML.slice(0, 300) : "" });
    // Let queued events (CSP reports, error events of inline data) land while `id` is current.
    await new Promise((r) => setTimeout(r, 0));
  }
  await new Promise((r) => setTimeout(r, waitMs));
  return { checked, crashed };
}

async function waitForWidget(page) {
  await page.waitForFunction(() => {
    const host = document.querySelector("[data-news-widget]");
    return window.NewsWidget && window.NewsWidget.get(host) &&
      host.shadowRoot && host.shadowRoot.querySelector('[part~="card"]');
  }, null, { timeout: 20000 });
}

// Control: an inline handler placed on the live page by the test itself must be seen by both the
// alert() hook and the CSP report, or the corpus run below would prove nothing.
async function hooksWork(page) {
  await page.evaluate(() => {
    const img = document.createElement("img");
    img.setAttribute("onerror", "alert('hook-check')");
    img.src = "data:,";
    document.body.append(img);
  });
  await page.waitForFunction(() =>
    window.__xssCalls.some((c) => c.kind === "alert" && c.detail === "hook-check") &&
    window.__xssCalls.some((c) => c.kind === "csp" && c.directive === "script-src-attr"),
  null, { timeout: 5000 });
  await page.evaluate(() => {
    document.querySelector("body > img").remove();
    window.__xssCalls.splice(0);
  });
}

async function runCorpus(t, name, format = "json") {
  const { path, payloads } = corpora[name];
  if (!payloads) {
    console.log(`skipped: corpus not found at ${path}`);
    t.skip(`corpus not found at ${path}`);
    return;
  }
  const page = await newPage(env.browser);
  const origin = env.url;
  const outside = [];
  const dialogs = [];
  page.on("dialog", (d) => { dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on("popup", (p) => dialogs.push(`popup: ${p.url()}`));
  await page.addInitScript(installHooks);
  const feed = feedFor(name, payloads, format);
  const feedPath = `/xss-feed-${name}-${format}.${format === "json" ? "json" : "xml"}`;
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== origin) {
      // Keep the run hermetic and fast: payload images on other hosts are never fetched.
      outside.push(url.href);
      return route.abort();
    }
    if (url.pathname === `/xss-host-${name}.html`) {
      return route.fulfill({
        status: 200,
        headers: { "content-type": "text/html; charset=utf-8", "content-security-policy-report-only": HOST_CSP },
        body: hostPage(name, feedPath),
      });
    }
    if (url.pathname === feedPath) {
      const contentType = format === "json" ? "application/json" : "application/xml; charset=utf-8";
      return route.fulfill({ status: 200, contentType, body: feed });
    }
    return route.continue();
  });

  await page.goto(`${origin}/xss-host-${name}.html`);
  await waitForWidget(page);
  await hooksWork(page);

  const ids = payloads.map((_, index) => `${name}-${index}`);
  const checked = [];
  const calls = [];
  const frames = new Set();
  const drain = async () => {
    calls.push(...(await page.evaluate(() => window.__xssCalls.splice(0))));
    for (const f of page.frames().slice(1)) frames.add(f.url());
  };
  let next = 0;
  while (next < ids.length) {
    const batch = ids.slice(next, next + BATCH);
    const run = await page.evaluate(openAndInspect, { ids: batch, waitMs: 50 });
    checked.push(...run.checked);
    next += run.checked.length;
    if (run.crashed) {
      // A crashed widget is a failure of that payload; start afresh for the remaining ones.
      await drain();
      await page.reload();
      await waitForWidget(page);
    }
  }
  await page.evaluate(() => window.NewsWidget.get(document.querySelector("[data-news-widget]")).close());
  // Delayed handlers (img onerror, autofocus onfocus, animation events, meta refresh).
  await page.waitForTimeout(1000);
  await drain();

  const failed = new Map();
  const fail = (id, why) => {
    if (!failed.has(id)) failed.set(id, []);
    failed.get(id).push(why);
  };
  const benign = calls.filter(inertParseCheck).length;
  for (const r of checked) for (const p of r.problems) fail(r.id, `${p}\n      output: ${r.html}`);
  for (const c of calls.filter((c) => !inertParseCheck(c))) {
    fail(c.current ?? "(page)", `${c.kind}(${c.detail}) in ${c.frame}${c.sourceFile ? ` from ${c.sourceFile}:${c.line}:${c.column}` : ""} (last opened: ${c.current})`);
  }
  for (const d of dialogs) fail("(page)", d);
  for (const f of frames) fail("(page)", `a frame was created: ${f}`);
  for (const e of page.errors) fail("(page)", `uncaught page error: ${e}`);

  const failedIds = [...failed.keys()].filter((id) => ids.includes(id)).length;
  const key = format === "json" ? name : `${name}/${format}`;
  results[key] = { tried: checked.length, passed: checked.length - failedIds, failures: failed.size };
  await page.context().close();

  console.log(`${key}: ${checked.length} payloads, ${checked.length - failedIds} passed; ` +
    `${benign} on* attributes reported while parsing the inert document; ` +
    `${outside.length} request(s) to other hosts blocked`);
  const report = [...failed].map(([id, whys]) => {
    const index = Number(id.split("-").pop());
    const payload = Number.isInteger(index) ? payloads[index] : undefined;
    return `  ${id}${payload !== undefined ? ` payload ${JSON.stringify(payload).slice(0, 300)}` : ""}\n    ${whys.join("\n    ")}`;
  });
  assert.equal(report.length, 0, `${key}: ${report.length} failure(s):\n${report.join("\n")}`);
  assert.equal(checked.length, EXPECTED[name], `${key}: every payload of the corpus was rendered`);
}

test("DOMPurify fixtures: no payload runs or survives in the article body", (t) => runCorpus(t, "dompurify"));
test("H5SC vectors: no payload runs or survives in the article body", (t) => runCorpus(t, "h5sc"));
test("OWASP filter-evasion cheat sheet: no payload runs or survives in the article body", (t) => runCorpus(t, "owasp"));

for (const format of ["rss-description", "rss-encoded", "atom"]) {
  for (const name of ["dompurify", "h5sc", "owasp"]) {
    test(`${name} through ${format}: no payload runs or survives in the article body`, (t) => runCorpus(t, name, format));
  }
}

test("summary: every payload of every corpus was tried and passed", (t) => {
  const names = Object.keys(EXPECTED);
  if (names.every((n) => !corpora[n].payloads)) {
    console.log(`skipped: corpus not found at ${CORPORA}`);
    t.skip(`corpus not found at ${CORPORA}`);
    return;
  }
  const r = (n) => results[n] ?? { tried: 0, passed: 0, failures: 0 };
  const tried = names.reduce((s, n) => s + r(n).tried, 0);
  const passed = names.reduce((s, n) => s + r(n).passed, 0);
  console.log(`xss: tried ${tried} payloads (dompurify ${r("dompurify").tried}, h5sc ${r("h5sc").tried}, owasp ${r("owasp").tried}), passed ${passed}`);
  for (const n of names) {
    if (corpora[n].payloads) assert.equal(r(n).tried, EXPECTED[n], `${n}: corpus size ${EXPECTED[n]}`);
  }
  assert.equal(passed, tried, "payloads that passed");
  assert.deepEqual(names.filter((n) => r(n).failures > 0), [], "corpora with failures not tied to one payload");
});
