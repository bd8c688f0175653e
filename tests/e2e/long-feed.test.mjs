// A long JSON Feed (over 200 items) is read by pages: an item whose fields turn out unreadable
// when its page is shown is skipped then. What the reader sees must still add up: the count
// names the cards on screen, More moves focus to a card that is there, and open(id) of the
// skipped item answers false without news-widget:open.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { newPage, setUp, waitForCards } from "./harness.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

/** `count` items, newest first, those at the positions `untitled` without a title or body. */
function longFeed(count, untitled) {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "Long feed",
    items: Array.from({ length: count }, (_, i) => {
      const date_published = new Date(Date.UTC(2024, 4, 28) - i * 3600e3).toISOString();
      return untitled.includes(i)
        ? { id: `long-${i}`, date_published }
        : { id: `long-${i}`, title: `Article ${i}`, content_html: "<p>Body</p>", date_published };
    }),
  });
}

async function mountLong(page, untitled) {
  const body = longFeed(300, untitled);
  await page.route("**/feeds/long.json", (route) => route.fulfill({ contentType: "application/json", body }));
  await page.goto(`${env.url}/plain.html`);
  await waitForCards(page, "#widget");
  await page.evaluate(async () => {
    const host = Object.assign(document.createElement("div"), { id: "long" });
    document.querySelector("main").append(host);
    window.__events = [];
    host.addEventListener("news-widget:open", (e) => window.__events.push(e.detail.id));
    window.__long = await NewsWidget.mount(host, { feed: "feeds/long.json", pageSize: 10, lang: "en" });
  });
  await waitForCards(page, "#long");
}

const cards = (page) => page.evaluate(() => document.getElementById("long").shadowRoot.querySelectorAll('[part~="card"]').length);
const count = (page) => page.evaluate(() => document.getElementById("long").shadowRoot.querySelector('[data-role="count"]').textContent);

test("long feed: an unreadable item takes no card, the page reaches on to fill its place, and the count names the cards on screen", async () => {
  const page = await newPage(env.browser);
  await mountLong(page, [3]);
  assert.equal(await cards(page), 10, "the untitled item is skipped, and the next one shown");
  assert.equal(await page.evaluate(() => !!document.getElementById("long").shadowRoot.querySelector('[data-key="open:long-3"]')), false);
  assert.match(await count(page), /^Showing 10 of /, "the count says what the reader sees");
  assert.deepEqual(page.errors, []);
});

test("long feed: More moves focus to the new page's first card when the page starts with an unreadable item", async () => {
  const page = await newPage(env.browser);
  await mountLong(page, [10]);
  const focused = await page.evaluate(() => {
    const shadow = document.getElementById("long").shadowRoot;
    const more = shadow.querySelector('[part~="more"]');
    more.focus();
    more.click();
    return shadow.activeElement && shadow.activeElement.getAttribute("data-key");
  });
  assert.equal(focused, "open:long-11", "focus stays in the widget, on the first new card");
  assert.deepEqual(page.errors, []);
});

test("long feed: open() of an unreadable item answers false and sends no news-widget:open", async () => {
  const page = await newPage(env.browser);
  await mountLong(page, [3]);
  const result = await page.evaluate(() => {
    const opened = window.__long.open("long-3");
    const notice = document.getElementById("long").shadowRoot.querySelector('[part~="notice"]');
    return { opened, events: window.__events, notice: notice && notice.textContent };
  });
  assert.deepEqual(result, { opened: false, events: [], notice: null });
  assert.deepEqual(page.errors, []);
});

test("a page's console wrapper that calls back into the widget while it logs breaks nothing", async () => {
  const page = await newPage(env.browser);
  // Some sites wrap console.warn (error collectors); this one calls the widget from inside it,
  // while the widget is logging a render's problems (a long feed's skipped item) and a failed load.
  await page.addInitScript(() => {
    const warn = console.warn.bind(console);
    window.__reentered = 0;
    console.warn = (...args) => {
      warn(...args);
      const handle = window.__long || (window.NewsWidget && NewsWidget.get(document.getElementById("gone")));
      if (handle && String(args[0]).startsWith("news-widget:")) {
        handle.setFontStep((handle.fontStep + 1) % 3);
        window.__reentered++;
      }
    };
  });
  await mountLong(page, [3]);
  await page.route("**/feeds/gone.json", (route) => route.fulfill({ status: 404, body: "" }));
  await page.evaluate(async () => {
    window.__long = null;
    const host = Object.assign(document.createElement("div"), { id: "gone" });
    document.querySelector("main").append(host);
    await NewsWidget.mount(host, { feed: "feeds/gone.json" });
  });
  await page.locator('#gone [part~="error"]').waitFor();
  const reentered = await page.evaluate(() => window.__reentered);
  assert.ok(reentered >= 2, `the wrapper called back ${reentered} times`);
  assert.deepEqual(page.errors, [], "no trap (a borrow held while logging would be one)");
});
