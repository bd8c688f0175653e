// The feed's request leaves now, in parallel with the glue and the wasm, instead of after the
// wasm has started: on a phone that is a round trip or more sooner. It is the request the
// widget would send; the widget takes it over when it mounts (its timeout, its abort) and
// aborts it if it wants another URL. Per-language feeds wait: only the widget knows the
// reader's language.
import { DATA_PREFIX, FEED_ATTRIBUTE, FEED_PROPERTY, FEEDS_PREFIX, FEEDS_PROPERTY, WIDGET_ELEMENT } from "./contract.js";
import { attribute, current } from "./entries.js";

export function prefetch(element, options) {
  if (!window.AbortController || current(element)) return undefined;
  var custom = element.localName === WIDGET_ELEMENT;
  var perLanguage = options[FEEDS_PROPERTY] || [].some.call(element.attributes, function (attr) {
    return attr.name.indexOf((custom ? "" : DATA_PREFIX) + FEEDS_PREFIX) === 0;
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
