// The accessibility checks axe cannot make about focus (WCAG 2.2 AA, KWCAG 2.2): keyboard order
// with no trap and Shift+Tab reversing, a painted focus ring of 3:1 on every control, forced colours,
// and 200 % text at 320 px wide. axe-core, targets, motion and live text are in a11y.test.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { inflateSync } from "node:zlib";
import {
  DEMO_WIDGET as HOST, LONGEST_ARTICLE as LONG, UI_LANGS as LANGS, close, demoWidgetPart as part, openDemoWidget, root, setUp,
  shot,
} from "./harness.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

// The shared demo widget (harness.mjs), opened on this file's server.
const openWidget = (options) => openDemoWidget(env, options);

// ---------------------------------------------------------------------------------------------
// Helpers.

// Colours: computed styles give rgb()/rgba(), or color(srgb …) for color-mix().
function parseColor(text) {
  let m = /^rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(text);
  if (m) return { r: +m[1], g: +m[2], b: +m[3], a: alpha(m[4]) };
  m = /^color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)(?:\s*\/\s*([\d.]+%?))?\s*\)$/.exec(text);
  if (m) return { r: m[1] * 255, g: m[2] * 255, b: m[3] * 255, a: alpha(m[4]) };
  throw new Error(`unparsed colour: ${text}`);
}
function alpha(text) {
  if (text === undefined) return 1;
  return text.endsWith("%") ? parseFloat(text) / 100 : parseFloat(text);
}
/** `top` painted over an opaque `bottom`. */
function over(top, bottom) {
  const a = top.a;
  return { r: top.r * a + bottom.r * (1 - a), g: top.g * a + bottom.g * (1 - a), b: top.b * a + bottom.b * (1 - a), a: 1 };
}
function luminance({ r, g, b }) {
  const lin = (c) => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
/** What is behind a ring: its background layers (innermost first, as collected) over white. */
function backdrop(layers) {
  let colour = { r: 255, g: 255, b: 255, a: 1 };
  for (const layer of [...layers].reverse()) colour = over(parseColor(layer), colour);
  return colour;
}

/**
 * In the page: what has focus now. For a card's title button (stretched-link pattern) the focus
 * ring is on its ::after, which covers the card, so the card is its box. Positions are in page
 * coordinates. `indicator` is the focus ring: outline, box-shadow and the backgrounds behind it.
 */
function focusState(sel) {
  const host = document.querySelector(sel);
  const inWidget = document.activeElement === host;
  const el = inWidget ? host.shadowRoot.activeElement : document.activeElement;
  if (!inWidget || !el) {
    return { inWidget: false, key: `outside:${el ? el.localName + (el.textContent ? `(${el.textContent.trim().slice(0, 20)})` : "") : "none"}` };
  }
  const cardTitle = el.getAttribute("data-action") === "open";
  const box = cardTitle ? el.closest(".card") : el;
  const r = box.getBoundingClientRect();
  const cs = getComputedStyle(el, cardTitle ? "::after" : null);
  // A ring outside the box (offset ≥ 0) lies on the ancestors' background; inside, on the box's own.
  const layers = [];
  const inside = parseFloat(cs.outlineOffset) < 0;
  for (let n = inside ? box : box.parentElement || box.getRootNode().host; n; n = n.parentElement || (n.getRootNode() instanceof ShadowRoot ? n.getRootNode().host : null)) {
    const bg = getComputedStyle(n).backgroundColor;
    if (!/^rgba\(0, 0, 0, 0\)$|transparent/.test(bg)) layers.push(bg);
    if (/^rgb\(|^color\(srgb [^/]*\)$/.test(bg)) break; // opaque
  }
  return {
    inWidget: true,
    key: el.getAttribute("data-key") || (el.localName === "a" ? `a:${el.getAttribute("href")}` : el.localName),
    rect: { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left + scrollX, right: r.right + scrollX },
    view: { left: r.left, top: r.top, bottom: r.bottom, width: innerWidth, height: innerHeight },
    viewportRight: document.documentElement.clientWidth,
    indicator: {
      pseudo: cardTitle ? "::after" : "",
      outlineStyle: cs.outlineStyle,
      outlineWidth: cs.outlineWidth,
      outlineColor: cs.outlineColor,
      outlineOffset: cs.outlineOffset,
      boxShadow: cs.boxShadow,
      layers,
    },
  };
}

const focused = (page) => page.evaluate(focusState, HOST);

/**
 * Focuses the last site-nav link (the element before the widget) and Tabs out the far side.
 * With `paint`, each stop also records how many screen pixels of its focus ring were painted.
 */
async function tabThrough(page, { paint = false, limit = 40 } = {}) {
  await page.locator("nav.site-nav a").last().focus();
  const steps = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (!f.inWidget) return { steps, after: f.key };
    if (paint) f.painted = await ringPixels(page, f);
    steps.push(f);
  }
  assert.fail(`focus still in the widget after ${limit} Tabs (a trap?): ${steps.map((s) => s.key).join(" → ")}`);
}

/** From outside the far side of the widget, Shift+Tab back until focus leaves it. */
async function shiftTabBack(page, limit = 40) {
  const keys = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Shift+Tab");
    const f = await focused(page);
    if (!f.inWidget) return { keys, before: f.key };
    keys.push(f.key);
  }
  assert.fail(`focus still in the widget after ${limit} Shift+Tabs: ${keys.join(" ← ")}`);
}

/** The Tab stops the widget must offer, in DOM order, from its own markup. */
function expectedStops(page) {
  return page.evaluate((sel) => {
    const shadow = document.querySelector(sel).shadowRoot;
    return [...shadow.querySelectorAll("button, select, a[href]")]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => el.getAttribute("data-key") || `a:${el.getAttribute("href")}`);
  }, HOST);
}

/** Pairs of consecutive stops where the second is not after the first in reading order. */
function outOfReadingOrder(steps) {
  const bad = [];
  for (let i = 1; i < steps.length; i++) {
    const a = steps[i - 1].rect;
    const b = steps[i].rect;
    const sameRow = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    const below = b.top >= a.bottom - 1;
    const rightOf = b.left > a.left;
    if (!(below || (sameRow && rightOf))) {
      bad.push(`${steps[i - 1].key} (${Math.round(a.left)},${Math.round(a.top)}) → ${steps[i].key} (${Math.round(b.left)},${Math.round(b.top)})`);
    }
  }
  return bad;
}

/** Why a focus indicator fails (≥ 2 px, ≥ 3:1 against what is behind it), or null. */
function indicatorProblem(step) {
  const i = step.indicator;
  const label = `${step.key}${i.pseudo}`;
  let width = 0;
  let colour = null;
  if (i.outlineStyle !== "none" && i.outlineStyle !== "hidden") {
    width = parseFloat(i.outlineWidth);
    colour = i.outlineColor;
  }
  if (width < 2 && i.boxShadow !== "none") {
    // A ring: "<colour> 0px 0px 0px <spread>"
    const m = /^(rgba?\([^)]*\)|color\([^)]*\))\s+0px\s+0px\s+(?:0px\s+)?([\d.]+)px/.exec(i.boxShadow);
    if (m) { width = parseFloat(m[2]); colour = m[1]; }
  }
  if (width < 2) {
    return `${label}: no focus ring of 2 px or more (outline ${i.outlineStyle} ${i.outlineWidth}, box-shadow ${i.boxShadow})`;
  }
  const behind = backdrop(i.layers);
  const ratio = contrast(over(parseColor(colour), behind), behind);
  if (ratio < 3) {
    return `${label}: focus ring ${colour} on ${i.layers[0] || "white"} has contrast ${ratio.toFixed(2)}:1 (< 3:1)`;
  }
  if (step.painted !== undefined && step.painted.columns < 2) {
    return `${label}: focus ring computed as ${i.outlineStyle} ${i.outlineWidth} ${colour} but only ${step.painted.columns} px of it is painted on screen (clipped or covered?)`;
  }
  return null;
}

/** Decodes an 8-bit, non-interlaced RGB(A) PNG, as Chromium's screenshots are. */
function decodePng(buf) {
  let pos = 8;
  let width = 0;
  let height = 0;
  let bpp = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString("latin1", pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      bpp = { 2: 3, 6: 4 }[data[9]];
      if (data[8] !== 8 || data[12] !== 0 || !bpp) throw new Error("PNG: expected 8-bit non-interlaced RGB(A)");
    } else if (type === "IDAT") {
      idat.push(data);
    } else if (type === "IEND") {
      break;
    }
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const px = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? px[y * stride + x - bpp] : 0;
      const b = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? px[(y - 1) * stride + x - bpp] : 0;
      let v = raw[y * (stride + 1) + 1 + x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      px[y * stride + x] = v & 255;
    }
  }
  return { width, height, at: (x, y) => { const i = y * stride + x * bpp; return { r: px[i], g: px[i + 1], b: px[i + 2] }; } };
}

/**
 * Looks at the screen across the left edge of a focused stop, where its outline must be: a band
 * outside the box for an outline with offset ≥ 0, inside it for a negative offset. Counts the
 * columns whose pixels are the ring's colour (a 1 px border of that colour is not a 2 px ring).
 */
async function ringPixels(page, step) {
  const i = step.indicator;
  if (i.outlineStyle === "none") return { columns: 0 };
  const width = parseFloat(i.outlineWidth);
  const offset = parseFloat(i.outlineOffset);
  const edge = Math.round(step.view.left);
  const [from, to] = offset >= 0 ? [edge - Math.ceil(offset + width) - 1, edge] : [edge, edge + Math.ceil(width) + 2];
  const mid = Math.round((Math.max(step.view.top, 0) + Math.min(step.view.bottom, step.view.height)) / 2);
  const clip = { x: Math.max(from, 0), y: Math.max(mid - 3, 0), width: to - Math.max(from, 0), height: 6 };
  if (clip.width <= 0 || mid <= 0 || mid >= step.view.height) return { columns: 0 };
  const img = decodePng(await page.screenshot({ clip }));
  const want = over(parseColor(i.outlineColor), backdrop(i.layers));
  let columns = 0;
  for (let x = 0; x < img.width; x++) {
    let hits = 0;
    for (let y = 0; y < img.height; y++) {
      const p = img.at(x, y);
      if (Math.max(Math.abs(p.r - want.r), Math.abs(p.g - want.g), Math.abs(p.b - want.b)) <= 24) hits++;
    }
    if (hits >= img.height - 1) columns++;
  }
  return { columns };
}

// ---------------------------------------------------------------------------------------------
// 1, 2. Keyboard: every control in reading order, no trap, Shift+Tab reverses; a visible ring on each.

const TOOLBAR = [
  "font-larger", "font-reset", "font-smaller", "line-spacing:1", "line-spacing:1.5", "line-spacing:2",
  "contrast:site", "contrast:dark-on-light", "contrast:light-on-dark", "language:en-US", "language:zh-CN", "language:ko-KR",
];
const VIEWS = {
  "card list": { state: "cards", must: [...TOOLBAR, "more"], cards: 6 },
  // Stop shows only while reading (listen.test.mjs).
  "article view": { state: "article", must: ["back", ...TOOLBAR, "listen", "listen-rate", "print", "preview"], cards: 0 },
  "error state": { state: "error", must: [...TOOLBAR, "retry"], cards: 0 },
};
for (const [view, { state, must, cards }] of Object.entries(VIEWS)) {
  test(`keyboard: Tab walks the ${view} control by control in reading order, out the far side, and Shift+Tab reverses`, async () => {
    const page = await openWidget({ state });
    const expected = await expectedStops(page);
    for (const key of must) assert.ok(expected.includes(key), `the ${view} has the control ${key}: ${expected.join(", ")}`);
    assert.equal(expected.filter((k) => k.startsWith("open:")).length, cards, `${cards} card title buttons`);

    const { steps } = await tabThrough(page);
    const keys = steps.map((s) => s.key);
    assert.deepEqual(keys, expected, `Tab reaches every control once, in order:\n  got      ${keys.join(" → ")}\n  expected ${expected.join(" → ")}`);
    assert.deepEqual(outOfReadingOrder(steps), [], "each Tab stop is below, or on the same row right of, the one before");

    const back = await shiftTabBack(page);
    assert.deepEqual(back.keys, [...keys].reverse(), `Shift+Tab visits the same controls in reverse: ${back.keys.join(" ← ")}`);
    assert.match(back.before, /^outside:a\(Strict CSP\)$/, `Shift+Tab from the first control returns to the element before the widget, not ${back.before}`);
    assert.deepEqual(page.errors, []);
    await close(page);
  });

  test(`focus: every control of the ${view} shows a painted focus ring of at least 2 px with 3:1 contrast`, async () => {
    const page = await openWidget({ state });
    const { steps } = await tabThrough(page, { paint: true });
    assert.ok(steps.length >= must.length, `Tab reached the controls: ${steps.map((s) => s.key).join(", ")}`);
    const problems = steps.map(indicatorProblem).filter(Boolean);
    assert.deepEqual(problems, [], `focus rings:\n${problems.join("\n")}`);
    await close(page);
  });
}

// ---------------------------------------------------------------------------------------------
// 3. Forced colours (Windows High Contrast).

/** Computed styles of the widget's rendered buttons and cards, for the forced-colours checks. */
function forcedColorStyles(sel) {
  const shadow = document.querySelector(sel).shadowRoot;
  const style = (el) => {
    const cs = getComputedStyle(el);
    return {
      key: el.getAttribute("data-key") || el.getAttribute("part") || el.localName,
      pressed: el.getAttribute("aria-pressed"),
      border: `${cs.borderTopStyle} ${cs.borderTopWidth} ${cs.borderTopColor}`,
      borderStyle: cs.borderTopStyle,
      borderWidth: parseFloat(cs.borderTopWidth),
      borderColor: cs.borderTopColor,
      background: cs.backgroundColor,
      color: cs.color,
      text: el.textContent.trim().slice(0, 30),
    };
  };
  const visible = (el) => el.getClientRects().length > 0;
  return {
    buttons: [...shadow.querySelectorAll("button")].filter(visible).filter((b) => b.dataset.action !== "open").map(style),
    cards: [...shadow.querySelectorAll('[part~="card"]')].map(style),
    titles: [...shadow.querySelectorAll('[part~="card-title"] button, [part~="article-title"], [part~="article-body"] p')].filter(visible).map(style),
    root: style(shadow.querySelector(".nw")),
  };
}

/** Problems with borders (buttons, cards) and text visibility under forced colours. */
function forcedColorProblems(styles) {
  const problems = [];
  const canvas = styles.root.background;
  for (const b of [...styles.buttons, ...styles.cards]) {
    if (b.borderStyle === "none" || b.borderWidth < 1) problems.push(`${b.key} has no visible border (${b.border})`);
    else if (b.borderColor === b.background && b.background === canvas) problems.push(`${b.key}: border ${b.borderColor} is the colour of the canvas`);
  }
  for (const t of styles.titles) {
    const bg = /rgba\(0, 0, 0, 0\)/.test(t.background) ? canvas : t.background;
    const ratio = contrast(parseColor(t.color), parseColor(bg));
    if (ratio < 4.5) problems.push(`${t.key} "${t.text}": text ${t.color} on ${bg} is ${ratio.toFixed(2)}:1`);
  }
  return problems;
}

test("forced colours: the card list renders with bordered buttons and cards, a distinct pressed language, and a visible focus ring", async () => {
  const page = await openWidget({ media: { forcedColors: "active" } });
  assert.equal(await page.evaluate(() => matchMedia("(forced-colors: active)").matches), true, "forced colours are emulated");
  const styles = await page.evaluate(forcedColorStyles, HOST);
  assert.equal(styles.cards.length, 6, "the six cards render");
  assert.deepEqual(forcedColorProblems(styles), [], "borders and text under forced colours");

  const languages = styles.buttons.filter((b) => b.key.startsWith("language:"));
  const pressed = languages.filter((b) => b.pressed === "true");
  const unpressed = languages.filter((b) => b.pressed === "false");
  assert.equal(pressed.length, 1, "one pressed language button");
  const look = (b) => `background ${b.background}, text ${b.color}, border ${b.border}`;
  for (const u of unpressed) {
    assert.notEqual(look(pressed[0]), look(u), `the pressed ${pressed[0].key} looks different from ${u.key}: ${look(u)}`);
  }
  assert.notEqual(pressed[0].background, unpressed[0].background, "the pressed language button is filled, not only re-bordered");

  const { steps } = await tabThrough(page, { paint: true });
  const checked = steps.filter((s) => s.key === "font-larger" || s.key === "language:ko-KR" || s.key.startsWith("open:"));
  const problems = checked.map(indicatorProblem).filter(Boolean);
  assert.deepEqual(problems, [], `focus under forced colours:\n${problems.join("\n")}`);

  // The first card focused by keyboard (focus-visible), the toolbar and the first row in view.
  await page.locator(`${HOST} [data-action="open"]`).first().focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path: shot("a11y-forced-colors-cards") });
  await close(page);
});

test("forced colours: the article view renders its title and body with bordered Back, Print and Print preview, and a visible focus ring", async () => {
  const page = await openWidget({ state: "article", media: { forcedColors: "active" } });
  const styles = await page.evaluate(forcedColorStyles, HOST);
  for (const key of ["back", "print", "preview"]) {
    assert.ok(styles.buttons.some((b) => b.key === key), `${key} is rendered`);
  }
  assert.ok(styles.titles.some((t) => t.key === "article-title" && t.text.length > 0), "the article title renders");
  assert.ok(styles.titles.filter((t) => t.key === "p").length > 0, "the article body renders");
  assert.deepEqual(forcedColorProblems(styles), [], "borders and text under forced colours");
  const { steps } = await tabThrough(page, { paint: true });
  const problems = steps.map(indicatorProblem).filter(Boolean);
  assert.deepEqual(problems, [], `focus under forced colours:\n${problems.join("\n")}`);
  await page.locator(part("print")).focus();
  await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path: shot("a11y-forced-colors-article") });
  await close(page);
});

// ---------------------------------------------------------------------------------------------
// 4. 200 % in a 320 px wide viewport (WCAG 1.4.4, 1.4.10).

/** Page-level horizontal scrolling, and widget elements that reach past the viewport. */
function horizontalOverflow(sel) {
  const de = document.documentElement;
  const found = [];
  if (de.scrollWidth > de.clientWidth) found.push(`the page scrolls sideways: scrollWidth ${de.scrollWidth} > ${de.clientWidth}`);
  for (const el of document.querySelector(sel).shadowRoot.querySelectorAll("*")) {
    if (el.closest(".sr-only")) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > de.clientWidth + 1 || r.left < -1)) {
      found.push(`${el.localName}${el.getAttribute("part") ? `[part=${el.getAttribute("part")}]` : ""} spans ${Math.round(r.left)}..${Math.round(r.right)} of ${de.clientWidth}`);
    }
  }
  return found.slice(0, 10);
}

for (const lang of Object.keys(LANGS)) {
  test(`200 %: at 320 px wide the page does not scroll sideways and Tab reaches every control, with its ring painted, ${lang}`, async () => {
    const page = await openWidget({ lang, step: 5, viewport: { width: 320, height: 640 } });
    assert.equal(await page.evaluate((sel) => getComputedStyle(document.querySelector(sel).shadowRoot.querySelector(".nw")).fontSize, HOST), "32px", "text at 200 %");
    for (const view of ["card list", "article view"]) {
      if (view === "article view") {
        await page.locator(`${HOST} [data-action="open"][data-id="${LONG}"]`).click();
        await page.locator(part("article-title")).waitFor();
      }
      assert.deepEqual(await page.evaluate(horizontalOverflow, HOST), [], `${view}: nothing reaches past 320 px`);
      const expected = await expectedStops(page);
      const { steps } = await tabThrough(page, { paint: true });
      assert.deepEqual(steps.map((s) => s.key), expected, `${view}: Tab reaches every control in order`);
      const rings = steps.map(indicatorProblem).filter(Boolean);
      assert.deepEqual(rings, [], `${view}: focus rings at 200 %:\n${rings.join("\n")}`);
      const offscreen = steps.filter((s) => s.rect.right > s.viewportRight + 1 || s.rect.left < -1).map((s) => s.key);
      assert.deepEqual(offscreen, [], `${view}: every focused control is within the 320 px`);
    }
    assert.deepEqual(page.errors, []);
    await close(page);
  });
}
