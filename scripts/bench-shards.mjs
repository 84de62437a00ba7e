// What a cold search downloads from the site's search files (docs/scale.md, step 3): the
// files are written by `milcoop shards`, as the build writes them (core/src/query/sharded.rs:
// one file per key with the passages' and the events' shards), over the real corpus (1×) or
// a synthetic one (`milcoop synth`), and each query of the benchmark, expanded with the
// thesaurus as the page expands it, is sized by the shard files it needs (brotli, as a
// static host would send them), plus the table every query needs once (the passages' and
// events' lengths, the keys and each file's hash).
//
//   node scripts/bench-shards.mjs [--factors 1,100,300]
//
// core/tests/shards.rs checks that the shards answer every query as the whole index does.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COLD_QUERIES, QUERIES, sizes } from './bench-common.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const at = args.indexOf('--factors');
const factors = (at >= 0 ? args[at + 1] : '1,100,300').split(',').map(Number);
const queries = [...new Set([...QUERIES.map(([, q]) => q), ...COLD_QUERIES])];

const milcoop = (...argv) =>
  execFileSync('cargo', ['run', '-q', '--release', '--bin', 'milcoop', '--', ...argv], {
    cwd: ROOT,
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'inherit'],
  }).toString();
const kb = (n) => (n / 1024).toFixed(1);

console.log('| corpus | shards | all shards (KB br) | largest (KB br) | table (KB br) | query | shards fetched | KB br |');
console.log('|---|---|---|---|---|---|---|---|');
for (const factor of factors) {
  const corpus = factor === 1 ? join(ROOT, 'corpus') : join(ROOT, 'target', 'bench', `corpus-${factor}`);
  if (factor !== 1 && !existsSync(corpus)) milcoop('synth', String(factor), corpus);
  const out = join(ROOT, 'target', 'bench', `shards-${factor}`);
  rmSync(out, { recursive: true, force: true });
  const lines = milcoop('--corpus', corpus, 'shards', out, ...queries).trim().split('\n');
  const size = new Map(sizes(out, readdirSync(out)).rows.map((r) => [r.file, r.brotli]));
  const shards = [...size].filter(([f]) => f !== 'search.bin');
  const total = shards.reduce((s, [, n]) => s + n, 0);
  const largest = Math.max(...shards.map(([, n]) => n));
  const table = size.get('search.bin');
  lines.forEach((line, i) => {
    const [q, files = ''] = line.split('\t');
    const needed = files.split(' ').filter(Boolean);
    const bytes = needed.reduce((s, f) => s + size.get(f), 0);
    const head = i === 0 ? `${factor}× | ${shards.length} | ${kb(total)} | ${kb(largest)} | ${kb(table)}` : ' | | | |';
    console.log(`| ${head} | ${q} | ${needed.length} | ${kb(bytes)} |`);
  });
}
