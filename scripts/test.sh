#!/usr/bin/env bash
# Every test: fmt and clippy, native `cargo test` (pure core, and the crate's own rules: no
# import circle in src/, tests/core/imports.rs), `wasm-pack test` in headless Chromium (DOM
# layer), then the release build (and the test-only build that can trap on purpose) and the
# Playwright end-to-end + accessibility tests on the served demo.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck disable=SC1091
[ -f target/toolchain.env ] && . target/toolchain.env
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120}

status=0
summary=()
log=$(mktemp)
trap 'rm -f "$log"' EXIT
run() {
  local name=$1; shift
  printf '\n\033[1m==> %s\033[0m\n' "$name"
  # Output goes to the terminal and to a log, from which the totals below are counted.
  if "$@" 2>&1 | tee -a "$log"; then summary+=("ok    $name"); else summary+=("FAIL  $name"); status=1; fi
}

# Style and lints first: formatting and clippy over the workspace (the widget and its Fluent
# crates in crates/), for the native build and for the wasm32 build (the DOM layer exists only
# there), every target (library, tests, benches), warnings denied; and the library with the
# test-only `test-trap` feature, the tools module's build (the run-time `.ftl` compiler) with
# and without it, the plan module's (the reading plan), the print module's (a toolbar's printed
# article), and each role's module alone (the
# widget's, the article toolbar's: scripts/build.sh).
lint() {
  cargo fmt --all --check &&
    cargo clippy --quiet --workspace --all-targets -- -D warnings &&
    cargo clippy --quiet --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings &&
    cargo clippy --quiet --lib --target wasm32-unknown-unknown --features test-trap -- -D warnings &&
    cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features --features tools -- -D warnings &&
    cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features --features tools,test-trap -- -D warnings &&
    cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features --features plan -- -D warnings &&
    cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features --features print -- -D warnings &&
    cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features --features widget -- -D warnings &&
    cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features --features toolbar -- -D warnings
}
run "lint (cargo fmt --check, clippy native and wasm32)" lint
# Includes the bounded, deterministic pass of every fuzz target (tests/fuzz.rs; `make fuzz`
# runs them for as long as asked).
run "native tests (cargo test, the bounded fuzz pass included)" cargo test --quiet --workspace
# Bounded so that a hung browser cannot eat CI's 90 minutes.
run "browser tests (wasm-pack test --headless --chrome)" \
  timeout 1200 wasm-pack test --headless --chrome --chromedriver "$(command -v chromedriver)" -- --test 'dom_*'
run "release build (dist/)" bash scripts/build.sh
run "test-only trap build (target/trap/dist/)" bash scripts/build.sh --test-trap
run "end-to-end tests (Playwright, Chromium)" node --test --test-concurrency=1 --test-timeout=180000 tests/e2e/*.test.mjs

printf '\n==> summary\n'
printf '    %s\n' "${summary[@]}"
printf '    (%d s)\n' "$SECONDS"
# One closing line for all runners: cargo/wasm-bindgen-test "test result" lines and node's
# "# pass" / "# fail" / "# skipped" lines. Skipped are the tests of ../shared/corpora where this
# checkout has none (built ignored, "ignored, skipped: ..." in a test's own output).
passed=$(awk '/^test result:/ {p += $4} /^# pass / {p += $3} END {print p + 0}' "$log")
failed=$(awk '/^test result:/ {f += $6} /^# fail / {f += $3} END {print f + 0}' "$log")
skipped=$(awk '/^test result:/ {s += $8} /^# skipped / {s += $3} END {print s + 0}' "$log")
[ "$status" = 0 ] || [ "$failed" != 0 ] || failed=1
printf '\n%s passed, %s failed, %s skipped\n' "$passed" "$failed" "$skipped"
exit $status
