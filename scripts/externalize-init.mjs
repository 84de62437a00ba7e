// Trunk post-build hook: replaces the inline module script Trunk writes into index.html
// with a start-up script of our own in a file, so that
// - the site runs under a strict Content-Security-Policy with no 'unsafe-inline' (Trunk 0.21
//   has no option for this; trunk-rs/trunk#288);
// - the main wasm is fetched with its Subresource Integrity, and a start that fails (a
//   missing or damaged file, a trap) says so in the page instead of leaving it blank;
// - a link into a document (`?p=<doc>.<hash>`, `?doc=<doc>`) starts fetching that document's
//   excerpt file while the wasm downloads, rather than once the wasm has started: the
//   script holds the table of excerpt files (each document's id and the hash that names its
//   file, made from the files place-files.mjs put beside the page) and hands the page both
//   the table and the fetch it started (`src/data.rs`, `prefetched`).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, fail, integrity } from './build-config.mjs';

const HOOK = 'externalize-init';
const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const htmlPath = join(dir, 'index.html');
const html = readFileSync(htmlPath, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const trunk = html.match(inline)?.[1];
if (!trunk) {
  if (html.includes('src="./init-')) process.exit(0); // already done
  fail(HOOK, `no inline module script in ${htmlPath}`);
}
// The two names Trunk's script starts the app with.
const glue = trunk.match(/from '\.\/([\w.-]+\.js)'/)?.[1];
const wasm = trunk.match(/module_or_path: '\.\/([\w.-]+_bg\.wasm)'/)?.[1];
if (!glue || !wasm) fail(HOOK, `Trunk's start-up script no longer names its module and wasm:\n${trunk}`);

// Each document's excerpt file, `doc-<id>-<16 hex>.bin`, as "<id> <hex>" lines (an id is
// lowercase letters, digits and hyphens: core/src/ingest/header.rs).
const files = readdirSync(dir)
  .map((f) => f.match(/^doc-(.+)-([0-9a-f]{16})\.bin$/))
  .filter(Boolean);
const twice = files.map(([, id]) => id).find((id, i, ids) => ids.indexOf(id) !== i);
if (twice) fail(HOOK, `two excerpt files for document ${twice} in ${dir}`);
const excerpts = files.map(([, id, hash]) => `${id} ${hash}`).sort().join('\n');

const code = `// Starts Milcoop (written by scripts/externalize-init.mjs at build time).
// The documents' excerpt files: "<document id> <the hash that names its file>", one a line.
const excerpts = ${JSON.stringify(excerpts)};
window.milcoopExcerpts = excerpts;
// The document a link opens, as the page reads it (core/src/route.rs): the passage's
// document for ?p=, else ?doc= when nothing makes the link a view of many documents.
const linkedDocument = () => {
  const params = [...new URLSearchParams(location.search)].map(([k, v]) => [k, v.trim()]);
  const passage = params.find(([k, v]) => k === 'p' && v && [...v].length <= 200);
  if (passage) {
    const dot = passage[1].indexOf('.');
    return dot > 0 ? passage[1].slice(0, dot) : null;
  }
  const views = ['explore', 'timeline', 'countries', 'stats'];
  const filters = ['q', 'year', 'country', 'type', 'lang'];
  if (params.some(([k, v]) => (k === 'view' && views.includes(v)) || (filters.includes(k) && v))) return null;
  const first = params.find(([k, v]) => ['doc', 'series', 'mission'].includes(k) && v && [...v].length <= 200);
  return first && first[0] === 'doc' ? first[1] : null;
};
// Its excerpt's fetch, started now; the page takes it (once) rather than fetch it again.
try {
  const doc = linkedDocument();
  const line = doc && excerpts.split('\\n').find((l) => l.slice(0, l.indexOf(' ')) === doc);
  if (line) {
    const name = \`doc-\${doc}-\${line.slice(line.indexOf(' ') + 1)}.bin\`;
    window.milcoopPrefetch = { name, response: fetch('./' + name) };
    window.milcoopPrefetch.response.catch(() => {});
  }
} catch (_) {
  // A link the page cannot read: the page says so; nothing is fetched early.
}
const failed = (error) => {
  const note = document.createElement('p');
  note.setAttribute('role', 'alert');
  note.className = 'boot-error';
  note.textContent = 'Milcoop could not start: a file of the site is missing or damaged, or the connection failed (' +
    String(error && error.message || error) + '). Reload the page; if this persists, the site is being updated. ' +
    'Milcoop 无法启动：网站文件缺失或损坏，或网络连接失败。请重新载入页面。';
  document.body.append(note);
};
try {
  const bindings = await import('./${glue}');
  const wasm = await bindings.default({
    module_or_path: fetch('./${wasm}', { integrity: '${integrity(readFileSync(join(dir, wasm)))}' }),
  });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (error) {
  failed(error);
}
`;
const name = `init-${contentHash(code)}.js`;
writeFileSync(join(dir, name), code);
writeFileSync(
  htmlPath,
  html.replace(inline, `<script type="module" src="./${name}" integrity="${integrity(code)}" crossorigin="anonymous"></script>`),
);
console.log(`${HOOK}: ${name}`);
