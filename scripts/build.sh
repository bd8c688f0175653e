#!/usr/bin/env bash
# Release build: wasm-pack (with wasm-opt -Oz from npm binaryen) into pkg/, then dist/ = the
# loader + glue + .wasm, the one folder a site copies (CONTRACT §1).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck disable=SC1091
[ -f target/toolchain.env ] && . target/toolchain.env
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"

profile=${1:---release}
echo "==> wasm-pack build $profile"
wasm-pack build "$profile" --target web --out-dir pkg --out-name news-widget-core --no-typescript 2>&1 |
  grep -v '^\[INFO\]: 📦\|^\[INFO\]: Your wasm pkg' || true
[ -f pkg/news-widget-core_bg.wasm ] || { echo "wasm-pack produced no .wasm" >&2; exit 1; }

# Assembled aside and swapped in, so a server running meanwhile never sees half a dist/.
rm -rf dist.next
mkdir -p dist.next
cp js/news-widget.js pkg/news-widget-core.js pkg/news-widget-core_bg.wasm dist.next/
rm -rf dist && mv dist.next dist
# The npm package built by wasm-pack carries the loader too, so `npm i` users get dist/ as is.
cp js/news-widget.js pkg/
node -e '
  const fs = require("fs"); const p = "pkg/package.json"; const j = JSON.parse(fs.readFileSync(p));
  j.files = Array.from(new Set([...(j.files || []), "news-widget.js"]));
  j.browser = "news-widget.js"; j.main = "news-widget.js";
  j.sideEffects = ["./news-widget.js"]; // the loader defines NewsWidget and <news-widget>
  fs.writeFileSync(p, JSON.stringify(j, null, 2) + "\n");'
echo "==> dist/"
for f in dist/*; do
  printf '    %-32s %8d bytes  %7d gzip\n' "$(basename "$f")" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
done
