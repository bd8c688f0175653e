// The thinnest slice end to end: the served demo page mounts the widget and shows cards.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { newPage, setUp, shot, waitForCards } from "./harness.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

test("demo page shows the feed's cards with their titles", async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.url}/index.html`);
  const count = await waitForCards(page);
  assert.equal(count, 6, "page-size 6 on the demo page");
  const titles = await page.locator('[data-news-widget] >> [part~="card-title"]').allTextContents();
  assert.ok(titles.includes("Changchun and Ulsan Mark 30 Years as Sister Cities"), titles.join(" | "));
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: shot("foundation-demo-en"), fullPage: true });
});

test("demo page in Chinese renders CJK titles", async () => {
  const page = await newPage(env.browser, { locale: "zh-CN" });
  await page.addInitScript(() => localStorage.setItem("news-widget:language", "zh-CN"));
  await page.goto(`${env.url}/index.html`);
  await waitForCards(page);
  const heading = await page.locator('[data-news-widget] >> h2').first().textContent();
  assert.equal(heading, "最新动态");
  const titles = await page.locator('[data-news-widget] >> [part~="card-title"]').allTextContents();
  assert.ok(titles.some((t) => t.includes("长春")), titles.join(" | "));
  await page.screenshot({ path: shot("foundation-demo-zh"), fullPage: true });
});
