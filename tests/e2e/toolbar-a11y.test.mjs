// Accessibility of the reader toolbar (docs/toolbar.md): axe-core over the bar
// and its article on the three demo pages at 100 % and 200 % and over the print preview dialog; the
// keyboard: Tab order, visible focus, the + - 0 keys and the announced size. The rest of the
// toolbar is in toolbar.test.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ARTICLE_PAGES as PAGES, TOOLBAR, axeViolations, close, describeViolations, openArticle as openArticleIn, setUp, toolbarPart as part } from "./harness.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

// The shared article-page helpers (harness.mjs), bound to this file's server.
const openArticle = (path, options) => openArticleIn(env, path, options);

// ---------------------------------------------------------------------------------------------
// Accessibility and keyboard.

for (const [lang, info] of Object.entries(PAGES)) {
  for (const step of [0, 5]) {
    test(`axe: the toolbar and its article, ${lang}, ${step ? "200" : "100"} %`, async () => {
      const page = await openArticle(info.path, { step });
      const violations = await axeViolations(page, [[TOOLBAR], ["#zoom"]]);
      assert.deepEqual(violations, [], describeViolations(violations));
      await close(page);
    });
  }
}

test("axe: the print preview dialog, zh, 200 %", async () => {
  const page = await openArticle(PAGES.zh.path, { step: 5 });
  // Where the bar is narrow for its words at 200 %, Print preview is behind More tools (open,
  // then axe-clean too).
  if (await page.locator(part("more-tools")).isVisible()) await page.locator(part("more-tools")).click();
  await page.locator(part("print-preview")).click();
  await page.locator(`${TOOLBAR} dialog`).waitFor();
  const violations = await axeViolations(page, [[TOOLBAR]]);
  assert.deepEqual(violations, [], describeViolations(violations));
  await close(page);
});

for (const [lang, info] of Object.entries(PAGES)) {
  test(`keyboard, ${lang}: Tab reaches every control in order with a visible focus ring, + - 0 change the size, and A+ is announced`, async () => {
    const page = await openArticle(info.path);
    const expected = await page.evaluate((sel) =>
      [...document.querySelector(sel).shadowRoot.querySelectorAll("button, select, a[href]")]
        .filter((e) => e.getClientRects().length > 0)
        .map((e) => e.getAttribute("data-key") || `a:${e.lang}`), TOOLBAR);
    await page.locator("nav.site-nav a").last().focus();
    const stops = [];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press("Tab");
      const f = await page.evaluate((sel) => {
        const host = document.querySelector(sel);
        if (document.activeElement !== host) return null;
        const el = host.shadowRoot.activeElement;
        const cs = getComputedStyle(el);
        return { key: el.getAttribute("data-key") || `a:${el.lang}`, outline: `${cs.outlineStyle} ${parseFloat(cs.outlineWidth)}` };
      }, TOOLBAR);
      if (!f) break;
      stops.push(f);
    }
    assert.deepEqual(stops.map((s) => s.key), expected, "every button and link, once, in order");
    assert.deepEqual(expected.slice(0, 13), [
      "font-larger", "font-reset", "font-smaller", "line-spacing:1", "line-spacing:1.5", "line-spacing:2",
      "contrast:site", "contrast:dark-on-light", "contrast:light-on-dark", "listen", "listen-rate", "print", "preview",
    ]);
    for (const s of stops) assert.match(s.outline, /^solid [3-9]/, `${s.key} shows a focus ring (${s.outline})`);

    await page.locator(part("font-larger")).focus();
    await page.keyboard.press("Enter");
    const live = page.locator(`${TOOLBAR} [role="status"][aria-live="polite"]`);
    assert.equal((await live.textContent()).trim(), info.announce, "the change is announced in the page's language");
    await page.keyboard.press("+");
    await page.keyboard.press("+");
    assert.equal(await page.evaluate((sel) => NewsWidget.get(document.querySelector(sel)).fontStep, TOOLBAR), 3);
    await page.keyboard.press("-");
    assert.equal(await page.evaluate((sel) => NewsWidget.get(document.querySelector(sel)).fontStep, TOOLBAR), 2);
    await page.keyboard.press("0");
    assert.equal(await page.evaluate((sel) => NewsWidget.get(document.querySelector(sel)).fontStep, TOOLBAR), 0);
    assert.deepEqual(page.errors, []);
    await close(page);
  });
}

// ---------------------------------------------------------------------------------------------
