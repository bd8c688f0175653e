// Throwaway: article page phone profile, timeline + trace summary.
import { chromium } from "playwright-core";
import { toolbarUsable, PROFILES } from "/work/main/scripts/bench/measure.mjs";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const url = process.env.URL || "http://127.0.0.1:8091";
const runs = Number(process.env.RUNS || 5);
const res = [];
for (let i = 0; i < runs; i++) {
  const r = await toolbarUsable(browser, url, "/article.html", { profile: PROFILES.phone });
  const t = r.timeline;
  const pick = (n) => t[n] ? t[n].map((e) => `${e.start.toFixed(0)}-${e.end.toFixed(0)}`).join(",") : "-";
  console.log(`usable ${r.ms.toFixed(0)} ok=${r.ok} loader ${pick("news-widget.js")} glue ${pick("news-widget-toolbar.js")} wasm ${pick("news-widget-toolbar_bg.wasm")} html ${t.html.end.toFixed(0)}`);
  res.push(r.ms);
}
res.sort((a, b) => a - b);
console.log("median", res[Math.floor(res.length / 2)].toFixed(0));
await browser.close();
