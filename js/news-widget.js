/*! news-widget loader: mounts every [data-news-widget] element and <news-widget> on the page,
 * and every reader toolbar ([data-news-widget-toolbar], <news-widget-toolbar for="id">).
 * Works as a classic script (defer/async) and as type="module"; finds its wasm beside itself.
 * Defines one global, window.NewsWidget. See docs/interface.md#embedding. */
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
  var core = null;

  // The wasm is fetched and compiled once for every instance on the page.
  // The .wasm request starts together with the glue's, not after it: one round trip saved.
  function loadCore() {
    if (!core) {
      var wasm = fetch(new URL("news-widget-core_bg.wasm", base).href, { credentials: "same-origin" });
      core = import(new URL("news-widget-core.js", base).href).then(function (glue) {
        return glue.default({ module_or_path: wasm }).then(function () {
          return glue;
        });
      });
      // A failed download is not remembered: the next mount tries again.
      core.catch(function () { core = null; });
    }
    return core;
  }

  // The handle of each mounted element, for NewsWidget.get and for mount() on it again. A handle
  // whose widget was destroyed says so (`mounted`), and is forgotten.
  var handles = new WeakMap();

  function current(element) {
    var handle = handles.get(element);
    if (handle && !handle.mounted) {
      handles.delete(element);
      return null;
    }
    return handle || null;
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
    var early = prefetch(element, options);
    return loadCore().then(function (glue) {
      var handle = glue.mount(element, options, early);
      var known = current(element);
      if (known) return known;
      handles.set(element, handle);
      return handle;
    }, function (error) {
      if (early) early.controller.abort();
      throw error;
    });
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

  function unscaleEarly(element) {
    var sheet = early.get(element);
    if (!sheet) return;
    early.delete(element);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter(function (s) { return s !== sheet; });
  }

  function mountToolbar(element, options) {
    if (!(element instanceof Element)) {
      return Promise.reject(notAnElement("NewsWidget.mountToolbar"));
    }
    options = options || {};
    var custom = element.localName === "news-widget-toolbar";
    scaleEarly(element, options[FOR_ATTRIBUTE] || attribute(element, FOR_ATTRIBUTE, custom));
    return loadCore().then(function (glue) {
      try {
        var handle = glue.mountToolbar(element, options);
        var known = current(element);
        if (known) return known;
        handles.set(element, handle);
        return handle;
      } finally {
        unscaleEarly(element);
      }
    }, function (error) {
      unscaleEarly(element);
      throw error;
    });
  }

  function report(element, error) {
    console.error("news-widget:", error);
    element.dispatchEvent(new CustomEvent(ERROR_EVENT, {
      bubbles: true,
      composed: true,
      detail: { kind: error && error.kind || LOAD_ERROR, message: String(error && error.message || error) },
    }));
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
      return Promise.all([loadCore(), bytes]).then(function (both) {
        var input = both[1];
        return both[0].validateFeed(input.bytes, {
          url: input.url ? new URL(input.url, document.baseURI).href : document.baseURI,
          contentType: input.contentType || undefined,
          timezone: options.timezone,
        });
      });
    },
    /** Starts the wasm download early, e.g. from a page that mounts widgets later. */
    preload: function () { return loadCore().then(function () {}); },
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
})();
