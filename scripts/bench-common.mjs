// What the benchmark scripts share: a plain static server on loopback and the sizes of
// the files a page fetched.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Raw, gzip -9 and brotli q11 sizes of the given files of `dist`. */
export function sizes(dist, files) {
  const rows = [...files].sort().map((name) => {
    const bytes = readFileSync(join(dist, name));
    return {
      file: name.replace(/-[0-9a-f]{12,16}/, '-<hash>'),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { rows, total, wasm: rows.find((r) => r.file.endsWith('_bg.wasm')) };
}

/** Serves `dir` on a loopback port with Python's plain static server (no compression, no
 * cache headers): the same for every site measured. */
export async function serve(dir) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const child = spawn(python, ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(origin + '/')).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { origin, stop: () => child.kill() };
}

/** The files of `origin` that `page` fetches successfully from now on, by path (the page
 * itself as index.html), in a set that fills as responses arrive. */
export function filesFetched(page, origin) {
  const files = new Set();
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.origin === origin && r.status() === 200) files.add(u.pathname.endsWith('/') ? 'index.html' : decodeURIComponent(u.pathname.slice(1)));
  });
  return files;
}

/** The queries of the interaction script and of the search comparison. */
export const QUERIES = [
  ['zh', '联合演习'], ['zh', '维和'], ['zh', '高加索'], ['zh', '中俄'], ['zh', '人道主义'], ['zh', '护航'],
  ['zh', '医疗队'], ['zh', '海上联合'], ['zh', '反恐'], ['zh', '防务安全磋商'],
  ['en', 'joint exercise'], ['en', 'peacekeeping'], ['en', 'Golden Dragon'], ['en', 'military diplomacy'],
  ['en', 'humanitarian'], ['mixed', '中俄 Russia'], ['mixed', '演习 2023'],
  ['one', '军'], ['one', '演'], ['one', '训'],
  ['long', '中俄两国空军在亚太地区组织实施的第二次联合空中战略巡航'],
  ['long', 'the Chinese military will always follow the guidance'],
];

/** The queries of the cold-search measure: Chinese, English, and both. */
export const COLD_QUERIES = ['联合演习', 'peacekeeping', '中俄 Russia'];
