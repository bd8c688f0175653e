// Choosing and loading the page's module by role, the tools module that compiles a site's
// `.ftl`, the plan module that cuts an article into what is read aloud, and the print module
// that copies an article for a toolbar's Print where the page's module cannot. The instances on
// their way or running, by module: promises of { glue, sp, rest, dead }.
import { TOOLBAR_ELEMENT, WIDGET_ELEMENT } from "./contract.js";
import { warmIntl } from "./intl.js";

// Where this file was loaded from: classic scripts know it as document.currentScript; module
// scripts have no currentScript, so look for our own <script> by file name. A site that
// renames the file can say where the files are with data-news-widget-base on the tag.
function findBase() {
  var script = document.currentScript;
  if (!script) {
    var scripts = document.querySelectorAll("script[src]");
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (/news-widget(\.min)?\.js([?#].*)?$/.test(scripts[i].src) || scripts[i].hasAttribute("data-news-widget-base")) {
        script = scripts[i];
        break;
      }
    }
  }
  var explicit = script && script.getAttribute("data-news-widget-base");
  return new URL(explicit || ".", script ? script.src : document.baseURI);
}

// Read while the loader's own script runs (currentScript is null afterwards).
var base = findBase();
// The files beside the loader: the page's modules by role, each a glue and a .wasm (core has
// both roles, for a page with widgets and toolbars; widget and toolbar one each, so that an
// article page never downloads the feed reader and a news page never the article toolbar),
// the tools module (the run-time `.ftl` compiler), fetched only for widgets that name `locales`,
// and the plan module (the reading plan), fetched when a reader first points at, moves to or
// presses Listen.
var ROLES = { core: ["widget", "toolbar"], widget: ["widget"], toolbar: ["toolbar"] };
export var TOOLS_WASM = "news-widget-tools.wasm";
var PLAN_WASM = "news-widget-plan.wasm";
export var WIDGETS = "[data-news-widget], " + WIDGET_ELEMENT;
export var TOOLBARS = "[data-news-widget-toolbar], " + TOOLBAR_ELEMENT;
// `running` holds the instances that have started; `restarts` counts, by module, the instances
// a trap replaced.
var loaded = {};
export var running = [];
var restarts = {};

// Each .wasm is fetched and compiled once for the page (as it arrives, where the server says
// application/wasm), whatever instances run it. A failed download is not remembered: the next
// use tries again. The small modules fetched on a first use (`lazy`: the tools, plan and print
// modules) are given up after LAZY_DEADLINE_MS, so that a download that hangs counts as failed
// and the next use asks again, instead of waiting on it for good; a page's module may take
// longer on a slow link, and has no deadline. A download started by a reader's pointing (a
// prefetch) gets its deadline renewed by the press that then waits on it (`renew`), so that the
// press has its 15 s; when it failed, pointing does not ask again for PREFETCH_PAUSE_MS (the
// press always does).
var modules = {};
var failedAt = {};
export var LAZY_DEADLINE_MS = 15000;
var PREFETCH_PAUSE_MS = 10000;
// A deadline that `expire`s LAZY_DEADLINE_MS after it is armed, armed again by `arm` until `stop`.
function deadline(expire) {
  var timer;
  var live = true;
  var arm = function () {
    if (!live) return;
    clearTimeout(timer);
    timer = setTimeout(expire, LAZY_DEADLINE_MS);
  };
  arm();
  return { arm: arm, stop: function () { live = false; clearTimeout(timer); } };
}

export function compileModule(file, lazy) {
  if (!modules[file]) {
    var abort = lazy && window.AbortController && new AbortController();
    var due = abort ? deadline(function () { abort.abort(); }) : { arm: function () {}, stop: function () {} };
    var compiling = modules[file] = fetch(new URL(file, base).href, { credentials: "same-origin", signal: abort ? abort.signal : undefined }).then(function (response) {
      return WebAssembly.compileStreaming && /wasm/.test(response.headers.get("content-type"))
        ? WebAssembly.compileStreaming(response)
        : response.arrayBuffer().then(WebAssembly.compile);
    });
    compiling.renew = due.arm;
    compiling.then(due.stop, function () {
      due.stop();
      failedAt[file] = Date.now();
      if (modules[file] === compiling) delete modules[file];
    });
  }
  return modules[file];
}

// Whether a prefetch of `file` should wait: it failed a moment ago.
function failedLately(file) {
  return Date.now() - (failedAt[file] || 0) < PREFETCH_PAUSE_MS;
}

// Which module a role ("widget" or "toolbar") runs on: the one loaded or on its way that has
// it; else, for the page's first, core where the page shows the other role too, else the
// role's own. A role that comes later (a widget added to an article page) gets its own module
// beside the first: the two share the reader's preferences through the page (src/dom/page/
// site.rs), and nothing mounted moves.
export function moduleFor(role) {
  var names = Object.keys(loaded);
  for (var i = 0; i < names.length; i++) {
    if (ROLES[names[i]].indexOf(role) >= 0) return names[i];
  }
  return !names.length && document.querySelector(role === "widget" ? TOOLBARS : WIDGETS) ? "core" : role;
}

// A page's module. Its .wasm request starts together with the glue's, not after it: one
// round trip saved. After a trap a fresh instance starts from the same compiled module, and a
// fresh copy of the glue, which keeps its instance in module state: the same URL under another
// fragment, another module for the browser and the same file for its HTTP cache.
export function load(name) {
  if (!loaded[name]) {
    var wasm = compileModule("news-widget-" + name + "_bg.wasm");
    var url = new URL("news-widget-" + name + ".js", base);
    if (restarts[name]) url.hash = "restart-" + restarts[name];
    var loading = loaded[name] = import(url.href).then(function (glue) {
      // After the glue's request, which the warm-up would otherwise hold back.
      warmIntl(name);
      return glue.default({ module_or_path: wasm }).then(function (exports) {
        if (glue.useTools) glue.useTools(tools);
        // Its shadow stack pointer, where it rests between calls (see crash.js).
        var sp = exports.__stack_pointer || {};
        var instance = { glue: glue, sp: sp, rest: sp.value, core: loading, name: name };
        running.push(instance);
        return instance;
      });
    });
    // A failed download is not remembered: the next mount tries again.
    loading.catch(function () { if (loaded[name] === loading) delete loaded[name]; });
  }
  return loaded[name];
}

// A trapped instance leaves: the next use of its module loads a fresh one.
export function retire(instance) {
  if (loaded[instance.name] === instance.core) delete loaded[instance.name];
  var at = running.indexOf(instance);
  if (at >= 0) running.splice(at, 1);
  restarts[instance.name] = (restarts[instance.name] || 0) + 1;
}

// The print module (news-widget-print): a toolbar's printed article (the sanitizing walker's
// copy, the page's title and date, the print frame), for Print on a page whose module has no
// walker (only toolbars). wasm-bindgen's glue and .wasm, fetched on the first
// Print (or when a reader points at or focuses Print, so that the press finds it there), given
// up after LAZY_DEADLINE_MS as the other lazy modules are. A failed or given-up download is
// forgotten, and so is an instance that trapped (`dead`: no later call reaches it): the next
// Print loads it afresh, under a new fragment of the glue's URL, since a browser keeps a module
// that failed, or that it is still fetching, under its URL. After PRINT_TRAPS traps it is not
// loaded again: the walker fails on this page's article.
var printing = null;
var printRestarts = 0;
var printTraps = 0;
var PRINT_TRAPS = 3;
var PRINT_WASM = "news-widget-print_bg.wasm";
// The print module on its way or running as `loading` is forgotten: the next use loads it afresh.
function forgetPrint(loading) {
  if (printing === loading) {
    printing = null;
    printRestarts++;
  }
}
function printModule() {
  if (printTraps >= PRINT_TRAPS) return Promise.reject(new Error("the print module stopped " + printTraps + " times on this page"));
  if (!printing) {
    var wasm = compileModule(PRINT_WASM, true);
    var url = new URL("news-widget-print.js", base);
    if (printRestarts) url.hash = "restart-" + printRestarts;
    var due;
    var late = new Promise(function (resolve, reject) {
      due = deadline(function () { reject(new Error("the print module did not arrive in time")); });
    });
    var loading = printing = Promise.race([import(url.href).then(function (glue) {
      return glue.default({ module_or_path: wasm }).then(function () { return { glue: glue, dead: false }; });
    }), late]);
    loading.renew = function () { due.arm(); wasm.renew(); };
    loading.then(due.stop, function () {
      due.stop();
      failedAt.print = Date.now();
      forgetPrint(loading);
    });
  }
  return printing;
}

// The print module's export `name` on `input` (`articleCopy`: the printed article of
// `[document, target, pageLang, words]`; `printFrame`: the same in a print frame, with the
// shadow root after them): its answer, or why there is none (the instance's
// error's text, or the download's Error). Never rejects.
function printCall(name, input) {
  var loading = printModule();
  if (loading.renew) loading.renew();
  return loading.then(function (module) {
    if (module.dead) return printCall(name, input);
    try {
      return module.glue[name].apply(null, input);
    } catch (error) {
      module.dead = true;
      printTraps++;
      forgetPrint(loading);
      return "the print module stopped: " + error;
    }
  }, function (error) {
    return error instanceof Error ? error : new Error(String(error));
  });
}

// The modules of src/tools.rs for the page's module: `name` is the export (`compile`, the tools
// module's, for a site's `.ftl` source, a string; `plan`, the plan module's, for an article's
// runs, bytes), whose input is copied into a fresh instance, which answers and is dropped, so it
// never needs to free, and a trap there ends that instance alone. Resolves the answer's bytes;
// when the instance stopped, its error's text; when the module cannot be fetched, that Error (a
// network failure, asked again later). It never rejects. `articleCopy` and `printFrame` are the
// print module's (above); `print-module` and `plan-module` only start a module's download
// (resolve undefined), when a reader points at or moves to the control that needs it.
function tools(name, input) {
  if (name === "articleCopy" || name === "printFrame") return printCall(name, input);
  var done = function () {};
  if (name === "print-module") return failedLately("print") ? Promise.resolve() : printModule().then(done, done);
  if (name === "plan-module") return failedLately(PLAN_WASM) ? Promise.resolve() : compileModule(PLAN_WASM, true).then(done, done);
  var compiling = compileModule(name === "plan" ? PLAN_WASM : TOOLS_WASM, true);
  compiling.renew();
  return compiling.then(function (module) {
    return WebAssembly.instantiate(module).then(function (instance) {
      var exports = instance.exports;
      var bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
      var at = exports.alloc(bytes.length);
      new Uint8Array(exports.memory.buffer, at, bytes.length).set(bytes);
      var answer = exports[name](at, bytes.length);
      // Read after the call: the memory may have grown, and its old buffer is detached.
      var memory = exports.memory.buffer;
      return new Uint8Array(memory, answer + 4, new DataView(memory).getUint32(answer, true)).slice();
    }).catch(function (error) {
      return (name === "plan" ? "the reading plan" : "the compiler") + " stopped: " + error;
    });
  }, function (error) {
    return error instanceof Error ? error : new Error(String(error));
  });
}

// The running instance for a role; one that trapped meanwhile is replaced.
export function live(role) {
  return load(moduleFor(role)).then(function (instance) { return instance.dead ? live(role) : instance; });
}
