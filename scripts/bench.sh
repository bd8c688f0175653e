#!/usr/bin/env bash
# `make bench`: release build, twiggy if missing, then the benchmark tables (scripts/bench.mjs):
# ours side by side with ../shared/reference/ (or $BENCH_REFERENCE), saved under bench-results/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck disable=SC1091
[ -f target/toolchain.env ] && . target/toolchain.env
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
command -v twiggy >/dev/null || { echo "==> cargo install twiggy"; cargo install -q twiggy; }
bash scripts/build.sh
mkdir -p bench-results
node scripts/bench.mjs | tee "bench-results/bench-$(date +%Y%m%d-%H%M%S).md"
