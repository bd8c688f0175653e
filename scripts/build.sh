#!/usr/bin/env bash
# Release build: wasm-pack into pkg/, wasm-opt -Oz (npm binaryen), then dist/ = the loader +
# glue + .wasm of each role and of the print module (the sanitizing walker, for a toolbar's first
# Print where the page has no widget), the tools module (news-widget-tools.wasm: the run-time `.ftl` compiler, the
# same crate built with `--no-default-features --features tools`, fetched only by pages whose
# widgets name `locales`) and the plan module (news-widget-plan.wasm: the reading plan, built
# with `--features plan`, fetched when a reader first presses Listen), the one folder a site
# copies (docs/interface.md#embedding).
#
# It never downloads anything and never ships a broken artifact: a missing tool stops it with
# the command that installs it (`make setup`), and a failed wasm-pack or wasm-opt step stops it
# before dist/ is touched. wasm-pack runs with `--mode no-install` and without its own wasm-opt
# pass (which would try to download binaryen where wasm-opt is missing, and carry on without
# it when that fails): wasm-opt runs here, and its failure is the build's.
#
# Between wasm-pack and esbuild, scripts/short-names.mjs gives each page module's imports and
# exports short names (`a`, `b`, …) in its .wasm and its glue with one mapping: wasm-bindgen's
# names carry 16-digit hashes, written on both sides, which gzip cannot shrink (5.3-6.7 KB gzip
# a page: docs/benchmarks.md#size). It refuses a pair that would not link, or a glue that reads
# an export other than as `wasm.NAME` (nothing is written, the build stops), keeps by name the exports read from outside the glue (`__stack_pointer`,
# `memory`), and leaves its mapping in target/roles/news-widget-<role>.names.json. The tools
# and plan modules have no glue and keep their names (the loader calls `alloc`, `compile`,
# `plan`, `memory`).
#
# The release build uses the pinned nightly of scripts/release-toolchain.sh when it is installed
# (std rebuilt with immediate-abort panics: a smaller .wasm), else stable with panic=abort, and
# says so.
#
# `scripts/build.sh --test-trap` is that release build with the test-only `test-trap` feature (an
# export that traps the module on purpose, for tests/e2e/crash.test.mjs, and a tools module that
# traps on a marked resource, for tests/e2e/compiler.test.mjs), assembled in target/trap/dist/:
# dist/ and pkg/ are left as they are.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck disable=SC1091
[ -f target/toolchain.env ] && . target/toolchain.env
# shellcheck source=scripts/release-toolchain.sh
. scripts/release-toolchain.sh
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"

fail() { printf 'news-widget build: %s\n' "$*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || fail "$1 is not installed: run \`make setup\` first"; }
need cargo
need wasm-pack
need wasm-bindgen
need wasm-opt
need esbuild
need node
want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
got=$(wasm-bindgen --version | awk '{print $2}')
[ "$got" = "$want" ] || fail "wasm-bindgen is $got but Cargo.lock needs $want: run \`make setup\`"
libdir=$(rustc --target wasm32-unknown-unknown --print target-libdir 2>/dev/null) &&
  compgen -G "$libdir/libstd-*.rlib" >/dev/null ||
  fail "this Rust has no wasm32-unknown-unknown standard library: run \`make setup\`"

test_trap=
if [ "${1:-}" = "--test-trap" ]; then test_trap=1; shift; fi
profile=${1:---release}
# The arguments of every cargo build (toolchain flags); the page's module adds its features.
cargo_args=()
features=()
# The shadow stack pointer is exported: a trap leaves it below where it rests between calls, which
# is how the loader tells that an instance trapped, and the loader puts it back on the instance it
# leaves behind so that its silenced listeners can still run (js/loader/crash.js, src/dom/halt.rs).
rustflags='"-Clink-arg=--export=__stack_pointer"'
pkg=pkg
out=dist
# Where the modules but the core are built (the core's wasm-pack output is pkg/, the npm package).
roles_dir=target/roles
if [ -n "$test_trap" ]; then
  pkg=target/trap/pkg
  out=target/trap/dist
  roles_dir=target/trap/roles
  features=(--features test-trap)
fi
if [ "$profile" = "--release" ]; then
  if release_toolchain_ready; then
    export RUSTUP_TOOLCHAIN=$RELEASE_TOOLCHAIN
    # A panic becomes a wasm trap at once, in std too (hence build-std): no message, no
    # formatting, no Location. location-detail=none drops the file paths that #[track_caller]
    # still passes to the abort paths. Legacy mangling as on stable: wasm-bindgen names the
    # closure exports after the symbols, and nightly's default v0 names made the glue 0.5 KB
    # longer. std's optimize_for_size feature picks its smaller algorithms (sorts, integer
    # formatting), same results: 4.5 KB gzip less wasm. Not -Zfmt-debug=none: it changes no
    # byte of the .wasm (docs/benchmarks.md#size).
    cargo_args+=(-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
      -Zpanic-immediate-abort
      --config 'profile.release.panic="immediate-abort"')
    rustflags="\"-Zunstable-options\", \"-Zlocation-detail=none\", \"-Csymbol-mangling-version=legacy\", $rustflags"
    echo "==> $RELEASE_TOOLCHAIN, std rebuilt with panic=immediate-abort"
    built_with=$RELEASE_TOOLCHAIN
  else
    echo "news-widget build: warning: $RELEASE_TOOLCHAIN is not installed, so this is the stable" \
      "build with panic=abort, whose .wasm is about 18 KB gzip larger: \`make setup\` installs it" >&2
  fi
fi
cargo_args+=(--config "build.rustflags=[$rustflags]")
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# -Oz for size (the widget loads on every page), with the features stable and the pinned nightly
# emit (the same set, target_features section). A failure stops the build before dist/.
optimize() {
  local wasm=$1 before after
  before=$(wc -c <"$wasm")
  wasm-opt "$wasm" -o "$wasm.opt" -Oz \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    --converge --strip-producers --strip-debug ||
    fail "wasm-opt failed: dist/ is left as it was"
  mv "$wasm.opt" "$wasm"
  after=$(wc -c <"$wasm")
  [ "$after" -lt "$before" ] || fail "wasm-opt did not shrink $wasm ($before -> $after bytes)"
  echo "    $(basename "$wasm"): $before -> $after bytes"
}

# The modules fetched on a first use first: the tools module (the run-time `.ftl` compiler) and
# the plan module (the reading plan, on a reader's first Listen). cargo leaves the last build's
# .wasm at target/…/news_widget.wasm, which must be the page's module (the check below, and
# twiggy in make bench, read it). Plain cargo: these modules have no wasm-bindgen glue, only the
# exports the loader calls (src/tools.rs).
cargo_dir=release
tools_profile=(--release)
[ "$profile" = "--release" ] || { cargo_dir=debug; tools_profile=(); }
cargo_wasm=target/wasm32-unknown-unknown/$cargo_dir/news_widget.wasm
tools_wasm=$(mktemp)
plan_wasm=$(mktemp)
trap 'rm -f "$log" "$tools_wasm" "$plan_wasm"' EXIT
lazy_build() {
  local name=$1 features=$2 into=$3
  echo "==> cargo build: the $name module (--no-default-features --features $features)"
  rm -f "$cargo_wasm"
  if ! cargo build --quiet --lib ${tools_profile[@]+"${tools_profile[@]}"} --target wasm32-unknown-unknown \
    --no-default-features --features "$features" ${cargo_args[@]+"${cargo_args[@]}"} >"$log" 2>&1; then
    cat "$log" >&2
    fail "cargo build of the $name module failed (above)"
  fi
  cp "$cargo_wasm" "$into"
}
lazy_build tools "tools${test_trap:+,test-trap}" "$tools_wasm"
lazy_build plan plan "$plan_wasm"

# The page's modules, by role (Cargo.toml's features): the loader fetches the one a page needs.
# news-widget-core is both roles (a page with widgets and toolbars), news-widget-widget the news
# widget alone, news-widget-toolbar the article toolbar alone; with them news-widget-print, a
# toolbar's printed article (the sanitizing walker, the page's title and date, the print frame),
# which the loader fetches when a reader first prints from a page with only toolbars (their
# module has none of it). Core goes last: cargo's .wasm left behind is then
# the whole crate's. Each: the module's name, its cargo features, the exports the loader calls
# (the glue keeps those and what they use). In the test build the modules with the widget can
# trap on purpose (`testTrap` is the widget's handle's); the toolbar's and the print module's
# are the release ones.
trap_export=
if [ -n "$test_trap" ]; then trap_export=", testTrap"; fi
roles=(
  "print|--no-default-features --features print|default, articleCopy, printFrame"
  "widget|--no-default-features --features widget|default, halt, mount, useTools, validateFeed$trap_export"
  "toolbar|--no-default-features --features toolbar|default, halt, mountToolbar, useTools"
  "core||default, halt, mount, mountToolbar, useTools, validateFeed$trap_export"
)
built=()
for role in "${roles[@]}"; do
  IFS='|' read -r name role_features exports <<<"$role"
  read -ra role_args <<<"$role_features"
  role_trap=()
  case $name in toolbar | print) ;; *) role_trap=(${features[@]+"${features[@]}"}) ;; esac
  out_dir=$pkg
  [ "$name" = core ] || out_dir=$roles_dir/$name/pkg
  echo "==> wasm-pack build $profile: news-widget-$name${role_features:+ ($role_features)}${role_trap[*]:+ ${role_trap[*]}}"
  rm -f "$out_dir/news-widget-${name}_bg.wasm"
  # The crate's path before `--`: wasm-pack would take the first cargo argument for it.
  if ! wasm-pack build "$profile" --mode no-install --target web --out-dir "$out_dir" \
    --out-name "news-widget-$name" --no-typescript . -- ${cargo_args[@]+"${cargo_args[@]}"} \
    ${role_args[@]+"${role_args[@]}"} ${role_trap[@]+"${role_trap[@]}"} >"$log" 2>&1; then
    cat "$log" >&2
    fail "wasm-pack failed on news-widget-$name (above)"
  fi
  grep -v '^\[INFO\]: 📦\|^\[INFO\]: Your wasm pkg' "$log" || true
  [ -f "$out_dir/news-widget-${name}_bg.wasm" ] || fail "wasm-pack produced no .wasm for news-widget-$name"
  # No page module has an FTL parser: a site's `.ftl` is compiled in the tools module. Its
  # function names (still in cargo's .wasm) would show fluent-syntax if anything reached it.
  # Checked on the release build, the one shipped: a debug build links without LTO, which
  # leaves the crate's unused code in.
  if [ "$profile" = "--release" ] && grep -q fluent_syntax "$cargo_wasm"; then
    fail "news-widget-$name contains fluent-syntax: nothing but the tools module may compile .ftl"
  fi
  # Nor the reading plan's sentence rules: the plan module plans, when a reader first presses
  # Listen (src/listen/wire.rs).
  if [ "$profile" = "--release" ] && grep -a -q -e 'listen8sentence' -e 'listen::sentence' "$cargo_wasm"; then
    fail "news-widget-$name contains listen::sentence: only the plan module plans a reading"
  fi
  # Nor, in the toolbar's, the sanitizing walker: a page with only toolbars gets it from the
  # print module on a reader's first Print (src/dom/parts/page_copy.rs).
  if [ "$profile" = "--release" ] && [ "$name" = toolbar ] &&
    grep -a -q -e '5clean7Cleaner' -e 'clean::Cleaner' "$cargo_wasm"; then
    fail "news-widget-toolbar contains the sanitizing walker: only the print module cleans for it"
  fi
  # No page module formats with core::fmt (write, Formatter, padding, the integer Display
  # impls): with std's panics aborting at once, only the crate's own `format!`, `write!`,
  # `to_string()` on a `Display` type or `{}` would link it, 2.3 KB gzip in the widget's module
  # (docs/benchmarks.md#size); texts are built with src/explain.rs and src/decimal.rs instead.
  # Its symbols, mangled (`4core3fmt`, `core..fmt..` in an impl's path) or not, are looked
  # for in the names of the pinned nightly's build; stable's panics format, so it links them.
  if [ -n "${built_with:-}" ] &&
    grep -a -q -e '4core3fmt' -e 'core\.\.fmt\.\.' -e 'core::fmt::' "$cargo_wasm"; then
    fail "news-widget-$name links core::fmt: a page module builds its texts without it" \
      "(src/explain.rs; \`twiggy paths $cargo_wasm\` says who calls it)"
  fi
  # With its names, for twiggy (make bench's contributors by role).
  mkdir -p "$roles_dir" && cp "$cargo_wasm" "$roles_dir/news-widget-$name.wasm"
  if [ "$profile" = "--release" ]; then optimize "$out_dir/news-widget-${name}_bg.wasm"; fi
  # Short names between the .wasm and its glue, one mapping for both, before esbuild bundles
  # the glue (scripts/short-names.mjs, which fails rather than write a pair that does not link).
  # Kept by name: the stack pointer the loader reads, and the memory that the lifecycle test
  # and make bench measure.
  # The mapping is written only when the step ran: none afterwards (a step that did nothing and
  # said nothing) stops the build too.
  rm -f "$roles_dir/news-widget-$name.names.json"
  node scripts/short-names.mjs "$out_dir/news-widget-${name}_bg.wasm" "$out_dir/news-widget-$name.js" \
    "$roles_dir/news-widget-$name.names.json" --keep-export __stack_pointer --keep-export memory ||
    fail "the short names of news-widget-$name failed (above): dist/ is left as it was"
  [ -f "$roles_dir/news-widget-$name.names.json" ] ||
    fail "the short names of news-widget-$name wrote no mapping: the step did not run"
  built+=("$name|$out_dir|$exports")
done
cp "$tools_wasm" "$pkg/news-widget-tools.wasm"
cp "$plan_wasm" "$pkg/news-widget-plan.wasm"
if [ "$profile" = "--release" ]; then
  for name in tools plan; do
    echo "==> wasm-opt -Oz ($(wasm-opt --version | awk '{print $3}')): the $name module"
    optimize "$pkg/news-widget-$name.wasm"
  done
fi

# Assembled aside and swapped in, so a server running meanwhile never sees half a dist/.
rm -rf "$out.next"
mkdir -p "$out.next"
cp "$pkg/news-widget-tools.wasm" "$pkg/news-widget-plan.wasm" "$out.next/"
# Each glue is bundled with the snippet it imports (js/net.js, the widget's calls to fetch and
# Cache Storage: wasm-bindgen writes it to pkg/snippets/), so that it is one file and one request
# as before; it stays an ES module with the exports wasm-bindgen wrote. In the release build the
# glue and the loader are minified (names and whitespace only, no property mangling), and the
# loader is a classic script that also runs as a module; its /*! notice is kept.
# Only the exports the loader calls are kept (initSync and the handles' class names are not:
# -0.08 KB gzip), and with them what they use.
minify=()
[ "$profile" = "--release" ] && minify=(--minify)
for module in "${built[@]}"; do
  IFS='|' read -r name out_dir exports <<<"$module"
  cp "$out_dir/news-widget-${name}_bg.wasm" "$out.next/"
  echo "==> esbuild --bundle ${minify[*]}: the glue of news-widget-$name"
  echo "export { $exports } from \"./news-widget-$name.js\";" >"$out_dir/glue-entry.js"
  esbuild "$out_dir/glue-entry.js" --bundle ${minify[@]+"${minify[@]}"} --format=esm --target=es2020 \
    --log-level=warning --outfile="$out.next/news-widget-$name.js" || fail "esbuild failed on the glue of news-widget-$name"
  rm -f "$out_dir/glue-entry.js"
done
# The toolbar's module formats no date: the printed article's, its only one, is the print
# module's (src/dom/parts/page_copy.rs), and its glue would import Intl.DateTimeFormat again if
# that came back (a function's name can be inlined away; an import cannot).
if [ "$profile" = "--release" ] && [ -f "$out.next/news-widget-toolbar.js" ] &&
  grep -q "DateTimeFormat" "$out.next/news-widget-toolbar.js"; then
  fail "news-widget-toolbar formats a date: the printed article, which has the only one, is the print module's"
fi
# The loader's source is js/loader/, one module per responsibility; its entry is bundled into one
# classic script (iife: no import or export left, so it also runs as type="module"), minified in
# the release build. Its /*! notice opens the file: esbuild would move it to the end of a bundle,
# so it goes in as the banner.
loader_entry=js/loader/news-widget.js
notice=$(sed -n '1,/\*\//p' "$loader_entry")
esbuild "$loader_entry" --bundle --format=iife ${minify[@]+"${minify[@]}"} --target=es2017 \
  --legal-comments=none --banner:js="$notice" --log-level=warning \
  --outfile="$out.next/news-widget.js" || fail "esbuild failed on the loader"
rm -rf "$out" && mv "$out.next" "$out"
if [ -n "$test_trap" ]; then
  echo "==> $out/ (test build, never shipped)"
  exit 0
fi
# Which Rust built dist/, for the size test (tests/e2e/size.test.mjs): its budget is the pinned
# nightly's build.
echo "${built_with:-stable}" >target/dist-toolchain
# The npm package built by wasm-pack carries the loader too, so `npm i` users get dist/ as is.
cp dist/news-widget.js dist/news-widget-*.js dist/news-widget-*_bg.wasm pkg/
node -e '
  const fs = require("fs"); const p = "pkg/package.json"; const j = JSON.parse(fs.readFileSync(p));
  // The glue there is the bundled one: js/net.js is inside, pkg/snippets/ is not needed.
  j.files = Array.from(new Set([...(j.files || []), ...fs.readdirSync("dist")]))
    .filter((f) => f !== "snippets");
  j.browser = "news-widget.js"; j.main = "news-widget.js";
  j.sideEffects = ["./news-widget.js"]; // the loader defines NewsWidget and <news-widget>
  fs.writeFileSync(p, JSON.stringify(j, null, 2) + "\n");'
echo "==> dist/"
for f in dist/*; do
  printf '    %-32s %8d bytes  %7d gzip\n' "$(basename "$f")" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
done
