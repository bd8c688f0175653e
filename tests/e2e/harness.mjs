// Shared set-up of the end-to-end tests: serves www/ + dist/ on a free port and drives the
// machine's Chromium through playwright-core (no browser download).
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

export const root = resolve(fileURLToPath(import.meta.url), "../../..");
export const outDir = join(root, "test-results");
mkdirSync(outDir, { recursive: true });

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

export function chromiumPath() {
  return process.env.CHROMIUM || "/usr/bin/chromium";
}

/**
 * Starts the server and a browser; returns { url, browser, close }. `mounts`: more folders to
 * serve (scripts/serve.mjs), e.g. the test-only build at /trap/.
 */
export async function setUp({ mounts = [] } = {}) {
  const { server, url } = await startServer({ port: 0, quiet: true, mounts });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/** A new page that fails the test on any uncaught page error and records console output. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  const page = await context.newPage();
  page.errors = [];
  page.logs = [];
  page.on("pageerror", (e) => page.errors.push(e.message));
  page.on("console", (m) => page.logs.push(`${m.type()}: ${m.text()}`));
  return page;
}

export function shot(name) {
  return join(outDir, `${name}.png`);
}

/** Waits until the widget in `host` shows cards, and returns their count. */
export async function waitForCards(page, host = "[data-news-widget], news-widget") {
  await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      return el && el.shadowRoot && el.shadowRoot.querySelectorAll('[part~="card"]').length > 0;
    },
    host,
    { timeout: 15000 },
  );
  return page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelectorAll('[part~="card"]').length, host);
}
