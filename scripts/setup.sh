#!/usr/bin/env bash
# Makes a machine ready to build and test news-widget: a Rust with a wasm32 std, the pinned nightly
# of the release build (where rustup can get it), wasm-bindgen-cli of exactly the locked version,
# wasm-pack, wasm-opt, Chromium + ChromeDriver + CJK fonts, and the npm test tools. Idempotent:
# every step first checks whether its result is already there.
#
# Works on a normal machine with internet (rustup) and on a bare Debian 12 machine that reaches
# only the package registries (the Debian rustc-web fallback). See docs/contributing.md#set-up.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
ok() { printf '    ok: %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif have sudo; then sudo "$@"; else
    echo "    need root for: $*" >&2; return 1
  fi
}

apt_updated=""
apt_install() {
  have apt-get || { echo "    no apt-get: install these yourself: $*" >&2; return 1; }
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  echo "    apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    >"${TMPDIR:-/tmp}/news-widget-apt.log" 2>&1 || { tail -20 "${TMPDIR:-/tmp}/news-widget-apt.log" >&2; return 1; }
}

export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
# shellcheck source=scripts/release-toolchain.sh
. "$root/scripts/release-toolchain.sh"
toolchain_env="$root/target/toolchain.env"
mkdir -p "$root/target"
: >"$toolchain_env.tmp"

wasm_std_present() {
  local libdir
  libdir=$(rustc --target wasm32-unknown-unknown --print target-libdir 2>/dev/null) || return 1
  compgen -G "$libdir/libstd-*.rlib" >/dev/null
}

# ---------------------------------------------------------------------------------------------
step "1/6 Rust with a wasm32-unknown-unknown standard library"
if have rustc && wasm_std_present; then
  ok "wasm32 std already installed ($(rustc --version))"
elif have rustup && timeout 300 rustup target add wasm32-unknown-unknown && wasm_std_present; then
  ok "installed with rustup"
else
  # So that step 2 does not wait on the same unreachable server again.
  rustup_unreachable=1
  echo "    rustup could not provide the target; using Debian's rustc-web and building std once"
  apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22
  if ! RUSTC=/usr/bin/rustc /usr/bin/rustc --target wasm32-unknown-unknown --print target-libdir >/dev/null 2>&1 ||
     ! compgen -G "/usr/lib/rustlib/wasm32-unknown-unknown/lib/libstd-*.rlib" >/dev/null; then
    scratch=$(mktemp -d)
    (cd "$scratch" && /usr/bin/cargo init -q --lib --name nw_std_seed &&
      RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 /usr/bin/cargo build -q --release \
        --target wasm32-unknown-unknown \
        -Z build-std=std,panic_abort,panic_unwind,proc_macro,test)
    as_root mkdir -p /usr/lib/rustlib/wasm32-unknown-unknown/lib
    find "$scratch/target/wasm32-unknown-unknown/release/deps" -name 'lib*.rlib' \
      ! -name 'libnw_std_seed*' -exec cp {} /usr/lib/rustlib/wasm32-unknown-unknown/lib/ \;
    rm -rf "$scratch"
  fi
  if have rustup; then
    rustup toolchain list | grep -q '^debian-web' || rustup toolchain link debian-web /usr
    echo "export RUSTUP_TOOLCHAIN=debian-web" >>"$toolchain_env.tmp"
    export RUSTUP_TOOLCHAIN=debian-web
  else
    echo "export PATH=/usr/bin:\$PATH" >>"$toolchain_env.tmp"
  fi
  wasm_std_present && ok "Debian rustc-web with a wasm32 std in /usr/lib/rustlib"
fi
mv "$toolchain_env.tmp" "$toolchain_env"

# ---------------------------------------------------------------------------------------------
step "2/6 $RELEASE_TOOLCHAIN for the release build (scripts/release-toolchain.sh)"
if release_toolchain_ready; then
  ok "$(rustc +"$RELEASE_TOOLCHAIN" --version) with rust-src and wasm32"
elif ! have rustup || [ -n "${rustup_unreachable:-}" ]; then
  # Not fatal: scripts/build.sh then builds the release with stable, and says what it costs.
  echo "    skipped: needs rustup and its server; the release build will use stable (a larger .wasm)"
elif timeout 300 rustup toolchain install "$RELEASE_TOOLCHAIN" --profile minimal \
       --component rust-src --target wasm32-unknown-unknown >"${TMPDIR:-/tmp}/news-widget-rustup.log" 2>&1 &&
     release_toolchain_ready; then
  ok "installed $(rustc +"$RELEASE_TOOLCHAIN" --version)"
else
  # rustup's error line, not the backtrace that RUST_BACKTRACE adds after it.
  grep -m1 '^error' "${TMPDIR:-/tmp}/news-widget-rustup.log" >&2 || true
  echo "    could not install it; the release build will use stable (a larger .wasm)"
fi

# ---------------------------------------------------------------------------------------------
step "3/6 wasm-bindgen-cli of the version Cargo.lock pins"
[ -f Cargo.lock ] || cargo generate-lockfile -q
want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
got=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$got" = "$want" ]; then
  ok "wasm-bindgen $got"
else
  echo "    cargo install wasm-bindgen-cli $want (found: ${got:-none}; takes a few minutes)"
  # Not --locked: the registry copy lacks one pinned transitive version (see TOOLCHAIN notes).
  cargo install -q --force wasm-bindgen-cli --version "$want"
  ok "wasm-bindgen $(wasm-bindgen --version | awk '{print $2}')"
fi

# ---------------------------------------------------------------------------------------------
step "4/6 wasm-pack"
if have wasm-pack; then
  ok "$(wasm-pack --version)"
else
  echo "    cargo install wasm-pack (takes a few minutes)"
  cargo install -q wasm-pack --version 0.15.1
  ok "$(wasm-pack --version)"
fi

# ---------------------------------------------------------------------------------------------
step "5/6 Chromium, ChromeDriver and CJK fonts (headless browser tests)"
chromium_bin=""
for c in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
  [ -x "$c" ] && { chromium_bin=$c; break; }
done
if [ -n "$chromium_bin" ] && have chromedriver && have pdftotext && have pngquant && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
  ok "$($chromium_bin --version 2>/dev/null | head -1), $(chromedriver --version | awk '{print $1, $2}')"
else
  # poppler-utils: the print test reads the text of the printed PDF and renders its first page;
  # pngquant keeps the README's screenshots small.
  apt_install chromium chromium-driver fonts-noto-cjk fontconfig poppler-utils pngquant
  ok "$(/usr/bin/chromium --version 2>/dev/null | head -1)"
fi

# ---------------------------------------------------------------------------------------------
step "6/6 npm packages (playwright-core, axe-core, binaryen's wasm-opt, esbuild) from package-lock.json"
have node || apt_install nodejs npm
if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] &&
   [ -x node_modules/.bin/wasm-opt ] && [ -x node_modules/.bin/esbuild ]; then
  ok "node_modules up to date"
else
  npm ci --no-audit --no-fund --loglevel=error
  ok "installed $(node -e 'console.log(Object.keys(require("./package.json").devDependencies).join(", "))')"
fi
ok "wasm-opt $(wasm-opt --version | awk '{print $3}')"

printf '\nSet-up complete in %d s.\n' "$SECONDS"
