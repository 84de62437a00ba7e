// Trunk post-build hook, the last: versions the service worker by the build. It hashes
// every file of the site into a version, names it in index.html
// (<meta name="milcoop-version">, read by the page), and writes sw.js from the template
// src/sw.js with that version and the file lists, each file with its Subresource
// Integrity and size: the shell, cached when the worker installs, and the data files
// (the texts file, the search shards and the documents' excerpts), cached as they are
// used. Any change to
// any file is a new worker (see src/sw.js for the policy).
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

/** Data files: fetched as they are used, not when the worker installs. (The search table is
 * shell: every filtered view needs it, so that every view opens offline.) */
const DATA = /^(texts-[0-9a-f]+|shard-[0-9a-z_]+-[0-9a-f]+|doc-.+-[0-9a-f]+)\.bin$/;
const entry = (f) => {
  const bytes = readFileSync(join(staging, f));
  return [f === 'index.html' ? './' : `./${f}`, integrity(bytes), bytes.length];
};
const shell = files.filter((f) => !DATA.test(f)).map(entry);
const data = files.filter((f) => DATA.test(f)).map(entry);
let worker = readFileSync(join(source, 'src', 'sw.js'), 'utf8');
worker = patch(HOOK, 'sw.js version', worker, /'__MILCOOP_VERSION__'/, `'${version}'`);
worker = patch(HOOK, 'sw.js shell list', worker, /__MILCOOP_SHELL__/, JSON.stringify(shell, null, 1));
worker = patch(HOOK, 'sw.js data list', worker, /__MILCOOP_DATA__/, JSON.stringify(data, null, 1));
writeFileSync(join(staging, 'sw.js'), worker);
console.log(`${HOOK}: version ${version}, ${shell.length} shell files, ${data.length} data files`);
