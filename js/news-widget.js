/*! news-widget loader: mounts every [data-news-widget] element and <news-widget> on the page,
 * and every reader toolbar ([data-news-widget-toolbar], <news-widget-toolbar for="id">).
 * Works as a classic script (defer/async) and as type="module"; finds its wasm beside itself.
 * Defines one global, window.NewsWidget. See README "Embed on your site". */
(function () {
  "use strict";
  if (window.NewsWidget) return;

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
  var VERSION = "0.1.0";
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

  var OPTIONS = ["feed", "lang", "page-size", "article", "locales", "languages", "timezone", "timeout"];
  // feed-zh, feed-ko, …: one feed per language (data-feed-zh on a plain element).
  var FEED_LANG = /^(?:data-)?feed-([a-z]{2,3}(?:-[a-z0-9]{2,8})*)$/i;

  function camel(name) {
    return name.replace(/-([a-z])/g, function (_, c) { return c.toUpperCase(); });
  }

  // Options from attributes: data-* on a plain element, plain attributes on <news-widget>.
  function optionsFrom(element) {
    var custom = element.localName === "news-widget";
    var options = {};
    OPTIONS.forEach(function (name) {
      var value = element.getAttribute(custom ? name : "data-" + name);
      if (value !== null) options[camel(name)] = value;
    });
    [].forEach.call(element.attributes, function (attr) {
      var match = FEED_LANG.exec(attr.name);
      if (!match || (attr.name.indexOf("data-") === 0) === custom) return;
      options.feeds = options.feeds || {};
      options.feeds[match[1]] = attr.value;
    });
    return options;
  }

  var handles = new WeakMap();

  // The element's handle is known to NewsWidget.get until it is destroyed.
  function keep(element, handle) {
    handles.set(element, handle);
    var destroy = handle.destroy.bind(handle);
    handle.destroy = function () {
      destroy();
      if (handles.get(element) === handle) handles.delete(element);
    };
    return handle;
  }

  function mount(element, options) {
    if (!(element instanceof Element)) {
      return Promise.reject(new TypeError("NewsWidget.mount: expected an Element"));
    }
    var fromAttributes = optionsFrom(element);
    var merged = Object.assign({}, fromAttributes, options || {});
    if (fromAttributes.feeds && options && options.feeds) {
      merged.feeds = Object.assign({}, fromAttributes.feeds, options.feeds);
    }
    var early = prefetch(merged);
    return loadCore().then(function (glue) {
      return keep(element, glue.mount(element, merged, early));
    }, function (error) {
      if (early) early.controller.abort();
      throw error;
    });
  }

  // The feed's request leaves now, in parallel with the glue and the wasm, instead of after the
  // wasm has started: on a phone that is a round trip or more sooner. It is the request the
  // widget would send; the widget takes it over when it mounts (its timeout, its abort) and
  // aborts it if it wants another URL. Per-language feeds wait: only the widget knows the
  // reader's language.
  function prefetch(options) {
    if (typeof options.feed !== "string" || !options.feed || options.feeds || !window.AbortController) return undefined;
    var url;
    try {
      url = new URL(options.feed, document.baseURI).href;
    } catch (e) {
      return undefined; // the widget reports the bad URL itself
    }
    var controller = new AbortController();
    var answer = fetch(url, { signal: controller.signal });
    // Read by the widget; aborted before it mounts, it would otherwise be an unhandled rejection.
    answer.catch(function () {});
    return { url: url, controller: controller, answer: answer };
  }

  // ---------------------------------------------------------------------------------------------
  // The reader toolbar on an existing article page: <news-widget-toolbar for="article-id">.

  var TOOLBAR_OPTIONS = ["for", "lang"];
  var FONT_STEP_KEY = "news-widget:font-step";
  // The font steps' scales and the article's stylesheet, as src/prefs.rs and src/text_zoom.rs
  // make them (tests/text_zoom.rs checks that these copies are the same): before the wasm has
  // arrived, the article is already at the reader's stored size, so that a reload never shows
  // it at 100 % first. The toolbar adopts its own copy when it mounts, and this one goes in the
  // same task.
  var SCALES = ["0.875", "1", "1.125", "1.25", "1.5", "1.75", "2"];
  var ZOOM_CSS = "#{id}{zoom:{scale}!important;overflow-wrap:anywhere!important}#{id} :is(img,video,canvas,svg,iframe,object,embed,table,pre){max-width:100%!important}#{id} :is(img,video,canvas){height:auto!important}#{id} pre{white-space:pre-wrap!important}";
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

  function toolbarOptionsFrom(element) {
    var custom = element.localName === "news-widget-toolbar";
    var options = {};
    TOOLBAR_OPTIONS.forEach(function (name) {
      var value = element.getAttribute(custom ? name : "data-" + name);
      if (value !== null) options[name] = value;
    });
    return options;
  }

  function mountToolbar(element, options) {
    if (!(element instanceof Element)) {
      return Promise.reject(new TypeError("NewsWidget.mountToolbar: expected an Element"));
    }
    var merged = Object.assign(toolbarOptionsFrom(element), options || {});
    scaleEarly(element, merged["for"]);
    return loadCore().then(function (glue) {
      try {
        return keep(element, glue.mountToolbar(element, merged));
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
    element.dispatchEvent(new CustomEvent("news-widget:error", {
      bubbles: true,
      composed: true,
      detail: { kind: error && error.kind || "load", message: String(error && error.message || error) },
    }));
  }

  var pending = new WeakSet();

  function autoMount(element, how) {
    if (handles.has(element) || pending.has(element) || !element.isConnected) return;
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
      var handle = handles.get(element);
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

  // <news-widget feed="…" lang="…">: mounts on connect, follows lang/feed changes, cleans up
  // on disconnect.
  if (window.customElements && !customElements.get("news-widget")) {
    var NewsWidgetElement = function () {
      return Reflect.construct(HTMLElement, [], NewsWidgetElement);
    };
    NewsWidgetElement.prototype = Object.create(HTMLElement.prototype);
    NewsWidgetElement.prototype.constructor = NewsWidgetElement;
    Object.setPrototypeOf(NewsWidgetElement, HTMLElement);
    Object.defineProperty(NewsWidgetElement, "observedAttributes", { get: function () { return OPTIONS; } });
    NewsWidgetElement.prototype.connectedCallback = function () {
      var self = this;
      self._wanted = true;
      if (self._mounting || handles.has(self)) return;
      var asMounted = JSON.stringify(optionsFrom(self));
      self._mounting = mount(self).then(function (handle) {
        self._mounting = null;
        if (!self._wanted) {
          handle.destroy();
        } else if (JSON.stringify(optionsFrom(self)) !== asMounted) {
          // Attributes changed while the wasm was loading: mount with what is there now.
          handle.destroy();
          self.connectedCallback();
        }
      }, function (error) {
        self._mounting = null;
        report(self, error);
      });
    };
    NewsWidgetElement.prototype.disconnectedCallback = function () {
      this._wanted = false;
      var handle = handles.get(this);
      if (handle) handle.destroy();
    };
    NewsWidgetElement.prototype.attributeChangedCallback = function (name, before, after) {
      var handle = handles.get(this);
      if (!handle || before === after) return;
      if (name === "lang" && after && after !== "auto") {
        // The site's setting for this element: not saved as the reader's choice.
        handle.setLanguage(after, false);
      } else {
        // Any other option changes what the widget is: mount it afresh.
        handle.destroy();
        if (this.isConnected) this.connectedCallback();
      }
    };
    customElements.define("news-widget", NewsWidgetElement);
  }

  // <news-widget-toolbar for="article-id">: mounts on connect, mounts afresh when `for` or
  // `lang` changes, cleans up on disconnect.
  if (window.customElements && !customElements.get("news-widget-toolbar")) {
    var ToolbarElement = function () {
      return Reflect.construct(HTMLElement, [], ToolbarElement);
    };
    ToolbarElement.prototype = Object.create(HTMLElement.prototype);
    ToolbarElement.prototype.constructor = ToolbarElement;
    Object.setPrototypeOf(ToolbarElement, HTMLElement);
    Object.defineProperty(ToolbarElement, "observedAttributes", { get: function () { return TOOLBAR_OPTIONS; } });
    ToolbarElement.prototype.connectedCallback = function () {
      var self = this;
      self._wanted = true;
      if (self._mounting || handles.has(self)) return;
      var asMounted = JSON.stringify(toolbarOptionsFrom(self));
      self._mounting = mountToolbar(self).then(function (handle) {
        self._mounting = null;
        if (!self._wanted || JSON.stringify(toolbarOptionsFrom(self)) !== asMounted) {
          handle.destroy();
          if (self._wanted) self.connectedCallback();
        }
      }, function (error) {
        self._mounting = null;
        report(self, error);
      });
    };
    ToolbarElement.prototype.disconnectedCallback = function () {
      this._wanted = false;
      var handle = handles.get(this);
      if (handle) handle.destroy();
    };
    ToolbarElement.prototype.attributeChangedCallback = function (name, before, after) {
      var handle = handles.get(this);
      if (!handle || before === after) return;
      handle.destroy();
      if (this.isConnected) this.connectedCallback();
    };
    customElements.define("news-widget-toolbar", ToolbarElement);
  }

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
    get: function (element) { return handles.get(element) || null; },
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
