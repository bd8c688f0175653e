// The feeds cities actually publish (docs/feeds.md): RSS 2.0, RSS 1.0, Atom and messy
// JSON Feed, in legacy encodings, malformed, with relative links, served as bytes with the headers
// real servers send. Each test reads the first card's exact title (no mojibake, no raw entity), the
// card count and the date shown. Then the RSS demo page: one feed per language, paired articles.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { newPage, root, setUp, shot } from "./harness.mjs";

const HOST = "[data-news-widget]";
const FIXTURES = join(root, "tests/fixtures/feeds/real");
const part = (name) => `${HOST} [part~="${name}"]`;

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

/**
 * Opens a host page whose widget reads `file` (a fixture, as bytes) served with `contentType`.
 * Requests to other hosts (the fixtures' images) are aborted, keeping the run hermetic.
 */
async function widgetOn(file, { contentType = "application/xml", lang = "en", attrs = "" } = {}) {
  const page = await newPage(env.browser);
  const body = readFileSync(join(FIXTURES, file));
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== env.url) return route.abort();
    if (url.pathname === "/feed-host.html") {
      return route.fulfill({
        status: 200,
        contentType: "text/html; charset=utf-8",
        body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>feed</title></head><body>
<div data-news-widget data-feed="/fixture/${file}" data-lang="${lang}" data-page-size="20" ${attrs}></div>
<script src="/dist/news-widget.js" defer></script></body></html>`,
      });
    }
    if (url.pathname === `/fixture/${file}`) {
      return route.fulfill({ status: 200, headers: { "content-type": contentType }, body });
    }
    return route.continue();
  });
  await page.goto(`${env.url}/feed-host.html`);
  await page.waitForFunction((sel) => {
    const root = document.querySelector(sel)?.shadowRoot;
    return root && (root.querySelector('[part~="card"]') || root.querySelector('[part~="error"]'));
  }, HOST, { timeout: 15000 });
  return page;
}

async function cards(page) {
  return page.evaluate((sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('[part~="card"]')].map((card) => ({
    title: card.querySelector('[part~="card-title"]').textContent.replace(/\u00a0/g, " ").trim(),
    date: card.querySelector(".card-meta time, .card-meta")?.textContent.trim() ?? "",
    image: card.querySelector('[part~="card-image"]')?.getAttribute("src") ?? null,
  })), HOST);
}

async function assertFeed(page, { count, title, date }) {
  const shown = await cards(page);
  assert.equal(shown.length, count, `card count; titles: ${JSON.stringify(shown.map((c) => c.title))}`);
  assert.equal(shown[0].title, title, "the first card's title, exactly");
  assert.ok(shown[0].date.includes(date), `the first card's date shows "${date}": "${shown[0].date}"`);
  assert.ok(!shown.some((c) => /&[#a-z0-9]+;|�|Ã|Â/i.test(c.title)), `no raw entity or mojibake: ${JSON.stringify(shown.map((c) => c.title))}`);
  assert.deepEqual(page.errors, [], "no uncaught error");
  return shown;
}

const warnings = (page) => page.logs.filter((l) => l.startsWith("warning:"));

test("WordPress RSS 2.0: content:encoded, CDATA, dc:creator, &#8211; and a double-escaped &amp;amp;", async () => {
  const page = await widgetOn("wordpress-rss2.xml", { contentType: "application/rss+xml; charset=UTF-8" });
  const shown = await assertFeed(page, {
    count: 3,
    title: "Sister-city delegation visits Riverton – 30 years of friendship",
    date: "May 28, 2024",
  });
  assert.equal(shown[1].title, "Road works on Main Street & Bridge Road");
  assert.equal(shown[0].image, "https://riverton.example.org/wp-content/uploads/2024/05/delegation-1024x683.jpg", "the body's first image on the card");
  assert.ok(warnings(page).some((w) => /4298.*title shown as plain text.*entities decoded/.test(w)), `the title repair is a console warning: ${warnings(page).join(" | ")}`);
  // The article: the body is content:encoded, without the feed's script.
  await page.locator(`${part("card")} button[data-action="open"]`).first().click();
  const body = page.locator(part("article-body"));
  await body.waitFor();
  assert.match(await body.textContent(), /signed a new exchange agreement/);
  assert.equal(await page.locator(`${part("article-body")} script`).count(), 0);
  assert.equal(await page.locator(`${part("article-body")} img`).getAttribute("src"),
    "https://riverton.example.org/wp-content/uploads/2024/05/delegation-1024x683.jpg");
  assert.equal(await page.locator(`${part("article")} img`).count(), 1, "the card's picture is the body's: shown once");
});

test("Drupal RSS 2.0: relative links and images resolve through xml:base", async () => {
  const page = await widgetOn("drupal-rss2.xml", { contentType: "application/rss+xml; charset=utf-8" });
  const shown = await assertFeed(page, { count: 2, title: "New ferry timetable", date: "May 22, 2024" });
  assert.equal(shown[0].image, "https://harbour.example.gov/sites/default/files/2024-05/ferry.jpg");
  await page.locator(`${part("card")} button[data-action="open"]`).first().click();
  await page.locator(part("article-body")).waitFor();
  assert.equal(await page.locator(`${part("article-body")} a`).getAttribute("href"), "https://harbour.example.gov/ferry");
});

test("Korean e-government board: EUC-KR from the XML declaration, local times without a zone", async () => {
  const page = await widgetOn("korea-board-euckr.xml", { contentType: "text/xml", lang: "ko", attrs: 'data-timezone="Asia/Seoul"' });
  const shown = await assertFeed(page, { count: 3, title: "울산-창춘 자매결연 30주년 기념행사 개최", date: "2024년 5월 27일" });
  assert.ok(shown[2].date.includes("2024년 5월 10일"), `"2024.05.10" read as a date: ${shown[2].date}`);
  assert.ok(warnings(page).some((w) => /2024-05-27 14:30:00.*timezone/.test(w)), "the zone-less date is a warning");
});

test("a misspelt timezone option is said once, and the zone-less dates read as UTC", async () => {
  const page = await widgetOn("korea-board-euckr.xml", { contentType: "text/xml", lang: "ko", attrs: 'data-timezone="Asia/Soeul"' });
  await assertFeed(page, { count: 3, title: "울산-창춘 자매결연 30주년 기념행사 개최", date: "2024년 5월 27일" });
  const said = warnings(page).filter((w) => w.includes('timezone "Asia/Soeul" is no time zone the browser knows'));
  assert.equal(said.length, 1, warnings(page).join("\n"));
  assert.ok(warnings(page).some((w) => /2024-05-27 14:30:00.*read anyway as UTC/.test(w)), "the dates say so too, not 'the publisher's local time'");
});

test("Chinese portal: GB2312 named by the HTTP header, CST and local dates", async () => {
  const page = await widgetOn("china-portal-gb2312.xml", { contentType: "text/xml; charset=GB2312", lang: "zh-CN" });
  const shown = await assertFeed(page, { count: 3, title: "王子联出席长春市与蔚山广域市缔结友好城市30周年活动", date: "2024年5月28日" });
  assert.equal(shown[1].title, "“长春—蔚山”经贸交流会举行");
  assert.ok(shown[2].date.includes("2018年9月18日"), shown[2].date);
});

test("Russian city portal: windows-1251 with no charset in the header", async () => {
  const page = await widgetOn("russia-portal-cp1251.xml", { contentType: "application/rss+xml" });
  await assertFeed(page, { count: 2, title: "Делегация города-побратима посетила мэрию", date: "May 27, 2024" });
});

test("UTF-8 bytes win over a declared Latin-1 charset, with a warning", async () => {
  const page = await widgetOn("rss1-rdf.xml", { contentType: "application/rdf+xml; charset=ISO-8859-1", lang: "en" });
  await assertFeed(page, { count: 2, title: "姉妹都市との交流展", date: "May 26, 2024" });
  assert.ok(warnings(page).some((w) => /iso-8859-1|windows-1252/i.test(w) && /utf-8/i.test(w)), `warning: ${warnings(page).join(" | ")}`);
});

test("WordPress JSON Feed: items without id, RFC 822 dates and &#8211; are repaired, not dropped", async () => {
  const page = await widgetOn("wordpress-jsonfeed.json", { contentType: "application/json" });
  const shown = await assertFeed(page, {
    count: 3,
    title: "Sister-city delegation visits Riverton – 30 years of friendship",
    date: "May 28, 2024",
  });
  assert.equal(shown[1].title, "Road works on Main Street & Bridge Road");
  assert.ok(warnings(page).filter((w) => /has no id/.test(w)).length === 3, "each repaired id is a warning");
  // The body's first picture, relative to the item's page: on the card and in the article, the
  // same address, and once in the article.
  const library = "https://riverton.example.org/wp-content/uploads/2024/05/library.jpg";
  assert.equal(shown[2].image, library, "the card's picture resolves as the body's does");
  await page.locator(`${part("card")} button[data-action="open"]`).nth(2).click();
  await page.locator(part("article-body")).waitFor();
  assert.deepEqual(await page.locator(`${part("article")} img`).evaluateAll((imgs) => imgs.map((i) => i.getAttribute("src"))),
    [library], "in the body, not also above it");
});

test("Atom: xhtml content, html title, xml:base, enclosure image", async () => {
  const page = await widgetOn("atom-xhtml.xml", { contentType: "application/atom+xml" });
  const shown = await assertFeed(page, { count: 2, title: "Ulsan & Changchun mark 30 years", date: "May 29, 2024" });
  assert.equal(shown[0].image, "https://sister.example.org/news/2024/img/anniversary.jpg");
  await page.locator(`${part("card")} button[data-action="open"]`).first().click();
  await page.locator(part("article-body")).waitFor();
  assert.equal(await page.locator(`${part("article-body")} strong`).textContent(), "thirty years");
  assert.equal(await page.locator(`${part("article-body")} img`).getAttribute("src"),
    "https://sister.example.org/news/2024/ulsan-changchun-30/photo.jpg", "relative to the content's xml:base");
});

test("Atom under a wrong https namespace is still read", async () => {
  const page = await widgetOn("atom-https-namespace.xml");
  await assertFeed(page, { count: 1, title: "Berth 4 closed for maintenance", date: "May 1, 2024" });
});

test("RSS 1.0 (RDF) with dc:date", async () => {
  const page = await widgetOn("rss1-rdf.xml", { contentType: "application/rdf+xml" });
  await assertFeed(page, { count: 2, title: "姉妹都市との交流展", date: "May 26, 2024" });
});

test("Media RSS: a media:group thumbnail is the card image", async () => {
  const page = await widgetOn("media-group.xml");
  const shown = await assertFeed(page, { count: 2, title: "Mayor's address, May 2024", date: "May 31, 2024" });
  assert.equal(shown[0].image, "https://tv.example.org/thumbs/address.jpg");
  assert.equal(shown[1].image, "https://tv.example.org/photos/gallery-1.jpg");
});

test("a truncated feed shows what it holds before the cut, and the console names the line", async () => {
  const page = await widgetOn("truncated.xml");
  const shown = await assertFeed(page, { count: 3, title: "First complete item", date: "May 28, 2024" });
  assert.equal(shown[2].title, "Third item, cut off", "the cut item, as far as it goes (title and link)");
  assert.ok(warnings(page).some((w) => /breaks off at line \d+/.test(w)), `warning: ${warnings(page).join(" | ")}`);
});

test("an undeclared namespace prefix is declared and the feed read", async () => {
  const page = await widgetOn("undeclared-prefix.xml");
  const shown = await assertFeed(page, { count: 1, title: "Park reopens", date: "May 28, 2024" });
  assert.equal(shown[0].image, "https://ns.example.org/park.jpg");
  assert.ok(warnings(page).some((w) => /not well-formed.*undeclared namespace prefixes/.test(w)), warnings(page).join(" | "));
});

test("a bare & and HTML entities in XML are repaired", async () => {
  const page = await widgetOn("bare-ampersand.xml");
  await assertFeed(page, { count: 1, title: "Arts & Crafts fair – this weekend", date: "May 28, 2024" });
  assert.ok(warnings(page).some((w) => /bare '&' escaped/.test(w)), warnings(page).join(" | "));
});

test("an item nested in another, and one after the channel, are all shown", async () => {
  const page = await widgetOn("nested-item.xml");
  const shown = await assertFeed(page, { count: 3, title: "Outer item", date: "May 28, 2024" });
  assert.deepEqual(shown.map((c) => c.title), ["Outer item", "Inner item", "Item after the channel"]);
});

test("a bare <channel> without <rss> is read", async () => {
  const page = await widgetOn("bare-channel.xml");
  await assertFeed(page, { count: 1, title: "No rss element around me", date: "May 28, 2024" });
});

async function assertErrorState(page, pattern, message = "The news feed could not be read.") {
  const error = page.locator(part("error"));
  await error.waitFor({ timeout: 10000 });
  assert.equal((await error.locator(".state-message").textContent()).trim(), message);
  assert.equal(await page.locator(part("retry")).count(), 1, "a Retry control");
  assert.equal(await page.locator(part("card")).count(), 0);
  assert.ok(warnings(page).some((w) => pattern.test(w)), `console: ${warnings(page).join(" | ")}`);
  assert.deepEqual(page.errors, []);
}

test("XML that cannot be read at all gets the error state, and the console names the line", async () => {
  const page = await widgetOn("unreadable.xml");
  await assertErrorState(page, /not well-formed XML at line 5/);
});

test("a web page served at the feed's URL gets the error state, saying what it is", async () => {
  const page = await widgetOn("html-page.xml");
  await assertErrorState(page, /not RSS or Atom: its root element is <html>/);
});

test("a feed whose every item is unreadable says so instead of showing 'no news'", async () => {
  const page = await newPage(env.browser);
  await page.route("**/fixture/empty-items.xml", (route) => route.fulfill({
    status: 200,
    contentType: "application/rss+xml",
    body: '<rss version="2.0"><channel><title>t</title><item><link>https://x.example/1</link></item><item><guid>2</guid></item></channel></rss>',
  }));
  await page.route("**/feed-host.html", (route) => route.fulfill({
    status: 200,
    contentType: "text/html",
    body: '<!doctype html><html lang="en"><body><div data-news-widget data-feed="/fixture/empty-items.xml"></div><script src="/dist/news-widget.js" defer></script></body></html>',
  }));
  await page.goto(`${env.url}/feed-host.html`);
  await assertErrorState(page, /none of the feed's 2 items could be read/, "None of the 2 articles in the news feed could be read.");
});

test("validateFeed reports format, charset, counts, repairs and skips", async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.url}/index.html`);
  const bytes = [...readFileSync(join(FIXTURES, "korea-board-euckr.xml"))];
  const report = await page.evaluate(async (b) => {
    return NewsWidget.validateFeed(new Uint8Array(b), { url: "https://www.ulsan.example.kr/rss", contentType: "text/xml", timezone: "Asia/Seoul" });
  }, bytes);
  assert.equal(report.format, "RSS 2.0");
  assert.equal(report.charset, "euc-kr");
  assert.equal(report.charsetSource, "XML declaration");
  assert.equal(report.items, 3);
  assert.equal(report.skipped, 0);
  assert.equal(report.first[0].title, "울산-창춘 자매결연 30주년 기념행사 개최");
  assert.equal(report.first[0].date, "2024-05-27");
  assert.ok(report.repairs.length >= 3, `every item's local date and hashed id is a repair: ${JSON.stringify(report.repairs)}`);
  const failure = await page.evaluate(() => NewsWidget.validateFeed("<html><body>hi</body></html>").then(() => null, (e) => ({ kind: e.kind, message: e.message })));
  assert.equal(failure.kind, "feed");
  assert.match(failure.message, /not RSS or Atom|not well-formed/);
});

// ---------------------------------------------------------------------------------------------
// The RSS demo page: one feed per language.

test("RSS demo: the list follows the language; each language's feed is fetched once; an open article follows to its translation", async () => {
  const page = await newPage(env.browser, { locale: "zh-CN" });
  const fetched = [];
  page.on("request", (r) => { if (r.url().includes("/feeds/rss/")) fetched.push(new URL(r.url()).pathname); });
  await page.goto(`${env.url}/rss.html`);
  await page.locator(part("card")).first().waitFor({ timeout: 15000 });
  let shown = await cards(page);
  const newest = JSON.parse(readFileSync(join(root, "www/feeds/changchun.json"), "utf8")).items
    .sort((a, b) => b.date_published.localeCompare(a.date_published))[0];
  assert.equal(shown[0].title, newest._news_widget.translations["zh-CN"].title, "the zh feed (GB2312), newest first");
  assert.ok(shown[0].date.includes("2024年"), shown[0].date);
  await page.screenshot({ path: shot("feeds-rss-zh") });

  await page.locator(`${part("language")} button[lang="ko-KR"]`).click();
  await page.waitForFunction((sel) => /[가-힣]/.test(document.querySelector(sel).shadowRoot.querySelector('[part~="card-title"]')?.textContent || ""), HOST, { timeout: 10000 });
  shown = await cards(page);
  assert.match(shown[0].title, /[가-힣]/, `the ko feed (EUC-KR): ${shown[0].title}`);

  // Open the anniversary article in Korean, then switch to English: its English version opens.
  await page.locator(`${part("card")} button[data-action="open"][data-id="cc-2024-0528-ulsan30"]`).click();
  await page.locator(part("article-title")).waitFor();
  await page.locator(`${part("language")} button[lang="en-US"]`).click();
  await page.waitForFunction((sel) => /Changchun and Ulsan/.test(document.querySelector(sel).shadowRoot.querySelector('[part~="article-title"]')?.textContent || ""), HOST, { timeout: 10000 });
  assert.equal(await page.locator(part("notice")).count(), 0, "its translation, so no notice");

  // Back to Korean and to Chinese: kept feeds, no new request.
  await page.locator(`${part("language")} button[lang="ko-KR"]`).click();
  await page.locator(`${part("language")} button[lang="zh-CN"]`).click();
  await page.waitForFunction((sel) => /[\u4e00-\u9fff]/.test(document.querySelector(sel).shadowRoot.querySelector('[part~="article-title"]')?.textContent || ""), HOST, { timeout: 10000 });
  const counts = fetched.reduce((m, p) => ({ ...m, [p]: (m[p] || 0) + 1 }), {});
  assert.deepEqual(counts, { "/feeds/rss/zh.xml": 1, "/feeds/rss/ko.xml": 1, "/feeds/rss/en.xml": 1 }, "each feed fetched once");
  assert.deepEqual(page.errors, []);
});

test("RSS demo: an article missing from the new language's feed stays, with the untranslated notice", async () => {
  const page = await newPage(env.browser, { locale: "zh-CN" });
  await page.goto(`${env.url}/rss.html`);
  await page.locator(part("card")).first().waitFor({ timeout: 15000 });
  // The sign-translation consultation is published in Chinese (and English), not in Korean.
  await page.evaluate((sel) => NewsWidget.get(document.querySelector(sel)).open("cc-2024-0412-sign-translation-consultation"), HOST);
  await page.locator(part("article-title")).waitFor();
  const zhTitle = (await page.locator(part("article-title")).textContent()).trim();
  await page.locator(`${part("language")} button[lang="ko-KR"]`).click();
  await page.locator(part("notice")).waitFor({ timeout: 10000 });
  assert.equal((await page.locator(part("article-title")).textContent()).trim(), zhTitle, "the Chinese article stays");
  assert.match(await page.locator(part("notice")).textContent(), /한국어/);
  assert.deepEqual(page.errors, []);
});

// ---------------------------------------------------------------------------------------------
// The feed checker page.

test("check.html: a feed URL gets the report beside the widget rendering it", async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.url}/check.html?url=feeds/rss/ko.xml`);
  const report = page.locator("#report dl");
  await report.waitFor({ timeout: 15000 });
  const text = await report.textContent();
  assert.match(text, /RSS 2\.0/);
  assert.match(text, /euc-kr \(from HTTP header\)/, "the demo server names the charset in Content-Type");
  assert.match(text, /Items shown\s*9/);
  await page.locator('#preview [part~="card"]').first().waitFor({ timeout: 15000 });
  const first = (await page.locator('#preview [part~="card-title"]').first().textContent()).trim();
  assert.match(first, /[가-힣]/, `the widget beside it shows the Korean feed: ${first}`);
  await page.screenshot({ path: shot("check-ko"), fullPage: true });
  assert.deepEqual(page.errors, []);
});

test("check.html: a dropped file in a legacy encoding is read from its bytes", async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.url}/check.html`);
  await page.locator("#feed-file").setInputFiles({
    name: "portal.xml",
    mimeType: "text/xml",
    buffer: readFileSync(join(FIXTURES, "china-portal-gb2312.xml")),
  });
  const report = page.locator("#report dl");
  await report.waitFor({ timeout: 15000 });
  const text = await report.textContent();
  assert.match(text, /gbk \(from XML declaration\)/);
  assert.match(text, /王子联出席长春市与蔚山广域市缔结友好城市30周年活动/);
  assert.deepEqual(page.errors, []);
});

test("check.html: a feed that cannot be read says why", async () => {
  const page = await newPage(env.browser);
  await page.route("**/broken-feed.xml", (route) => route.fulfill({
    status: 200, contentType: "application/xml", body: readFileSync(join(FIXTURES, "unreadable.xml")),
  }));
  await page.goto(`${env.url}/check.html?url=broken-feed.xml`);
  const bad = page.locator("#report .bad");
  await bad.waitFor({ timeout: 15000 });
  assert.match(await bad.textContent(), /cannot be read: .*not well-formed XML at line 5/);
});
