// Print from the reader toolbar (docs/toolbar.md): Print prints the article
// alone from a frame, on the zh demo page and the hostile CMS page (tests/fixtures/pages/
// hostile-article.html), and Print preview shows it in a dialog. The rest of the toolbar is in
// toolbar.test.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ARTICLE_PAGES as PAGES, TOOLBAR, close, newPage, openArticle as openArticleIn, recordPrints, setUp, shot, toolbarPart as part } from "./harness.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

// The shared article-page helpers (harness.mjs), bound to this file's server.
const openArticle = (path, options) => openArticleIn(env, path, options);

// ---------------------------------------------------------------------------------------------
// Print.

for (const [name, path, expect] of [
  ["zh demo", PAGES.zh.path, {
    title: "王子联出席长春市与韩国蔚山市缔结友好城市30周年活动", date: "2024年5月28日",
    first: "今年是长春市与韩国蔚山市缔结友好城市关系30周年。", last: "李伟淑参加活动。", lang: "zh-CN",
    absent: ["首页", "外事动态", "当前位置", "字体", "A+", "打印预览", "责任编辑", "English"],
  }],
  ["hostile page", "hostile-article.html", {
    title: "王子联出席长春市与韩国蔚山市缔结友好城市30周年活动", date: "2024年5月28日",
    first: "今年是长春市与韩国蔚山市缔结友好城市关系30周年。", last: "李伟淑参加活动。", lang: "zh-CN",
    absent: ["首页", "外事动态", "长春市人民政府外事办公室", "责任编辑", "字体"],
  }],
]) {
  test(`${name}: Print prints the article alone from a frame: title, date, text and address, no navigation, no page script`, async () => {
    const page = await openArticle(path, { init: recordPrints });
    const runsBefore = await page.evaluate(() => [window.__pageScriptRuns, window.__inlineScriptRuns, window.__onerrorRuns]);
    await page.locator(part("print")).click();
    await page.waitForFunction(() => (window.__prints || []).length > 0, null, { timeout: 5000 });
    await page.waitForTimeout(300); // anything the copy could run would have run by now
    const [printed] = await page.evaluate(() => window.__prints);
    assert.ok(printed.inFrame && printed.frameInShadow, "printed from a frame in the toolbar's shadow root");
    assert.equal(printed.title, expect.title, "the frame's title (the PDF's default name)");
    assert.equal(printed.lang, expect.lang, "the article's language");
    const text = printed.text.replace(/\s+/g, "");
    for (const piece of [expect.title, expect.date, expect.first, expect.last, `${env.url}/${path}`]) {
      assert.ok(text.includes(piece.replace(/\s+/g, "")), `printed: ${piece}`);
    }
    for (const piece of expect.absent) assert.ok(!text.includes(piece), `not printed: ${piece}`);
    assert.match(printed.css, /\.print-layout/, "the widget's print stylesheet");
    assert.deepEqual({ scripts: printed.scripts, handlers: printed.handlers, scriptUrls: printed.scriptUrls, ranHere: printed.ranHere },
      { scripts: 0, handlers: [], scriptUrls: [], ranHere: [] }, "no script, handler or javascript: URL of the page in the frame, and none ran there");
    const runsAfter = await page.evaluate(() => [window.__pageScriptRuns, window.__inlineScriptRuns, window.__onerrorRuns]);
    assert.deepEqual(runsAfter, runsBefore, "no page script ran again");
    assert.deepEqual(page.errors, []);
    if (path === PAGES.zh.path) {
      // The printed document laid out as paper, for the eye.
      const sheet = await newPage(env.browser, { viewport: { width: 794, height: 1123 } });
      await sheet.setContent(printed.html);
      await sheet.addStyleTag({ content: printed.css });
      await sheet.evaluate(() => document.fonts.ready);
      await sheet.screenshot({ path: shot("toolbar-zh-printed"), fullPage: true });
      await close(sheet);
    }
    await close(page);
  });
}

test("Print preview opens the printed article in a dialog; Escape closes it and focus returns", async () => {
  const page = await openArticle(PAGES.zh.path);
  await page.locator(part("print-preview")).focus();
  await page.keyboard.press("Enter");
  const dialog = page.locator(`${TOOLBAR} dialog.preview-dialog`);
  await dialog.waitFor();
  const shown = await page.evaluate((sel) => {
    const d = document.querySelector(sel).shadowRoot.querySelector("dialog");
    const layout = d.querySelector(".print-layout");
    return { open: d.open, modal: d.matches(":modal"), text: layout.innerText, font: getComputedStyle(layout.querySelector(".article-body p")).fontFamily };
  }, TOOLBAR);
  assert.ok(shown.open && shown.modal, "a modal dialog");
  assert.ok(shown.text.includes("李伟淑参加活动。") && shown.text.includes("2024年5月28日"), "the article, dated");
  assert.match(shown.font, /serif/i, "in the print face");
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: shot("toolbar-zh-print-preview") });
  await page.keyboard.press("Escape");
  await page.waitForFunction((sel) => !document.querySelector(sel).shadowRoot.querySelector("dialog"), TOOLBAR);
  const focus = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.activeElement?.getAttribute("part"), TOOLBAR);
  assert.equal(focus, "print-preview", "focus is back on Print preview");
  await close(page);
});

test("phone: on a page wider than the screen, Print preview opens on the screen and leaves the page where it was", async () => {
  // The demo's fixed-width tables make the page 677 px wide on a 412 px phone at the site's own
  // size: the viewport fixed elements sit in grows to it, and a dialog centred there sat half
  // off the screen, and scrolled the page sideways for its buttons.
  const page = await newPage(env.browser, { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  await page.goto(`${env.url}/${PAGES.zh.path}`);
  await page.waitForFunction((s) => document.querySelector(s)?.shadowRoot?.querySelector('[part~="toolbar"]'), TOOLBAR);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth > innerWidth || innerWidth > visualViewport.width),
    "the page is wider than the screen (else this test says nothing)");
  await page.locator(part("more-tools")).click();
  await page.locator(part("print-preview")).click();
  await page.locator(`${TOOLBAR} dialog.preview-dialog`).waitFor();
  const box = await page.evaluate((sel) => {
    const r = document.querySelector(sel).shadowRoot.querySelector("dialog").getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, screen: [visualViewport.offsetLeft, visualViewport.offsetTop, visualViewport.width, visualViewport.height] };
  }, TOOLBAR);
  const [x, y, width, height] = box.screen;
  assert.deepEqual([x, y], [0, 0], "the page did not scroll for the dialog");
  assert.ok(box.left >= 0 && box.right <= width && box.top >= 0 && box.bottom <= height, `on the screen: ${JSON.stringify(box)}`);
  await page.screenshot({ path: shot("toolbar-zh-print-preview-phone") });
  await page.keyboard.press("Escape");
  await page.waitForFunction((sel) => !document.querySelector(sel).shadowRoot.querySelector("dialog"), TOOLBAR);
  assert.equal(await page.evaluate(() => visualViewport.offsetLeft + scrollX), 0, "where it was");
  assert.deepEqual(page.errors, []);
  await close(page);
});

// ---------------------------------------------------------------------------------------------
