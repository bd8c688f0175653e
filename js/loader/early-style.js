// Before the wasm has arrived, the article is already at the reader's stored size, line
// spacing and contrast, so that a reload never shows it as the site styled it first. The
// toolbar adopts its own copy when it mounts, and this one goes in the same task.
import { CONTRAST_CSS, CONTRAST_KEY, FONT_STEP_KEY, HIGHLIGHT_CSS, LINE_SPACING_KEY, MIN_STEP, SCALES, SPACING_CSS, ZOOM_CSS } from "./contract.js";

var early = new WeakMap();
var floors = new WeakMap();
// The sheets of ours the document adopted (early, floors, the toolbars'): the article's own
// line heights are measured without them.
export var ours = new WeakSet();

// A stored preference as text; storage blocked: none (the wasm keeps it in memory).
function stored(key) {
  try {
    return String(window.localStorage.getItem(key) || "").trim();
  } catch (e) {
    return "";
  }
}

export function storedScale() {
  var text = stored(FONT_STEP_KEY);
  if (!/^[+-]?[0-9]+$/.test(text)) return null;
  var step = Number(text);
  return step === 0 ? null : SCALES[step - MIN_STEP] || null;
}

// The sheet's rules for the stored choices, with {id} to fill in, ending as the toolbar's own
// sheet does (src/toolbar/reading_style.rs: target_css); empty for the site's own.
function earlyCss() {
  var scale = storedScale();
  var spacing = SPACING_CSS[stored(LINE_SPACING_KEY)];
  var contrast = CONTRAST_CSS[stored(CONTRAST_KEY)];
  var css = (scale ? ZOOM_CSS.split("{scale}").join(scale) : "") +
    (typeof spacing == "string" ? spacing : "") + (typeof contrast == "string" ? contrast : "");
  return css && css + HIGHLIGHT_CSS;
}

function adopt(sheet) {
  ours.add(sheet);
  document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
}

// The article's own line heights, its paragraphs' and its headings', as its site styles them
// (our sheets off; 0 for `normal`), set on it as `--nw-body` and `--nw-heading` for the line
// spacing's rules to take as their floor: the reader's spacing never sets lines closer than the
// site does (src/toolbar/reading_style.rs). For as long as the element's toolbar lives.
export function floor(element, id) {
  unfloor(element);
  var target = id && document.getElementById(id);
  if (!target || !("adoptedStyleSheets" in document) || !(window.CSS && CSS.escape)) return;
  var off = document.adoptedStyleSheets.filter(function (s) { return ours.has(s); });
  off.forEach(function (s) { s.disabled = true; });
  // The closest of the first three paragraphs (a byline styled apart is not the text) and
  // headings; 0 for none, `normal`, or 3 and more (no floor is that wide).
  var own = ["p", "h1,h2,h3,h4,h5,h6"].map(function (selector, i) {
    var found = [].slice.call(target.querySelectorAll(selector), 0, 3);
    if (!found.length && !i) found = [target];
    var least = 3;
    found.forEach(function (el) {
      var style = getComputedStyle(el);
      var ratio = parseFloat(style.lineHeight) / parseFloat(style.fontSize);
      if (ratio > 0 && ratio < least) least = ratio;
    });
    return Math.round(least % 3 * 1000) / 1000;
  });
  off.forEach(function (s) { s.disabled = false; });
  try {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync("#" + CSS.escape(id) + "{--nw-body:" + own[0] + ";--nw-heading:" + own[1] + "}");
    adopt(sheet);
    floors.set(element, sheet);
  } catch (e) {
    // Without constructed stylesheets the reader's choice alone.
  }
}

// In the crash state, the early sheet alone styles the article: the floor stays only where it
// spaces the lines, so that at the site's own spacing the page is as it was.
export function scaleAfterCrash(element, id) {
  scaleEarly(element, id);
  if (typeof SPACING_CSS[stored(LINE_SPACING_KEY)] != "string") unfloor(element);
}

export function unfloor(element) {
  unadopt([floors.get(element)]);
  floors.delete(element);
}

export function scaleEarly(element, id) {
  var css = earlyCss();
  if (!css || !id || early.has(element) || !document.getElementById(id) ||
      !("adoptedStyleSheets" in document) || !(window.CSS && CSS.escape)) return;
  try {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(css.split("{id}").join(CSS.escape(id)));
    adopt(sheet);
    early.set(element, sheet);
  } catch (e) {
    // Without constructed stylesheets the toolbar styles the article when it mounts.
  }
}

export function unadopt(sheets) {
  if (sheets && sheets.length) {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter(function (s) { return sheets.indexOf(s) < 0; });
  }
}

export function unscaleEarly(element) {
  unadopt([early.get(element)]);
  early.delete(element);
}
