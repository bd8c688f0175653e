// Finding elements: on the page at start, added later, removed; and the custom elements.
import { WIDGET_ATTRIBUTES, WIDGET_ELEMENT, TOOLBAR_ATTRIBUTES, TOOLBAR_ELEMENT } from "./contract.js";
import { current } from "./entries.js";
import { load, moduleFor, TOOLBARS, WIDGETS } from "./modules.js";
import { mount, mountToolbar, report } from "./mount.js";

var pending = new WeakSet();

function autoMount(element, how) {
  if (current(element) || pending.has(element) || !element.isConnected) return;
  pending.add(element);
  (how || mount)(element).then(function (handle) {
    // Taken off the page, or unmarked, while the wasm was on its way: nothing may go on
    // running for it.
    if (!element.isConnected || !element.matches(MOUNTED)) handle.destroy();
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

function unmark(element, name) {
  if (element.hasAttribute(name)) return scan(element);
  if (element.matches(WIDGET_ELEMENT + "," + TOOLBAR_ELEMENT)) return;
  if (lazy) lazy.unobserve(element);
  var handle = current(element);
  if (handle) handle.destroy();
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

export function defineElements() {
  defineElement(WIDGET_ELEMENT, WIDGET_ATTRIBUTES, mount);
  defineElement(TOOLBAR_ELEMENT, TOOLBAR_ATTRIBUTES, mountToolbar);
}

// The page's module's download, started before anything else the loader does: defining the
// custom elements mounts those already on the page, whose early styles and placeholders held
// the requests back by about 45 ms at a phone's CPU. Again from `start`, for a page still
// loading when the loader ran (the module is asked for once).
export function startDownload() {
  var widgets = document.querySelector(WIDGETS);
  if (widgets || document.querySelector(TOOLBARS)) {
    load(moduleFor(widgets ? "widget" : "toolbar")).catch(function () {});
  }
}

var observer = null;
export function start() {
  // The wasm download starts before any layout is measured (see wantsEager).
  startDownload();
  scan(document);
  if (!observer && window.MutationObserver) {
    observer = new MutationObserver(function (records) {
      records.forEach(function (record) {
        // The attribute put on an element already on the page (a CMS's script marking its
        // containers) mounts it as an element added with it would be; taken off, it destroys
        // what it mounted (our custom elements answer to their own connection instead).
        if (record.type === "attributes") unmark(record.target, record.attributeName);
        record.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) scan(node);
        });
        record.removedNodes.forEach(function (node) {
          if (node.nodeType === 1) release(node);
        });
      });
    });
    observer.observe(document.documentElement, {
      childList: true, subtree: true, attributeFilter: ["data-news-widget", "data-news-widget-toolbar"]
    });
  }
}
