// Trunk post-build hook: puts the files Trunk does not know about beside the page, each
// named by its content, so that a file name never means two contents.
//
// - The data files build.rs writes (named by their content) to its OUT_DIR/site/: the
//   dataset, the texts, the search table and shards, and the documents' excerpt files.
// - The lazy views' wasm chunks: `scripts/wasm-link.sh` splits the module at link time and
//   leaves the chunks and their loader in .../<SPLIT_DIR>/. Each chunk is optimised with
//   the same wasm-opt and named by a hash of its content; the loader fetches each with its
//   Subresource Integrity, is itself named by its content, and the main module imports it
//   by that name (a page of one build never runs another build's loader).
//
// Both scripts, the main module's JavaScript and the loader, and the style sheet are
// minified with esbuild (Trunk's own minifier is left off: the patches here read
// wasm-bindgen's output as written).
//
// Every text patch is checked (scripts/build-config.mjs `patch`): a tool whose output
// changes shape fails the build here.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { buildConfig, contentHash, fail, integrity, patch } from './build-config.mjs';

const HOOK = 'place-files';
const config = buildConfig();
const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const source = process.env.TRUNK_SOURCE_DIR ?? '.';
const profile = process.env.TRUNK_PROFILE ?? 'release';
const target = process.env.CARGO_TARGET_DIR ?? join(source, 'target');
// The chunks that fit the module Trunk used: wasm-link.sh keeps them under a hash of the
// linked module, which cargo leaves at <profile>/<crate>.wasm.
const linked = join(target, 'wasm32-unknown-unknown', profile, `${config.CRATE}.wasm`);
const split = join(target, 'wasm32-unknown-unknown', profile, config.SPLIT_DIR,
  existsSync(linked) ? contentHash(readFileSync(linked)) : 'missing');
const builds = join(target, 'wasm32-unknown-unknown', profile, 'build');
const escaped = config.CRATE.replace(/[-]/g, '\\-');

const main = readdirSync(staging).find((f) => new RegExp(`^${escaped}-[0-9a-f]+\\.js$`).test(f));
if (!main) fail(HOOK, `no ${config.CRATE}-<hash>.js in ${staging}`);
checkWasmOptLevel();
placeDataFiles();
placeChunks();
minifyStyles();

/** index.html must ask Trunk for the wasm-opt level the chunks get. */
function checkWasmOptLevel() {
  const html = readFileSync(join(source, 'index.html'), 'utf8');
  if (!html.includes(`data-wasm-opt="${config.WASM_OPT_LEVEL}"`)) {
    fail(HOOK, `index.html's data-wasm-opt is not "${config.WASM_OPT_LEVEL}" (scripts/build.conf)`);
  }
}

/** The dataset and previews, when the module fetches them (the `site` feature). */
function placeDataFiles() {
  const wasm = readFileSync(join(staging, main.replace(/\.js$/, '_bg.wasm'))).toString('latin1');
  const dataset = wasm.match(/dataset-[0-9a-f]{16}\.bin/)?.[0];
  if (!dataset) return;
  // build.rs wrote them to its OUT_DIR/site/, found by the names the wasm holds (the
  // dataset's and the texts'; the excerpts are listed by the start-up script,
  // externalize-init.mjs, from the files placed here).
  const named = [...new Set(wasm.match(/(?:dataset|texts|search)-[0-9a-f]{16}\.bin/g))];
  // The newest such directory: another feature set's older run may hold the same dataset
  // beside excerpts an older build.rs wrote.
  const siteData = (existsSync(builds) ? readdirSync(builds) : [])
    .map((b) => join(builds, b, 'out', 'site'))
    .filter((dir) => named.every((f) => existsSync(join(dir, f))))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!siteData) fail(HOOK, `${main} fetches ${named.join(', ')}, which no one build wrote under ${builds}`);
  const files = readdirSync(siteData);
  for (const f of files) copyFileSync(join(siteData, f), join(staging, f));
  console.log(`${HOOK}: ${files.length} data files (${dataset}, its texts, search table and shards, and the document excerpts)`);
}

/** The chunks, optimised and named by content, and the loader that fetches them. */
function placeChunks() {
  const mainPath = join(staging, main);
  let glue = readFileSync(mainPath, 'utf8');
  if (!glue.includes('./__wasm_split.js')) {
    console.log(`${HOOK}: the module has no lazy views`);
    return;
  }
  const loaderPath = join(split, '__wasm_split.js');
  if (!existsSync(loaderPath)) fail(HOOK, `${main} imports ./__wasm_split.js but ${loaderPath} is missing`);
  let loader = patch(HOOK, 'loader import of the main module', readFileSync(loaderPath, 'utf8'),
    new RegExp(`"\\./${escaped}\\.js"`), `"./${main}"`);
  const chunks = readdirSync(split).filter((f) => f.endsWith('.wasm'));
  for (const chunk of chunks) {
    const bytes = optimise(join(split, chunk));
    const name = chunk.replace(/\.wasm$/, `-${contentHash(bytes)}.wasm`);
    writeFileSync(join(staging, name), bytes);
    // fetch(new URL("./chunk.wasm", import.meta.url)) → the named file, checked on arrival.
    loader = patch(HOOK, `loader fetch of ${chunk}`, loader,
      new RegExp(`fetch\\(new URL\\("\\./${chunk.replace('.', '\\.')}", import\\.meta\\.url\\)\\)`),
      `fetch(new URL("./${name}", import.meta.url), { integrity: "${integrity(bytes)}" })`);
  }
  loader = minified(loader);
  const loaderName = `__wasm_split-${contentHash(loader)}.js`;
  writeFileSync(join(staging, loaderName), loader);
  // The ES imports only: the wasm's own import module name ("./__wasm_split.js" as a key of
  // the imports object) stays as it is.
  const imports = /from "\.\/__wasm_split\.js"/g;
  glue = patch(HOOK, 'main module imports of the loader', glue, imports, `from "./${loaderName}"`,
    Math.max(1, (glue.match(imports) ?? []).length));
  glue = minified(glue);
  writeFileSync(mainPath, glue);
  refreshIntegrity(main, glue);
  preloadLoader(loaderName, loader);
  console.log(`${HOOK}: ${main} + ${loaderName} and ${chunks.length} chunks`);
}

/** The loader asked for beside the main module, which imports it: otherwise the browser
 * finds it only once the main module has arrived, and the start waits a round trip more. */
function preloadLoader(name, content) {
  const htmlPath = join(staging, 'index.html');
  const html = readFileSync(htmlPath, 'utf8');
  const link = new RegExp(`<link rel="modulepreload" href="\\./${escaped}-[0-9a-f]+\\.js"[^>]*>`);
  const preload = `<link rel="modulepreload" href="./${name}" crossorigin="anonymous" integrity="${integrity(content)}">`;
  writeFileSync(htmlPath, patch(HOOK, 'index.html preload of the loader', html, link, `$&${preload}`));
}

/** The style sheet Trunk placed, minified with esbuild like the scripts. */
function minifyStyles() {
  for (const css of readdirSync(staging).filter((f) => /^[\w-]+-[0-9a-f]+\.css$/.test(f))) {
    const path = join(staging, css);
    const code = transformSync(readFileSync(path, 'utf8'), { loader: 'css', minify: true }).code;
    writeFileSync(path, code);
    refreshIntegrity(css, code);
  }
}

/** An ES module, minified (names, whitespace; its imports and exports as they were). */
function minified(code) {
  return transformSync(code, { format: 'esm', minify: true, target: 'es2022' }).code;
}

/** A chunk after wasm-opt, as bytes. */
function optimise(path) {
  const out = `${path}.opt`;
  execFileSync('wasm-opt', [`-O${config.WASM_OPT_LEVEL}`, ...config.WASM_OPT_FEATURES.split(/\s+/), path, '-o', out],
    // wasm-opt warns about the name section wasm-split writes; only a failure is worth showing.
    { stdio: ['ignore', 'inherit', 'pipe'] });
  const bytes = readFileSync(out);
  rmSync(out);
  return bytes;
}

/** index.html's integrity for a file whose content this hook changed. */
function refreshIntegrity(file, content) {
  const htmlPath = join(staging, 'index.html');
  const html = readFileSync(htmlPath, 'utf8');
  const link = new RegExp(`(href="\\./${file.replace(/[.-]/g, '\\$&')}"[^>]*integrity=")[^"]+(")`);
  writeFileSync(htmlPath, patch(HOOK, `index.html integrity of ${file}`, html, link, `$1${integrity(content)}$2`));
}
