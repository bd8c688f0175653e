#!/usr/bin/env bash
# `make fuzz SECONDS=N`: every fuzz target (fuzz/fuzz_targets/) for N seconds in all (default
# 600), niced. With the pinned nightly, cargo-fuzz (libFuzzer, coverage-guided, AddressSanitizer)
# runs them in turns, starting from the fixtures (written to fuzz/corpus/); without it, the
# deterministic mutator of fuzz/src/mutate.rs runs on stable. Inputs that panic, overflow the
# stack or time out are kept in fuzz/artifacts/<target>/; replay one with
# `cargo +$NIGHTLY fuzz run --features libfuzzer <target> <file>`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck disable=SC1091
[ -f target/toolchain.env ] && . target/toolchain.env
nightly=${NIGHTLY:-nightly-2026-05-20}
seconds=${FUZZ_SECONDS:-600}
tools=$root/target/tools
export PATH="$HOME/.cargo/bin:$tools/bin:$PATH"
targets=()
for file in fuzz/fuzz_targets/*.rs; do targets+=("$(basename "$file" .rs)"); done

echo "==> seeds from the fixtures -> fuzz/corpus/"
nice -n 19 cargo run --quiet --release --manifest-path fuzz/Cargo.toml --bin mutate -- \
  --write-corpus fuzz/corpus
if rustup run "$nightly" rustc --version >/dev/null 2>&1; then
  command -v cargo-fuzz >/dev/null ||
    { echo "==> cargo install cargo-fuzz"; cargo install -q cargo-fuzz --version 0.13.2 --root "$tools"; }
  per=$((seconds / ${#targets[@]}))
  [ "$per" -ge 1 ] || per=1
  failed=()
  for target in "${targets[@]}"; do
    echo "==> cargo-fuzz: $target for $per s"
    # A finding stops that target's run; the others still run.
    nice -n 19 cargo "+$nightly" fuzz run --features libfuzzer "$target" -- \
      -max_total_time="$per" -max_len=1048576 -rss_limit_mb=4096 -timeout=30 \
      -print_final_stats=1 || failed+=("$target")
  done
  if [ "${#failed[@]}" -gt 0 ]; then
    echo "==> findings (fuzz/artifacts/): ${failed[*]}"
    exit 1
  fi
else
  echo "==> no $nightly: the deterministic mutator on stable for $seconds s"
  nice -n 19 cargo run --quiet --release --manifest-path fuzz/Cargo.toml --bin mutate -- \
    --seconds "$seconds" --seed "$(date +%s)"
fi
