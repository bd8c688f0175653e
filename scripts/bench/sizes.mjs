// What a site ships: per-file raw, gzip -9 and brotli (quality 11) bytes; and, for ours, the
// wasm's largest contributors by crate (twiggy on a build that still has its names).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** `[{ name, raw, gz, br }]` for the files, and their total. */
export function sizesOf(files) {
  const rows = files.map((file) => {
    const data = readFileSync(file);
    return {
      name: file.split("/").pop(),
      raw: data.length,
      gz: gzipSync(data, { level: 9 }).length,
      br: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  const total = rows.reduce((t, r) => ({ name: "total", raw: t.raw + r.raw, gz: t.gz + r.gz, br: t.br + r.br }),
    { name: "total", raw: 0, gz: 0, br: 0 });
  return { rows, total };
}

export const distFiles = (dist) => readdirSync(dist).sort().map((name) => join(dist, name));

/** The wasm's code and data by crate, before wasm-opt strips the names; null without twiggy. */
export function contributors(root) {
  const twiggy = ["twiggy", join(process.env.HOME || "", ".cargo/bin/twiggy")].find((t) => {
    try { execFileSync(t, ["--version"], { stdio: "ignore" }); return true; } catch { return false; }
  });
  const targetDir = process.env.CARGO_TARGET_DIR || join(root, "target");
  const wasm = join(targetDir, "wasm32-unknown-unknown/release/news_widget.wasm");
  // bench.sh built it just before (cargo leaves it untouched when nothing changed).
  if (!twiggy || !existsSync(wasm)) return null;
  const out = join(targetDir, "bench-names");
  execFileSync("wasm-bindgen", ["--keep-debug", "--target", "web", "--out-dir", out, wasm]);
  const csv = execFileSync(twiggy, ["top", "-n", "100000", "--format", "csv", join(out, "news_widget_bg.wasm")], { maxBuffer: 64 << 20 }).toString();
  const sizes = new Map();
  let code = 0;
  for (const line of csv.split("\n").slice(1)) {
    const match = line.match(/^"?(.*?)"?,(\d+),/);
    if (!match) continue;
    const [name, size] = [match[1], Number(match[2])];
    if (name.startsWith("custom section") || name.includes("function names")) continue;
    code += size;
    let crate;
    if (name.startsWith("data segment")) crate = "(data: strings, tables, CSS, FTL)";
    else {
      const m = name.match(/^<?&?(?:dyn )?([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/) || name.match(/^<([a-z_][a-z0-9_]*)/);
      crate = m ? m[1] : "(other)";
    }
    sizes.set(crate, (sizes.get(crate) || 0) + size);
  }
  return { code, top: [...sizes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12) };
}
