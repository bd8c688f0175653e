// Short names on the boundary between a page module's .wasm and its glue, both renamed with one
// mapping before esbuild bundles the glue (scripts/build.sh). wasm-bindgen names each import
// after its JS item and a 16-digit hash (`__wbg_instanceof_HtmlIFrameElement_94eb131af53b9963`)
// and writes it twice, in the .wasm's import section and in the glue's import object; the
// hashes do not compress. Here each import that the glue's own object supplies becomes `a`, `b`,
// … `aa`, and each export one or two letters, but those read by name from outside the glue
// (`--keep-export`). The snippets' imports (js/net.js, js/speech.js) keep their names, which
// are the snippets' own exports, and every module keeps its name: "./news-widget-core_bg.js"
// once per import compresses to almost nothing, and a one-letter module made the gzip'd .wasm
// 0.1-0.3 KB larger (docs/benchmarks.md#size).
//
// Not binaryen's --minify-imports-and-exports[-and-modules]: without modules it renames only the
// imports from "env" and "wasi_*" (none of wasm-bindgen's); with them, every export (the loader
// reads `__stack_pointer` by name) and every snippet import (the glue would need wrappers).
//
// It never writes a mismatched pair: each import name of the glue's object must occur exactly
// once in the glue, as that object's key; each key must be an import (but wasm-bindgen's own
// intrinsics whose import wasm-opt dropped, taken out whole first); every `wasm.<export>` the
// glue reads must be an export; no renamed export's old name may be left in the renamed glue
// (read some other way: `instance.exports.run`, `wasm?.run`), but as a function the glue
// declares; and the result is read back and checked the same way, with no long name left,
// before any file is written. A new shape of wasm-bindgen's output stops the
// build with what was found.
//
//   node scripts/short-names.mjs <module.wasm> <glue.js> <mapping.json> [--keep-export NAME]...
//
// The mapping (old names to new, to read a profile or a trace of the shipped module) goes to
// <mapping.json>; tests read it.
import { readFileSync, realpathSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { readNames, writeNames, WasmFormatError } from "./wasm-sections.mjs";

class MismatchError extends Error {}

const IDENT = "[A-Za-z_$][\\w$]*";

// `a` … `Z`, then `aa` …: valid JS identifiers, so that keys and `wasm.x` need no quotes.
function* shortNames() {
  const first = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const rest = first + "0123456789";
  for (let length = 1; ; length++) {
    const count = first.length * rest.length ** (length - 1);
    for (let n = 0; n < count; n++) {
      let name = first[n % first.length];
      for (let left = Math.floor(n / first.length), i = 1; i < length; i++, left = Math.floor(left / rest.length)) {
        name += rest[left % rest.length];
      }
      yield name;
    }
  }
}

// Where a name occurs in `text` as a whole identifier.
function occurrences(text, name) {
  const escaped = name.replace(/\$/g, "\\$");
  return [...text.matchAll(new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`, "g"))].map((m) => m.index);
}

// The glue's import object as wasm-bindgen writes it: `__wbg_get_imports` builds one object
// literal per module it writes itself (`const import0 = { __proto__: null, name: function …}`)
// and returns { module: binding }, a binding being such a literal or a snippet's namespace
// (`import * as import1 from "./snippets/…"`). Offsets are into `glue`.
function readGlue(glue) {
  const head = "\nfunction __wbg_get_imports() {\n";
  const start = glue.indexOf(head);
  if (start < 0 || glue.indexOf(head, start + 1) >= 0) throw new MismatchError("the glue has no single __wbg_get_imports()");
  const end = glue.indexOf("\n}\n", start + 1);
  const body = glue.slice(0, end);
  const literals = new Map();
  for (const m of body.slice(start).matchAll(/^ {4}const (import\d+) = \{\n([\s\S]*?)^ {4}\};\n/gm)) {
    const from = start + m.index + m[0].indexOf("\n") + 1;
    const keys = [];
    for (const k of m[2].matchAll(new RegExp(`^ {8}(${IDENT}): `, "gm"))) {
      if (k[1] !== "__proto__") keys.push({ name: k[1], at: from + k.index + 8 });
    }
    literals.set(m[1], keys);
  }
  const namespaces = new Map([...glue.matchAll(/^import \* as (import\d+) from "([^"]+)"$/gm)].map((m) => [m[1], m[2]]));
  const returned = [...body.slice(start).matchAll(/^ {4}return \{\n([\s\S]*?)^ {4}\};$/gm)];
  if (returned.length !== 1) throw new MismatchError("__wbg_get_imports() has no single `return { … };`");
  const modules = [];
  for (const line of returned[0][1].split("\n").slice(0, -1)) {
    if (line === "        __proto__: null,") continue;
    const m = line.match(new RegExp(`^ {8}(?:"([^"\\\\]*)"|(${IDENT})): (import\\d+),$`));
    if (!m) throw new MismatchError(`__wbg_get_imports() returns an entry not understood: ${line.trim()}`);
    const binding = m[3];
    if (!literals.has(binding) && namespaces.get(binding) !== (m[1] ?? m[2])) {
      throw new MismatchError(`module ${m[1] ?? m[2]} is supplied by ${binding}, neither its object nor its namespace`);
    }
    modules.push({ module: m[1] ?? m[2], binding });
  }
  const returnAt = start + returned[0].index;
  return { literals, modules, returnFrom: returnAt, returnTo: returnAt + returned[0][0].length };
}

// The checks both the input and the result pass: the pair links (each import the glue's
// objects supply is a key there exactly once, and each key an import), and every export the
// glue reads is there. Returns the glue as read.
function checkPair(glue, names, keepExports) {
  const read = readGlue(glue);
  // A module's repeats are all its snippet's namespace (readGlue checked): one object.
  const moduleOf = new Map();
  for (const { module, binding } of read.modules) {
    if (moduleOf.has(module) && (read.literals.has(binding) || read.literals.has(moduleOf.get(module)))) {
      throw new MismatchError(`module ${module} is supplied twice`);
    }
    if (!moduleOf.has(module)) moduleOf.set(module, binding);
  }
  const wanted = new Map([...read.literals.keys()].map((binding) => [binding, new Set()]));
  for (const { module, name } of names.imports) {
    if (!moduleOf.has(module)) throw new MismatchError(`the .wasm imports from ${module}, which the glue does not supply`);
    const binding = moduleOf.get(module);
    if (!read.literals.has(binding)) continue;
    const keys = read.literals.get(binding).filter((k) => k.name === name);
    if (keys.length !== 1) throw new MismatchError(`import ${name} of ${module} is ${keys.length} times a key of the glue's ${binding}`);
    wanted.get(binding).add(name);
  }
  for (const [binding, keys] of read.literals) {
    const extra = keys.filter((k) => !wanted.get(binding).has(k.name));
    if (extra.length) throw new MismatchError(`the glue's ${binding} supplies what the .wasm does not import: ${extra.map((k) => k.name).join(", ")}`);
  }
  const imported = new Set(names.imports.map((i) => i.module));
  const unused = read.modules.filter((m) => !imported.has(m.module));
  if (unused.length) throw new MismatchError(`the glue supplies modules the .wasm does not import: ${unused.map((m) => m.module).join(", ")}`);
  const exported = new Set(names.exports.map((e) => e.name));
  if (/(?<![\w$])wasm\s*\[/.test(glue)) throw new MismatchError("the glue reads an export by a computed name (wasm[…])");
  for (const m of glue.matchAll(new RegExp(`(?<![\\w$.])wasm\\.(${IDENT})`, "g"))) {
    if (!exported.has(m[1])) throw new MismatchError(`the glue reads wasm.${m[1]}, which the .wasm does not export`);
  }
  for (const name of keepExports) {
    if (!exported.has(name)) throw new MismatchError(`the .wasm does not export ${name}, which is kept by name`);
  }
  return read;
}

// wasm-bindgen's own intrinsics (`__wbg___wbindgen_throw_…`) that the glue supplies and the
// .wasm no longer imports: wasm-opt dropped the import of one the optimized module never calls
// (the print module throws nothing), and its supplier in the glue is dead. Only those are taken
// out, each entry whole; any other key supplied and not imported still fails the check.
function dropUnusedIntrinsics(glue, names) {
  const read = readGlue(glue);
  const imported = new Set(names.imports.map((i) => i.name));
  const drops = [];
  for (const keys of read.literals.values()) {
    keys.forEach((key, i) => {
      if (imported.has(key.name) || !key.name.startsWith("__wbg___wbindgen_")) return;
      const from = key.at - 8;
      const to = i + 1 < keys.length ? keys[i + 1].at - 8 : glue.indexOf("\n    };\n", key.at) + 1;
      if (to <= from) throw new MismatchError(`the glue's entry ${key.name} has no end`);
      drops.push({ from, to, name: key.name });
    });
  }
  drops.sort((a, b) => b.from - a.from);
  return {
    glue: drops.reduce((text, d) => text.slice(0, d.from) + text.slice(d.to), glue),
    dropped: drops.map((d) => d.name).reverse(),
  };
}

// The renamed pair and its mapping.
export function shortenNames(wasmBytes, originalGlue, { keepExports = [] } = {}) {
  const names = readNames(wasmBytes);
  const { glue, dropped } = dropUnusedIntrinsics(originalGlue, names);
  const read = checkPair(glue, names, keepExports);
  const bindingOf = new Map(read.modules.map((m) => [m.module, m.binding]));
  const edits = [];

  // Imports the glue's own objects supply: each name occurs once in the whole glue, as its key.
  const importNames = shortNames();
  const imports = {};
  for (const { module, name } of names.imports) {
    const keys = read.literals.get(bindingOf.get(module));
    if (!keys) continue;
    const at = occurrences(glue, name);
    if (at.length !== 1 || at[0] !== keys.find((k) => k.name === name).at) {
      throw new MismatchError(`import ${name} occurs ${at.length} times in the glue, not once as its key`);
    }
    const short = importNames.next().value;
    (imports[module] ??= {})[name] = short;
    edits.push({ at: at[0], length: name.length, text: short });
  }

  // Each module once: wasm-bindgen lists a snippet's namespace again for each of its imports.
  const listed = new Map();
  for (const { module, binding } of read.modules) if (!listed.has(module)) listed.set(module, binding);
  edits.push({
    at: read.returnFrom,
    length: read.returnTo - read.returnFrom,
    text: `    return {\n        __proto__: null,\n${[...listed].map(([m, b]) => `        ${JSON.stringify(m)}: ${b},\n`).join("")}    };`,
  });

  // Exports, wherever the glue reads them, but those read by name from outside the glue.
  const exportNames = shortNames();
  const exports = {};
  for (const { name } of names.exports) if (!keepExports.includes(name)) exports[name] = exportNames.next().value;
  for (const m of glue.matchAll(new RegExp(`(?<![\\w$.])wasm\\.(${IDENT})`, "g"))) {
    if (Object.hasOwn(exports, m[1])) edits.push({ at: m.index + 5, length: m[1].length, text: exports[m[1]] });
  }

  edits.sort((a, b) => b.at - a.at);
  for (let i = 1; i < edits.length; i++) {
    if (edits[i].at + edits[i].length > edits[i - 1].at) throw new MismatchError("two renames overlap in the glue");
  }
  const renamedGlue = edits.reduce((text, e) => text.slice(0, e.at) + e.text + text.slice(e.at + e.length), glue);
  // An export read in any other way (`instance.exports.run`, `wasm?.run`, `wasm .run`) was not
  // renamed and would be undefined at run time: its old name must be gone from the glue, but
  // where the glue declares a function of that name (the JS entry points wasm-bindgen writes for
  // the exports: `export function mount(`).
  const declared = new Set([...renamedGlue.matchAll(new RegExp(`^(?:export )?function (${IDENT})\\(`, "gm"))].map((m) => m[1]));
  const unrenamed = Object.keys(exports).filter((name) => !declared.has(name) && occurrences(renamedGlue, name).length);
  if (unrenamed.length) {
    throw new MismatchError(`the glue reads exports other than as wasm.NAME, which would not be renamed: ${unrenamed.join(", ")}`);
  }
  const renamedWasm = writeNames(wasmBytes, {
    imports: ({ module, name }) => ({ module, name: imports[module]?.[name] ?? name }),
    exports: (name) => exports[name] ?? name,
  });

  // The result, read back: a valid module, a pair that links, no long name left.
  try {
    new WebAssembly.Module(renamedWasm);
  } catch (error) {
    if (!(error instanceof WebAssembly.CompileError)) throw error;
    throw new MismatchError(`the renamed .wasm does not compile: ${error.message}`);
  }
  const after = readNames(renamedWasm);
  checkPair(renamedGlue, after, keepExports);
  const given = new Set(Object.values(imports).flatMap(Object.values));
  const left = after.imports.filter((i) => read.literals.has(bindingOf.get(i.module)) && !given.has(i.name));
  if (left.length) throw new MismatchError(`imports left with their long names: ${left.map((i) => i.name).join(", ")}`);
  const long = after.exports.filter((e) => !keepExports.includes(e.name) && !Object.values(exports).includes(e.name));
  if (long.length) throw new MismatchError(`exports left with their long names: ${long.map((e) => e.name).join(", ")}`);
  return { wasm: renamedWasm, glue: renamedGlue, mapping: { imports, exports, kept: keepExports, dropped } };
}

function main(args) {
  const keepExports = [];
  const files = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--keep-export") keepExports.push(args[++i]);
    else files.push(args[i]);
  }
  if (files.length !== 3) throw new MismatchError("usage: short-names.mjs <module.wasm> <glue.js> <mapping.json> [--keep-export NAME]...");
  const [wasmPath, gluePath, mappingPath] = files;
  const wasmBytes = readFileSync(wasmPath);
  const glue = readFileSync(gluePath, "utf8");
  const result = shortenNames(new Uint8Array(wasmBytes), glue, { keepExports });
  writeFileSync(mappingPath, JSON.stringify(result.mapping, null, 1) + "\n");
  writeFileSync(wasmPath, result.wasm);
  writeFileSync(gluePath, result.glue);
  const imports = Object.values(result.mapping.imports).reduce((sum, names) => sum + Object.keys(names).length, 0);
  console.log(`    ${wasmPath.split("/").pop()}: ${imports} imports and ${Object.keys(result.mapping.exports).length} ` +
    `exports renamed: ${wasmBytes.length} -> ${result.wasm.length} bytes`);
}

// Run as a script, by whatever path (a symlink, a space or a non-ASCII letter in it): not when
// a test imports it.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof MismatchError || error instanceof WasmFormatError)) throw error;
    console.error(`news-widget build: short names: ${error.message}; nothing was written`);
    process.exit(1);
  }
}
