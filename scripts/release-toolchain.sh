# shellcheck shell=bash
# The release build's Rust, sourced by scripts/setup.sh (installs it) and scripts/build.sh (uses
# it when installed). A pinned nightly, because the size it buys needs two unstable features:
# the standard library rebuilt with the crate (-Zbuild-std) and panics that abort at once
# (panic = "immediate-abort"), which drop panic messages, their formatting and Location strings
# from the .wasm (about 18 KB gzip today, docs/benchmarks.md#size). Pinned, not the floating `nightly`, so
# that every machine and CI ship the same bytes; moving the date is a change to review like any
# other. Tests, clippy and debug builds stay on stable.
RELEASE_TOOLCHAIN=nightly-2026-05-20

# Installed with what the release build needs: the std sources and the wasm32 target. Never
# installs anything (RUSTUP_AUTO_INSTALL=0: `rustc +toolchain` could otherwise download it).
release_toolchain_ready() {
  command -v rustup >/dev/null 2>&1 || return 1
  local sysroot
  sysroot=$(RUSTUP_AUTO_INSTALL=0 rustc +"$RELEASE_TOOLCHAIN" --print sysroot 2>/dev/null) || return 1
  [ -d "$sysroot/lib/rustlib/src/rust/library/std" ] &&
    compgen -G "$sysroot/lib/rustlib/wasm32-unknown-unknown/lib/libcore-*.rlib" >/dev/null
}
