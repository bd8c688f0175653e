// The reader's controls end to end on the demo page: font size (persisted, no flash, no overflow
// at 200 % on a phone) and printing (print frame, print media, PDF, print preview).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { newPage, outDir, recordPrints, setUp, shot, waitForCards } from "./harness.mjs";

const HOST = "[data-news-widget]";
const LONG = "cc-2024-0820-expo-guide";
const LONG_TITLE = "14th China–Northeast Asia Expo: A Complete Guide for International Guests";
const LONG_URL = "https://www.example.gov.cn/news/2024/08/northeast-asia-expo-guide.html";
const LONG_FIRST = "The 14th China–Northeast Asia Expo will be held in Changchun from 23 to 27 August 2024.";
const LONG_LAST = "We look forward to welcoming you to Changchun.";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

/** A font-family list that asks for a serif face, not a sans one. */
const isSerif = (family) => /\bserif\b/i.test(family) && !/sans/i.test(family);

async function openDemo(page) {
  await page.goto(`${env.url}/index.html`);
  await waitForCards(page);
}

async function openLong(page) {
  await page.locator(`${HOST} [data-action="open"][data-id="${LONG}"]`).click();
  await page.locator('[part~="article-body"] p').first().waitFor();
}

const rootFontSize = (page) =>
  page.evaluate((sel) => getComputedStyle(document.querySelector(sel).shadowRoot.querySelector(".nw")).fontSize, HOST);

/** Horizontal overflow in the page and inside the widget, described for an assertion message. */
function overflowReport(sel) {
  const host = document.querySelector(sel);
  const root = host.shadowRoot;
  const nw = root.querySelector(".nw");
  const de = document.documentElement;
  const name = (e) => e.localName + (e.className && typeof e.className === "string" ? "." + e.className.split(" ").join(".") : "") +
    (e.getAttribute("part") ? `[part=${e.getAttribute("part")}]` : "");
  const clipped = [];
  const outside = [];
  for (const e of root.querySelectorAll("*")) {
    if (e.closest(".sr-only")) continue; // the visually hidden live region clips on purpose
    const cs = getComputedStyle(e);
    if (cs.display === "none") continue;
    if (e.scrollWidth > e.clientWidth + 1 && cs.display !== "inline") {
      clipped.push(`${name(e)} scrollWidth ${e.scrollWidth} > clientWidth ${e.clientWidth}: "${(e.textContent || "").trim().slice(0, 40)}"`);
    }
    const r = e.getBoundingClientRect();
    if (r.width > 0 && (r.right > de.clientWidth + 1 || r.left < -1)) {
      outside.push(`${name(e)} spans ${Math.round(r.left)}..${Math.round(r.right)} of ${de.clientWidth}`);
    }
  }
  const lineRatios = [...root.querySelectorAll('[part~="article-body"] p, [part~="article-body"] li, [part~="card-summary"]')].map((e) => {
    const cs = getComputedStyle(e);
    return parseFloat(cs.lineHeight) / parseFloat(cs.fontSize);
  });
  return {
    doc: { scrollWidth: de.scrollWidth, clientWidth: de.clientWidth },
    root: { scrollWidth: nw.scrollWidth, clientWidth: nw.clientWidth },
    rootFont: getComputedStyle(nw).fontSize,
    clipped,
    outside,
    lineRatios,
  };
}

function assertNoOverflow(report, where) {
  assert.ok(report.doc.scrollWidth <= report.doc.clientWidth, `${where}: the page scrolls sideways ${JSON.stringify(report.doc)}`);
  assert.ok(report.root.scrollWidth <= report.root.clientWidth, `${where}: the widget root overflows ${JSON.stringify(report.root)}`);
  assert.deepEqual(report.clipped, [], `${where}: elements whose content is wider than their box`);
  assert.deepEqual(report.outside, [], `${where}: elements outside the viewport`);
  assert.ok(report.lineRatios.length > 0, `${where}: body text found`);
  const tight = report.lineRatios.filter((r) => !(r >= 1.5));
  assert.deepEqual(tight, [], `${where}: body line-height below 1.5 × font-size`);
}

test("A+ twice then reload shows 125 % from the first frame, with no flash of 100 %", async () => {
  const page = await newPage(env.browser);
  await openDemo(page);
  assert.equal(await rootFontSize(page), "16px", "the demo starts at 100 % of 16px");
  await page.locator('[part~="font-larger"]').click();
  await page.locator('[part~="font-larger"]').click();
  assert.equal(await rootFontSize(page), "20px");
  assert.equal(await page.evaluate(() => localStorage.getItem("news-widget:font-step")), "2");

  // From now on every document records the widget root's size at its insertion (mutation
  // observer: before any paint) and in every animation frame until the cards are there.
  await page.addInitScript(() => {
    if (window !== window.top) return;
    const record = (window.__nwRecord = { inserted: null, frames: [] });
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const shadow = attach.call(this, init);
      new MutationObserver(() => {
        const nw = shadow.querySelector(".nw");
        if (nw && !record.inserted) record.inserted = getComputedStyle(nw).fontSize;
      }).observe(shadow, { childList: true, subtree: true });
      return shadow;
    };
    const tick = () => {
      const shadow = document.querySelector("[data-news-widget]")?.shadowRoot;
      const nw = shadow?.querySelector(".nw");
      if (nw) {
        record.frames.push({
          font: getComputedStyle(nw).fontSize,
          cards: shadow.querySelectorAll('[part~="card"]').length,
          loading: !!shadow.querySelector('[data-kind="loading"]'),
        });
      }
      if (!record.frames.some((f) => f.cards > 0) && record.frames.length < 600) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.reload();
  await page.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.querySelector(".nw"), HOST);
  await page.screenshot({ path: shot("controls-reload-first-paint") });
  await waitForCards(page);
  await page.waitForFunction(() => window.__nwRecord.frames.some((f) => f.cards > 0));
  const record = await page.evaluate(() => window.__nwRecord);
  assert.equal(record.inserted, "20px", "root size when the widget's tree is inserted");
  assert.ok(record.frames.length > 0, "at least one frame painted the widget");
  assert.equal(record.frames[0].font, "20px", `first painted frame: ${JSON.stringify(record.frames[0])}`);
  assert.deepEqual([...new Set(record.frames.map((f) => f.font))], ["20px"], "every frame up to the cards is at 125 %");
  assert.equal(await page.evaluate((sel) => NewsWidget.get(document.querySelector(sel)).fontStep, HOST), 2);
  assert.equal(await page.locator('[part~="font-reset"]').getAttribute("aria-disabled"), "false");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("200 % at 320 px wide has no horizontal overflow, clipped text or tight lines", async () => {
  const page = await newPage(env.browser, { viewport: { width: 320, height: 900 } });
  await openDemo(page);
  for (let i = 0; i < 5; i++) await page.locator('[part~="font-larger"]').click();
  assert.equal(await page.locator('[part~="font-larger"]').getAttribute("aria-disabled"), "true", "A+ is disabled at 200 %");
  assert.equal(await page.evaluate((sel) => NewsWidget.get(document.querySelector(sel)).fontStep, HOST), 5);

  const list = await page.evaluate(overflowReport, HOST);
  assert.equal(list.rootFont, "32px", "200 % of 16px");
  assertNoOverflow(list, "card list at 200 %");

  await openLong(page);
  const article = await page.evaluate(overflowReport, HOST);
  assert.equal(article.rootFont, "32px");
  assertNoOverflow(article, "long article at 200 %");
  await page.locator('[part~="article-title"]').evaluate((title) => title.scrollIntoView());
  await page.screenshot({ path: shot("controls-200") });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("on a phone the widget shows the fonts, More tools and the languages, and the first card on the first screen; More tools shows the rest, on the list and in the article", async () => {
  const page = await newPage(env.browser, { viewport: { width: 320, height: 640 } });
  await openDemo(page);
  const toggle = page.locator(`${HOST} [part~="more-tools"]`);
  const shown = (name) => page.locator(`${HOST} [part~="${name}"]`).first().isVisible();
  assert.equal(await toggle.textContent(), "More tools");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  assert.ok(await shown("font-larger") && await shown("language"), "the fonts and the languages show");
  assert.equal(await shown("line-spacing"), false, "line spacing waits behind More tools");
  const firstCard = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('[part~="card"]').getBoundingClientRect().top, HOST);
  assert.ok(firstCard < 640, `the first card starts on the first screen (at ${firstCard} px)`);

  // By the keyboard: the widget draws itself again, and the focus stays on the button.
  await toggle.focus();
  await page.keyboard.press("Enter");
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.ok(await shown("line-spacing") && await shown("contrast"));
  assert.equal(await page.evaluate((sel) => document.querySelector(sel).shadowRoot.activeElement?.getAttribute("part"), HOST), "more-tools");
  await page.locator(`${HOST} [part~="contrast"] [data-value="dark-on-light"]`).click();
  assert.equal(await page.evaluate(() => localStorage.getItem("news-widget:contrast")), "dark-on-light");

  await openLong(page);
  assert.ok(await shown("print"), "open in the article too, with its Print");
  await toggle.click();
  assert.equal(await shown("print"), false, "Print is behind it when closed");
  assert.ok(await shown("back"), "Back is not");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("on a wide screen the widget shows every group and not More tools", async () => {
  const page = await newPage(env.browser, { viewport: { width: 1280, height: 800 } });
  await openDemo(page);
  assert.equal(await page.locator(`${HOST} [part~="more-tools"]`).isVisible(), false);
  assert.ok(await page.locator(`${HOST} [part~="line-spacing"]`).isVisible());
  await page.context().close();
});

test("Print prints the article alone, once, from the print frame; the card list offers no Print", async () => {
  const page = await newPage(env.browser);
  await page.addInitScript(recordPrints);
  await openDemo(page);
  assert.equal(await page.locator('[part~="print"]').count(), 0, "no Print control in the card list");
  assert.equal(await page.locator('[part~="print-preview"]').count(), 0, "no Print preview in the card list");
  assert.equal(await page.evaluate((sel) => NewsWidget.get(document.querySelector(sel)).print(), HOST), false, "print() without an article");

  await openLong(page);
  await page.locator('[part~="print"]').click();
  await page.waitForFunction(() => (window.__prints || []).length > 0, null, { timeout: 5000 });
  await page.waitForTimeout(300); // a second, unwanted print() would land here
  const prints = await page.evaluate(() => window.__prints);
  assert.equal(prints.length, 1, "print() called exactly once");
  const [printed] = prints;
  assert.ok(printed.inFrame, "printed from a frame, not the host page's window");
  assert.equal(printed.frameClass, "print-frame");
  assert.ok(printed.frameInShadow, "the print frame lives in the widget's shadow root");
  assert.equal(printed.title, LONG_TITLE, "the print frame's document title (the PDF's default name)");
  const uiLang = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector(".nw").lang, HOST);
  assert.match(printed.lang, /^en\b/, "the printed document is marked English");
  assert.equal(printed.lang, uiLang, "in the article's language (here the UI's)");

  const text = printed.text.replace(/\s+/g, " ");
  assert.ok(text.startsWith(LONG_TITLE), `the title first: ${text.slice(0, 120)}`);
  assert.match(text, /Updated: August 22, 2024 Source: CCFAO/, "the meta line");
  assert.ok(text.includes(LONG_FIRST), "the first body paragraph");
  assert.ok(text.includes("Dates and opening hours"), "a body heading");
  assert.ok(text.includes(LONG_LAST), "the last body paragraph");
  assert.ok(text.includes(`Original article: ${LONG_URL}`), `the source URL line: …${text.slice(-200)}`);
  assert.equal(printed.controls, 0, "no toolbar, back, language, cards or buttons in the printed document");
  for (const control of ["A+", "A-", "Print", "Back", "Fonts:", "中文", "한국어", "Latest news"]) {
    assert.ok(!text.includes(control), `"${control}" is not printed`);
  }
  // The host page is not printed either.
  assert.ok(!text.includes("Changchun Foreign Affairs Office") && !text.includes("Home ›"), "no host page text");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the page's own print media hides the widget's toolbar, Back and language controls, not the article", async () => {
  const page = await newPage(env.browser);
  await openDemo(page);
  await openLong(page);
  const visibility = () =>
    page.evaluate((sel) => {
      const root = document.querySelector(sel).shadowRoot;
      const state = (part) => {
        const e = root.querySelector(`[part~="${part}"]`);
        return { display: getComputedStyle(e).display, visible: e.checkVisibility(), height: e.getBoundingClientRect().height };
      };
      return Object.fromEntries(
        ["toolbar", "back", "language", "font-larger", "print", "article", "article-title", "meta", "article-body"].map((p) => [p, state(p)]),
      );
    }, HOST);

  const screen = await visibility();
  for (const part of ["toolbar", "back", "language", "font-larger", "print"]) {
    assert.ok(screen[part].visible, `${part} is shown on screen`);
  }
  await page.emulateMedia({ media: "print" });
  const print = await visibility();
  assert.equal(print.toolbar.display, "none", "toolbar display in print");
  assert.equal(print.back.display, "none", "Back display in print");
  for (const part of ["toolbar", "back", "language", "font-larger", "print"]) {
    assert.equal(print[part].visible, false, `${part} is hidden in print`);
  }
  for (const part of ["article", "article-title", "meta", "article-body"]) {
    assert.ok(print[part].visible && print[part].height > 0, `${part} remains in print: ${JSON.stringify(print[part])}`);
  }
  await page.emulateMedia({ media: "screen" });
  assert.ok((await visibility()).toolbar.visible, "the toolbar is back on screen");
  await page.context().close();
});

test("the print view makes a PDF with the title, body and source URL and no controls", async () => {
  const page = await newPage(env.browser);
  await page.addInitScript(recordPrints);
  await openDemo(page);
  await openLong(page);
  await page.locator('[part~="print"]').click();
  await page.waitForFunction(() => (window.__prints || []).length > 0, null, { timeout: 5000 });
  const printed = await page.evaluate(() => window.__prints[0]);
  await page.context().close();
  assert.match(printed.css, /\.print-layout/, "the print stylesheet was adopted by the print frame");

  // The print frame's document and its adopted print CSS, laid out again in a page of its own.
  const sheet = await newPage(env.browser);
  await sheet.setContent(printed.html);
  await sheet.addStyleTag({ content: printed.css });
  const source = await sheet.evaluate(() => ({
    text: document.body.innerText.replace(/\s+/g, " "),
    bodyFont: getComputedStyle(document.querySelector('[part~="article-body"] p')).fontFamily,
    bodySize: getComputedStyle(document.querySelector('[part~="article-body"] p')).fontSize,
  }));
  const pdfPath = join(outDir, "print-article.pdf");
  await sheet.pdf({ path: pdfPath, format: "A4", preferCSSPageSize: true, printBackground: true });
  await sheet.context().close();
  assert.equal(source.bodySize, "16px", "body text at 12pt (the print size at 100 %)");
  assert.ok(isSerif(source.bodyFont), `the print layout sets a serif face: ${source.bodyFont}`);
  const check = (text, where) => {
    const flat = text.replace(/\s+/g, " ");
    const compact = text.replace(/\s+/g, "");
    assert.ok(flat.includes(LONG_TITLE), `${where}: the title`);
    assert.ok(flat.includes("Updated: August 22, 2024"), `${where}: the meta line`);
    assert.ok(flat.includes("Business matchmaking"), `${where}: a body heading`);
    assert.ok(compact.includes(LONG_LAST.replace(/\s+/g, "")), `${where}: the last body paragraph`);
    assert.ok(compact.includes(`Originalarticle:${LONG_URL}`), `${where}: the source URL line`);
    for (const control of ["A+", "Print", "Fonts:", "Back"]) assert.ok(!flat.includes(control), `${where}: no "${control}"`);
  };
  check(source.text, "print view");

  const pdftotext = spawnSync("pdftotext", ["-enc", "UTF-8", pdfPath, "-"], { encoding: "utf8" });
  if (pdftotext.error && pdftotext.error.code === "ENOENT") {
    console.log("# pdftotext not installed (Debian poppler-utils): PDF text extraction skipped; the print view's text was checked instead");
    return;
  }
  assert.equal(pdftotext.status, 0, pdftotext.stderr);
  writeFileSync(join(outDir, "print-article.txt"), pdftotext.stdout);
  check(pdftotext.stdout, "PDF");
  const pages = (pdftotext.stdout.match(/\f/g) || []).length;
  assert.ok(pages >= 1 && pages <= 6, `a few A4 pages, not ${pages}`);
  const png = spawnSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdfPath, join(outDir, "print-article-page1")]);
  assert.equal(png.status, 0, String(png.stderr));
});

test("print preview puts the article in the print layout and takes it out again", async () => {
  const page = await newPage(env.browser);
  await openDemo(page);
  await openLong(page);
  const content = () =>
    page.evaluate((sel) => {
      const root = document.querySelector(sel).shadowRoot;
      const c = root.querySelector(".article-content");
      const p = root.querySelector('[part~="article-body"] p');
      return { classes: [...c.classList], font: getComputedStyle(p).fontFamily, color: getComputedStyle(p).color };
    }, HOST);
  const preview = page.locator('[part~="print-preview"]');
  assert.equal(await preview.getAttribute("aria-pressed"), "false");
  const normal = await content();
  assert.ok(!normal.classes.includes("print-layout"), "not in the print layout before");
  await page.evaluate((sel) => document.querySelector(sel).scrollIntoView(), HOST);
  await page.screenshot({ path: shot("controls-normal") });

  await preview.click();
  await page.evaluate((sel) => document.querySelector(sel).scrollIntoView(), HOST);
  await page.screenshot({ path: shot("controls-print-preview") });
  assert.equal(await preview.getAttribute("aria-pressed"), "true");
  const on = await content();
  assert.ok(on.classes.includes("print-layout"), `print layout on: ${on.classes}`);
  assert.ok(!isSerif(normal.font), `a sans face on screen: ${normal.font}`);
  assert.ok(isSerif(on.font), `the print layout's serif face, as on paper, replaces the screen face: ${on.font}`);
  assert.equal(on.color, "rgb(0, 0, 0)", "black text in the print layout");

  await page.locator('[part~="print-preview"]').click();
  assert.equal(await page.locator('[part~="print-preview"]').getAttribute("aria-pressed"), "false");
  assert.ok(!(await content()).classes.includes("print-layout"), "print layout off again");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
