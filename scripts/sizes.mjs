// Transfer sizes of everything the first load needs (dist/), raw, gzip -9 and brotli (q 11).
// Usage: node scripts/sizes.mjs   (after trunk build --release --offline)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dist = join(import.meta.dirname, '..', 'dist');
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
};
walk(dist);
const rows = files.sort().map((path) => {
  const bytes = readFileSync(path);
  return {
    file: path.slice(dist.length + 1).replace(/-[0-9a-f]{16}/, '-<hash>'),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
console.log('| file | raw | gzip | brotli |\n|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.file} | ${r.raw} | ${r.gzip} | ${r.brotli} |`);
console.log(`| **total** | ${total.raw} | ${total.gzip} | ${total.brotli} |`);
