// Until the wasm has arrived, an invisible bar of the same words and rules holds an empty
// toolbar's place (src/toolbar/placeholder.rs), so that the article does not move when the
// real one appears: in the host's own shadow root (nothing is written outside the host), at
// the reader's stored size, wrapping on a narrow screen as the real one will. The mount
// replaces it, in the same task.
import { TOOLBAR_CSS, TOOLBAR_WORDS } from "./contract.js";
import { storedScale } from "./early-style.js";
import { attribute } from "./entries.js";

var holding = new WeakSet();

export function holdPlace(element, target, options, custom) {
  if (element.shadowRoot || element.childElementCount || element.textContent.trim() ||
      !("adoptedStyleSheets" in Document.prototype)) return;
  var inside = target && document.getElementById(target);
  var scale = inside && inside.contains(element) ? null : storedScale();
  var pageLang = document.documentElement.getAttribute("lang");
  var asked = [options.lang || attribute(element, "lang", custom), pageLang]
    .concat(options.lang || attribute(element, "lang", custom) ? [] : [].slice.call(navigator.languages || []));
  var ui = "en-US";
  asked.some(function (tag) {
    return tag && Object.keys(TOOLBAR_WORDS).some(function (known) {
      return primary(known) === primary(tag) && (ui = known);
    });
  });
  var words = TOOLBAR_WORDS[ui];
  var shadow = element.attachShadow({ mode: "open" });
  var sheet = new CSSStyleSheet();
  sheet.replaceSync(TOOLBAR_CSS + ".toolbar{visibility:hidden}");
  shadow.adoptedStyleSheets = [sheet];
  var root = add(shadow, "div", { class: "nw page-toolbar", lang: ui, "aria-hidden": "true" });
  if (scale) root.style.setProperty("--nw-scale", scale);
  var bar = add(root, "div", { class: "toolbar" });
  addGroup(bar, words[0], ["A+", "A", "A-"]);
  // "More tools", and what it shows on a narrow bar (src/dom/toolbar/view.rs).
  add(bar, "button", { class: "more-toggle" }, words[5]);
  var rest = add(bar, "div", { class: "rest" });
  addGroup(rest, words[6], words.slice(7, 10));
  addGroup(rest, words[10], words.slice(11, 14));
  // Read aloud where the browser can (src/dom/parts/speech.rs): Listen and the speeds.
  if (window.SpeechSynthesisUtterance && window.speechSynthesis) {
    var speeds = add(addGroup(rest, words[14], [words[15]]), "select", {});
    words.slice(16).forEach(function (text) { add(speeds, "option", {}, text); });
  }
  addGroup(rest, null, words.slice(1, 3));
  var links = languageLinks(pageLang);
  if (links.length) {
    var group = add(bar, "div", { class: "group languages" });
    add(group, "span", { class: "label" }, words[3]);
    links.forEach(function (link) {
      add(group, "a", link.current ? { lang: link.tag, "aria-current": "page" } : { lang: link.tag }, link.name);
    });
  }
  holding.add(element);
}

// A group of the bar: its label, if any, and a button for each of `texts`.
function addGroup(bar, label, texts) {
  var element = add(bar, "div", { class: "group" });
  if (label) add(element, "span", { class: "label" }, label);
  texts.forEach(function (text) { add(element, "button", {}, text); });
  return element;
}

function primary(tag) {
  return String(tag).trim().split(/[-_]/)[0].toLowerCase();
}

// The language links the toolbar will show (src/toolbar/alternates.rs): the page's
// translations once each, the page itself marked, the built-in languages first; none when
// there is nowhere else to go.
function languageLinks(pageLang) {
  var links = [];
  var here = location.href.split("#")[0];
  [].forEach.call(document.querySelectorAll('head link[rel~="alternate" i][hreflang][href]'), function (node) {
    var tag = node.getAttribute("hreflang").trim();
    if (!tag || /^x-default$/i.test(tag) || !node.getAttribute("href").trim() ||
        links.some(function (l) { return l.tag.toLowerCase() === tag.toLowerCase(); })) return;
    links.push({ tag: tag, current: node.href.split("#")[0] === here });
  });
  if (!links.some(function (l) { return l.current; }) && pageLang) {
    var same = links.filter(function (l) { return primary(l.tag) === primary(pageLang); })[0];
    if (same) same.current = true;
    else links.push({ tag: pageLang.trim(), current: true });
  }
  if (!links.some(function (l) { return !l.current; })) return [];
  var builtIn = Object.keys(TOOLBAR_WORDS).map(primary);
  var rank = function (l) { var i = builtIn.indexOf(primary(l.tag)); return i < 0 ? builtIn.length : i; };
  return links.sort(function (a, b) { return rank(a) - rank(b); }).map(function (l) {
    var i = builtIn.indexOf(primary(l.tag));
    var name = i >= 0 && !/^zh-(hant|tw|hk|mo)\b/i.test(l.tag) ? TOOLBAR_WORDS[Object.keys(TOOLBAR_WORDS)[i]][4] : null;
    try {
      name = name || new Intl.DisplayNames([l.tag], { type: "language" }).of(l.tag);
    } catch (e) {
      name = l.tag;
    }
    return { tag: l.tag, current: l.current, name: name };
  });
}

// The placeholder goes; an empty host's own content (a slot) stands, as the module leaves it.
export function releasePlace(element) {
  if (!holding.has(element)) return;
  holding.delete(element);
  element.shadowRoot.replaceChildren(document.createElement("slot"));
  element.shadowRoot.adoptedStyleSheets = [];
}

// An element of `tag` appended to `parent`, with `attributes` and `text` (the placeholder's
// bar, the crash state).
export function add(parent, tag, attributes, text) {
  var node = parent.appendChild(document.createElement(tag));
  for (var name in attributes) node.setAttribute(name, attributes[name]);
  node.textContent = text || "";
  return node;
}
