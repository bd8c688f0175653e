// The short names between each page module's .wasm and its glue (scripts/short-names.mjs, run
// by scripts/build.sh): each shipped pair links and runs in Node, with no long name left on the
// boundary but those read from outside the glue; and the step refuses a pair it cannot rename
// consistently. No browser: the other end-to-end files run the same files in Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import binaryen from "binaryen";
import { shortenNames } from "../../scripts/short-names.mjs";
import { root } from "./harness.mjs";

// The page's modules, and the print module (a toolbar's printed article, by the walker).
const ROLES = ["widget", "toolbar", "core", "print"];
// Read by name from outside the glue: the loader (js/loader/modules.js) and the memory probes.
const KEPT = ["__stack_pointer", "memory"];
const BUILDS = [
  { what: "dist/", dir: join(root, "dist"), names: join(root, "target/roles") },
  { what: "the test-only trap build", dir: join(root, "target/trap/dist"), names: join(root, "target/trap/roles") },
];
const FEED = JSON.stringify({
  version: "https://jsonfeed.org/version/1.1",
  title: "t",
  items: [{ id: "1", title: "One", url: "https://example.org/1", date_published: "2026-01-02T03:04:05Z" }],
});

for (const build of BUILDS) {
  test(`each page module of ${build.what} links with its glue and runs, with short names on the boundary`, async () => {
    assert.ok(existsSync(join(build.dir, "news-widget-core_bg.wasm")), `${build.what} is built (scripts/build.sh, scripts/test.sh)`);
    for (const role of ROLES) {
      const bytes = readFileSync(join(build.dir, `news-widget-${role}_bg.wasm`));
      const module = new WebAssembly.Module(bytes);
      const own = `./news-widget-${role}_bg.js`;
      const long = WebAssembly.Module.imports(module).filter((i) => i.module === own && i.name.length > 2);
      assert.deepEqual(long, [], `${role}: the imports from its glue have short names`);
      const exports = WebAssembly.Module.exports(module);
      assert.deepEqual(exports.filter((e) => e.name.length > 2 && !KEPT.includes(e.name)), [], `${role}: short export names`);
      assert.deepEqual(KEPT.filter((name) => !exports.some((e) => e.name === name)), [], `${role}: the exports read by name`);

      const mapping = JSON.parse(readFileSync(join(build.names, `news-widget-${role}.names.json`), "utf8"));
      assert.deepEqual(Object.values(mapping.imports[own]).sort(),
        WebAssembly.Module.imports(module).filter((i) => i.module === own).map((i) => i.name).sort(), `${role}: the mapping is this .wasm's`);

      // A fresh copy of the glue per build (module state holds its instance).
      const glue = await import(`${pathToFileURL(join(build.dir, `news-widget-${role}.js`)).href}?${build.what}`);
      const instance = await glue.default({ module_or_path: module });
      assert.equal(typeof instance.__stack_pointer.value, "number", `${role}: the loader finds the stack pointer`);
      if (glue.validateFeed) {
        // Through the glue's strings, objects and errors both ways: most of what it passes.
        const report = glue.validateFeed(FEED, { url: "https://example.org/" });
        assert.equal(report.items, 1, `${role}: validateFeed reads the feed`);
        assert.throws(() => glue.validateFeed(42, {}), (e) => e.kind === "config", `${role}: an error thrown through the glue`);
      }
      if (role === "print") {
        for (const name of ["articleCopy", "printFrame"]) assert.equal(typeof glue[name], "function", `print: ${name}`);
      } else glue.halt();
    }
  });
}

// A module and glue in wasm-bindgen's shapes: an import from the glue's own object, one from a
// snippet (which wasm-bindgen lists once per import), an export the glue calls, two kept.
function pair() {
  const wat = binaryen.parseText(`(module
    (import "./x_bg.js" "__wbg_log_0123456789abcdef" (func $log (param i32)))
    (import "./snippets/x/js/net.js" "keep" (func $keep))
    (memory (export "memory") 1)
    (global (export "__stack_pointer") (mut i32) (i32.const 1024))
    (func (export "run") (param i32) (call $log (local.get 0)) (call $keep))
    (func (export "__wbindgen_start")))`);
  wat.setFeatures(binaryen.Features.MutableGlobals);
  const wasm = wat.emitBinary();
  wat.dispose();
  const glue = `import * as import1 from "./snippets/x/js/net.js"
import * as import2 from "./snippets/x/js/net.js"

export function run(x) {
    wasm.run(x);
}
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_log_0123456789abcdef: function(arg0) {
            logged.push(arg0);
        },
    };
    return {
        __proto__: null,
        "./x_bg.js": import0,
        "./snippets/x/js/net.js": import1,
        "./snippets/x/js/net.js": import2,
    };
}

let wasm;
function __wbg_finalize_init(instance) {
    wasm = instance.exports;
    wasm.__wbindgen_start();
    return wasm;
}
`;
  return { wasm, glue };
}

// Runs a glue of that shape against its module: the import object it builds, then `run(7)`.
function link(wasm, glue) {
  const body = glue.replace(/^import .*$/gm, "").replace(/^export /gm, "");
  const net = { keep() { net.kept = true; } };
  const logged = [];
  const start = new Function("import1", "import2", "logged", "WebAssembly", "module",
    `${body}\n__wbg_finalize_init(new WebAssembly.Instance(module, __wbg_get_imports()));\nrun(7);`);
  start(net, net, logged, WebAssembly, new WebAssembly.Module(wasm));
  return { logged, kept: net.kept };
}

test("the glue's own imports and the exports get short names, the snippets' and the kept ones keep theirs, and the pair still links", () => {
  const { wasm, glue } = pair();
  assert.deepEqual(link(wasm, glue), { logged: [7], kept: true }, "the pair as written links");
  const out = shortenNames(wasm, glue, { keepExports: KEPT });
  const module = new WebAssembly.Module(out.wasm);
  assert.deepEqual(WebAssembly.Module.imports(module).map((i) => `${i.module} ${i.name}`), ["./x_bg.js a", "./snippets/x/js/net.js keep"]);
  assert.deepEqual(WebAssembly.Module.exports(module).map((e) => e.name).sort(), ["__stack_pointer", "a", "b", "memory"]);
  assert.deepEqual(out.mapping, {
    imports: { "./x_bg.js": { __wbg_log_0123456789abcdef: "a" } },
    exports: { run: "a", __wbindgen_start: "b" },
    kept: KEPT,
    dropped: [],
  });
  assert.equal(out.glue.match(/"\.\/snippets\/x\/js\/net\.js": /g).length, 1, "the snippet's module listed once");
  assert.deepEqual(link(out.wasm, out.glue), { logged: [7], kept: true }, "the renamed pair links and runs");
});

test("an intrinsic of wasm-bindgen that the optimized .wasm no longer imports is taken out of the glue, and the pair links", () => {
  const { wasm, glue } = pair();
  const withThrow = glue.replace("        __wbg_log_0123456789abcdef:",
    "        __wbg___wbindgen_throw_4c88d8bf264fd984: function(arg0, arg1) {\n            throw new Error(String(arg0));\n        },\n        __wbg_log_0123456789abcdef:");
  const out = shortenNames(wasm, withThrow, { keepExports: KEPT });
  assert.deepEqual(out.mapping.dropped, ["__wbg___wbindgen_throw_4c88d8bf264fd984"]);
  assert.ok(!out.glue.includes("wbindgen_throw"), "its entry gone whole");
  assert.deepEqual(link(out.wasm, out.glue), { logged: [7], kept: true });
  // The last entry of the object too.
  const last = glue.replace("            logged.push(arg0);\n        },\n",
    "            logged.push(arg0);\n        },\n        __wbg___wbindgen_throw_4c88d8bf264fd984: function(arg0, arg1) {\n            throw new Error(String(arg0));\n        },\n");
  assert.notEqual(last, glue);
  const outLast = shortenNames(wasm, last, { keepExports: KEPT });
  assert.deepEqual(outLast.mapping.dropped, ["__wbg___wbindgen_throw_4c88d8bf264fd984"]);
  assert.deepEqual(link(outLast.wasm, outLast.glue), { logged: [7], kept: true });
});

test("the step refuses a pair it cannot rename consistently", () => {
  const { wasm, glue } = pair();
  const refuses = (changed, message, keepExports = KEPT) =>
    assert.throws(() => shortenNames(wasm, changed, { keepExports }), message);
  refuses(glue.replace("logged.push(arg0);", "logged.push(arg0); // __wbg_log_0123456789abcdef"),
    /import __wbg_log_0123456789abcdef occurs 2 times/);
  refuses(glue.replace("__wbg_log_0123456789abcdef:", "__wbg_log_fedcba9876543210:"),
    /import __wbg_log_0123456789abcdef of \.\/x_bg\.js is 0 times a key/);
  refuses(glue.replace("        __proto__: null,\n        __wbg", "        __proto__: null,\n        __wbg_extra_1111111111111111: function() {},\n        __wbg"),
    /supplies what the \.wasm does not import: __wbg_extra_1111111111111111/);
  refuses(glue.replace("wasm.run(x);", "wasm.run(x);\n    wasm.gone();"), /reads wasm\.gone, which the \.wasm does not export/);
  refuses(glue.replace("wasm.run(x);", "wasm[\"run\"](x);"), /computed name/);
  // An export read other than as `wasm.NAME` would keep its old name while the .wasm's changes.
  for (const read of ["instance.exports.__wbindgen_start", "wasm ?. __wbindgen_start", "wasm?.__wbindgen_start",
    "wasm . __wbindgen_start", "wasm\n    .__wbindgen_start"]) {
    refuses(glue.replace("wasm.__wbindgen_start();", `${read}();`),
      /reads exports other than as wasm\.NAME, which would not be renamed: __wbindgen_start/);
  }
  refuses(glue, /does not export __heap_base, which is kept by name/, [...KEPT, "__heap_base"]);
  refuses(glue.replace('        "./snippets/x/js/net.js": import2,\n', '        "./y.js": import2,\n'),
    /module \.\/y\.js is supplied by import2, neither its object nor its namespace/);
  refuses(glue.replace("__wbg_get_imports", "getImports"), /no single __wbg_get_imports/);
});

test("the step runs by any path to it: through a symlink, with a space and a non-ASCII letter", () => {
  const { wasm, glue } = pair();
  const dir = mkdtempSync(join(tmpdir(), "short names é "));
  try {
    const script = join(dir, "short-names.mjs");
    symlinkSync(join(root, "scripts/short-names.mjs"), script);
    writeFileSync(join(dir, "x_bg.wasm"), wasm);
    writeFileSync(join(dir, "x.js"), glue);
    execFileSync(process.execPath, [script, join(dir, "x_bg.wasm"), join(dir, "x.js"), join(dir, "x.names.json"),
      ...KEPT.flatMap((name) => ["--keep-export", name])], { stdio: "pipe" });
    assert.ok(existsSync(join(dir, "x.names.json")), "the mapping is written");
    assert.deepEqual(JSON.parse(readFileSync(join(dir, "x.names.json"), "utf8")).exports, { run: "a", __wbindgen_start: "b" });
    assert.deepEqual(link(readFileSync(join(dir, "x_bg.wasm")), readFileSync(join(dir, "x.js"), "utf8")),
      { logged: [7], kept: true }, "the renamed pair on disk links and runs");
  } finally {
    rmSync(dir, { recursive: true });
  }
});
