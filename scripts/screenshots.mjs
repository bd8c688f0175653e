// Regenerates the README's pictures from the real demo (`make screenshots`): cards in Chinese,
// an article in Korean at 150 %, print preview in English, Listen reading a Chinese article. The
// tests' scripted voices stand in for a device's (a headless browser has none, and Listen would
// say so). Small PNGs in docs/img/.
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "./serve.mjs";
import { fakeSpeech, VOICES } from "../tests/e2e/speech-fake.mjs";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const out = join(root, "docs/img");
const { server, url } = await startServer({ port: 0, quiet: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});

async function capture(name, { lang, step = 0, open, preview = false, listen = 0, width = 760, height = 760 }) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  await context.addInitScript(fakeSpeech, { voices: Object.values(VOICES) });
  await context.addInitScript(([l, s]) => {
    localStorage.setItem("news-widget:language", l);
    localStorage.setItem("news-widget:font-step", String(s));
  }, [lang, step]);
  const page = await context.newPage();
  await page.goto(`${url}/index.html`);
  await page.waitForFunction(() => document.querySelector("[data-news-widget]").shadowRoot?.querySelector('[part~="card"]'));
  if (open) {
    await page.evaluate((id) => NewsWidget.get(document.querySelector("[data-news-widget]")).open(id), open);
    if (preview) await page.locator('[data-news-widget] [part~="print-preview"]').click();
    if (listen) {
      // Listen, then on to the `listen`th sentence, as if the voice had read the ones before.
      await page.locator('[data-news-widget] [part~="listen"]').click();
      for (let i = 0; i < listen; i++) await page.evaluate(() => window.__speech.end());
      await page.waitForFunction(() => CSS.highlights.has("news-widget-reading"));
    }
    await page.evaluate(() => document.activeElement.blur());
  }
  await page.evaluate(() => document.fonts.ready);
  const file = join(out, `${name}.png`);
  // The widget's box, cut to one screen so the README stays light.
  const clip = await page.locator("[data-news-widget]").evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: Math.max(0, r.x - 8), y: Math.max(0, r.y + window.scrollY - 8), width: Math.min(r.width + 16, innerWidth), height: Math.min(r.height + 16, 900) };
  });
  await page.screenshot({ path: file, clip, fullPage: true });
  try { execFileSync("pngquant", ["--force", "--skip-if-larger", "--quality=70-95", "--output", file, file]); } catch { /* optional */ }
  console.log(`wrote ${file}`);
  await context.close();
}

try {
  await capture("cards-zh", { lang: "zh-CN" });
  await capture("article-ko-150", { lang: "ko-KR", step: 3, open: "cc-2024-0528-ulsan30" });
  await capture("print-preview-en", { lang: "en-US", open: "cc-2024-0820-expo-guide", preview: true });
  await capture("listen-zh", { lang: "zh-CN", open: "cc-2024-0528-ulsan30", listen: 2 });
} finally {
  await browser.close();
  server.close();
}
