// Trunk post-build hook: replaces the inline module script Trunk writes into index.html
// with a start-up script of our own in a file, so that
// - the site runs under a strict Content-Security-Policy with no 'unsafe-inline' (Trunk 0.21
//   has no option for this; trunk-rs/trunk#288);
// - the main wasm is fetched with its Subresource Integrity, and a start that fails (a
//   missing or damaged file, a trap) says so in the page instead of leaving it blank.
import { readFileSync, writeFileSync } from 'node:fs';
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

const code = `// Starts Milcoop (written by scripts/externalize-init.mjs at build time).
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
