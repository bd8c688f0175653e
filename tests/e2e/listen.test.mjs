// Reading aloud, end to end: the widget's article and the reader toolbar's, with a scripted
// `speechSynthesis` (speech-fake.mjs) that records every utterance, so that what would be heard
// is asserted: the order, text, language, voice and length of each utterance, the highlight's
// ranges, pause and resume (and Android's pause that cancels), the speed, every reason to stop,
// the announcements (once, never while the voice speaks) and the keyboard. One test runs on
// Chromium's own `speechSynthesis` and checks only that nothing throws.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { close, newPage, recordPrints, servePage, setUp, waitForCards } from "./harness.mjs";
import { fakeSpeech, VOICES } from "./speech-fake.mjs";

const HOST = "#w";
const TOOLBAR = "news-widget-toolbar";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

const widgetPage = (lang, more = "") => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<title>listen</title><link rel="stylesheet" href="site.css"></head><body><main><div class="panel">
<div id="w" data-news-widget data-feed="feeds/changchun.json" data-lang="${lang}"></div>${more}</div></main>
<script src="dist/news-widget.js" defer></script></body></html>`;

const part = (name, host = HOST) => `${host} [part~="${name}"]`;

/** A page with the fake (`options` as fakeSpeech's), the widget in `lang`, its first article open. */
async function openArticle(lang, options = { voices: Object.values(VOICES) }, { more = "", viewport } = {}) {
  const page = await newPage(env.browser, viewport ? { viewport } : {});
  await page.addInitScript(fakeSpeech, options);
  await page.addInitScript(recordPrints);
  const url = await servePage(page, env.url, `listen-${lang}.html`, widgetPage(lang, more));
  await page.goto(url);
  await waitForCards(page, HOST);
  await page.locator(`${HOST} button[data-action="open"]`).first().click();
  await page.waitForSelector(part("article-body"));
  return page;
}

const speech = (page) => page.evaluate(() => ({
  spoken: window.__speech.spoken.map(({ text, lang, voiceURI, rate, live }) => ({ text, lang, voiceURI, rate, live })),
  calls: window.__speech.calls.slice(),
  listen: window.__speech.listen.slice(),
  current: window.__speech.current(),
}));
/** Ends the utterance being spoken (as the voice would), and lets the widget answer. */
const endUtterance = async (page) => {
  const ended = await page.evaluate(() => window.__speech.end());
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  return ended;
};
/** The text of the highlight's ranges, in order. */
const highlighted = (page) => page.evaluate(() => {
  const mark = CSS.highlights.get("news-widget-reading");
  return mark ? [...mark].map((r) => r.toString()).join("") : null;
});
/** Waits until the widget's Listen control is `aria-disabled` `value`. */
const untilDisabled = (page, value, host = HOST) => page.waitForFunction(([sel, v]) =>
  document.querySelector(sel).shadowRoot.querySelector('[part~="listen"]')?.getAttribute("aria-disabled") === v, [host, value]);
const untilSpoken = (page, n) => page.waitForFunction((k) => window.__speech.spoken.length >= k, n);
const squash = (s) => s.replace(/\s+/g, "");
const controlText = (page, name, host = HOST) => page.locator(part(name, host)).first().evaluate((e) => ({
  text: e.textContent.trim(),
  disabled: e.getAttribute("aria-disabled"),
  hidden: e.hidden,
}));

// What a voice takes for a character at 1×, as src/listen/sentence.rs estimates it: at most 9 s
// an utterance (Chrome's desktop voices stop silently after about 15 s).
function cost(text) {
  let ms = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || /[0-9０-９]/.test(ch)) ms += 250;
    else if (c >= 0xac00 && c <= 0xd7a3) ms += 200;
    else if (/[\p{L}]/u.test(ch)) ms += 75;
    else if (/[,;:，、；：]/.test(ch)) ms += 250;
  }
  return ms;
}

// ---------------------------------------------------------------------------------------------
// What is read, in what order, by which voice, and what is highlighted.

for (const [lang, voice] of [["zh-CN", VOICES.zh], ["ko", VOICES.ko], ["en", VOICES.en]]) {
  test(`${lang}: Listen reads the title then the body, sentence by sentence, with a ${voice.lang} voice, each utterance highlighted and short`, async () => {
    const page = await openArticle(lang);
    const [title, body] = await page.evaluate((sel) => {
      const root = document.querySelector(sel).shadowRoot;
      return [root.querySelector(".article-title").textContent, root.querySelector(".article-body").textContent];
    }, HOST);
    const expected = squash(title + body);
    await page.locator(part("listen")).click();
    await untilSpoken(page, 1);
    const marks = [];
    for (let i = 0; i < 200; i++) {
      const { current } = await speech(page);
      if (!current) break;
      marks.push([current, await highlighted(page)]);
      await endUtterance(page);
    }
    const { spoken, listen } = await speech(page);
    assert.ok(spoken.length > 5, `the article is read in many utterances (${spoken.length})`);
    assert.equal(squash(spoken[0].text), squash(title), "the title first, alone");
    assert.equal(squash(spoken.map((u) => u.text).join("")), expected, "every word, once, in order");
    for (const u of spoken) {
      assert.equal(u.voiceURI, voice.voiceURI, `${u.text}: the ${voice.lang} voice`);
      assert.equal(u.lang.split("-")[0], lang.split("-")[0], `${u.text}: in the article's language`);
      assert.equal(u.rate, 1);
      assert.ok(cost(u.text) <= 9000, `"${u.text}" is short enough to be spoken whole (${cost(u.text)} ms)`);
    }
    for (const [text, mark] of marks) assert.equal(squash(mark ?? ""), squash(text), "the sentence being read is highlighted");
    assert.equal(await highlighted(page), null, "no highlight once the article is read");
    assert.deepEqual(listen, ["reading", "stopped"]);
    assert.deepEqual(page.errors, []);
    await close(page);
  });
}

test("the highlight spans inline elements and is kept in view, unless the reader scrolled away", async () => {
  const page = await openArticle("zh-CN", { voices: [VOICES.zh] }, { viewport: { width: 500, height: 400 } });
  // A widget this narrow (the page's margins leave it under 28 em) shows Listen behind More tools.
  await page.locator(part("more-tools")).click();
  await page.locator(part("listen")).click();
  await untilSpoken(page, 1);
  const inView = () => page.evaluate(() => {
    const range = [...CSS.highlights.get("news-widget-reading")][0];
    const r = range.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  });
  for (let i = 0; i < 8; i++) {
    await endUtterance(page);
    assert.ok(await inView(), `sentence ${i + 2} is brought into view`);
  }
  await page.evaluate(() => scrollTo(0, 0));
  const scrolled = await page.evaluate(() => scrollY);
  for (let i = 0; i < 4; i++) await endUtterance(page);
  assert.equal(await page.evaluate(() => scrollY), scrolled, "the reader scrolled away: the page stays where they put it");
  assert.deepEqual(page.errors, []);
  await close(page);
});

// ---------------------------------------------------------------------------------------------
// Availability.

test("no speechSynthesis: no Read aloud control, in the widget or the toolbar", async () => {
  const page = await openArticle("zh-CN", { none: true });
  assert.equal(await page.locator(part("listen")).count(), 0);
  assert.equal(await page.locator(part("listen-rate")).count(), 0);
  await page.goto(`${env.url}/article.html`);
  await page.waitForSelector(`${TOOLBAR} [part~="toolbar"]`);
  assert.equal(await page.locator(`${TOOLBAR} [part~="listen"]`).count(), 0);
  assert.deepEqual(page.errors, []);
  await close(page);
});

test("no Chinese voice: Listen is disabled and says so, and reads nothing with an English voice", async () => {
  const page = await openArticle("zh-CN", { voices: [VOICES.en] });
  await untilDisabled(page, "true");
  const note = await page.evaluate((sel) => {
    const button = document.querySelector("#w").shadowRoot.querySelector('[part~="listen"]');
    const id = button.getAttribute("aria-describedby");
    return id && button.getRootNode().getElementById(id).textContent;
  }, HOST);
  assert.equal(note, "本设备没有可用的中文语音");
  await page.locator(part("listen")).click({ force: true });
  await page.keyboard.press("Enter");
  await page.waitForTimeout(100);
  assert.deepEqual((await speech(page)).spoken, []);
  assert.deepEqual(page.errors, []);
  await close(page);
});

test("voices that arrive late are waited for; a voice for the language arriving later enables Listen", async () => {
  const page = await openArticle("zh-CN", { voices: [VOICES.zh], voicesLater: 800 });
  await page.locator(part("listen")).click();
  await untilSpoken(page, 1);
  assert.equal((await speech(page)).spoken[0].voiceURI, "Tingting");
  await close(page);

  const none = await openArticle("zh-CN", { voices: [VOICES.en] });
  await untilDisabled(none, "true");
  await none.evaluate((v) => window.__speech.setVoices(v), [VOICES.en, VOICES.zh]);
  await untilDisabled(none, "false");
  await close(none);
});

test("a synthesizer that throws (a polyfill refusing its voices) fails the utterances, not the module", async () => {
  const page = await newPage(env.browser);
  await page.addInitScript(fakeSpeech, { voices: Object.values(VOICES) });
  await page.addInitScript(() => {
    Object.defineProperty(window.SpeechSynthesisUtterance.prototype, "voice", {
      configurable: true,
      get() { return null; },
      set(v) { if (v) throw new TypeError("Failed to set the 'voice' property on 'SpeechSynthesisUtterance'"); },
    });
  });
  await page.goto(await servePage(page, env.url, "listen-throws.html", widgetPage("en", '<div id="w2" data-news-widget data-feed="feeds/changchun.json" data-lang="en"></div>')));
  await waitForCards(page, HOST);
  await page.locator(`${HOST} button[data-action="open"]`).first().click();
  await page.waitForSelector(part("article-body"));
  await page.locator(part("listen")).click();
  // Each utterance fails in turn (at once: nothing is spoken); the machine gives up after two in
  // a row, as for any failing voice, and Listen is Listen again.
  await page.waitForTimeout(1000);
  assert.equal((await controlText(page, "listen")).text, "Listen");
  assert.deepEqual((await speech(page)).spoken, [], "nothing was spoken");
  assert.equal(await page.locator(`${HOST} [part~="error"], #w2 [part~="error"]`).count(), 0, "no widget shows the crash screen");
  assert.ok(!page.logs.some((l) => /trapped/.test(l)), page.logs.join("\n"));
  await page.locator(part("font-larger")).click();
  assert.equal(await page.evaluate(() => NewsWidget.get(document.querySelector("#w2")).fontStep), 1, "the page's widgets still answer");
  assert.deepEqual(page.errors, []);
  await close(page);
});

// ---------------------------------------------------------------------------------------------
// Pause, resume, the speed.

test("Pause holds the sentence and Resume goes on with it; the button says which, Stop shows meanwhile", async () => {
  const page = await openArticle("zh-CN");
  assert.deepEqual(await controlText(page, "listen-stop"), { text: "停止", disabled: null, hidden: true });
  await page.locator(part("listen")).click();
  await untilSpoken(page, 1);
  assert.equal((await controlText(page, "listen")).text, "暂停");
  assert.equal((await controlText(page, "listen-stop")).hidden, false);
  await page.locator(part("listen")).click();
  await page.waitForFunction(() => window.__speech.calls.includes("pause"));
  assert.equal((await controlText(page, "listen")).text, "继续");
  await page.locator(part("listen")).click();
  await page.waitForFunction(() => window.__speech.calls.includes("resume"));
  assert.equal((await controlText(page, "listen")).text, "暂停");
  const { spoken, listen } = await speech(page);
  assert.equal(spoken.length, 1, "the same utterance goes on");
  assert.deepEqual(listen, ["reading", "paused", "reading"]);
  await close(page);
});

test("Android (pause drops the utterance): Resume speaks the sentence again from its start", async () => {
  const page = await openArticle("zh-CN", { voices: [VOICES.zh], pauseCancels: true });
  await page.locator(part("listen")).click();
  await untilSpoken(page, 1);
  await endUtterance(page);
  await untilSpoken(page, 2);
  await page.locator(part("listen")).click();
  await page.waitForFunction(() => window.__speech.calls.includes("pause"));
  await page.waitForTimeout(50);
  assert.equal((await controlText(page, "listen")).text, "继续", "still paused after the dropped utterance's error");
  await page.locator(part("listen")).click();
  await untilSpoken(page, 3);
  const { spoken, listen } = await speech(page);
  assert.equal(spoken[2].text, spoken[1].text, "the second sentence again");
  assert.deepEqual(listen, ["reading", "paused", "reading"]);
  await close(page);
});

test("the speed: the sentence is spoken again at the new rate, which is stored, followed by another widget and kept over a reload", async () => {
  const page = await openArticle("zh-CN", { voices: [VOICES.zh] }, { more: '<div id="w2" data-news-widget data-feed="feeds/changchun.json" data-lang="zh-CN"></div>' });
  await page.locator(part("listen")).click();
  await untilSpoken(page, 1);
  await page.locator(part("listen-rate")).selectOption("1.5");
  await untilSpoken(page, 2);
  const { spoken } = await speech(page);
  assert.equal(spoken[1].text, spoken[0].text);
  assert.equal(spoken[1].rate, 1.5);
  assert.equal(await page.evaluate(() => localStorage.getItem("news-widget:listen-rate")), "1.5");
  await page.locator('#w2 button[data-action="open"]').first().click();
  await page.waitForSelector(part("listen-rate", "#w2"));
  assert.equal(await page.locator(part("listen-rate", "#w2")).inputValue(), "1.5", "the other widget follows");
  await page.reload();
  await waitForCards(page, HOST);
  await page.locator(`${HOST} button[data-action="open"]`).first().click();
  assert.equal(await page.locator(part("listen-rate")).inputValue(), "1.5", "kept over a reload");
  await page.locator(part("listen")).click();
  await untilSpoken(page, 1);
  assert.equal((await speech(page)).spoken[0].rate, 1.5);
  await close(page);
});

// ---------------------------------------------------------------------------------------------
// Every reason to stop: speech cancelled, highlight gone, the control back to Listen.

// (`destroy()` sends no event: the widget is gone.)
async function assertStopped(page, what, { event = true } = {}) {
  await page.waitForFunction(() => window.__speech.calls.includes("cancel"), null, { timeout: 5000 }).catch(() => {});
  const { calls, listen } = await speech(page);
  assert.ok(calls.includes("cancel"), `${what}: speech is cancelled (${calls})`);
  if (event) assert.equal(listen.at(-1), "stopped", `${what}: listenchange stopped (${listen})`);
  assert.equal(await highlighted(page), null, `${what}: no highlight left`);
  const before = (await speech(page)).spoken.length;
  await page.waitForTimeout(100);
  assert.equal((await speech(page)).spoken.length, before, `${what}: nothing more is spoken`);
}

const STOPS = {
  Stop: (page) => page.locator(part("listen-stop")).click(),
  Back: (page) => page.locator(part("back")).click(),
  "a language switch": (page) => page.locator(`${HOST} [data-key="language:ko-KR"]`).click(),
  Print: (page) => page.locator(part("print")).click(),
  "the browser's Print (beforeprint)": (page) => page.evaluate(() => window.dispatchEvent(new Event("beforeprint"))),
  "stopListening()": (page) => page.evaluate(() => NewsWidget.get(document.querySelector("#w")).stopListening()),
  "the page hidden": (page) => page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    Object.defineProperty(document, "hidden", { value: true, configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  }),
  "destroy()": (page) => page.evaluate(() => NewsWidget.get(document.querySelector("#w")).destroy()),
};
for (const [what, trigger] of Object.entries(STOPS)) {
  test(`reading stops on ${what}`, async () => {
    const page = await openArticle("zh-CN", { voices: [VOICES.zh, VOICES.ko] });
    await page.locator(part("listen")).click();
    await untilSpoken(page, 1);
    assert.ok(await highlighted(page));
    await trigger(page);
    await assertStopped(page, what, { event: what !== "destroy()" });
    if (what !== "destroy()" && what !== "Back" && what !== "a language switch") {
      assert.equal((await controlText(page, "listen")).text, "听全文");
      assert.equal((await controlText(page, "listen-stop")).hidden, true);
    }
    assert.deepEqual(page.errors, []);
    await close(page);
  });
}

test("another widget starting to read stops the first", async () => {
  const page = await openArticle("zh-CN", { voices: [VOICES.zh] }, { more: '<div id="w2" data-news-widget data-feed="feeds/changchun.json" data-lang="zh-CN"></div>' });
  await page.locator('#w2 button[data-action="open"]').nth(1).click();
  await page.locator(part("listen")).click();
  await untilSpoken(page, 1);
  await page.locator(part("listen", "#w2")).click();
  await untilSpoken(page, 2);
  const { spoken, listen } = await speech(page);
  assert.notEqual(spoken[1].text, spoken[0].text, "the second widget reads its own article");
  assert.equal((await controlText(page, "listen")).text, "听全文", "the first is stopped");
  assert.equal((await controlText(page, "listen", "#w2")).text, "暂停");
  // The second starts, then the first is told to stop (each from its own host).
  assert.deepEqual(listen, ["reading", "reading", "stopped"]);
  await endUtterance(page);
  await untilSpoken(page, 3);
  assert.equal(squash(await highlighted(page)), squash((await speech(page)).current), "the highlight is the second widget's");
  await close(page);
});

// ---------------------------------------------------------------------------------------------
// Announcements and the keyboard.

test("the state is announced once, and never while the voice speaks", async () => {
  const page = await openArticle("zh-CN", { voices: [VOICES.zh] });
  const live = () => page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector("[aria-live]").textContent.trim(), HOST);
  await page.locator(part("listen")).click();
  await untilSpoken(page, 1);
  await page.locator(part("listen")).click(); // pause
  await page.waitForFunction(() => window.__speech.calls.includes("pause"));
  await page.waitForFunction((sel) => /暂停/.test(document.querySelector(sel).shadowRoot.querySelector("[aria-live]").textContent), HOST);
  await page.locator(part("listen")).click(); // resume
  for (let i = 0; i < 3; i++) await endUtterance(page);
  await page.locator(part("listen-stop")).click();
  await page.waitForFunction((sel) => /停止/.test(document.querySelector(sel).shadowRoot.querySelector("[aria-live]").textContent), HOST);
  assert.match(await live(), /朗读已停止/);
  const { spoken } = await speech(page);
  assert.deepEqual(spoken.filter((u) => u.live).map((u) => u.text), [], "the live region did not change while an utterance was spoken");
  await close(page);
});

test("keyboard: Tab reaches Listen and the speed, Enter and Space press Listen, focus stays on it", async () => {
  const page = await openArticle("zh-CN", { voices: [VOICES.zh] });
  await page.locator(part("listen")).focus();
  await page.keyboard.press("Enter");
  await untilSpoken(page, 1);
  await page.keyboard.press("Space");
  await page.waitForFunction(() => window.__speech.calls.includes("pause"));
  const focusedPart = () => page.evaluate((sel) => document.querySelector(sel).shadowRoot.activeElement?.getAttribute("part"), HOST);
  assert.equal(await focusedPart(), "listen");
  await page.keyboard.press("Tab");
  assert.equal(await focusedPart(), "listen-stop");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => window.__speech.calls.includes("cancel"));
  assert.equal(await focusedPart(), "listen", "Stop hides: focus goes back to Listen, not to the page");
  await page.keyboard.press("Tab");
  assert.equal(await focusedPart(), "listen-rate");
  await close(page);
});

// ---------------------------------------------------------------------------------------------
// The reader toolbar: the page's title, then the article, highlighted in the page's own DOM.

test("toolbar: Listen reads the page's heading then the article, in the page's language, highlighted in place", async () => {
  const page = await newPage(env.browser);
  await page.addInitScript(fakeSpeech, { voices: Object.values(VOICES) });
  await page.goto(`${env.url}/article.html`);
  await page.waitForSelector(`${TOOLBAR} [part~="listen"]`);
  const html = await page.evaluate(() => document.getElementById("zoom").innerHTML);
  await page.locator(`${TOOLBAR} [part~="listen"]`).click();
  await untilSpoken(page, 1);
  for (let i = 0; i < 3; i++) {
    assert.equal(squash(await highlighted(page)), squash((await speech(page)).current));
    await endUtterance(page);
  }
  const { spoken } = await speech(page);
  assert.ok(spoken.every((u) => u.voiceURI === "Tingting" && u.lang.startsWith("zh")));
  const article = squash(await page.evaluate(() => document.getElementById("zoom").innerText));
  assert.ok(article.includes(squash(spoken[1].text)), "the article's sentences");
  assert.equal(await page.evaluate(() => document.getElementById("zoom").innerHTML), html, "the article's DOM is not changed");
  await page.evaluate(() => NewsWidget.get(document.querySelector("news-widget-toolbar")).destroy());
  await assertStopped(page, "the toolbar's destroy()", { event: false });
  assert.deepEqual(page.errors, []);
  await close(page);
});

// ---------------------------------------------------------------------------------------------
// Chromium's own speechSynthesis (it may have no voice here): nothing throws.

test("Chromium's real speechSynthesis: Listen, then Stop, and no page error", async () => {
  const page = await newPage(env.browser);
  const url = await servePage(page, env.url, "listen-real.html", widgetPage("zh-CN"));
  await page.goto(url);
  await waitForCards(page, HOST);
  await page.locator(`${HOST} button[data-action="open"]`).first().click();
  await page.waitForSelector(part("listen"));
  // Without a Chinese voice here Listen is disabled, and pressing it does nothing.
  await page.locator(part("listen")).click({ force: true });
  await page.waitForTimeout(500);
  if (await page.locator(part("listen-stop")).isVisible()) await page.locator(part("listen-stop")).click();
  await page.evaluate(() => NewsWidget.get(document.querySelector("#w")).listen());
  await page.evaluate(() => NewsWidget.get(document.querySelector("#w")).stopListening());
  await page.waitForTimeout(300);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.logs.filter((l) => /^error/.test(l)), []);
  await close(page);
});
