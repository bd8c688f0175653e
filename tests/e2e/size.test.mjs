// What a reader downloads (dist/, built by scripts/build.sh before the end-to-end tests): each
// file's gzip -9 size and share, and the total against the budget. Size is deterministic for a
// given toolchain, so unlike speed it is enforced by a test: a change that makes the widget
// heavier fails here until the budget is raised on purpose, in the same commit, with its reason.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { root } from "./harness.mjs";

// The budget is where the widget stands, not where it should be: issue 14 asks for 100 KB and
// points at 60 KB (README "Size"). Lower it with every cut; raise it only with a reason.
// 179 KB with the state machine, the site object and destroy-by-drop (issue 10, +4.9 KB of
// wasm); then lowered with std's optimize_for_size and the core's trims, less the reading of long
// feeds by pages (+2.6 KB); raised to 177 KB by the second review's fixes (six defects of the
// long-feed path and the shared resources, and no borrow held while logging: +0.8 KB); lowered
// to 174 KB when the network calls moved to js/net.js (wasm -3.2 KB, glue +0.5 KB); raised to
// 178 KB so that no feed or site file can trap the module or stall the page (+3.7 KB of wasm:
// the XML walk without recursion, linear title and XML repairs, the bound on article nesting
// before DOMParser, the guard of run-time .ftl, and the feed shapes feed readers accept).
export const BUDGET_GZIP_BYTES = 178 * 1024;
// Where the pinned nightly cannot be installed (no rustup, or its server out of reach: setup
// carries on), scripts/build.sh builds the release with stable and panic=abort, without the
// rebuilt std: measured 24.4 KB heavier (wasm 169,664 -> 194,086 bytes at 2c903e2). Such a
// dist/ is held to the same budget plus that difference, so that a change which makes the
// widget heavier fails on either toolchain.
export const STABLE_EXTRA_BYTES = 25 * 1024;

// GNU gzip -9, as scripts/build.sh prints it and the README quotes it (Node's zlib at level 9
// comes out about 1 % larger on the .wasm).
const gzipSize = (path) => execFileSync("gzip", ["-9", "-c", path], { maxBuffer: 1 << 26 }).length;

const dist = join(root, "dist");

test(`dist/ ships at most ${BUDGET_GZIP_BYTES / 1024} KB gzip -9 (built on the pinned nightly)`, (t) => {
  assert.ok(existsSync(dist), "dist/ is built before the end-to-end tests (scripts/build.sh)");
  const files = readdirSync(dist).sort().map((name) => {
    const path = join(dist, name);
    return { name, raw: readFileSync(path).length, gzip: gzipSize(path) };
  });
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  // The budget is the release build's, on the nightly that scripts/release-toolchain.sh pins;
  // scripts/build.sh falls back to stable where it is not installed.
  const marker = join(root, "target/dist-toolchain");
  const builtWith = existsSync(marker) ? readFileSync(marker, "utf8").trim() : "unknown";
  const budget = builtWith === "stable" ? BUDGET_GZIP_BYTES + STABLE_EXTRA_BYTES : BUDGET_GZIP_BYTES;
  t.diagnostic(`built with ${builtWith}` +
    (builtWith === "stable" ? ` (the stable fallback: budget ${BUDGET_GZIP_BYTES / 1024} + ${STABLE_EXTRA_BYTES / 1024} KB; \`make setup\` installs the nightly)` : ""));
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  for (const f of files) {
    t.diagnostic(`${f.name.padEnd(28)} ${kb(f.raw).padStart(9)} raw ${kb(f.gzip).padStart(9)} gzip ` +
      `${((100 * f.gzip) / total).toFixed(1).padStart(5)} %`);
  }
  t.diagnostic(`${"total".padEnd(28)} ${" ".repeat(13)} ${kb(total).padStart(9)} gzip, budget ${kb(budget)}`);
  assert.deepEqual(files.map((f) => f.name),
    ["news-widget-core.js", "news-widget-core_bg.wasm", "news-widget.js"], "dist/ holds the three shipped files");
  assert.ok(total <= budget,
    `dist/ is ${kb(total)} gzip, over its budget of ${kb(budget)} by ${kb(total - budget)}`);
});
