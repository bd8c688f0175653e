// What the browser is given: the generated feeds and the pages that embed each widget. Both
// widgets get the same markup, the same feed and the same server; only the script tag differs.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CACHE, VERSION } from "../serve.mjs";

/** Where each variant's files are served (serve.mjs's versioned dist/ path for ours). */
export const OURS_BASE = `/dist/v${VERSION}/`;
export const REFERENCE_SRC = "/reference/news-widget.js";
export const REFERENCE_TOOLBAR_SRC = "/reference/toolbar.js";

/** A JSON Feed 1.1 of `n` items, each with zh-CN and ko translations
 * (docs/feeds.md#json-feed-and-translations). */
export function feed(n) {
  const items = [];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    items.push({
      id: `item-${i}`,
      title: `Sister-city news number ${i}`,
      summary: `Summary of item ${i}: delegations, festivals and services for foreign residents.`,
      content_html: `<p>Paragraph one of item ${i}.</p><p>Paragraph <a href="/x">two</a>.</p>`,
      date_published: `2024-05-${day}T10:00:00+08:00`,
      authors: [{ name: "CCFAO" }],
      _news_widget: { translations: {
        "zh-CN": { title: `友好城市新闻 ${i}`, summary: `第 ${i} 条新闻摘要。`, content_html: `<p>第 ${i} 条。</p>` },
        ko: { title: `자매도시 소식 ${i}`, summary: `${i}번째 소식 요약.`, content_html: `<p>${i}번째.</p>` },
      } },
    });
  }
  return JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "Bench", language: "en", items });
}

/**
 * The lines docs/serving.md#preload-lines recommends for a page's <head>, so that the wasm, the
 * glue and the feed download while the loader is still on its way.
 */
export function preloadLines(feedUrl) {
  return [
    `<link rel="preload" href="${OURS_BASE}news-widget-widget_bg.wasm" as="fetch" crossorigin>`,
    `<link rel="modulepreload" href="${OURS_BASE}news-widget-widget.js">`,
    `<link rel="preload" href="${feedUrl}" as="fetch" crossorigin>`,
  ];
}

/** The preload lines of an article page with toolbars only: the toolbar's module. */
export function toolbarPreloadLines() {
  return [
    `<link rel="preload" href="${OURS_BASE}news-widget-toolbar_bg.wasm" as="fetch" crossorigin>`,
    `<link rel="modulepreload" href="${OURS_BASE}news-widget-toolbar.js">`,
  ];
}

function page({ script, head = [], body }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>news-widget bench</title>
${head.join("\n")}
</head>
<body>
${body}
<script src="${script}" defer></script>
</body>
</html>
`;
}

const widgetDiv = (feedUrl, pageSize) =>
  `<div data-news-widget data-feed="${feedUrl}" data-page-size="${pageSize}"></div>`;

export const VARIANTS = {
  ours: { label: "ours", script: `${OURS_BASE}news-widget.js` },
  reference: { label: "reference", script: REFERENCE_SRC },
  preload: { label: "ours + preload", script: `${OURS_BASE}news-widget.js`, preload: true },
};

/**
 * Writes the feeds and pages into `dir` (served at /bench/) and returns their URLs:
 * `pages[scene][variant]`. Scenes: `first` (20-item feed, 20 cards a page), `big` (10,000
 * items, 20 a page), `api` (a bare element that the page script mounts with NewsWidget.mount).
 */
export function writeBenchSite(dir) {
  mkdirSync(dir, { recursive: true });
  const feeds = { "feed.json": 20, "feed-100.json": 100, "feed-1000.json": 1000, "feed-10000.json": 10000 };
  for (const [name, n] of Object.entries(feeds)) writeFileSync(join(dir, name), feed(n));
  const scenes = {
    first: { feed: "/bench/feed.json", body: (f) => widgetDiv(f, 20) },
    big: { feed: "/bench/feed-10000.json", body: (f) => widgetDiv(f, 20) },
    api: { feed: "/bench/feed-100.json", body: () => `<div id="w"></div>` },
  };
  const pages = {};
  for (const [scene, { feed: feedUrl, body }] of Object.entries(scenes)) {
    pages[scene] = {};
    for (const [variant, v] of Object.entries(VARIANTS)) {
      if (v.preload && scene !== "first") continue;
      const name = `${scene}-${variant}.html`;
      writeFileSync(join(dir, name), page({ script: v.script, head: v.preload ? preloadLines(feedUrl) : [], body: body(feedUrl) }));
      pages[scene][variant] = `/bench/${name}`;
    }
  }
  return { pages, feedUrls: Object.fromEntries(Object.entries(scenes).map(([s, v]) => [s, v.feed])) };
}

/** Cache-Control for /bench/: feeds as docs/serving.md#caching-headers asks, pages revalidated. */
export function benchCache(feedPolicy) {
  return (pathname) => (pathname.endsWith(".json") ? feedPolicy() : CACHE.other);
}

/**
 * The article page (www/article.html, the seed's page with only `<news-widget-toolbar for>`)
 * for each toolbar, written into `dir` (served at /bench/): the same markup, with a
 * `<base href="/">` so that its stylesheet, pictures and translations come from www/ as on the
 * demo, and only the script's `src` told apart (its `defer blocking="render"` kept).
 * Returns `{ ours, reference, preload }` paths (`preload`: ours with the toolbar's preload lines).
 */
export function writeArticlePages(dir, articleFile) {
  const html = readFileSync(articleFile, "utf8");
  const tag = /<script src="dist\/news-widget\.js"([^>]*)><\/script>/;
  if (!tag.test(html)) throw new Error(`${articleFile}: no loader tag to swap`);
  const pages = {};
  for (const [variant, src, head] of [["ours", `${OURS_BASE}news-widget.js`, []], ["reference", REFERENCE_TOOLBAR_SRC, []],
    ["preload", `${OURS_BASE}news-widget.js`, toolbarPreloadLines()]]) {
    const name = `article-${variant}.html`;
    writeFileSync(join(dir, name), html
      .replace("<head>", ['<head>\n  <base href="/">', ...head].join("\n  "))
      .replace(tag, (_, attributes) => `<script src="${src}"${attributes}></script>`));
    pages[variant] = `/bench/${name}`;
  }
  return pages;
}
