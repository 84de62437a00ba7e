#!/usr/bin/env bash
# The wasm32 linker (set in .cargo/config.toml): rust-lld, then, when the module has
# split points (the lazy views, `later!` in src/lazy.rs), wasm-split-cli cuts it into a main
# module and chunks fetched on first use. The main module replaces the linker's output, so
# Trunk's wasm-bindgen and wasm-opt steps run on it as usual; `scripts/place-files.mjs` (a
# Trunk post-build hook) puts the chunks beside it in dist/. Modules without split points
# (the component tests) are linked unchanged. Names come from scripts/build.conf.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/build.conf"

args=("$@")
if [[ ${args[0]:-} == -flavor ]]; then args=("${args[@]:2}"); fi
host=$(rustc -vV | sed -n 's/^host: //p')
lld="$(rustc --print sysroot)/lib/rustlib/$host/bin/rust-lld"

out=""
for ((i = 0; i < ${#args[@]}; i++)); do
  if [[ ${args[i]} == -o ]]; then out=${args[i + 1]}; fi
done

# Relocations tell wasm-split which function and data references to rewrite.
"$lld" -flavor wasm --emit-relocs "${args[@]}"

[[ -n $out ]] && grep -q "__wasm_split_load_" "$out" || exit 0

# The chunks are kept per linked module, in <SPLIT_DIR>/<content hash of the module>/: a
# build that cargo finds up to date (another feature set built in between, as the
# benchmark does) skips this linker, and its chunks must still be the ones that fit it.
splits="$(dirname "$out")/../$SPLIT_DIR"
split="$splits/.linking-$$"
rm -rf "$split"
mkdir -p "$split"
wasm-split-cli --target web --out-name "$CRATE" "$out" "$split" >&2
# The chunks call through the main module's function table, but wasm-bindgen drops the
# export of lld's `__indirect_function_table` (and Trunk cannot pass it
# --keep-lld-exports). Under a name of the same length the export survives; the loader
# asks for it by that name. Each rewrite is checked, so a new wasm-split fails here.
table_uses=$(grep -c -a "__indirect_function_table" "$split/$CRATE.wasm" || true)
[[ $table_uses -ge 1 ]] || {
  echo "wasm-link: the split module no longer exports __indirect_function_table" >&2
  exit 1
}
perl -0777 -pe 's/__indirect_function_table/__wasm_split_shared_table/g' \
  "$split/$CRATE.wasm" > "$out"
rm "$split/$CRATE.wasm"
perl -0777 -pi -e 's/\{ __indirect_function_table,/{ __wasm_split_shared_table: __indirect_function_table,/' \
  "$split/__wasm_split.js"
grep -q "__wasm_split_shared_table: __indirect_function_table" "$split/__wasm_split.js" || {
  echo "wasm-link: the wasm-split loader no longer reads the table as expected" >&2
  exit 1
}
key=$(sha256sum "$out" | cut -c1-16)
rm -rf "${splits:?}/$key"
mv "$split" "$splits/$key"
# Keep the chunks of the four most recent modules (one per feature set in use).
ls -1t "$splits" | tail -n +5 | while read -r old; do rm -rf "${splits:?}/$old"; done
