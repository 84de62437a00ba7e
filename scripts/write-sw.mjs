// Trunk post-build hook, the last: versions the service worker by the build. It hashes
// every file of the site into a version, names it in index.html
// (<meta name="milcoop-version">, read by the page), and writes sw.js from the template
// src/sw.js with that version and the full file list, each file with its Subresource
// Integrity. Any change to any file is a new worker (see src/sw.js for the update policy).
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contentHash, integrity, patch } from './build-config.mjs';

const HOOK = 'write-sw';
const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const source = process.env.TRUNK_SOURCE_DIR ?? '.';

/** Every file under `dir`, as paths relative to the staging directory. */
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(staging, path)];
  });
}

const files = walk(staging).filter((f) => f !== 'sw.js').sort();
const version = contentHash(files.map((f) => `${f}:${integrity(readFileSync(join(staging, f)))}\n`).join(''));

const htmlPath = join(staging, 'index.html');
const html = patch(HOOK, 'index.html head', readFileSync(htmlPath, 'utf8'), /<meta charset="utf-8" \/>/,
  `<meta charset="utf-8" />\n    <meta name="milcoop-version" content="${version}" />`);
writeFileSync(htmlPath, html);

const entries = files.map((f) => [f === 'index.html' ? './' : `./${f}`, integrity(readFileSync(join(staging, f)))]);
let worker = readFileSync(join(source, 'src', 'sw.js'), 'utf8');
worker = patch(HOOK, 'sw.js version', worker, /'__MILCOOP_VERSION__'/, `'${version}'`);
worker = patch(HOOK, 'sw.js file list', worker, /__MILCOOP_FILES__/, JSON.stringify(entries, null, 1));
writeFileSync(join(staging, 'sw.js'), worker);
console.log(`${HOOK}: version ${version}, ${entries.length} files`);
