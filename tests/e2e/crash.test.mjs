// A trap never leaves a dead page: when the module traps (a panic under panic=abort, a stack
// overflow), every widget and toolbar of the page shows its crash state with Retry and sends
// news-widget:error with kind "crash", and Retry mounts them all again on a fresh instance.
// The trap is raised on purpose by the test-only build of `scripts/build.sh --test-trap`
// (target/trap/dist/, served here at /trap/): its `testTrap(how)` export and the handles'
// `testTrap(how)` method (src/dom/test_trap.rs). dist/ never has them (last test).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { newPage, root, setUp } from "./harness.mjs";

const TRAP_DIST = join(root, "target/trap/dist");
const AXE = join(root, "node_modules/axe-core/axe.min.js");
const STEP_KEY = "news-widget:font-step";
const HOSTS = ["a", "b", "t"];
const WORDS = {
  en: { message: "Something went wrong.", retry: "Try again" },
  zh: { message: "出现错误。", retry: "重试" },
  ko: { message: "오류가 발생했습니다.", retry: "다시 시도" },
};
const STOPPED = "news-widget: the module trapped:";

let env;
before(async () => {
  assert.ok(existsSync(join(TRAP_DIST, "news-widget-core_bg.wasm")),
    "the test-only build is missing: run `bash scripts/build.sh --test-trap` (make test does)");
  env = await setUp({ mounts: [{ prefix: "/trap/", dir: TRAP_DIST }] });
});
after(async () => { await env.close(); });

/** Two widgets (a plain element and the custom element) and a toolbar for the article #zoom. */
function crashPage(lang) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Crash</title>
<script src="/trap/news-widget.js" defer></script></head><body>
<div id="a" data-news-widget data-feed="/feeds/changchun.json" data-page-size="3"></div>
<news-widget id="b" feed="/feeds/ulsan.json" page-size="3"></news-widget>
<news-widget-toolbar id="t" for="zoom"></news-widget-toolbar>
<div id="zoom"><p>The site's own article, scaled by the toolbar.</p></div>
</body></html>`;
}

/** The page in `lang`, stored font step `step`, everything mounted; `init` runs first. */
async function openPage({ lang = "en", step = 2, init } = {}) {
  const page = await newPage(env.browser);
  await page.route("**/crash.html", (route) => route.fulfill({ contentType: "text/html", body: crashPage(lang) }));
  await page.addInitScript(([key, s]) => {
    localStorage.setItem(key, String(s));
    window.__events = [];
    for (const type of ["news-widget:error", "news-widget:fontsizechange", "news-widget:ready"]) {
      document.addEventListener(type, (e) => window.__events.push({ type, id: e.target.id, ...e.detail }));
    }
  }, [STEP_KEY, step]);
  if (init) await page.addInitScript(init);
  await page.goto(`${env.url}/crash.html`);
  await waitMounted(page);
  return page;
}

function waitMounted(page) {
  return page.waitForFunction(() =>
    ["a", "b"].every((id) => document.getElementById(id).shadowRoot?.querySelector('[part~="card"]')) &&
    document.getElementById("t").shadowRoot?.querySelector('[part~="font-larger"]'), null, { timeout: 20000 });
}

function waitCrashed(page) {
  return page.waitForFunction((ids) => ids.every((id) =>
    document.getElementById(id).shadowRoot?.querySelector('[part~="error"] [part~="retry"]')), HOSTS, { timeout: 10000 });
}

/** Traps the running instance from outside any call the loader makes. */
function trapFromOutside(page, how) {
  return page.evaluate(async (how) => {
    const glue = await import(new URL("news-widget-core.js", document.querySelector("script[src*='news-widget']").src).href);
    if (how === "task" || how === "overflow") glue.testTrap(how); // traps in a futures task
    else setTimeout(() => glue.testTrap(how)); // traps in a timer, uncaught
  }, how);
}

const events = (page, type) => page.evaluate((t) => window.__events.filter((e) => e.type === t), type);
const consoleErrors = (page) => page.logs.filter((l) => l.startsWith("error:"));

/** What each host shows in its crash state. */
function crashStates(page) {
  return page.evaluate((ids) => ids.map((id) => {
    const shadow = document.getElementById(id).shadowRoot;
    const box = shadow.querySelector('[part~="error"]');
    const retry = box.querySelector('[part~="retry"]');
    return {
      id,
      role: box.getAttribute("role"),
      lang: box.closest("[lang]").getAttribute("lang"),
      message: box.querySelector("p").textContent,
      retry: retry.textContent,
      button: retry.localName,
      others: shadow.querySelectorAll('[part~="card"], [part~="font-larger"]').length,
    };
  }), HOSTS);
}

/** The article's scale and how many adopted sheets scale it. */
// The article's zoom, and the sheets that style it: the toolbar's or the loader's early one,
// not the loader's sheet of the article's own line heights (`floor`: custom properties only,
// there while a toolbar runs, or a crashed one's early sheet spaces the lines).
function articleScale(page) {
  return page.evaluate(() => ({
    zoom: getComputedStyle(document.getElementById("zoom")).zoom,
    sheets: [...document.adoptedStyleSheets].filter((s) => [...s.cssRules].some((r) => r.cssText.startsWith("#zoom") && !r.cssText.includes("--nw-body:"))).length,
  }));
}

async function expectCrashed(page, lang) {
  await waitCrashed(page);
  const errors = await events(page, "news-widget:error");
  assert.deepEqual(errors.map((e) => [e.id, e.kind, e.message]).sort(),
    HOSTS.map((id) => [id, "crash", WORDS[lang].message]), "one crash event per element, with the message shown");
  for (const state of await crashStates(page)) {
    assert.deepEqual(state, { id: state.id, role: "alert", lang, message: WORDS[lang].message, retry: WORDS[lang].retry, button: "button", others: 0 },
      `${state.id} shows the crash state`);
  }
}

async function clickFontLarger(page) {
  await page.evaluate(() => { window.__events.length = 0; });
  await page.locator('#t [part~="font-larger"]').click();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return events(page, "news-widget:fontsizechange");
}

test("a trap in a task: every widget and toolbar shows Retry and says crash; Retry mounts them all again, the handles work on", async () => {
  const page = await openPage();
  await page.evaluate(() => {
    window.__handles = { a: NewsWidget.get(document.getElementById("a")), t: NewsWidget.get(document.getElementById("t")) };
  });
  assert.deepEqual(await articleScale(page), { zoom: "1.25", sheets: 1 });

  await trapFromOutside(page, "task");
  await expectCrashed(page, "en");
  assert.deepEqual(await articleScale(page), { zoom: "1.25", sheets: 1 },
    "the article stays at the reader's size, by one sheet: the dead toolbar's is gone");
  const inCrash = await page.evaluate(() => {
    const a = window.__handles.a;
    a.setFontStep(4); // does nothing: nothing runs in the dead instance
    return { mounted: a.mounted, fontStep: a.fontStep, same: NewsWidget.get(document.getElementById("a")) === a };
  });
  assert.deepEqual(inCrash, { mounted: true, fontStep: undefined, same: true });

  // Accessible: axe finds nothing; Retry is reached by Tab and shows its focus.
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () =>
    (await axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"] })).violations.map((v) => `${v.id}: ${v.nodes.length}`));
  assert.deepEqual(violations, []);
  await page.keyboard.press("Tab");
  const focus = await page.evaluate(() => {
    const host = document.activeElement;
    const button = host.shadowRoot && host.shadowRoot.activeElement;
    const style = button && getComputedStyle(button);
    return { host: host.id, part: button && button.getAttribute("part"), outline: style && `${style.outlineStyle} ${parseFloat(style.outlineWidth) > 0}` };
  });
  assert.deepEqual(focus, { host: "a", part: "retry", outline: "solid true" }, "Retry takes the keyboard focus, visibly");

  const before = (await events(page, "news-widget:ready")).length;
  const requests = [];
  page.on("request", (r) => { if (/news-widget-core/.test(r.url())) requests.push(new URL(r.url()).pathname); });
  await page.keyboard.press("Enter");
  await waitMounted(page);
  assert.ok(!requests.some((path) => path.endsWith(".wasm")), "the fresh instance comes from the module compiled before");
  assert.deepEqual((await events(page, "news-widget:ready")).slice(before).map((e) => e.id).sort(), ["a", "b"], "both widgets loaded again");
  assert.deepEqual(await articleScale(page), { zoom: "1.25", sheets: 1 });

  // A+ works, heard once (the dead toolbar's listener on the same shadow root is silent), and
  // the handles from before the trap are the new widgets' now.
  const changes = await clickFontLarger(page);
  assert.deepEqual(changes.filter((e) => e.id === "t").map((e) => e.step), [3], "one fontsizechange from the toolbar");
  assert.ok(changes.every((e) => e.step === 3) && new Set(changes.map((e) => e.id)).size === changes.length,
    `no element hears it twice: ${JSON.stringify(changes)}`);
  assert.deepEqual(await articleScale(page), { zoom: "1.5", sheets: 1 });
  const after = await page.evaluate(() => {
    const { a, t } = window.__handles;
    a.setFontStep(1);
    return { a: a.fontStep, t: t.fontStep, mounted: a.mounted && t.mounted, language: a.language };
  });
  assert.deepEqual(after, { a: 1, t: 1, mounted: true, language: "en-US" });

  // A second trap, inside a handle's method this time, on the fresh instance: noticed too.
  const thrown = await page.evaluate(() => {
    window.__events.length = 0;
    try {
      window.__handles.a.testTrap("now");
      return "no error";
    } catch (error) {
      return `${error.message} ${error.kind}`;
    }
  });
  assert.equal(thrown, "unreachable crash", "the caller gets the trap, with kind crash");
  await expectCrashed(page, "en");
  await page.locator('#b [part~="retry"]').click();
  await waitMounted(page);
  assert.equal(await page.evaluate(() => window.__handles.t.fontStep), 1);

  assert.deepEqual(page.errors, ["unreachable"], "the task's trap is the one uncaught error");
  assert.deepEqual(consoleErrors(page).map((l) => l.slice(7, 7 + STOPPED.length)), [STOPPED, STOPPED], "one line per trap");
  await page.context().close();
});

for (const [lang, how] of [["ko", "overflow"], ["zh", "now"]]) {
  test(`a ${how === "overflow" ? "stack overflow" : "trap in a timer"} on a page in ${lang}: the crash state speaks ${lang}`, async () => {
    const page = await openPage({ lang, step: 0 });
    await trapFromOutside(page, how);
    await expectCrashed(page, lang);
    assert.deepEqual(await articleScale(page), { zoom: "1", sheets: 0 }, "at 100 % no sheet is left");
    assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 0, "nor the line heights' floor, at the site's own spacing");
    await page.locator('#t [part~="retry"]').click();
    await waitMounted(page);
    assert.equal(page.errors.length, 1, page.errors.join("\n"));
    await page.context().close();
  });
}

test("a trap in a handle's method that the page calls from its listener of a widget event, inside the module's own call", async () => {
  const page = await openPage({
    init: () => {
      document.addEventListener("news-widget:fontsizechange", (e) => {
        if (e.target.id !== "t" || window.__caught !== undefined) return;
        try {
          NewsWidget.get(document.getElementById("a")).testTrap("now");
        } catch (error) {
          window.__caught = `${error.message} ${error.kind}`;
        }
      });
    },
  });
  await page.locator('#t [part~="font-larger"]').click();
  await expectCrashed(page, "en");
  assert.equal(await page.evaluate(() => window.__caught), "unreachable crash");
  await page.locator('#a [part~="retry"]').click();
  await waitMounted(page);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// A module of the page's own whose one function traps: (module (func (export "f") unreachable)).
const PAGE_WASM = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11];

test("the page's own errors are not taken for a trap; a trap of the module still is", async () => {
  const page = await openPage({
    init: () => {
      // Throws from inside the module's dispatch of the event, after a call into a handle.
      document.addEventListener("news-widget:fontsizechange", (e) => {
        if (e.target.id !== "t") return;
        window.__readInside = NewsWidget.get(document.getElementById("a")).fontStep;
        throw new Error("the page's listener");
      });
    },
  });
  await page.evaluate((bytes) => {
    const own = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes)));
    setTimeout(() => own.exports.f());
    setTimeout(() => { throw new Error("the page's own"); });
    setTimeout(() => { const deeper = () => deeper() + 1; deeper(); });
    Promise.reject(new TypeError("the page's rejection"));
  }, PAGE_WASM);
  const changes = await clickFontLarger(page);
  assert.ok(changes.some((e) => e.id === "t" && e.step === 3), "A+ works");
  await page.waitForTimeout(300);
  assert.equal(typeof await page.evaluate(() => window.__readInside), "number", "a handle read inside the module's dispatch");
  assert.deepEqual(await events(page, "news-widget:error"), [], "no crash");
  assert.equal(await page.locator('[part~="error"]').count(), 0);
  assert.equal((await clickFontLarger(page)).filter((e) => e.id === "t").length, 1, "the toolbar still answers");
  assert.deepEqual(page.errors.sort(), ["Maximum call stack size exceeded", "the page's listener", "the page's listener",
    "the page's own", "the page's rejection", "unreachable"].sort());
  assert.deepEqual(consoleErrors(page), []);

  await trapFromOutside(page, "task");
  await expectCrashed(page, "en");
  await page.context().close();
});

test("a page that runs two modules: a trap in the widget's leaves the toolbar's running; Retry mounts the widget on a fresh instance, and the step is shared again", async () => {
  const page = await newPage(env.browser);
  await page.route("**/two-modules.html", (route) => route.fulfill({ contentType: "text/html", body: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Two modules</title><script src="/trap/news-widget.js" defer></script></head>
<body><news-widget-toolbar id="t" for="zoom"></news-widget-toolbar><div id="zoom"><p>The article.</p></div></body></html>` }));
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ["news-widget:error", "news-widget:fontsizechange"]) {
      document.addEventListener(type, (e) => window.__events.push({ type, id: e.target.id, ...e.detail }));
    }
  });
  const glues = [];
  page.on("request", (r) => { if (/news-widget-\w+\.js/.test(r.url())) glues.push(r.url().replace(/^.*\/trap\//, "")); });
  await page.goto(`${env.url}/two-modules.html`);
  await page.waitForFunction(() => document.getElementById("t").shadowRoot?.querySelector('[part~="font-larger"]'));
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", `<news-widget id="a" feed="/feeds/changchun.json" page-size="3"></news-widget>`));
  const cards = () => page.waitForFunction(() => document.getElementById("a").shadowRoot?.querySelector('[part~="card"]'), null, { timeout: 20000 });
  await cards();
  assert.deepEqual(glues.sort(), ["news-widget-toolbar.js", "news-widget-widget.js"]);

  await page.evaluate(async () => {
    const glue = await import(new URL("news-widget-widget.js", document.querySelector("script[src*='news-widget']").src).href);
    setTimeout(() => glue.testTrap("now"));
  });
  await page.waitForFunction(() => document.getElementById("a").shadowRoot?.querySelector('[part~="retry"]'), null, { timeout: 10000 });
  assert.deepEqual((await events(page, "news-widget:error")).map((e) => [e.id, e.kind]), [["a", "crash"]], "the widget alone crashed");
  const changes = await clickFontLarger(page);
  assert.deepEqual(changes.map((e) => [e.id, e.step]), [["t", 1]], "the toolbar works on; the dead widget hears nothing");

  await page.locator('#a [part~="retry"]').click();
  await cards();
  assert.deepEqual(glues.filter((g) => g === "news-widget-widget.js").length, 2, `a fresh copy of the widget's glue: ${glues.join()}`);
  assert.equal(await page.evaluate(() => NewsWidget.get(document.getElementById("a")).fontStep), 1, "the fresh widget reads the stored step");
  const again = await clickFontLarger(page);
  assert.deepEqual(again.map((e) => [e.id, e.step]).sort(), [["a", 2], ["t", 2]], "the fresh widget follows the toolbar");
  assert.deepEqual(page.errors, ["unreachable"]);
  await page.context().close();
});

test("the test-only trap is in the test build and never in dist/, whose .wasm exports its stack pointer", () => {
  // The exports by the names they had before scripts/short-names.mjs, which keeps a record of
  // them beside the build (target/roles/, target/trap/roles/).
  const names = (dir, name) => {
    const roles = join(root, dir === TRAP_DIST ? "target/trap/roles" : "target/roles");
    const renamed = JSON.parse(readFileSync(join(roles, `news-widget-${name}.names.json`), "utf8")).exports;
    const original = new Map(Object.entries(renamed).map(([old, short]) => [short, old]));
    return WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(join(dir, `news-widget-${name}_bg.wasm`))))
      .map((e) => original.get(e.name) ?? e.name);
  };
  const exportsOf = (dir, name) => names(dir, name).filter((n) => /trap/i.test(n));
  const glueOf = (dir, name) => /testTrap/.test(readFileSync(join(dir, `news-widget-${name}.js`), "utf8"));
  for (const name of ["core", "widget"]) {
    assert.ok(exportsOf(TRAP_DIST, name).length >= 2 && glueOf(TRAP_DIST, name), `the test build's ${name} has it (so the checks below can see it)`);
  }
  const dist = join(root, "dist");
  for (const name of ["core", "widget", "toolbar"]) {
    assert.deepEqual(exportsOf(dist, name), [], `no trap export in the shipped ${name} .wasm`);
    assert.equal(glueOf(dist, name), false, `no testTrap in the shipped ${name} glue`);
    assert.ok(names(dist, name).includes("__stack_pointer"), `the loader tells a trapped ${name} instance by it (scripts/build.sh)`);
  }
});
