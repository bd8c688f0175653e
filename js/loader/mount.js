// Mounting: NewsWidget.mount and mountToolbar, a mount on the running instance, the handle the
// page holds, and the error event an element hears when it cannot start.
import {
  CONFIG_ERROR, CRASH_ERROR, ERROR_EVENT, FOR_ATTRIBUTE, LOAD_ERROR, LOCALES_ATTRIBUTE, LOCALES_PROPERTY,
  TOOLBAR_ELEMENT, WIDGET_ELEMENT,
} from "./contract.js";
import { guard, suspect } from "./crash.js";
import { prefetch } from "./early-feed.js";
import { floor, ours, scaleEarly, unfloor, unscaleEarly } from "./early-style.js";
import { attribute, entries } from "./entries.js";
import { compileModule, live, TOOLS_WASM } from "./modules.js";
import { holdPlace, releasePlace } from "./placeholder.js";

function notAnElement(what) {
  var error = new TypeError(what + ": expected an Element");
  error.kind = CONFIG_ERROR;
  return error;
}

// Mounts `element` (or, mounted already, lets the widget follow its options: the same handle).
export function mount(element, options) {
  if (!(element instanceof Element)) {
    return Promise.reject(notAnElement("NewsWidget.mount"));
  }
  options = options || {};
  return attach(element, options, false, prefetch(element, options));
}

// A mount by the module, widget or toolbar, on the running instance. An element in its crash
// state is emptied for it (the module claims only an empty shadow root).
export function attach(element, options, toolbar, early) {
  var custom = element.localName === (toolbar ? TOOLBAR_ELEMENT : WIDGET_ELEMENT);
  var target = toolbar && (options[FOR_ATTRIBUTE] || attribute(element, FOR_ATTRIBUTE, custom));
  if (toolbar) {
    floor(element, target);
    scaleEarly(element, target);
    holdPlace(element, target, options, custom);
  }
  // Run-time `.ftl`: the compiler's download starts now, beside the page's module's.
  if (options[LOCALES_PROPERTY] || attribute(element, LOCALES_ATTRIBUTE, custom)) {
    compileModule(TOOLS_WASM, true).catch(function () {});
  }
  return live(toolbar ? "toolbar" : "widget").then(function (instance) {
    var entry = entries.get(element);
    if (!entry || entry.toolbar !== toolbar) {
      // A toolbar on a widget's host, or the other way round, is refused by the module.
      entry = { element: element, toolbar: toolbar };
      if (!entries.has(element)) entries.set(element, entry);
    }
    if (entry.crashed && element.shadowRoot) element.shadowRoot.replaceChildren();
    // In the task that builds the bar, so that no frame shows neither.
    releasePlace(element);
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
        if (!entry.handle && !entry.crashed && entries.get(element) === entry) {
          entries.delete(element);
          unfloor(element);
        }
        throw error;
      });
    } finally {
      // The toolbar's own sheet scales the article now, from this task on.
      var added = [].filter.call(document.adoptedStyleSheets || [], function (s) { return before.indexOf(s) < 0; });
      if (added.length) entry.sheets = added;
      added.forEach(function (s) { ours.add(s); });
      unscaleEarly(element);
    }
    // Mounted already: the module's new handle is one more for the same widget.
    if (entry.handle) handle.free();
    else entry.handle = handle;
    entry.shape = Object.getPrototypeOf(handle);
    return entry.api || (entry.api = api(entry));
  }, function (error) {
    if (early) early.controller.abort();
    releasePlace(element);
    if (!(entries.get(element) || {}).crashed) {
      unscaleEarly(element);
      unfloor(element);
    }
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
  unfloor(element);
  if (entry.handle) {
    guard(entry.instance, function () { entry.handle.destroy(); });
  } else if (shadow) {
    // As the module leaves a host: the host's own content shows again.
    shadow.replaceChildren(document.createElement("slot"));
    shadow.adoptedStyleSheets = [];
  }
}

export function mountToolbar(element, options) {
  if (!(element instanceof Element)) {
    return Promise.reject(notAnElement("NewsWidget.mountToolbar"));
  }
  return attach(element, options || {}, true);
}

export function emit(element, kind, message) {
  element.dispatchEvent(new CustomEvent(ERROR_EVENT, {
    bubbles: true,
    composed: true,
    detail: { kind: kind, message: message },
  }));
}

export function report(element, error) {
  if (error && error.kind === CRASH_ERROR) return; // the crash state has said it
  console.error("news-widget:", error);
  emit(element, error && error.kind || LOAD_ERROR, String(error && error.message || error));
}
