// The accessibility audit (WCAG 2.2 AA, KWCAG 2.2): axe-core over every state, language and text
// size, and the checks axe cannot make: targets, motion, live text and accessible names. Keyboard
// order, focus rings, forced colours and reflow are in a11y-focus.test.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import {
  ARTICLE_WITH_FIGURE as SEED, DEMO_WIDGET as HOST, UI_LANGS as LANGS, axeViolations, close, demoWidgetPart as part,
  describeViolations, openDemoWidget, root, setUp,
} from "./harness.mjs";

const SIZES = { "100 %": 0, "200 %": 5 };
const FLUENT = {
  en: { larger: "Larger text", reset: "Default text size", smaller: "Smaller text", size: "Text size 112.5 %" },
  zh: { larger: "放大字体", reset: "默认字号", smaller: "缩小字体", size: "字号 112.5%" },
  ko: { larger: "글자 크게", reset: "기본 글자 크기", smaller: "글자 작게", size: "글자 크기 112.5%" },
};

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

// The shared demo widget (harness.mjs), opened on this file's server.
const openWidget = (options) => openDemoWidget(env, options);

// ---------------------------------------------------------------------------------------------
// 1. axe-core: zero violations in every state, language and size.

const STATES = {
  "card list": "cards",
  "article view": "article",
  "error state": "error",
  "print preview": "preview",
};
for (const [stateName, state] of Object.entries(STATES)) {
  for (const lang of Object.keys(LANGS)) {
    for (const [size, step] of Object.entries(SIZES)) {
      test(`axe: ${stateName}, ${lang}, ${size}`, async () => {
        const page = await openWidget({ lang, step, state });
        const violations = await axeViolations(page, [[HOST]]);
        assert.deepEqual(page.errors, [], "no uncaught page error");
        await close(page);
        assert.equal(violations.length, 0, `axe-core found ${violations.length} violation(s):\n${describeViolations(violations)}`);
      });
    }
  }
}
for (const [size, step] of Object.entries(SIZES)) {
  test(`axe: article not in the reader's language (notice, lang="en" content), ko, ${size}`, async () => {
    const page = await openWidget({ lang: "ko", step, state: "untranslated" });
    assert.equal(await page.locator(part("notice")).count(), 1, "the untranslated notice is shown");
    const violations = await axeViolations(page, [[HOST]]);
    await close(page);
    assert.equal(violations.length, 0, `axe-core found ${violations.length} violation(s):\n${describeViolations(violations)}`);
  });
}

// ---------------------------------------------------------------------------------------------
// 2. Target size (WCAG 2.5.8): every button at least 24 × 24 CSS px.

for (const [pct, step] of [["87.5 %", -1], ["100 %", 0]]) {
  for (const lang of Object.keys(LANGS)) {
    test(`target size: every button is at least 24 × 24 px at ${pct}, ${lang} (cards, article, print preview, error)`, async () => {
      const small = [];
      const measure = async (page, where) => {
        const sizes = await page.evaluate((sel) =>
          [...document.querySelector(sel).shadowRoot.querySelectorAll("button")]
            .filter((b) => b.getClientRects().length > 0)
            .map((b) => {
              const r = b.getBoundingClientRect();
              return { key: b.getAttribute("data-key"), w: r.width, h: r.height };
            }), HOST);
        assert.ok(sizes.length > 0, `buttons in the ${where}`);
        for (const s of sizes) {
          if (s.w < 24 || s.h < 24) small.push(`${where}: ${s.key} is ${s.w.toFixed(1)} × ${s.h.toFixed(1)} px`);
        }
      };
      let page = await openWidget({ lang, step });
      await measure(page, "card list");
      await page.locator(`${HOST} [data-action="open"][data-id="${SEED}"]`).click();
      await page.locator(part("article-title")).waitFor();
      await measure(page, "article view");
      await page.locator(part("print-preview")).click();
      await page.locator(`${HOST} .print-layout`).waitFor();
      await measure(page, "print preview");
      await close(page);
      page = await openWidget({ lang, step, state: "error" });
      await measure(page, "error state");
      await close(page);
      assert.deepEqual(small, [], `buttons under 24 × 24 px:\n${small.join("\n")}`);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// 3. prefers-reduced-motion.

test("reduced motion: no transition or animation runs anywhere in the widget (cards, article, print preview)", async () => {
  const page = await openWidget({ media: { reducedMotion: "reduce" } });
  const moving = () => page.evaluate((sel) => {
    const shadow = document.querySelector(sel).shadowRoot;
    const found = [];
    const positive = (list) => list.split(",").some((d) => parseFloat(d) > 0);
    for (const el of [shadow.host, ...shadow.querySelectorAll("*")]) {
      for (const pseudo of [null, "::before", "::after"]) {
        const cs = getComputedStyle(el, pseudo);
        if (positive(cs.transitionDuration) || positive(cs.animationDuration)) {
          found.push(`${el.localName}${el.className ? "." + String(el.className).split(" ").join(".") : ""}${pseudo || ""}: transition ${cs.transitionDuration}, animation ${cs.animationDuration}`);
        }
      }
    }
    return [...new Set(found)];
  }, HOST);
  assert.deepEqual(await moving(), [], "card list");
  await page.locator(`${HOST} [data-action="open"][data-id="${SEED}"]`).click();
  await page.locator(part("article-title")).waitFor();
  assert.deepEqual(await moving(), [], "article view");
  await page.locator(part("print-preview")).click();
  assert.deepEqual(await moving(), [], "print preview");
  await close(page);
});

// ---------------------------------------------------------------------------------------------
// 4. Live announcements and accessible names from Fluent.

const SWITCH = {
  en: { to: "zh-CN", says: "界面语言：中文" },
  zh: { to: "ko-KR", says: "언어: 한국어" },
  ko: { to: "en-US", says: "Language: English" },
};
for (const lang of Object.keys(LANGS)) {
  test(`live region: A+ announces the new text size, a language switch announces the language, and the font buttons are named in ${lang}`, async () => {
    const page = await openWidget({ lang });
    const live = page.locator(`${HOST} [role="status"][aria-live="polite"]`);
    assert.equal(await live.count(), 1, "one polite status region in the shadow root");
    assert.equal((await live.textContent()).trim(), "", "the region is there, empty, before anything is announced");
    // A live region only speaks when it is already in the page: mark it to see it is not replaced.
    await live.evaluate((el) => { el.__a11yMark = true; });

    const names = await page.evaluate((sel) => {
      const shadow = document.querySelector(sel).shadowRoot;
      return Object.fromEntries(["larger", "reset", "smaller"].map((k) =>
        [k, shadow.querySelector(`[part~="font-${k}"]`).getAttribute("aria-label") || ""]));
    }, HOST);
    for (const k of ["larger", "reset", "smaller"]) {
      assert.ok(names[k].includes(FLUENT[lang][k]), `font-${k} is named "${FLUENT[lang][k]}" from Fluent, not "${names[k]}"`);
    }
    assert.ok(await page.getByRole("button", { name: FLUENT[lang].larger }).count() === 1,
      `the accessibility tree has one button named "${FLUENT[lang].larger}"`);

    await page.locator(part("font-larger")).click();
    await page.waitForFunction(([sel, text]) =>
      document.querySelector(sel).shadowRoot.querySelector('[role="status"]').textContent.trim() === text,
      [HOST, FLUENT[lang].size], { timeout: 3000 }).catch(() => {});
    assert.equal((await live.textContent()).trim(), FLUENT[lang].size, "A+ is announced with the new size");

    await page.locator(`${HOST} [data-action="language"][data-lang="${SWITCH[lang].to}"]`).click();
    await page.waitForFunction(([sel, text]) =>
      document.querySelector(sel).shadowRoot.querySelector('[role="status"]').textContent.trim() === text,
      [HOST, SWITCH[lang].says], { timeout: 3000 }).catch(() => {});
    assert.equal((await live.textContent()).trim(), SWITCH[lang].says, "the language switch is announced in the new language");
    assert.equal(await live.evaluate((el) => el.__a11yMark === true), true, "the same live region spoke both times (not re-created)");
    assert.deepEqual(page.errors, []);
    await close(page);
  });
}
