/*! news-widget loader: mounts every [data-news-widget] element and <news-widget> on the page,
 * and every reader toolbar ([data-news-widget-toolbar], <news-widget-toolbar for="id">).
 * Works as a classic script (defer/async) and as type="module"; finds its wasm beside itself.
 * Defines one global, window.NewsWidget. See README "Embed on your site". */
(function () {
  "use strict";
  if (window.NewsWidget) return;

  // The loader finds elements, mounts them (lazily far below the fold), defines the custom
  // elements and starts the downloads early. What an option means, which options an element
  // has (its attributes are read by the widget itself), what a mount on a mounted element does:
  // all of that is the widget's, in Rust. These constants are too, copied here because they are
  // needed before the wasm has arrived:
  // <contract> generated from src/contract.rs: edit there, then `UPDATE_CONTRACT=1 cargo test --test contract`
  var VERSION = "0.1.0";
  var WIDGET_ATTRIBUTES = ["feed", "lang", "page-size", "article", "locales", "languages", "timezone", "timeout"];
  var TOOLBAR_ATTRIBUTES = ["for", "lang"];
  var FEED_ATTRIBUTE = "feed";
  var FEED_PROPERTY = "feed";
  var FEEDS_PREFIX = "feed-";
  var FEEDS_PROPERTY = "feeds";
  var FOR_ATTRIBUTE = "for";
  var ERROR_EVENT = "news-widget:error";
  var LOAD_ERROR = "load";
  var CONFIG_ERROR = "config";
  var CRASH_ERROR = "crash";
  var FONT_STEP_KEY = "news-widget:font-step";
  var SCALES = ["0.875", "1", "1.125", "1.25", "1.5", "1.75", "2"];
  var ZOOM_CSS = "#{id}{zoom:{scale}!important;overflow-wrap:anywhere!important}#{id} :is(img,video,canvas,svg,iframe,object,embed,table,pre){max-width:100%!important}#{id} :is(img,video,canvas){height:auto!important}#{id} pre{white-space:pre-wrap!important}";
  // </contract>

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

  var base = findBase();
  // The instance on its way or running: a promise of { glue, sp, rest, dead }. `running` is the
  // one that has started; `restarts` counts the instances a trap replaced.
  var core = null;
  var running = null;
  var restarts = 0;
  var compiled = null;

  // The wasm is fetched and compiled once for every instance on the page (as it arrives, where
  // the server says application/wasm). The .wasm request starts together with the glue's, not
  // after it: one round trip saved. After a trap a fresh instance starts from the same compiled
  // module, and a fresh copy of the glue, which keeps its instance in module state: the same URL
  // under another fragment, another module for the browser and the same file for its HTTP cache.
  function loadCore() {
    if (!core) {
      if (!compiled) {
        compiled = fetch(new URL("news-widget-core_bg.wasm", base).href, { credentials: "same-origin" }).then(function (response) {
          return WebAssembly.compileStreaming && /wasm/.test(response.headers.get("content-type"))
            ? WebAssembly.compileStreaming(response)
            : response.arrayBuffer().then(WebAssembly.compile);
        });
        compiled.catch(function () { compiled = null; });
      }
      var wasm = compiled;
      var url = new URL("news-widget-core.js", base);
      if (restarts) url.hash = "restart-" + restarts;
      var loading = core = import(url.href).then(function (glue) {
        return glue.default({ module_or_path: wasm }).then(function (exports) {
          // Its shadow stack pointer, where it rests between calls (see "A trap" below).
          var sp = exports.__stack_pointer || {};
          return (running = { glue: glue, sp: sp, rest: sp.value, core: loading });
        });
      });
      // A failed download is not remembered: the next mount tries again.
      loading.catch(function () { if (core === loading) core = null; });
    }
    return core;
  }

  // The running instance; one that trapped meanwhile is replaced.
  function live() {
    return loadCore().then(function (instance) { return instance.dead ? live() : instance; });
  }

  // What the loader knows of each element it mounted: its options (to mount it again after a
  // trap), the instance and the module's handle, the handle the page holds, and, for a toolbar,
  // its article's id and the sheets its mount adopted.
  var entries = new Map();

  function current(element) {
    var entry = entries.get(element);
    return entry && entry.api || null;
  }

  function attribute(element, name, custom) {
    return element.getAttribute(custom ? name : "data-" + name);
  }

  // The feed's request leaves now, in parallel with the glue and the wasm, instead of after the
  // wasm has started: on a phone that is a round trip or more sooner. It is the request the
  // widget would send; the widget takes it over when it mounts (its timeout, its abort) and
  // aborts it if it wants another URL. Per-language feeds wait: only the widget knows the
  // reader's language.
  function prefetch(element, options) {
    if (!window.AbortController || current(element)) return undefined;
    var custom = element.localName === "news-widget";
    var perLanguage = options[FEEDS_PROPERTY] || [].some.call(element.attributes, function (attr) {
      return attr.name.indexOf((custom ? "" : "data-") + FEEDS_PREFIX) === 0;
    });
    var feed = options[FEED_PROPERTY] || attribute(element, FEED_ATTRIBUTE, custom);
    if (typeof feed !== "string" || !feed.trim() || perLanguage) return undefined;
    var url;
    try {
      url = new URL(feed.trim(), document.baseURI).href;
    } catch (e) {
      return undefined; // the widget reports the bad URL itself
    }
    var controller = new AbortController();
    var answer = fetch(url, { signal: controller.signal });
    // Read by the widget; aborted before it mounts, it would otherwise be an unhandled rejection.
    answer.catch(function () {});
    return { url: url, controller: controller, answer: answer };
  }

  function notAnElement(what) {
    var error = new TypeError(what + ": expected an Element");
    error.kind = CONFIG_ERROR;
    return error;
  }

  // Mounts `element` (or, mounted already, lets the widget follow its options: the same handle).
  function mount(element, options) {
    if (!(element instanceof Element)) {
      return Promise.reject(notAnElement("NewsWidget.mount"));
    }
    options = options || {};
    return attach(element, options, false, prefetch(element, options));
  }

  // A mount by the module, widget or toolbar, on the running instance. An element in its crash
  // state is emptied for it (the module claims only an empty shadow root).
  function attach(element, options, toolbar, early) {
    var target = toolbar && (options[FOR_ATTRIBUTE] || attribute(element, FOR_ATTRIBUTE, element.localName === "news-widget-toolbar"));
    if (toolbar) scaleEarly(element, target);
    return live().then(function (instance) {
      var entry = entries.get(element);
      if (!entry || entry.toolbar !== toolbar) {
        // A toolbar on a widget's host, or the other way round, is refused by the module.
        entry = { element: element, toolbar: toolbar };
        if (!entries.has(element)) entries.set(element, entry);
      }
      if (entry.crashed && element.shadowRoot) element.shadowRoot.replaceChildren();
      entry.crashed = false;
      entry.options = options;
      entry.target = target;
      entry.instance = instance;
      var before = [].slice.call(document.adoptedStyleSheets || []);
      var handle;
      try {
        handle = guard(instance, function () {
          return toolbar ? instance.glue.mountToolbar(element, options) : instance.glue.mount(element, options, early);
        });
      } catch (error) {
        // Once the trap, if it is one, has put every element of the instance in its crash state.
        return suspect(instance, error).then(function () {
          if (!entry.handle && !entry.crashed && entries.get(element) === entry) entries.delete(element);
          throw error;
        });
      } finally {
        // The toolbar's own sheet scales the article now, from this task on.
        var added = [].filter.call(document.adoptedStyleSheets || [], function (s) { return before.indexOf(s) < 0; });
        if (added.length) entry.sheets = added;
        unscaleEarly(element);
      }
      // Mounted already: the module's new handle is one more for the same widget.
      if (entry.handle) handle.free();
      else entry.handle = handle;
      entry.shape = Object.getPrototypeOf(handle);
      return entry.api || (entry.api = api(entry));
    }, function (error) {
      if (early) early.controller.abort();
      if (!(entries.get(element) || {}).crashed) unscaleEarly(element);
      throw error;
    });
  }

  // The handle the page holds: the module's handle, through the loader, so that it notices a
  // trap in a method and outlives the instance (after Retry it is the new widget's handle). In
  // the crash state its methods do nothing and its properties read undefined; `destroy()` works.
  function api(entry) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === "destroy") return function () { destroy(entry); };
        if (name === "mounted") return entries.get(entry.element) === entry;
        var handle = entry.handle;
        var instance = entry.instance;
        if (!handle) {
          var own = Object.getOwnPropertyDescriptor(entry.shape, name);
          return own && typeof own.value == "function" ? function () {} : undefined;
        }
        var value = guard(instance, function () { return handle[name]; });
        return typeof value != "function" ? value : function () {
          var args = arguments;
          if (entry.handle === handle) return guard(instance, function () { return value.apply(handle, args); });
        };
      },
    });
  }

  function destroy(entry) {
    var element = entry.element;
    var shadow = element.shadowRoot;
    if (entries.get(element) !== entry) return;
    entries.delete(element);
    unscaleEarly(element);
    if (entry.handle) {
      guard(entry.instance, function () { entry.handle.destroy(); });
    } else if (shadow) {
      // As the module leaves a host: the host's own content shows again.
      shadow.replaceChildren(document.createElement("slot"));
      shadow.adoptedStyleSheets = [];
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The reader toolbar on an existing article page: <news-widget-toolbar for="article-id">.

  // Before the wasm has arrived, the article is already at the reader's stored size, so that a
  // reload never shows it at 100 % first. The toolbar adopts its own copy when it mounts, and
  // this one goes in the same task.
  var early = new WeakMap();

  function storedScale() {
    var stored;
    try {
      stored = window.localStorage.getItem(FONT_STEP_KEY);
    } catch (e) {
      return null; // storage blocked: the wasm keeps the step in memory
    }
    var text = String(stored === null ? "" : stored).trim();
    if (!/^[+-]?[0-9]+$/.test(text)) return null;
    var step = Number(text);
    return step === 0 ? null : SCALES[step + 1] || null;
  }

  function scaleEarly(element, id) {
    var scale = storedScale();
    if (!scale || !id || early.has(element) || !document.getElementById(id) ||
        !("adoptedStyleSheets" in document) || !(window.CSS && CSS.escape)) return;
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(ZOOM_CSS.split("{id}").join(CSS.escape(id)).split("{scale}").join(scale));
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
      early.set(element, sheet);
    } catch (e) {
      // Without constructed stylesheets the toolbar scales the article when it mounts.
    }
  }

  function unadopt(sheets) {
    if (sheets && sheets.length) {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter(function (s) { return sheets.indexOf(s) < 0; });
    }
  }

  function unscaleEarly(element) {
    unadopt([early.get(element)]);
    early.delete(element);
  }

  function mountToolbar(element, options) {
    if (!(element instanceof Element)) {
      return Promise.reject(notAnElement("NewsWidget.mountToolbar"));
    }
    return attach(element, options || {}, true);
  }

  function emit(element, kind, message) {
    element.dispatchEvent(new CustomEvent(ERROR_EVENT, {
      bubbles: true,
      composed: true,
      detail: { kind: kind, message: message },
    }));
  }

  function report(element, error) {
    if (error && error.kind === CRASH_ERROR) return; // the crash state has said it
    console.error("news-widget:", error);
    emit(element, error && error.kind || LOAD_ERROR, String(error && error.message || error));
  }

  // ---------------------------------------------------------------------------------------------
  // A trap (a panic, a stack overflow, any exception thrown through the module's frames) leaves
  // the instance unusable: the borrows it held stay held. It surfaces as an exception out of a
  // call the loader makes (a mount, a handle's method, validateFeed) or as an error event on the
  // window (a listener, a futures task). Whether it went through the running instance, its
  // shadow stack pointer says, read once the JS stack is empty (inside a call it is lower): a
  // trap leaves it below where it rests between calls, whatever the error's type, and the page's
  // own errors leave it where it was. The dead instance gets its stack back and is halted
  // (src/dom/halt.rs), and is kept with its handles (a handle collected would run its teardown
  // on a shadow root that a fresh instance uses); each element it had shows the crash state and
  // hears news-widget:error with kind "crash"; Retry mounts them all, with their options, on a
  // fresh instance.
  var dead = [];
  var CRASH_TEXT = {
    en: ["Something went wrong.", "Try again"],
    zh: ["出现错误。", "重试"],
    ko: ["오류가 발생했습니다.", "다시 시도"],
  };

  // Runs a call into `instance`. An exception that leaves the stack pointer below where the call
  // found it went through the module's frames: the caller gets it with kind "crash" at once,
  // even from a listener that the module's own call runs (a page's listener of its events).
  function guard(instance, call) {
    var before = instance.sp.value;
    try {
      return call();
    } catch (error) {
      if (instance.sp.value !== before) instance.trapped = crashed(error);
      suspect(instance, error);
      throw error;
    }
  }

  function crashed(error) {
    if (error instanceof Object && !error.kind) error.kind = CRASH_ERROR;
    return true;
  }

  function suspect(instance, error) {
    return Promise.resolve().then(function () {
      if (!instance.dead && (instance.trapped || instance.sp.value !== instance.rest)) die(instance, error);
    });
  }

  window.addEventListener("error", function (event) {
    if (running) suspect(running, event.error);
  });
  window.addEventListener("unhandledrejection", function (event) {
    if (running) suspect(running, event.reason);
  });

  function die(instance, error) {
    instance.dead = true;
    dead.push(instance);
    if (core === instance.core) core = null;
    if (running === instance) running = null;
    restarts++;
    instance.sp.value = instance.rest;
    instance.glue.halt();
    crashed(error);
    console.error("news-widget: the module trapped:", error);
    entries.forEach(function (entry) {
      if (entry.instance !== instance) return;
      dead.push(entry.handle);
      entry.handle = null;
      entry.crashed = true;
      if (entry.toolbar) {
        // The article stays at the reader's size, by the loader's sheet as before a mount.
        unadopt(entry.sheets);
        scaleEarly(entry.element, entry.target);
      }
      var message = CRASH_TEXT.en[0];
      try {
        message = showCrash(entry.element);
      } catch (e) {
        // A host that takes no shadow root (the trap came before the module claimed one).
      }
      emit(entry.element, CRASH_ERROR, message);
    });
  }

  function add(parent, tag, attributes, text) {
    var node = parent.appendChild(document.createElement(tag));
    for (var name in attributes) node.setAttribute(name, attributes[name]);
    node.textContent = text || "";
    return node;
  }

  // The crash state, in the language the element spoke (else the page's): its message and
  // Retry, as the widget's own error state, whose stylesheet stays adopted. Returns the message.
  function showCrash(element) {
    var shadow = element.shadowRoot || element.attachShadow({ mode: "open" });
    var spoke = shadow.querySelector("[lang]");
    var lang = (spoke && spoke.lang || document.documentElement.lang || navigator.language).slice(0, 2).toLowerCase();
    var text = CRASH_TEXT[lang] || CRASH_TEXT[lang = "en"];
    var focused = shadow.activeElement;
    shadow.replaceChildren();
    var box = add(add(shadow, "div", { class: "nw", lang: lang }), "div", { class: "state", part: "error", role: "alert" });
    add(box, "p", { class: "state-message", "data-kind": "error" }, text[0]);
    var retry = add(box, "button", { type: "button", part: "retry" }, text[1]);
    retry.addEventListener("click", restart);
    if (focused) retry.focus();
    return text[0];
  }

  // Retry: every element in its crash state, mounted again with its options. (A second click
  // before they are back mounts nothing twice: the module keeps one widget per element.)
  function restart() {
    entries.forEach(function (entry) {
      var element = entry.element;
      if (entry.crashed) attach(element, entry.options, entry.toolbar).catch(function (error) { report(element, error); });
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Finding elements: on the page at start, added later, removed.

  var pending = new WeakSet();

  function autoMount(element, how) {
    if (current(element) || pending.has(element) || !element.isConnected) return;
    pending.add(element);
    (how || mount)(element).then(function (handle) {
      // Taken off the page while the wasm was on its way: nothing may go on running for it.
      if (!element.isConnected) handle.destroy();
    }, function (error) { report(element, error); }).then(function () {
      pending.delete(element);
    });
  }

  // Widgets far below the fold (more than two screens down) mount when the reader scrolls near
  // them, so a footer widget costs nothing on pages nobody scrolls. data-loading="eager" mounts
  // at once. (<news-widget> mounts when connected.)
  var lazy = window.IntersectionObserver ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      lazy.unobserve(entry.target);
      autoMount(entry.target);
    });
  }, { rootMargin: "200% 0px" }) : null;

  function wantsEager(element) {
    return element.getAttribute("data-loading") === "eager" || !lazy ||
      element.getBoundingClientRect().top < 2 * window.innerHeight;
  }

  function consider(element) {
    if (wantsEager(element)) autoMount(element);
    else lazy.observe(element);
  }

  // A [data-news-widget] taken off the page stops listening (one that was only moved is
  // connected again by the time the records arrive, and stays).
  var MOUNTED = "[data-news-widget], [data-news-widget-toolbar]";
  function release(root) {
    var found = root.matches && root.matches(MOUNTED) ? [root] : [];
    if (root.querySelectorAll) found = found.concat([].slice.call(root.querySelectorAll(MOUNTED)));
    found.forEach(function (element) {
      if (element.isConnected) return;
      if (lazy) lazy.unobserve(element);
      var handle = current(element);
      if (handle) handle.destroy();
    });
  }

  // Toolbars mount at once wherever they are: their article is on screen from the start.
  function scan(root) {
    if (root.matches && root.matches("[data-news-widget]")) consider(root);
    if (root.matches && root.matches("[data-news-widget-toolbar]")) autoMount(root, mountToolbar);
    if (root.querySelectorAll) {
      var found = root.querySelectorAll("[data-news-widget]");
      for (var i = 0; i < found.length; i++) consider(found[i]);
      var toolbars = root.querySelectorAll("[data-news-widget-toolbar]");
      for (var j = 0; j < toolbars.length; j++) autoMount(toolbars[j], mountToolbar);
    }
  }

  // <news-widget feed="…" lang="…"> and <news-widget-toolbar for="…">: mounted on connect, told
  // of every option's change (the widget decides: `lang` switches it, anything else mounts it
  // afresh), destroyed on disconnect. Attributes set while the wasm is on its way are read when
  // it mounts.
  function defineElement(name, attributes, how) {
    if (!window.customElements || customElements.get(name)) return;
    customElements.define(name, class extends HTMLElement {
      static get observedAttributes() { return attributes; }

      connectedCallback() {
        var self = this;
        self._wanted = true;
        if (self._mounting || current(self)) return;
        self._mounting = how(self).then(function (handle) {
          self._mounting = null;
          if (!self._wanted) handle.destroy();
          else if (self._changed) how(self).catch(function (e) { report(self, e); });
          self._changed = false;
        }, function (error) {
          self._mounting = null;
          report(self, error);
        });
      }

      disconnectedCallback() {
        this._wanted = false;
        var handle = current(this);
        if (handle) handle.destroy();
      }

      attributeChangedCallback(attr, before, after) {
        if (before === after) return;
        if (this._mounting) this._changed = true;
        else if (current(this)) how(this).catch(report.bind(null, this));
      }
    });
  }

  defineElement("news-widget", WIDGET_ATTRIBUTES, mount);
  defineElement("news-widget-toolbar", TOOLBAR_ATTRIBUTES, mountToolbar);

  var observer = null;
  function start() {
    // The wasm download starts before any layout is measured (see wantsEager).
    if (document.querySelector("[data-news-widget], news-widget, [data-news-widget-toolbar], news-widget-toolbar")) {
      loadCore().catch(function () {});
    }
    scan(document);
    if (!observer && window.MutationObserver) {
      observer = new MutationObserver(function (records) {
        records.forEach(function (record) {
          record.addedNodes.forEach(function (node) {
            if (node.nodeType === 1) scan(node);
          });
          record.removedNodes.forEach(function (node) {
            if (node.nodeType === 1) release(node);
          });
        });
      });
      observer.observe(document.documentElement, { childList: true, subtree: true });
    }
  }

  window.NewsWidget = {
    version: VERSION,
    mount: mount,
    /** Mounts a reader toolbar for the article element whose id is options.for. */
    mountToolbar: mountToolbar,
    /** The handle of an element's widget or toolbar, if one is mounted. */
    get: current,
    /**
     * Reads a feed as the widget would. `source`: the feed's text, its bytes (ArrayBuffer or
     * Uint8Array, e.g. a dropped file), or a Response. `options`: { url, contentType, timezone }.
     * Resolves to the report ({ format, charset, items, skipped, repairs, warnings, notes, … }),
     * or rejects with an Error whose `kind` says why the feed cannot be read.
     */
    validateFeed: function (source, options) {
      options = options || {};
      var bytes = source instanceof Response
        ? source.arrayBuffer().then(function (buffer) {
            return { bytes: buffer, url: options.url || source.url, contentType: options.contentType || source.headers.get("content-type") };
          })
        : Promise.resolve({ bytes: source, url: options.url, contentType: options.contentType });
      return Promise.all([live(), bytes]).then(function (both) {
        var instance = both[0];
        var input = both[1];
        return guard(instance, function () {
          return instance.glue.validateFeed(input.bytes, {
            url: input.url ? new URL(input.url, document.baseURI).href : document.baseURI,
            contentType: input.contentType || undefined,
            timezone: options.timezone,
          });
        });
      });
    },
    /** Starts the wasm download early, e.g. from a page that mounts widgets later. */
    preload: function () { return live().then(function () {}); },
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
})();
