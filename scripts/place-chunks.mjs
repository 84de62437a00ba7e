// Trunk post-build hook: puts the lazy views' wasm chunks beside the main module.
//
// `scripts/wasm-link.sh` splits the module at link time and leaves the chunks and their
// loader (`__wasm_split.js`) in <target>/wasm32-unknown-unknown/<profile>/wasm-split/.
// Trunk only knows the main module, so this hook optimises each chunk with the same
// wasm-opt, names it by a hash of its content (a new build never meets a stale cached
// chunk), and writes the loader with those names and the main module's hashed name.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const source = process.env.TRUNK_SOURCE_DIR ?? '.';
const profile = process.env.TRUNK_PROFILE ?? 'release';
const target = process.env.CARGO_TARGET_DIR ?? join(source, 'target');
const split = join(target, 'wasm32-unknown-unknown', profile, 'wasm-split');

const main = readdirSync(staging).find((f) => /^milcoop-web-[0-9a-f]+\.js$/.test(f));
if (!main) {
  console.error(`place-chunks: no milcoop-web-<hash>.js in ${staging}`);
  process.exit(1);
}
const wantsLoader = readFileSync(join(staging, main), 'utf8').includes('./__wasm_split.js');
if (!wantsLoader) {
  console.log('place-chunks: the module has no lazy views');
  process.exit(0);
}
const loaderPath = join(split, '__wasm_split.js');
if (!existsSync(loaderPath)) {
  console.error(`place-chunks: ${main} imports ./__wasm_split.js but ${loaderPath} is missing`);
  process.exit(1);
}

let loader = readFileSync(loaderPath, 'utf8').replace('"./milcoop-web.js"', `"./${main}"`);
// Whatever the loader names must be a chunk this build wrote.
for (const chunk of readdirSync(split).filter((f) => f.endsWith('.wasm'))) {
  const optimised = join(split, `${chunk}.opt`);
  execFileSync(
    'wasm-opt',
    ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
      '--enable-mutable-globals', '--enable-multivalue', '--enable-reference-types',
      join(split, chunk), '-o', optimised],
    { stdio: 'inherit' },
  );
  const bytes = readFileSync(optimised);
  rmSync(optimised);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const name = chunk.replace(/\.wasm$/, `-${hash}.wasm`);
  writeFileSync(join(staging, name), bytes);
  const quoted = `"./${chunk}"`;
  if (!loader.includes(quoted)) {
    console.error(`place-chunks: the loader does not name ${chunk}`);
    process.exit(1);
  }
  loader = loader.replaceAll(quoted, `"./${name}"`);
}
writeFileSync(join(staging, '__wasm_split.js'), loader);
console.log(`place-chunks: ${main} + __wasm_split.js and its chunks`);
