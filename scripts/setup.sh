#!/usr/bin/env bash
# Installs what building and testing Milcoop needs, and skips what is already there, so it
# is safe to run any number of times. Sourced by serve.sh and test.sh (it sets PATH).
#
#   wasm32 target (rustup) · Trunk 0.21.14 · wasm-bindgen-cli at the version Cargo.lock pins
#   wasm-split-cli 0.2.4 (cuts the lazy views out of the wasm; see scripts/wasm-link.sh)
#   wasm-pack 0.15.1 (for `wasm-pack test`, the README's other way to run the component tests)
#   Chromium + ChromeDriver (Debian) · wasm-opt 132, playwright-core, axe-core, minisearch, pagefind and
#   the map and name data generators' packages (npm, project-local)
#
# Nothing is downloaded from GitHub releases: Trunk runs with --offline and finds its tools
# on PATH.
set -euo pipefail
MILCOOP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$MILCOOP_ROOT"
export PATH="$MILCOOP_ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

missing_apt=()
[ -x /usr/bin/chromium ] || missing_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || missing_apt+=(chromium-driver)
if [ ${#missing_apt[@]} -gt 0 ]; then
  say "installing ${missing_apt[*]} from Debian"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing_apt[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

if ! trunk --version 2>/dev/null | grep -q ' 0\.21\.14$'; then
  say "installing Trunk 0.21.14 (several minutes, once)"
  cargo install --locked trunk --version 0.21.14
fi

wasm_bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wasm_bindgen_version\$"; then
  say "installing wasm-bindgen-cli $wasm_bindgen_version (several minutes, once)"
  # Without --locked: a locked dependency of the CLI is not served by the registry here.
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version" --force
fi

# Must read the split points that Cargo.lock's wasm_split_helpers (through Leptos) writes.
# (The CLI has no --version; cargo's list of installed crates says which one it is.)
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -q '^wasm_split_cli_support v0\.2\.4:'; then
  say "installing wasm-split-cli 0.2.4 (a minute or two, once)"
  cargo install --locked wasm_split_cli_support --version 0.2.4 --features build-binary
fi

# `wasm-pack test` finds Debian's chromedriver on PATH and uses the pinned wasm-bindgen
# installed above, so it downloads nothing (README, "Component tests with wasm-pack").
if ! wasm-pack --version 2>/dev/null | grep -q ' 0\.15\.1$'; then
  say "installing wasm-pack 0.15.1 (two minutes, once)"
  cargo install --locked wasm-pack --version 0.15.1
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] ||
  ! cmp -s package-lock.json node_modules/.package-lock.json 2>/dev/null; then
  say "installing npm tools (binaryen 132, esbuild, playwright-core, axe-core, minisearch, pagefind, data generators)"
  npm ci --no-audit --no-fund --loglevel=error
fi
