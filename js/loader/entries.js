// What the loader knows of each element it mounted: its options (to mount it again after a
// trap), the instance and the module's handle, the handle the page holds, and, for a toolbar,
// its article's id and the sheets its mount adopted.
import { DATA_PREFIX } from "./contract.js";

export var entries = new Map();

// The handle the page holds for `element`, if one is mounted.
export function current(element) {
  var entry = entries.get(element);
  return entry && entry.api || null;
}

// An option's attribute: `name` on a custom element, `data-name` on any other.
export function attribute(element, name, custom) {
  return element.getAttribute(custom ? name : DATA_PREFIX + name);
}
