#!/usr/bin/env bash
# Runs every test: formatting and lints, core unit tests, the corpus check, component tests
# in headless Chromium, the release build, and end-to-end tests against it.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
export CHROMEDRIVER=/usr/bin/chromedriver
export TRUNK_SKIP_VERSION_CHECK=true

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all -- --check

step "lint"
cargo clippy -p milcoop-core --all-targets -- -D warnings
cargo clippy -p milcoop-web --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy -p milcoop-web --target wasm32-unknown-unknown --all-targets --features site,bench -- -D warnings

step "core unit tests"
cargo test -p milcoop-core

step "corpus check"
cargo run --release --bin milcoop -- check > target/check.txt || { cat target/check.txt; exit 1; }
tail -n 2 target/check.txt

step "component tests (wasm-bindgen-test in headless Chromium, through wasm-pack as the README says)"
wasm-pack test --headless --chrome --mode no-install -- -p milcoop-web

step "release build"
trunk build --release --offline

# A second version of the site: the corpus plus one passage (for the redeploy test,
# tests/e2e/deploy.test.mjs) and one document brought in by `milcoop import` from a saved
# ministry page (for tests/e2e/import.test.mjs). Built before the first is used, so both
# stay as they are.
step "second release build (the corpus plus one passage and one imported page)"
rm -rf target/corpus-v2 && cp -r corpus target/corpus-v2
{ echo; cat tests/e2e/fixtures/redeploy-passage.txt; } >> target/corpus-v2/review-2020.txt
cargo run --release --bin milcoop -- --corpus target/corpus-v2 import core/testdata/import/mnd-press-2024-01-25.html
cargo run --release --bin milcoop -- --corpus target/corpus-v2 check > target/check-v2.txt || { cat target/check-v2.txt; exit 1; }
MILCOOP_CORPUS="$PWD/target/corpus-v2" trunk build --release --offline --dist target/dist-v2
cargo run --release --bin milcoop -- --corpus target/corpus-v2 export > target/export-v2.json

# A third: a synthetic corpus ten times the size (`milcoop synth`: the real documents and
# nine varied copies of each, 50 documents), so the e2e suite also checks the site where
# lists are paged, excerpts are many and bilingual halves no longer align. (A 100x build
# would take CI past its hour; the benchmark builds 100x and 300x.)
step "third release build (a synthetic corpus ten times the size)"
rm -rf target/corpus-10
cargo run --release --bin milcoop -- synth 10 target/corpus-10
MILCOOP_CORPUS="$PWD/target/corpus-10" trunk build --release --offline --dist target/dist-10
cargo run --release --bin milcoop -- --corpus target/corpus-10 export > target/export-10.json

cargo run --release --bin milcoop -- export > target/export.json

step "end-to-end tests (playwright-core, Debian Chromium, plain static server)"
npm run --silent e2e

step "end-to-end tests again, against the synthetic corpus ten times the size"
MILCOOP_E2E_DIST=target/dist-10 MILCOOP_E2E_EXPORT=target/export-10.json npm run --silent e2e
