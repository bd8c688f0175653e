/*! news-widget loader: mounts every [data-news-widget] element and <news-widget> on the page,
 * and every reader toolbar ([data-news-widget-toolbar], <news-widget-toolbar for="id">).
 * Works as a classic script (defer/async) and as type="module"; finds its wasm beside itself.
 * Defines one global, window.NewsWidget. See docs/interface.md#embedding. */
"use strict";
// The loader's entry, bundled by scripts/build.sh (esbuild) with the modules beside it into
// one classic script, dist/news-widget.js, which also runs as type="module".
import { VERSION } from "./contract.js";
import { watchForTraps, guard } from "./crash.js";
import { defineElements, start, startDownload } from "./elements.js";
import { current } from "./entries.js";
import { live } from "./modules.js";
import { mount, mountToolbar } from "./mount.js";

// A second copy of the loader on the page leaves the first in charge.
if (!window.NewsWidget) {
  if (document.readyState !== "loading") startDownload();
  watchForTraps();
  defineElements();

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
      return Promise.all([live("widget"), bytes]).then(function (both) {
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
    preload: function () { return live("widget").then(function () {}); },
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
}
