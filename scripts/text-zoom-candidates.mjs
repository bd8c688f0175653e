// How the reader toolbar's technique was chosen (docs/architecture.md#why-css-zoom): each
// candidate for scaling someone else's article to 200 % is applied to the hostile CMS page of
// the tests (without the toolbar), and measured against 100 %: the rendered height of a word in
// each kind of element (Range.getBoundingClientRect), the heading : paragraph ratio, the page's
// sideways scrolling, pictures and tables in the column, overlapping lines, and words outside
// the article. Run: node scripts/text-zoom-candidates.mjs (needs the npm tools and Chromium).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { newPage, root, setUp } from "../tests/e2e/harness.mjs";

const html = readFileSync(join(root, "tests/fixtures/pages/hostile-article.html"), "utf8")
  .replace('<script src="/dist/news-widget.js" defer></script>', "")
  .replace("<news-widget-toolbar for=\"zoom\"></news-widget-toolbar>", "");

const CANDIDATES = {
  "none (100 %)": () => {},
  "zoom on target (sheet, no constraints)": (s) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`#zoom { zoom: ${s} !important; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  },
  "zoom on target + max-width constraints (chosen: src/toolbar/text_zoom.rs)": (s) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`#zoom { zoom: ${s} !important; overflow-wrap: anywhere !important; }
      #zoom :is(img, video, canvas, svg, iframe, object, embed, table, pre) { max-width: 100% !important; }
      #zoom :is(img, video, canvas) { height: auto !important; }
      #zoom pre { white-space: pre-wrap !important; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  },
  "inline font-size !important per element (+ line-height)": (s) => {
    const all = [document.getElementById("zoom"), ...document.getElementById("zoom").querySelectorAll("*")];
    const sizes = all.map((e) => {
      const cs = getComputedStyle(e);
      return [parseFloat(cs.fontSize), cs.lineHeight];
    });
    all.forEach((e, i) => {
      e.style.setProperty("font-size", `${sizes[i][0] * s}px`, "important");
      const lh = sizes[i][1];
      if (lh.endsWith("px")) e.style.setProperty("line-height", `${parseFloat(lh) * s}px`, "important");
    });
  },
  "inline font-size !important per element (font-size only)": (s) => {
    const all = [document.getElementById("zoom"), ...document.getElementById("zoom").querySelectorAll("*")];
    const sizes = all.map((e) => parseFloat(getComputedStyle(e).fontSize));
    all.forEach((e, i) => e.style.setProperty("font-size", `${sizes[i] * s}px`, "important"));
  },
  "scoped sheet: #id * { font-size: calc(var(--s) * 14px) !important }": (s) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`#zoom { --s: ${s}; } #zoom, #zoom * { font-size: calc(var(--s) * 14px) !important; line-height: 1.8 !important; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  },
  "scoped sheet: #id { font-size: calc(var(--s) * 100%) !important } (relative)": (s) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`#zoom { font-size: calc(${s} * 100%) !important; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  },
  "transform: scale on target": (s) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`#zoom { transform: scale(${s}); transform-origin: 0 0; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  },
};

function measure() {
  const word = (el, n = 2) => {
    const r = document.createRange();
    const text = [...el.childNodes].find((c) => c.nodeType === 3 && c.textContent.trim());
    r.setStart(text, 0);
    r.setEnd(text, n);
    return r.getBoundingClientRect().height;
  };
  const de = document.documentElement;
  const zoom = document.getElementById("zoom");
  const img = zoom.querySelector("img");
  const col = zoom.getBoundingClientRect();
  const ps = [...zoom.querySelectorAll("p")].filter((p) => p.firstChild && p.firstChild.nodeType === 3);
  // Lines overlapping: line box shorter than the glyphs.
  const overlap = ps.some((p) => {
    const cs = getComputedStyle(p);
    return parseFloat(cs.lineHeight) < parseFloat(cs.fontSize) * 1.05;
  });
  return {
    p: word(document.getElementById("first")),
    inlineImportant: word(zoom.querySelectorAll("p")[1]),
    span: word(document.getElementById("span-word")),
    td: word(document.getElementById("cell")),
    h2: word(zoom.querySelector("h2")),
    outside: word(document.getElementById("outside-word")),
    after: word(document.getElementById("after")),
    scroll: de.scrollWidth - de.clientWidth, // sideways scrolling of the page, px
    imgInside: img.getBoundingClientRect().right <= col.right + 1 && img.getBoundingClientRect().right <= de.clientWidth + 1,
    tableInside: zoom.querySelector("table").getBoundingClientRect().right <= de.clientWidth + 1,
    overlap,
    targetHeight: Math.round(col.height),
  };
}

const env = await setUp();
try {
  await (await newPage(env.browser)).context().close();
  for (const width of [1100, 320]) {
    console.log(`\n=== viewport ${width} px, step 200 % (ratios are rendered word height / 100 %)`);
    let base;
    for (const [name, apply] of Object.entries(CANDIDATES)) {
      const page = await newPage(env.browser, { viewport: { width, height: 800 } });
      await page.route("**/hostile.html", (r) => r.fulfill({ contentType: "text/html", body: html }));
      await page.goto(`${env.url}/hostile.html`);
      await page.evaluate(() => document.fonts.ready);
      await page.evaluate(apply, 2);
      const m = await page.evaluate(measure);
      if (!base) base = m;
      const r = (k) => (m[k] / base[k]).toFixed(2);
      console.log(`${name}\n   p ${r("p")} inline!imp ${r("inlineImportant")} span ${r("span")} td ${r("td")} h2 ${r("h2")} | h2/p ${(m.h2 / m.p).toFixed(2)} (was ${(base.h2 / base.p).toFixed(2)}) | outside ${r("outside")} after ${r("after")} | hscroll ${m.scroll}px img-in ${m.imgInside} table-in ${m.tableInside} overlap ${m.overlap} height ${m.targetHeight}`);
      await page.context().close();
    }
  }
} finally {
  await env.close();
}
