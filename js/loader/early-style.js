// Before the wasm has arrived, the article is already at the reader's stored size, line
// spacing and contrast, so that a reload never shows it as the site styled it first. The
// toolbar adopts its own copy when it mounts, and this one goes in the same task.
import { CONTRAST_CSS, CONTRAST_KEY, FONT_STEP_KEY, HIGHLIGHT_CSS, LINE_SPACING_KEY, MIN_STEP, SCALES, SPACING_CSS, ZOOM_CSS } from "./contract.js";

var early = new WeakMap();

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

export function scaleEarly(element, id) {
  var css = earlyCss();
  if (!css || !id || early.has(element) || !document.getElementById(id) ||
      !("adoptedStyleSheets" in document) || !(window.CSS && CSS.escape)) return;
  try {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(css.split("{id}").join(CSS.escape(id)));
    document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
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
