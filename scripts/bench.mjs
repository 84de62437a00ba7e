// The Milcoop benchmark (a documented command, not a test):
//
//   node scripts/bench.mjs [--factors 1,10,100] [--loads 20] [--write]
//
// For each corpus size it builds the release site over the real corpus (1×) or a synthetic
// one (`milcoop synth`: the real documents varied, N× the size), serves it on loopback with
// a plain static server and drives Debian's Chromium (playwright-core):
//   - transfer size of everything the first load fetches, raw / gzip -9 / brotli q11;
//   - first passage painted (Element Timing on the passage text) after a cold load of a deep
//     link, and the dataset's decode time, median and p95 over --loads cold loads, beside the
//     floor: a plain pre-rendered HTML page of the same document (`milcoop prerender`),
//     timed the same way;
//   - interaction latency (input → last DOM mutation) over a fixed script of 200 searches and
//     filter changes in the Explore view, p50 / p95 / max;
//   - a cold search: from the home view, loaded and idle, a search link opened in the page
//     (the search table and the query's shards not fetched yet; the home view fetches
//     Explore's and the search's chunks once idle) until its
//     first result shows with its text: time and bytes fetched, per query;
//   - the page's JS heap (V8, after a garbage collection) once Explore is open;
//   - the script's searches (each part of a query must occur) answered by Milcoop's index (`milcoopSearch`, no DOM) and by
//     MiniSearch over the same passages in the same page, with its default tokenizer and
//     with overlapping Han bigrams (fuzzy off): latency and how many of the relevant
//     passages each finds (relevant: the passages that contain the query, case-folded);
//   - the same queries answered by Pagefind over the pre-rendered pages of the corpus:
//     bytes fetched, latency cold and warm, documents found (scripts/bench-pagefind.mjs).
// It prints Markdown; --write puts it into BENCHMARKS.md between the bench markers. It exits
// 1 when a 1× passage link's first load grows past the brotli budget below (after printing
// and writing).

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { launch } from '../tests/e2e/harness.mjs';
import { COLD_QUERIES, QUERIES, filesFetched, serve, sizes } from './bench-common.mjs';
import { pagefindPeer } from './bench-pagefind.mjs';

/** Budget for a passage link's first load at 1×, brotli (bytes: every file the page requests,
 * the main wasm, scripts, styles and the document's excerpt): the benchmark fails past it. */
const FIRST_LOAD_BUDGET = 180 * 1024;

const ROOT = resolve(import.meta.dirname, '..');
const BENCH = join(ROOT, 'target', 'bench');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const factors = option('--factors', '1,10,100').split(',').map(Number);
const loads = Number(option('--loads', '20'));
const write = args.includes('--write');
const env = {
  ...process.env,
  PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.HOME}/.cargo/bin:${process.env.PATH}`,
  TRUNK_SKIP_VERSION_CHECK: 'true',
  // build.rs runs the corpus pipeline; unoptimised it is slow on the 100× corpus. Set here
  // rather than in Cargo.toml so ordinary builds do not compile their build tools optimised.
  CARGO_PROFILE_RELEASE_BUILD_OVERRIDE_OPT_LEVEL: '3',
};
const run = (cmd, argv, extra = {}) =>
  execFileSync(cmd, argv, { cwd: ROOT, env: { ...env, ...extra }, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit'] });
const milcoop = (corpus, ...argv) => run('cargo', ['run', '-q', '--release', '--bin', 'milcoop', '--', '--corpus', corpus, ...argv]);

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN;
};
const ms = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const kb = (x) => (x / 1024).toFixed(1);

/** Pages a first visit may open, beside the passage link: [name, query, shown when ready]. */
const ENTRIES = [
  ['documents (home)', '', '[data-doc-id]'],
  ['a whole document', '?doc=review-2020', '[data-passage-id]'],
  ['Explore', '?view=explore', '[data-testid=result-count]'],
  ['Timeline', '?view=timeline', 'svg.timeline [data-event-id]'],
  ['Countries', '?view=countries', '.country-row'],
  ['Statistics', '?view=stats', 'table'],
];

/** 200 actions: each query typed into the search box, then filters toggled, in a fixed cycle. */
function script() {
  const actions = [];
  const filters = [
    ['click', 'input[data-type=exercise]'], ['click', 'input[data-country=RU]'], ['click', 'button.year[data-year="2020"]'],
    ['click', 'input[data-type=exercise]'], ['click', 'input[data-lang=zh]'], ['click', 'input[data-lang=all]'],
    ['click', 'input[data-country=RU]'], ['click', 'button.year[data-year="2020"]'], ['click', 'input[data-type=peacekeeping]'],
    ['click', 'input[data-type=peacekeeping]'],
  ];
  let i = 0;
  while (actions.length < 200) {
    const [, q] = QUERIES[i % QUERIES.length];
    actions.push(['type', q]);
    actions.push(filters[i % filters.length]);
    if (i % 3 === 2) actions.push(['type', '']);
    i++;
  }
  return actions.slice(0, 200);
}

/** The files the page itself requests on a cold load of `url` (not the worker's precache),
 * once `selector` shows and the network is idle. */
async function firstLoadFiles(browser, origin, url, selector = '[data-passage-id]') {
  const context = await browser.newContext();
  const page = await context.newPage();
  const files = filesFetched(page, origin);
  await page.goto(url);
  await page.waitForSelector(selector);
  await page.waitForLoadState('networkidle');
  await context.close();
  return files;
}

/** Time to the first element painted with elementtiming="passage", in a fresh context. */
async function coldLoad(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__painted = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__painted.push(e.renderTime || e.loadTime);
    }).observe({ type: 'element', buffered: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__painted.length > 0, null, { timeout: 60000 });
  const result = await page.evaluate(() => ({
    painted: Math.min(...window.__painted),
    decode: performance.getEntriesByName('milcoop:decode')[0]?.duration ?? null,
  }));
  await context.close();
  return result;
}


/** From the home view, loaded and idle, opens a search in the page (as a link inside it
 * would) and times it until the first result shows with its text; with the files fetched
 * meanwhile (the search table, the query's shards, the listed documents' excerpts). */
async function coldSearch(browser, origin, dist, query) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.waitForSelector('[data-doc-id]');
  await page.waitForLoadState('networkidle');
  const files = filesFetched(page, origin);
  const elapsed = await page.evaluate(async (q) => {
    const t0 = performance.now();
    const shown = new Promise((resolve) => {
      // A result with its text: the list asks for the texts of what it shows, and marks a
      // passage busy until its text is there.
      const done = () =>
        document.querySelector('li.result .passage-text[aria-busy="false"]') && (mo.disconnect(), resolve(performance.now() - t0));
      const mo = new MutationObserver(done);
      mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    history.pushState(null, '', `?view=explore&q=${encodeURIComponent(q)}`);
    dispatchEvent(new PopStateEvent('popstate'));
    return shown;
  }, query);
  await page.waitForLoadState('networkidle');
  await context.close();
  return { query, ms: elapsed, bytes: sizes(dist, files).total };
}

/** The page's JS heap once Explore is open and idle, after a garbage collection (bytes). */
async function heapAfterExplore(browser, origin) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${origin}/?view=explore`);
  await page.waitForSelector('[data-testid=result-count]');
  await page.waitForLoadState('networkidle');
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await context.close();
  return usedSize;
}

async function interactions(browser, base) {
  const page = await browser.newPage();
  await page.goto(`${base}?view=explore`);
  await page.waitForSelector('[data-testid=result-count]');
  const latencies = [];
  for (const [kind, arg] of script()) {
    const latency = await page.evaluate(async ([kind, arg]) => {
      const main = document.querySelector('main');
      const t0 = performance.now();
      let last = null;
      const mo = new MutationObserver(() => {
        last = performance.now();
      });
      mo.observe(main, { subtree: true, childList: true, characterData: true, attributes: true });
      if (kind === 'type') {
        const input = document.querySelector('#q');
        input.value = arg;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      } else {
        document.querySelector(arg)?.click();
      }
      await new Promise((r) => setTimeout(r, 0));
      mo.disconnect();
      return (last ?? performance.now()) - t0;
    }, [kind, arg]);
    latencies.push(latency);
  }
  await page.close();
  return latencies;
}

async function searchPeer(browser, base, passages) {
  const page = await browser.newPage();
  await page.goto(`${base}?view=explore`);
  await page.waitForSelector('[data-testid=result-count]');
  await page.addScriptTag({ path: join(ROOT, 'node_modules', 'minisearch', 'dist', 'umd', 'index.js') });
  // Milcoop reads every search shard for the warm searches timed here (the page fetches
  // only a query's shards), and warms the rest when idle after the first view: wait for it.
  await page.evaluate(() => window.milcoopAllShards());
  await page.waitForFunction(() => performance.getEntriesByName('milcoop:index').length > 0, null, { timeout: 60000 });
  const milcoopBuild = await page.evaluate(() => performance.getEntriesByName('milcoop:index')[0].duration);
  const result = await page.evaluate(
    ({ passages, queries }) => {
      const fold = (s) => s.normalize('NFKC').toLowerCase();
      const han = /\p{Script=Han}/u;
      // The usual CJK recipe: Han runs as overlapping bigrams (a lone character as itself),
      // other text as words.
      const bigrams = (text) => {
        const out = [];
        for (const run of fold(text).match(/\p{Script=Han}+|[\p{L}\p{N}]+/gu) ?? []) {
          if (han.test(run[0])) {
            if (run.length === 1) out.push(run);
            for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
          } else out.push(run);
        }
        return out;
      };
      const docs = passages.map((p, id) => ({ id, text: p }));
      const build = (options) => {
        const t0 = performance.now();
        const ms = new MiniSearch({ fields: ['text'], ...options });
        ms.addAll(docs);
        return { ms, build: performance.now() - t0 };
      };
      const plain = build({});
      const cjk = build({ tokenize: bigrams, processTerm: (t) => t });
      // performance.now() is coarse here (0.1 ms): each query runs 50 times and the mean is kept.
      const REPEAT = 50;
      const time = (f) => {
        const t0 = performance.now();
        let n = 0;
        for (let i = 0; i < REPEAT; i++) n = f();
        return { ms: (performance.now() - t0) / REPEAT, n };
      };
      const rows = [];
      for (const [kind, q] of queries) {
        // Relevant: the passage contains every space-separated part of the query.
        const parts = fold(q).split(/\s+/).filter(Boolean);
        const relevant = new Set(passages.flatMap((p, i) => (parts.every((part) => fold(p).includes(part)) ? [i] : [])));
        const found = (hits) => hits.filter((h) => relevant.has(h.id)).length;
        const milcoop = time(() => window.milcoopSearch(q).length);
        const mine = [...window.milcoopSearch(q)];
        const a = time(() => plain.ms.search(q, { combineWith: 'AND' }).length);
        const aHits = plain.ms.search(q, { combineWith: 'AND' });
        const b = time(() => cjk.ms.search(q, { combineWith: 'AND', fuzzy: false, prefix: (t) => !han.test(t) }).length);
        const bHits = cjk.ms.search(q, { combineWith: 'AND', fuzzy: false, prefix: (t) => !han.test(t) });
        rows.push({
          kind,
          q,
          relevant: relevant.size,
          milcoop: { ms: milcoop.ms, hits: milcoop.n, found: mine.filter((i) => relevant.has(i)).length, ids: mine },
          plain: { ms: a.ms, hits: aHits.length, found: found(aHits) },
          cjk: { ms: b.ms, hits: bHits.length, found: found(bHits) },
        });
      }
      return { rows, build: { plain: plain.build, cjk: cjk.build } };
    },
    { passages, queries: QUERIES },
  );
  result.build.milcoop = milcoopBuild;
  await page.close();
  return result;
}

async function benchOne(browser, factor) {
  const corpus = factor === 1 ? join(ROOT, 'corpus') : join(BENCH, `corpus-${factor}`);
  if (factor !== 1) {
    rmSync(corpus, { recursive: true, force: true });
    run('cargo', ['run', '-q', '--release', '--bin', 'milcoop', '--', 'synth', String(factor), corpus]);
  }
  const dist = join(BENCH, `dist-${factor}`);
  const t0 = Date.now();
  run('trunk', ['build', '--release', '--offline', '--features', 'site,bench', '--dist', dist], { MILCOOP_CORPUS: corpus });
  const buildSeconds = (Date.now() - t0) / 1000;
  const exported = JSON.parse(milcoop(corpus, 'export').toString());
  const doc = exported.documents.find((d) => d.id === 'review-2020');
  const target = exported.passages.filter((p) => p.doc === doc.id)[Math.floor(doc.passages / 2)];
  writeFileSync(join(dist, 'floor.html'), milcoop(corpus, 'prerender', doc.id));
  const site = await serve(dist);
  try {
    const size = sizes(dist, await firstLoadFiles(browser, site.origin, `${site.origin}/?p=${encodeURIComponent(target.id)}`));
    // The other ways in: the views that fetch their code on first use add their chunks.
    const entries = [];
    for (const [entry, query, selector] of ENTRIES) {
      const files = await firstLoadFiles(browser, site.origin, `${site.origin}/${query}`, selector);
      entries.push({ entry, files: files.size, total: sizes(dist, files).total });
    }
    const app = [];
    const floor = [];
    for (let i = 0; i < loads; i++) {
      floor.push(await coldLoad(browser, `${site.origin}/floor.html`));
      app.push(await coldLoad(browser, `${site.origin}/?p=${encodeURIComponent(target.id)}`));
    }
    const cold = [];
    for (const q of COLD_QUERIES) cold.push(await coldSearch(browser, site.origin, dist, q));
    const heap = await heapAfterExplore(browser, site.origin);
    const latencies = await interactions(browser, `${site.origin}/`);
    const peer = await searchPeer(browser, `${site.origin}/`, exported.passages.map((p) => p.text));
    const pagefind = await pagefindPeer(browser, {
      dir: join(BENCH, `pages-${factor}`),
      prerender: (dir) => {
        rmSync(dir, { recursive: true, force: true });
        milcoop(corpus, 'prerender', '--all', dir);
      },
      exported,
      queries: QUERIES,
      milcoopHits: new Map(peer.rows.map((r) => [r.q, r.milcoop.ids])),
      bin: join(ROOT, 'node_modules', '.bin', 'pagefind'),
    });
    return {
      factor,
      passages: exported.passages.length,
      documents: exported.documents.length,
      events: exported.events.length,
      buildSeconds,
      size,
      entries,
      app: app.map((r) => r.painted),
      decode: app.map((r) => r.decode),
      floor: floor.map((r) => r.painted),
      latencies,
      peer,
      pagefind,
      cold,
      heap,
    };
  } finally {
    site.stop();
  }
}

function report(results) {
  const out = [];
  const chromium = execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  out.push(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB; ${chromium}; ${new Date().toISOString().slice(0, 10)}.`);
  out.push(`Command: \`node scripts/bench.mjs --factors ${factors.join(',')} --loads ${loads} --write\` (after \`scripts/setup.sh\`).`);
  out.push('');
  out.push('### Corpus sizes');
  out.push('');
  out.push('| corpus | passages | events | release build (s) |');
  out.push('|---|---:|---:|---:|');
  for (const r of results) out.push(`| ${r.factor}× | ${r.passages} | ${r.events} | ${r.buildSeconds.toFixed(0)} |`);
  out.push('');
  out.push('### First load: transfer size (KB; the files the page requests on a cold load of a passage link)');
  out.push('');
  out.push('| corpus | file | raw | gzip | brotli |');
  out.push('|---|---|---:|---:|---:|');
  for (const r of results) {
    for (const f of r.size.rows) out.push(`| ${r.factor}× | ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`);
    out.push(`| ${r.factor}× | **total** | ${kb(r.size.total.raw)} | ${kb(r.size.total.gzip)} | **${kb(r.size.total.brotli)}** |`);
  }
  out.push('');
  out.push('### First load by way in (KB; everything the page requests until the view shows and the network is idle)');
  out.push('');
  out.push('| corpus | opened at | files | raw | gzip | brotli |');
  out.push('|---|---|---:|---:|---:|---:|');
  for (const r of results) {
    for (const e of r.entries) out.push(`| ${r.factor}× | ${e.entry} | ${e.files} | ${kb(e.total.raw)} | ${kb(e.total.gzip)} | ${kb(e.total.brotli)} |`);
  }
  out.push('');
  out.push(`### Cold load: first passage painted (ms, ${loads} loads each, loopback, headless)`);
  out.push('');
  out.push('| corpus | floor median | floor p95 | Milcoop median | Milcoop p95 | ratio of medians | decode median | decode p95 |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const fm = quantile(r.floor, 0.5);
    const am = quantile(r.app, 0.5);
    const decode = r.decode.filter((d) => d !== null);
    out.push(`| ${r.factor}× | ${ms(fm)} | ${ms(quantile(r.floor, 0.95))} | ${ms(am)} | ${ms(quantile(r.app, 0.95))} | ${(am / fm).toFixed(2)} | ${ms(quantile(decode, 0.5))} | ${ms(quantile(decode, 0.95))} |`);
  }
  out.push('');
  out.push('### Interaction latency (ms, input → last DOM mutation, 200 searches and filter changes in Explore)');
  out.push('');
  out.push('| corpus | p50 | p95 | max |');
  out.push('|---|---:|---:|---:|');
  for (const r of results) out.push(`| ${r.factor}× | ${ms(quantile(r.latencies, 0.5))} | ${ms(quantile(r.latencies, 0.95))} | ${ms(Math.max(...r.latencies))} |`);
  out.push('');
  out.push('### Cold search (from the home view, idle: a search opened in the page until its first result shows with its text; brotli KB fetched meanwhile: the search table, the query\'s shards and the listed documents\' excerpts; the home view has fetched Explore\'s and the search\'s chunks while idle)');
  out.push('');
  out.push('| corpus | query | ms | KB fetched |');
  out.push('|---|---|---:|---:|');
  for (const r of results) {
    for (const c of r.cold) out.push(`| ${r.factor}× | ${c.query} | ${ms(c.ms)} | ${kb(c.bytes.brotli)} |`);
  }
  out.push('');
  out.push('### Memory (the JS heap, V8, after a garbage collection, with Explore open)');
  out.push('');
  out.push('| corpus | JS heap (MB) |');
  out.push('|---|---:|');
  for (const r of results) out.push(`| ${r.factor}× | ${(r.heap / 2 ** 20).toFixed(1)} |`);
  out.push('');
  out.push('### Search beside MiniSearch 7.2 (same passages, same page; ms per query, mean of 50 runs; found: relevant passages among the hits; relevant: passages containing every part of the query)');
  out.push('');
  for (const r of results) {
    out.push(`${r.factor}×: index build in the page: Milcoop ${ms(r.peer.build.milcoop)} ms (when idle after the first view), MiniSearch ${ms(r.peer.build.plain)} ms (default), ${ms(r.peer.build.cjk)} ms (bigrams).`);
    out.push('');
    out.push('| query | kind | relevant | Milcoop ms | found | MiniSearch ms | found | MiniSearch+bigrams ms | found |');
    out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const q of r.peer.rows) {
      out.push(`| ${q.q} | ${q.kind} | ${q.relevant} | ${q.milcoop.ms.toFixed(3)} | ${q.milcoop.found} | ${q.plain.ms.toFixed(3)} | ${q.plain.found} | ${q.cjk.ms.toFixed(3)} | ${q.cjk.found} |`);
    }
    const sum = (f) => r.peer.rows.reduce((t, q) => t + f(q), 0);
    const zh = r.peer.rows.filter((q) => q.kind === 'zh' || q.kind === 'one' || (q.kind === 'long' && /\p{Script=Han}/u.test(q.q)));
    const recall = (rows, f) => rows.reduce((t, q) => t + f(q), 0) / Math.max(1, rows.reduce((t, q) => t + q.relevant, 0));
    out.push(`| **all** | | ${sum((q) => q.relevant)} | ${sum((q) => q.milcoop.ms).toFixed(3)} | ${sum((q) => q.milcoop.found)} | ${sum((q) => q.plain.ms).toFixed(3)} | ${sum((q) => q.plain.found)} | ${sum((q) => q.cjk.ms).toFixed(3)} | ${sum((q) => q.cjk.found)} |`);
    out.push('');
    const multi = r.peer.rows.filter((q) => q.kind !== 'one');
    const msum = (f) => multi.reduce((t, q) => t + f(q), 0);
    out.push(`Without the one-character queries (which bigrams cannot answer): Milcoop ${msum((q) => q.milcoop.ms).toFixed(2)} ms, MiniSearch+bigrams ${msum((q) => q.cjk.ms).toFixed(2)} ms (${(msum((q) => q.cjk.ms) / Math.max(1e-9, msum((q) => q.milcoop.ms))).toFixed(1)}×).`);
    out.push('');
    out.push(`Chinese-query recall: Milcoop ${(100 * recall(zh, (q) => q.milcoop.found)).toFixed(0)}%, MiniSearch ${(100 * recall(zh, (q) => q.plain.found)).toFixed(0)}%, MiniSearch+bigrams ${(100 * recall(zh, (q) => q.cjk.found)).toFixed(0)}%. Search time, all queries: Milcoop ${sum((q) => q.milcoop.ms).toFixed(2)} ms, MiniSearch+bigrams ${sum((q) => q.cjk.ms).toFixed(2)} ms (${(sum((q) => q.cjk.ms) / Math.max(1e-9, sum((q) => q.milcoop.ms))).toFixed(1)}×).`);
    out.push('');
  }
  out.push(...pagefindReport(results));
  return out.join('\n');
}

/** The section on Pagefind (scripts/bench-pagefind.mjs says what is measured). */
function pagefindReport(results) {
  const out = [];
  const version = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'pagefind', 'package.json'), 'utf8')).version;
  out.push(`### Search beside Pagefind ${version} (the pre-rendered page of every document, indexed as Chinese; cold: a fresh page, from importing Pagefind to the data of the first ten results; warm: the same query again; found: documents among the results that contain every part of the query, and Milcoop's hits counted by document)`);
  out.push('');
  for (const r of results) {
    const p = r.pagefind;
    out.push(`${r.factor}×: Pagefind indexed ${r.documents} pages in ${p.built.seconds.toFixed(1)} s into ${p.built.files} files (${kb(p.built.bytes)} KB).`);
    out.push('');
    out.push('| query | kind | relevant documents | Pagefind cold ms | cold KB fetched | warm ms | found | Milcoop found |');
    out.push('|---|---|---:|---:|---:|---:|---:|---:|');
    for (const q of p.rows) {
      out.push(`| ${q.q} | ${q.kind} | ${q.relevant} | ${ms(q.cold.ms)} | ${kb(q.cold.bytes.brotli)} | ${ms(q.warm)} | ${q.pagefind.found} | ${q.milcoop.found} |`);
    }
    const zh = p.rows.filter((q) => /\p{Script=Han}/u.test(q.q) && q.kind !== 'mixed');
    const recall = (f) => (100 * zh.reduce((t, q) => t + f(q), 0)) / Math.max(1, zh.reduce((t, q) => t + q.relevant, 0));
    const median = (f) => quantile(p.rows.map(f), 0.5);
    out.push('');
    out.push(`Chinese-query recall by document: Pagefind ${recall((q) => q.pagefind.found).toFixed(0)}%, Milcoop ${recall((q) => q.milcoop.found).toFixed(0)}%. Pagefind's cold query: median ${ms(median((q) => q.cold.ms))} ms and ${kb(median((q) => q.cold.bytes.brotli))} KB; Milcoop's cold search is in the table above.`);
    out.push('');
  }
  return out;
}

mkdirSync(BENCH, { recursive: true });
const browser = await launch();
const results = [];
try {
  for (const factor of factors) {
    console.error(`bench: ${factor}×`);
    results.push(await benchOne(browser, factor));
  }
} finally {
  await browser.close();
}
const markdown = report(results);
console.log(markdown);
if (write) {
  const path = join(ROOT, 'BENCHMARKS.md');
  const text = readFileSync(path, 'utf8');
  const [begin, end] = ['<!-- bench:begin -->', '<!-- bench:end -->'];
  const block = `${begin}\n${markdown}\n${end}`;
  writeFileSync(path, text.includes(begin) ? text.replace(new RegExp(`${begin}[\\s\\S]*${end}`), block) : `${text.trimEnd()}\n\n${block}\n`);
}
const one = results.find((r) => r.factor === 1);
if (one && one.size.total.brotli > FIRST_LOAD_BUDGET) {
  console.error(`bench: a 1× passage link's first load is ${one.size.total.brotli} bytes brotli, over the budget of ${FIRST_LOAD_BUDGET}`);
  process.exit(1);
}
