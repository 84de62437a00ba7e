// Trunk post-build hook: puts the files Trunk does not know about beside the page.
//
// - The dataset and the documents' preview files, which build.rs writes (named by their
//   content) to its OUT_DIR/site/. index.html names the dataset in a meta tag, for the
//   service worker.
// - The lazy views' wasm chunks: `scripts/wasm-link.sh` splits the module at link time and
//   leaves the chunks and their loader (`__wasm_split.js`) in .../wasm-split/. Each chunk is
//   optimised with the same wasm-opt and named by a hash of its content (a new build never
//   meets a stale cached chunk); the loader is written with those names and the main
//   module's hashed name.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const source = process.env.TRUNK_SOURCE_DIR ?? '.';
const profile = process.env.TRUNK_PROFILE ?? 'release';
const target = process.env.CARGO_TARGET_DIR ?? join(source, 'target');
const split = join(target, 'wasm32-unknown-unknown', profile, 'wasm-split');
const builds = join(target, 'wasm32-unknown-unknown', profile, 'build');

const main = readdirSync(staging).find((f) => /^milcoop-web-[0-9a-f]+\.js$/.test(f));
if (!main) {
  console.error(`place-files: no milcoop-web-<hash>.js in ${staging}`);
  process.exit(1);
}

// The data files, when the module fetches them (the `site` feature) rather than embedding:
// build.rs wrote them to its OUT_DIR/site/, found here by the dataset name the wasm holds.
const wasm = readFileSync(join(staging, main.replace(/\.js$/, '_bg.wasm'))).toString('latin1');
const dataset = wasm.match(/dataset-[0-9a-f]{16}\.bin/)?.[0];
if (dataset) {
  const siteData = (existsSync(builds) ? readdirSync(builds) : [])
    .map((b) => join(builds, b, 'out', 'site'))
    .find((dir) => existsSync(join(dir, dataset)));
  if (!siteData) {
    console.error(`place-files: ${main} fetches ${dataset}, which no build wrote under ${builds}`);
    process.exit(1);
  }
  const dataFiles = readdirSync(siteData);
  for (const f of dataFiles) copyFileSync(join(siteData, f), join(staging, f));
  const htmlPath = join(staging, 'index.html');
  const html = readFileSync(htmlPath, 'utf8');
  // Not preloaded: on a deep link the page fetches it once the linked document's preview is
  // on screen, and a preload would compete with the start it is meant to follow. The meta
  // tag names it for the service worker's precache.
  const tag = `<meta name="milcoop-dataset" content="./${dataset}" />`;
  if (!html.includes(tag)) writeFileSync(htmlPath, html.replace('<link ', `${tag}\n    <link `));
  console.log(`place-files: ${dataset} and ${dataFiles.length - 1} document previews`);
}

const wantsLoader = readFileSync(join(staging, main), 'utf8').includes('./__wasm_split.js');
if (!wantsLoader) {
  console.log('place-files: the module has no lazy views');
  process.exit(0);
}
const loaderPath = join(split, '__wasm_split.js');
if (!existsSync(loaderPath)) {
  console.error(`place-files: ${main} imports ./__wasm_split.js but ${loaderPath} is missing`);
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
    // wasm-opt warns about the name section wasm-split writes; only a failure is worth showing.
    { stdio: ['ignore', 'inherit', 'pipe'] },
  );
  const bytes = readFileSync(optimised);
  rmSync(optimised);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const name = chunk.replace(/\.wasm$/, `-${hash}.wasm`);
  writeFileSync(join(staging, name), bytes);
  const quoted = `"./${chunk}"`;
  if (!loader.includes(quoted)) {
    console.error(`place-files: the loader does not name ${chunk}`);
    process.exit(1);
  }
  loader = loader.replaceAll(quoted, `"./${name}"`);
}
writeFileSync(join(staging, '__wasm_split.js'), loader);
console.log(`place-files: ${main} + __wasm_split.js and its chunks`);
