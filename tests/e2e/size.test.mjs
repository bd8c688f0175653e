// What a reader downloads (dist/, built by scripts/build.sh before the end-to-end tests): each
// file's gzip -9 size and share, and what a page downloads against its budget. Size is
// deterministic for a given toolchain, so unlike speed it is enforced by a test: a change that
// makes the widget heavier fails here until the budget is raised on purpose, in the same
// commit, with its reason.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { root } from "./harness.mjs";

// The budgets are where the widget stands, not where it should be: the aim is 100 KB, then 60 KB
// for a page of widgets (docs/benchmarks.md#why-not-100-kb). Lower them with every cut; raise
// them only with a reason. The history of the page's budget: 179 KB with the state machine, the
// site object and destroy-by-drop (+4.9 KB of wasm); then lowered with std's optimize_for_size
// and the core's trims, less the reading of long feeds by pages (+2.6 KB); raised to 177 KB by
// the second review's fixes (six defects of the long-feed path and the shared resources, and no
// borrow held while logging: +0.8 KB); lowered to 174 KB when the network calls moved to
// js/net.js (wasm -3.2 KB, glue +0.5 KB); raised to 176 KB by the recovery from a trap (the
// loader's crash state, Retry and its handles that outlive an instance: loader +1.4 KB; the halt
// switch and the exported stack pointer: wasm +0.4 KB); lowered to 145 KB when the built-in
// messages were compiled at build time and fluent-bundle left the wasm (wasm -17.9 KB), then the
// float parser with it (number literals and the timeout option read by JavaScript: wasm
// -14.3 KB); raised to 146 KB by the reader's aids (reading aloud, line spacing, contrast):
// their strings in the three locales, the contrast schemes' and spacing's CSS and their events'
// names (wasm +1.4 KB; the speech and highlight code comes with the controls); lowered to 145 KB
// by the one loop, whose waits are callbacks instead of Rust futures (dist 145.6 -> 144.6 KB);
// lowered to 140 KB when the run-time `.ftl` compiler moved to a module of its own, which only
// pages with the `locales` option download (wasm -6.0 KB; TOOLS_BUDGET), with talc as the
// allocator (wasm -1.1 KB), less the loader's placeholder that holds a toolbar's place (loader
// +1.8 KB): 139.2 KB; raised to 143 KB by the inputs that cannot break the widget (the XML
// walk's own stack, linear title and XML repairs, the markup depth bound, the feed shapes
// mature readers read, the keyed duplicate-id set and the long feed's digest in pieces: wasm
// 128,004 -> 131,819 B), 142.9 KB (loader 6,193 + glue 8,335 + wasm 131,819 B). The tools
// module's budget, 12 KB for 11,516 B, is 15 KB since the guard before Fluent's parser (the
// escapes it panics on, the nesting it overflows on, and the lines of its reports): 14,865 B.
//
// Since the modules are cut by role (docs/interface.md#embedding), a page downloads the loader and
// the one module its elements need: the widget's (news-widget-widget: a page of widgets, 130.1 KB
// at the split, from 139.2 KB), the article toolbar's (news-widget-toolbar: an article page with
// toolbars only, 70.2 KB, from 139.2 KB), or both roles in one (news-widget-core: a page with
// both, 139.8 KB; the page's modules tell each other of the reader's choices: +0.6 KB). Each role's
// budget is where it stands; the aims are 100 KB for a page of widgets and 25 KB for an
// article page (docs/benchmarks.md#size says where the bytes are). With the inputs that cannot
// break the widget merged on top (see above): a page of widgets 133.6 KB (wasm 122,580 B), an
// article page 71.1 KB (wasm 60,861 B), a page with both 143.5 KB (wasm 132,191 B).
// Raised by the reader's aids (reading aloud with its highlight, line spacing and contrast, in
// the widget and the toolbar: their controls, effects and handles, the listen machine and the
// reading plan they reach, the placeholder's and the loader's early rules): a page of widgets
// 149.7 KB (+16.5 KB), an article page 87.9 KB (+17.2 KB), a page with both 161.9 KB
// (+18.9 KB), over the aids' +6 KB aim; the way down is in docs/benchmarks.md#size.
// Lowered to 86 KB for an article page when each role's module carried only its own stylesheet
// rules and built-in messages (toolbar wasm 75,610 -> 73,473 B: 85.8 KB); a page of widgets
// 149.4 KB and a page with both 161.9 KB stay within theirs.
// Lowered when the widget's own language tags and negotiation (src/lang/) replaced unic-langid
// and fluent-langneg: a page of widgets 147.4 KB (wasm 136,862 -> 134,450 B), an article page
// 85.8 KB (wasm 75,610 -> 73,444 B), a page with both 159.5 KB (wasm 148,816 -> 146,333 B).
// Both together: a page of widgets 150,539 B (147.0 KB), an article page 85,710 B (83.7 KB:
// budget 84 KB), a page with both 163,306 B (159.5 KB).
// Lowered by the short names between each module's .wasm and its glue (scripts/short-names.mjs:
// the glue's imports and the exports, glue -2.3 to -3.0 KB, wasm -3.1 to -3.8 KB): a page of
// widgets 144,122 B (140.7 KB: budget 141 KB), an article page 80,276 B (78.4 KB: 79 KB), a
// page with both 156,432 B (152.8 KB: 153 KB).
// Lowered when the page's modules stopped linking core::fmt (their texts built by
// src/explain.rs and src/decimal.rs, refused by scripts/build.sh if it comes back; wasm -0.9 to
// -2.4 KB): a page of widgets 141,808 B (138.5 KB: budget 139 KB), an article page 79,123 B
// (77.3 KB: 78 KB), a page with both 153,889 B (150.3 KB: 151 KB).
// Lowered by the reader's aids' trims (their one-shot callbacks through one boxed closure type,
// the listen machine without a derived `==`, loops instead of iterator chains in their DOM
// layer: pages -1.0 to -1.3 KB, glue and wasm): a page of widgets 142,892 B (139.5 KB: budget 140 KB), an
// article page 79,075 B (77.2 KB: 78 KB), a page with both 155,196 B (151.6 KB: 152 KB).
// Both together: a page of widgets 140,513 B (137.2 KB: budget 138 KB), an article page
// 78,172 B (76.3 KB: 77 KB), a page with both 152,912 B (149.3 KB: 150 KB).
// Lowered when the reading plan (the sentence rules) moved to the plan module, fetched on a
// reader's first Listen (wasm -1.8 to -2.1 KB; the runs written by the glue, the loader's runner
// and the words for a plan that did not load, +0.2 to +0.4 KB): a page of widgets 138,869 B,
// an article page 76,879 B, a page with both 150,974 B; then its review's fixes (the plan's
// ticket and deadlines, the loader's on a hanging download, the silent utterance in the press
// for WebKit, the form's version, the console's reasons; with a clearer text for another
// release's Fluent form): a page of widgets 139,497 B (136.2 KB: budget 137 KB), an article
// page 77,584 B (75.8 KB: 76 KB), a page with both 151,851 B (148.3 KB: 149 KB). The plan
// module: 5,606 B.
// Lowered for an article page when the sanitizing walker, which a toolbar needs only to print,
// moved from the toolbar's module to the print module, fetched on a reader's first Print or when
// a reader points at Print (toolbar wasm -5.8 KB, glue -0.2 KB; the loader's way to the print
// module, its warm-up of Intl and its earlier requests +0.4 KB on every page; the copy's ticket
// in the core's model +0.3 KB): an article page 71,966 B (70.3 KB: budget 71 KB); a page of
// widgets 139,926 B (136.6 KB) within its budget; a page with both 152,564 B (149.0 KB: raised
// to 150 KB, 12 B under the old one). The print module: 16,513 B (glue 2,113, wasm 14,400).
// Then the plan module's download started by a reader pointing at or moving to Listen, as the
// print module's is (+62 to +218 B a page: loader +12; .wasm: toolbar +50, core +172, widget
// +206): a page of widgets 140,144 B (136.9 KB, 144 B under its budget), an article page
// 72,028 B (70.3 KB), a page with both 152,748 B (149.2 KB). Raised to 138 KB for a page of
// widgets by that review's fixes in the loader (a download that a reader's pointing started gets
// its deadline renewed by the press, and pointing does not ask again for 10 s after a failure:
// +169 B on every page): a page of widgets 140,313 B (137.0 KB, 25 B over the old budget), an
// article page 72,197 B (70.5 KB), a page with both 152,917 B (149.3 KB).
// Lowered for an article page when the printed article (the page's title, date and address
// around the walker's copy, and its print frame) moved to the print module too (toolbar wasm
// -2.8 KB, glue -0.1 KB; its date format, the only one of a toolbar, with it; core wasm +0.4 KB
// for the copy made for a purpose): an article page 69,331 B (67.7 KB: budget 68 KB); a page of
// widgets 140,366 B (137.1 KB), a page with both 153,333 B (149.7 KB). The print module:
// 23,443 B (glue 2,549, wasm 20,894: budget 23 KB).
// Raised to 151 KB for a page with both by the reader's fixes that came next: the contrast
// scheme's panel around the widget's and the toolbar's text, print preview readable on a phone
// at a large step (stylesheet rules, +0.2 KB in the core's module, which has both roles'), and a
// summary's markup removed and said like a title's (+0.05 KB): a page with both 153,604 B
// (150.0 KB, 4 B over the old budget); a page of widgets 140,603 B (137.3 KB), an article page
// 69,419 B (67.8 KB).
// Raised to 69 KB for an article page by the toolbar's "More tools" on a narrow bar (its
// button, rules, words in three languages and the loader's placeholder of it; toolbar wasm
// +0.5 KB, loader +0.2 KB on every page): an article page 70,104 B (68.5 KB, 472 B over the old
// budget); a page of widgets 140,802 B (137.5 KB), a page with both 154,268 B (150.7 KB).
// The widget's bar has it too (the model's toggle drawn by its render): a page of widgets
// 141,027 B (137.7 KB), an article page 70,125 B (68.5 KB), a page with both 154,375 B (150.8 KB).
// Then that change's review (one builder of both bars, the print frame scaled at the step of
// the moment it prints, a translation's summary warning naming its language): a page of widgets
// 141,229 B (137.9 KB), an article page 70,247 B (68.6 KB), a page with both 154,534 B (150.9 KB).
// Then the print frame scaled once, when it prints: a page of widgets 141,139 B (137.8 KB), an
// article page 70,166 B (68.5 KB), a page with both 154,321 B (150.7 KB).
// Raised to 139.5 KB for a page of widgets and 152 KB for a page with both by the fixes of a
// QA pass and their review (a headline's closer lines, a control that is off dimmed, the base
// size following a reader's larger browser text, a title of invisible characters treated as
// none, the body's first picture shown once, a date written as a number kept undated, the JS
// API's wrong arguments said instead of thrown, the direction of a right-to-left language's
// text: widget wasm +1.3 KB, core +1.1 KB, toolbar +0.1 KB, loader +45 B): a page of widgets
// 142,469 B (139.1 KB, 645 B over the old budget), an article page 70,637 B (69.0 KB), a page
// with both 155,494 B (151.9 KB, 358 B over). Raised to 152.5 KB for a page with both by a
// second review's fixes (a long feed's numeric dates, the card's picture never one the
// article leaves out, a body resolved against its own version's link: wasm +0.2 KB): a page of
// widgets 142,721 B (139.4 KB), a page with both 155,706 B (152.1 KB, 58 B over). Raised to
// 69.5 KB for an article page by reading aloud that a page's throwing synthesizer (a polyfill)
// cannot trap (js/speech.js: glue +32 to +37 B a module): an article page 70,669 B (69.0 KB,
// 13 B over), a page of widgets 142,754 B, a page with both 155,741 B. Raised to 140 KB for
// a page of widgets and 153 KB for a page with both by a second QA pass's fixes (an element
// marked later mounts, control characters and C1's in titles, a tag written in a form that
// reads back as itself, blank lines and byte order marks before a feed, valid UTF-8 over a
// declared East Asian charset and bytes a charset cannot read said: widget wasm +0.1 KB, glue
// +17 B; and the article's own line heights as the floor of the reader's line spacing, which
// the loader measures before any of its sheets applies: loader +0.26 KB on every page): a page
// of widgets 143,217 B (139.9 KB, 369 B over the old budget), an article page 71,075 B
// (69.4 KB), a page with both 156,299 B (152.6 KB, 139 B over). Raised to 70 KB for an
// article page by the text properties a page's rule on the host hands down, reset (+64 B), and
// Print preview placed on a phone's screen when the page is wider than it (+35 B): 71,174 B
// (69.5 KB, 6 B over); a page of widgets 143,301 B, a page with both 156,400 B. Raised to
// 140.5 KB for a page of widgets and 153.5 KB for a page with both by a long feed's page
// filled past its unreadable items (+56 B), a date read as UTC said so (+27 B) and a timezone
// the browser does not know said (+104 B): a page of widgets 143,510 B (140.1 KB, 150 B over
// the old budget), a page with both 156,934 B (153.3 KB, 262 B over; its .wasm moved more
// than the widget's by LTO's layout).
const LOADER = "news-widget.js";
const roleFiles = (name) => [LOADER, `news-widget-${name}.js`, `news-widget-${name}_bg.wasm`];
export const PAGES = [
  { what: "a page of widgets", files: roleFiles("widget"), budget: 140.5 * 1024 },
  { what: "an article page (toolbars)", files: roleFiles("toolbar"), budget: 70 * 1024 },
  { what: "a page with both", files: roleFiles("core"), budget: 153.5 * 1024 },
];
// What a page whose widgets name `locales` downloads on top: the compiler of a site's `.ftl`.
export const TOOLS_FILES = ["news-widget-tools.wasm"];
export const TOOLS_BUDGET = 15 * 1024;
// What a reader's first Listen downloads: the reading plan.
export const PLAN_FILES = ["news-widget-plan.wasm"];
export const PLAN_BUDGET = 6 * 1024;
// What a reader's first Print from a page with only toolbars downloads: the printed article
// (the sanitizing walker, the page's title and date, the print frame).
export const PRINT_FILES = ["news-widget-print.js", "news-widget-print_bg.wasm"];
export const PRINT_BUDGET = 23 * 1024;
// Where the pinned nightly cannot be installed (no rustup, or its server out of reach: setup
// carries on), scripts/build.sh builds the release with stable and panic=abort, without the
// rebuilt std: measured 24.4 KB heavier for the page (wasm 169,664 -> 194,086 bytes at 2c903e2)
// and 7.2 KB for the tools module (13,761 -> 21,156 bytes, both with dlmalloc). Measured again
// when the page's modules stopped linking core::fmt (which stable's panics still link): pages
// 17.5 / 10.7 / 18.0 KB heavier (widgets 158,437 B, article 89,124 B, both 171,325 B), tools
// 8.0 KB (23,043 B). The plan module on stable: 8,134 B against the nightly's 5,571 B (+2.5 KB).
// Such a dist/ is held to the same budgets plus those differences, so that a
// change which makes the widget heavier fails on either toolchain.
// The print module on stable: wasm 23,469 B against the nightly's 15,369 B and glue +0.7 KB
// (both before short names and esbuild), +8.8 KB; measured again with the printed article in it
// (dist/ of a stable build at ffb22dc): 2,845 + 29,450 = 32,295 B against 23,434 B, +8.7 KB. The
// same build's pages: widgets 159,309 B, article 81,237 B, both 172,861 B (+17.7 to +18.0 KB).
export const STABLE_EXTRA = { page: 19 * 1024, tools: 9 * 1024, plan: 3 * 1024, print: 9 * 1024 };

// GNU gzip -9, as scripts/build.sh prints it and docs/contributing.md quotes it (Node's zlib at
// level 9 comes out about 1 % larger on the .wasm).
const gzipSize = (path) => execFileSync("gzip", ["-9", "-c", path], { maxBuffer: 1 << 26 }).length;

const dist = join(root, "dist");
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

test(`each page downloads at most its role's budget gzip -9 (${PAGES.map((p) => `${p.what} ${p.budget / 1024} KB`).join(", ")}), the compiler of run-time .ftl ${TOOLS_BUDGET / 1024} KB more, the reading plan ${PLAN_BUDGET / 1024} KB more, the print module ${PRINT_BUDGET / 1024} KB more (the pinned nightly's build)`, (t) => {
  assert.ok(existsSync(dist), "dist/ is built before the end-to-end tests (scripts/build.sh)");
  const files = new Map(readdirSync(dist).sort().map((name) => {
    const path = join(dist, name);
    return [name, { raw: readFileSync(path).length, gzip: gzipSize(path) }];
  }));
  // The budget is the release build's, on the nightly that scripts/release-toolchain.sh pins;
  // scripts/build.sh falls back to stable where it is not installed.
  const marker = join(root, "target/dist-toolchain");
  const builtWith = existsSync(marker) ? readFileSync(marker, "utf8").trim() : "unknown";
  const stable = builtWith === "stable";
  t.diagnostic(`built with ${builtWith}` +
    (stable ? " (the stable fallback: budgets plus its extra; `make setup` installs the nightly)" : ""));
  const all = [...files.values()].reduce((sum, f) => sum + f.gzip, 0);
  for (const [name, f] of files) {
    t.diagnostic(`${name.padEnd(28)} ${kb(f.raw).padStart(9)} raw ${kb(f.gzip).padStart(9)} gzip ` +
      `${((100 * f.gzip) / all).toFixed(1).padStart(5)} %`);
  }
  assert.deepEqual([...files.keys()], [...new Set([...PAGES.flatMap((p) => p.files), ...TOOLS_FILES, ...PLAN_FILES, ...PRINT_FILES])].sort(),
    "dist/ holds the loader, each role's glue and .wasm, the tools module, the plan module and the print module");
  const over = [];
  for (const [what, names, budget, extra] of [
    ...PAGES.map((p) => [p.what, p.files, p.budget, STABLE_EXTRA.page]),
    ["the tools module", TOOLS_FILES, TOOLS_BUDGET, STABLE_EXTRA.tools],
    ["the plan module", PLAN_FILES, PLAN_BUDGET, STABLE_EXTRA.plan],
    ["the print module", PRINT_FILES, PRINT_BUDGET, STABLE_EXTRA.print],
  ]) {
    const total = names.reduce((sum, name) => sum + files.get(name).gzip, 0);
    const limit = stable ? budget + extra : budget;
    t.diagnostic(`${what.padEnd(28)} ${" ".repeat(13)} ${kb(total).padStart(9)} gzip, budget ${kb(limit)}`);
    if (total > limit) over.push(`${what} is ${kb(total)} gzip, over its budget of ${kb(limit)} by ${kb(total - limit)}`);
  }
  assert.deepEqual(over, []);
});
