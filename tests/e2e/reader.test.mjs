// The reader's path through the widget: feed → cards → article and back, by mouse and keyboard,
// paging with More, and what a failed, malformed or partly bad feed shows
// (docs/interface.md#shadow-parts, docs/feeds.md).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { events, newPage, recordEvents, root, servePage, setUp, shot, waitForCards } from "./harness.mjs";

const HOST = "[data-news-widget]";
const FEED = join(root, "www/feeds/changchun.json");
const SEED_ID = "cc-2024-0528-ulsan30";
const SEED_TITLE = "Changchun and Ulsan Mark 30 Years as Sister Cities";
const EN = {
  network: "The news could not be loaded. Check your connection and try again.",
  http500: "The news server answered with an error (500). Please try again later.",
  feed: "The news feed could not be read.",
};

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

// ---------------------------------------------------------------------------------------------
// Helpers.

const part = (name) => `${HOST} [part~="${name}"]`;

/** What has focus inside the widget's shadow root: tag, part, data-id, text. */
function focused(page) {
  return page.evaluate((sel) => {
    const host = document.querySelector(sel);
    const el = host && host.shadowRoot && host.shadowRoot.activeElement;
    if (document.activeElement !== host || !el) return { inWidget: false, tag: document.activeElement?.localName };
    return {
      inWidget: true,
      tag: el.localName,
      part: el.getAttribute("part"),
      id: el.getAttribute("data-id"),
      action: el.getAttribute("data-action"),
      text: el.textContent.trim(),
    };
  }, HOST);
}

/** Serves `html` at `/name` (same origin as the demo, so relative feed and dist URLs work). */
const routePage = (page, name, body) => servePage(page, env.url, name, body);

function testPage(widgetAttrs) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>reader test</title>
<link rel="stylesheet" href="site.css"></head><body><main><div class="panel">
<div id="w" ${widgetAttrs}></div></div></main>
<script src="dist/news-widget.js" defer></script></body></html>`;
}

/** Polls `fn` until it returns a truthy value (for things outside the page, like console logs). */
async function eventually(fn, message, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > end) assert.fail(message);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function openDemo(page) {
  await page.goto(`${env.url}/index.html`);
  await waitForCards(page);
}

async function waitForArticle(page, title) {
  const heading = page.locator(part("article-title"));
  await heading.waitFor({ timeout: 10000 });
  if (title !== undefined) {
    assert.equal((await heading.textContent()).trim(), title, "article title is the card's title");
  }
  return heading;
}

// ---------------------------------------------------------------------------------------------
// Cards.

test("cards: the demo page shows one page of 6 cards, each with a title, a date and a source", async () => {
  const page = await newPage(env.browser);
  await openDemo(page);
  const cards = page.locator(part("card"));
  assert.equal(await cards.count(), 6, "data-page-size=6 on index.html");
  for (let i = 0; i < 6; i++) {
    const card = cards.nth(i);
    const title = (await card.locator('[part~="card-title"]').textContent()).trim();
    assert.ok(title.length > 0, `card ${i} has a non-empty title`);
    const button = card.locator('[part~="card-title"] button[data-action="open"]');
    assert.equal(await button.count(), 1, `card ${i} title is a button that opens it`);
    assert.ok(await button.getAttribute("data-id"), `card ${i} button carries data-id`);
    const time = card.locator("time");
    assert.equal(await time.count(), 1, `card ${i} has one <time>`);
    assert.match(await time.getAttribute("datetime"), /^\d{4}-\d{2}-\d{2}$/, `card ${i} <time datetime> is a date`);
    assert.match(await time.textContent(), /^[A-Z][a-z]+ \d{1,2}, \d{4}$/, `card ${i} date in English, e.g. "May 28, 2024"`);
    const meta = (await card.locator(".card-meta").textContent()).trim();
    assert.ok(meta.includes("CCFAO"), `card ${i} shows its source (authors[0].name): "${meta}"`);
  }
  const first = (await cards.first().locator("time").textContent()).trim();
  assert.equal(first, "October 16, 2024", "newest item first, its date as English writes it");
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: shot("reader-cards-en"), fullPage: true });
});

// ---------------------------------------------------------------------------------------------
// Opening an article.

test("article: clicking a card opens its article with title, meta line and body, and focuses the title", async () => {
  const page = await newPage(env.browser);
  await openDemo(page);
  const button = page.locator(`${HOST} button[data-action="open"][data-id="${SEED_ID}"]`);
  const cardTitle = (await button.textContent()).trim();
  assert.equal(cardTitle, SEED_TITLE);
  await button.click();
  await waitForArticle(page, cardTitle);
  assert.equal(await page.locator(part("card")).count(), 0, "the card list is replaced by the article");
  const meta = (await page.locator(part("meta")).textContent()).replace(/\s+/g, " ").trim();
  assert.ok(meta.includes("Updated:"), `meta line has "Updated:": "${meta}"`);
  assert.ok(meta.includes("Source:"), `meta line has "Source:": "${meta}"`);
  assert.match(meta, /Updated: May 28, 2024 Source: CCFAO/, `meta reads like the original site: "${meta}"`);
  const body = (await page.locator(part("article-body")).textContent()).trim();
  assert.ok(body.length > 100, `article body is not empty (${body.length} chars)`);
  assert.equal(await page.locator(part("back")).count(), 1, "a Back control");
  const f = await focused(page);
  assert.ok(f.inWidget, "focus is inside the widget");
  assert.equal(f.part, "article-title", `focus is on the article title, not ${JSON.stringify(f)}`);
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: shot("reader-article-en"), fullPage: true });
});

/** Focuses the last link before the widget, then Tabs until `predicate(focused)` holds. */
async function tabTo(page, predicate, limit = 20) {
  await page.locator("nav.site-nav a").last().focus();
  const path = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    path.push(f.inWidget ? `${f.tag}[${f.action || f.part || ""}]` : `outside:${f.tag}`);
    assert.ok(f.inWidget, `Tab left the widget before reaching the card: ${path.join(" → ")}`);
    if (predicate(f)) return f;
  }
  assert.fail(`no card reached in ${limit} Tabs: ${path.join(" → ")}`);
}

test("article: Tab from the start of the widget reaches the first card, and Enter opens it", async () => {
  const page = await newPage(env.browser);
  await openDemo(page);
  const firstId = await page.locator(`${part("card")} button[data-action="open"]`).first().getAttribute("data-id");
  const firstTitle = (await page.locator(part("card-title")).first().textContent()).trim();
  const f = await tabTo(page, (f) => f.action === "open");
  assert.equal(f.id, firstId, "the first card reached by Tab is the first card of the list");
  await page.keyboard.press("Enter");
  await waitForArticle(page, firstTitle);
  assert.equal((await focused(page)).part, "article-title", "focus on the article title after Enter");
  assert.deepEqual(page.errors, []);
});

test("article: Space on a focused card title opens that card", async () => {
  const page = await newPage(env.browser);
  await openDemo(page);
  const buttons = page.locator(`${part("card")} button[data-action="open"]`);
  const secondId = await buttons.nth(1).getAttribute("data-id");
  const secondTitle = (await buttons.nth(1).textContent()).trim();
  let seen = 0;
  const f = await tabTo(page, (f) => f.action === "open" && ++seen === 2);
  assert.equal(f.id, secondId, "the second card title is the next Tab stop after the first");
  await page.keyboard.press("Space");
  await waitForArticle(page, secondTitle);
  assert.equal((await focused(page)).part, "article-title", "focus on the article title after Space");
  assert.deepEqual(page.errors, []);
});

test("article: Back returns to the list with focus on the card that was opened", async () => {
  const page = await newPage(env.browser);
  await openDemo(page);
  const id = await page.locator(`${part("card")} button[data-action="open"]`).nth(3).getAttribute("data-id");
  await page.locator(`${HOST} button[data-action="open"][data-id="${id}"]`).click();
  await waitForArticle(page);
  await page.locator(part("back")).click();
  await waitForCards(page);
  assert.equal(await page.locator(part("card")).count(), 6, "the same page of cards is back");
  const f = await focused(page);
  assert.equal(f.action, "open", `focus is on a card title button: ${JSON.stringify(f)}`);
  assert.equal(f.id, id, "focus is on the card that was opened");
  assert.deepEqual(page.errors, []);
});

test("article: Escape in the article view goes back to the list with focus on the opened card", async () => {
  const page = await newPage(env.browser);
  await openDemo(page);
  await page.locator(`${HOST} button[data-action="open"][data-id="${SEED_ID}"]`).click();
  await waitForArticle(page, SEED_TITLE);
  await page.keyboard.press("Escape");
  await waitForCards(page);
  assert.equal(await page.locator(part("article")).count(), 0, "the article view is gone");
  const f = await focused(page);
  assert.equal(f.id, SEED_ID, `focus is back on the opened card: ${JSON.stringify(f)}`);
  assert.deepEqual(page.errors, []);
});

test("article: opening fires news-widget:open {id} on the host, bubbling and composed", async () => {
  const page = await newPage(env.browser);
  await openDemo(page);
  await page.evaluate((sel) => {
    window.__opened = [];
    const host = document.querySelector(sel);
    host.addEventListener("news-widget:open", (e) =>
      window.__opened.push({ detail: e.detail, bubbles: e.bubbles, composed: e.composed, target: e.target === host }));
    document.addEventListener("news-widget:open", () => window.__opened.push("document"));
  }, HOST);
  await page.locator(`${HOST} button[data-action="open"][data-id="${SEED_ID}"]`).click();
  await page.waitForFunction(() => window.__opened.length >= 2, null, { timeout: 5000 });
  const seen = await page.evaluate(() => window.__opened);
  assert.deepEqual(seen[0], { detail: { id: SEED_ID }, bubbles: true, composed: true, target: true });
  assert.equal(seen[1], "document", "the event bubbles out of the host to the document");
  assert.equal(seen.length, 2, "one open event per opening");
  assert.deepEqual(page.errors, []);
});

// ---------------------------------------------------------------------------------------------
// Failures and Retry.

/** Fails the first feed request with `fail(route)`, lets later ones through. */
async function failFirstFeedRequest(page, fail) {
  let requests = 0;
  await page.route("**/feeds/changchun.json", (route) => (requests++ === 0 ? fail(route) : route.continue()));
  return () => requests;
}

async function assertErrorThenRetry(page, message, kind, requests) {
  await page.goto(`${env.url}/index.html`);
  const error = page.locator(part("error"));
  await error.waitFor({ timeout: 10000 });
  const text = (await error.locator(".state-message").textContent()).trim();
  assert.equal(text, message, "the error message in English");
  assert.equal(await error.getAttribute("role"), "alert", "the error is announced");
  assert.equal(await page.locator(part("card")).count(), 0, "no cards while failed");
  const retry = page.locator(part("retry"));
  assert.equal(await retry.count(), 1, "a Retry control");
  assert.equal((await retry.textContent()).trim(), "Try again");
  const errors = await events(page, "news-widget:error");
  await retry.click();
  const count = await waitForCards(page);
  assert.equal(count, 6, "Retry loads the feed and shows the cards");
  assert.equal(requests(), 2, "Retry fetched the feed a second time");
  assert.equal(await page.locator(part("error")).count(), 0, "the error is gone");
  assert.deepEqual(page.errors, []);
  // The event is checked last so that a wrong detail does not hide whether Retry works.
  assert.equal(errors.length, 1, `one news-widget:error before Retry: ${JSON.stringify(errors)}`);
  assert.ok(errors[0].bubbles && errors[0].composed && errors[0].fromHost, "error event from the host, bubbling, composed");
  assert.deepEqual(errors[0].detail, { kind, message }, "error event detail {kind, message}: the message the reader sees");
  assert.equal((await events(page, "news-widget:error")).length, 1, "no further error after a successful Retry");
}

test("errors: a network failure shows the English message and Retry recovers", async () => {
  const page = await newPage(env.browser);
  await recordEvents(page);
  const requests = await failFirstFeedRequest(page, (route) => route.abort("failed"));
  await assertErrorThenRetry(page, EN.network, "network", requests);
});

test("errors: an HTTP 500 shows the status in the message and Retry recovers", async () => {
  const page = await newPage(env.browser);
  await recordEvents(page);
  const requests = await failFirstFeedRequest(page, (route) =>
    route.fulfill({ status: 500, contentType: "text/plain", body: "Internal Server Error" }));
  await assertErrorThenRetry(page, EN.http500, "http", requests);
});

async function assertUnreadableFeed(body) {
  const page = await newPage(env.browser);
  await recordEvents(page);
  await page.route("**/feeds/changchun.json", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body }));
  await page.goto(`${env.url}/index.html`);
  const error = page.locator(part("error"));
  await error.waitFor({ timeout: 10000 });
  assert.equal((await error.locator(".state-message").textContent()).trim(), EN.feed);
  assert.equal(await page.locator(part("card")).count(), 0, "no cards from an unreadable feed");
  assert.equal(await page.locator(part("retry")).count(), 1, "a Retry control");
  const errors = await events(page, "news-widget:error");
  assert.deepEqual(errors.map((e) => e.detail), [{ kind: "feed", message: EN.feed }]);
  assert.deepEqual(page.errors, [], "no panic or uncaught error");
}

test("errors: a feed with a wrong version shows 'could not be read' and no cards", async () => {
  await assertUnreadableFeed('{"version":"nope"}');
});

test("errors: a feed that is not JSON shows 'could not be read' and no cards", async () => {
  await assertUnreadableFeed("not json");
});

test("repairs: an item without id is kept under its link, with a console warning naming it", async () => {
  const feed = JSON.parse(readFileSync(FEED, "utf8"));
  const index = 3;
  const repaired = feed.items[index];
  delete repaired.id;
  const page = await newPage(env.browser);
  await page.route("**/feeds/changchun.json", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(feed) }));
  await openDemo(page);
  const count = (await page.locator(`${HOST} [data-role="count"]`).textContent()).trim();
  assert.equal(count, "Showing 6 of 10 articles", "the item without id is still counted");
  await page.locator(part("more")).click();
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelectorAll('[part~="card"]').length === 10, HOST);
  const card = page.locator(`${part("card")} button[data-action="open"]`, { hasText: repaired.title });
  assert.equal(await card.count(), 1, `"${repaired.title}" is shown`);
  assert.equal(await card.getAttribute("data-id"), repaired.url, "its link stands in for the id");
  const warning = await eventually(
    () => page.logs.find((l) => l.startsWith("warning:") && l.includes(`items[${index}]`)),
    `a console warning about items[${index}]; logs: ${page.logs.join(" | ")}`,
  );
  assert.match(warning, /no id/, `the warning names the reason: ${warning}`);
  assert.deepEqual(page.errors, []);
});

// ---------------------------------------------------------------------------------------------
// Paging.

test("more: More shows the remaining cards, disappears, updates the count and focuses the first new card", async () => {
  const page = await newPage(env.browser);
  await openDemo(page);
  const count = page.locator(`${HOST} [data-role="count"]`);
  assert.equal((await count.textContent()).trim(), "Showing 6 of 10 articles");
  const more = page.locator(part("more"));
  assert.equal((await more.textContent()).trim(), "More news");
  await more.click();
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelectorAll('[part~="card"]').length === 10, HOST, { timeout: 5000 });
  assert.equal(await page.locator(part("more")).count(), 0, "More is gone when every card is shown");
  assert.equal((await count.textContent()).trim(), "Showing 10 of 10 articles");
  const seventh = await page.locator(`${part("card")} button[data-action="open"]`).nth(6).getAttribute("data-id");
  const f = await focused(page);
  assert.equal(f.action, "open", `focus on a card title button: ${JSON.stringify(f)}`);
  assert.equal(f.id, seventh, "focus on the first newly shown card (the 7th)");
  assert.deepEqual(page.errors, []);
});

// ---------------------------------------------------------------------------------------------
// The `article` option.

async function assertSeedArticleOpen(page) {
  await waitForArticle(page, SEED_TITLE);
  assert.equal(await page.locator(part("card")).count(), 0, "the article, not the list, is shown at start");
  assert.equal(await page.locator(`${part("article")}[data-id="${SEED_ID}"]`).count(), 1);
  assert.equal(await page.locator(`${part("article")} .article-image img`).count(), 1, "the seed article's image");
  const body = (await page.locator(part("article-body")).textContent()).trim();
  assert.ok(body.length > 100, "the article body is there");
  await page.locator(part("back")).click();
  await waitForCards(page);
  assert.equal((await focused(page)).id, SEED_ID, "Back from an article opened at start focuses its card");
}

test("article option: data-article opens that article at start", async () => {
  const page = await newPage(env.browser);
  await recordEvents(page);
  const url = await routePage(page, "reader-article-option.html",
    testPage(`data-news-widget data-feed="feeds/changchun.json" data-page-size="6" data-article="${SEED_ID}"`));
  await page.goto(url);
  await assertSeedArticleOpen(page);
  const opened = await events(page, "news-widget:open");
  assert.deepEqual(opened[0]?.detail, { id: SEED_ID }, "news-widget:open fired for the article opened at start");
  assert.deepEqual(page.errors, []);
});

test("article option: NewsWidget.mount(el, {feed, article}) opens that article at start", async () => {
  const page = await newPage(env.browser);
  const url = await routePage(page, "reader-mount-article.html", testPage(""));
  await page.goto(url);
  await page.waitForFunction(() => window.NewsWidget && typeof window.NewsWidget.mount === "function");
  const language = await page.evaluate(async (id) => {
    const handle = await window.NewsWidget.mount(document.getElementById("w"), { feed: "feeds/changchun.json", article: id, pageSize: 6 });
    return handle.language;
  }, SEED_ID);
  assert.equal(language, "en-US");
  // The routed page's host has no data-news-widget attribute: find it by id.
  const title = page.locator('#w [part~="article-title"]');
  await title.waitFor({ timeout: 10000 });
  assert.equal((await title.textContent()).trim(), SEED_TITLE);
  assert.equal(await page.locator('#w [part~="card"]').count(), 0, "the article, not the list, is shown at start");
  assert.deepEqual(page.errors, []);
});
