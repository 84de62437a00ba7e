// The benchmark's comparison with Pagefind (npm `pagefind`), the static search library that
// fetches index chunks by the terms of a query, as Milcoop's design for a large corpus means
// to (docs/scale.md, step 3).
//
// Pagefind indexes the plain pre-rendered pages of the same corpus (`milcoop prerender
// --all`: one page a document, marked Chinese as the site is, so that one index with
// Pagefind's Chinese segmentation holds every page). Each query then runs in Chromium
// through Pagefind's own JavaScript API, served by the same static server as Milcoop:
//   - cold: in a fresh context, from importing pagefind.js to the data of the first ten
//     results (what a results page shows): the time, and every file fetched meanwhile
//     (brotli, measured as Milcoop's are);
//   - warm: the same query again, in a page that has run every query once;
//   - found: the documents among its results that contain every part of the query.
//     Pagefind answers with pages, so recall is counted by document, and Milcoop's hits
//     (passages) are counted by their documents for the comparison.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesFetched, serve, sizes } from './bench-common.mjs';

/** Case- and width-folded text, as the benchmark's relevance judge reads it. */
const fold = (s) => s.normalize('NFKC').toLowerCase();

/** The ids of the documents with a passage that holds every space-separated part of `q`. */
function relevantDocs(passages, q) {
  const parts = fold(q).split(/\s+/).filter(Boolean);
  return new Set(passages.filter((p) => parts.every((part) => fold(p.text).includes(part))).map((p) => p.doc));
}

/** Indexes the pages in `dir` into `dir/pagefind` with the Pagefind CLI: seconds and size. */
function index(dir, bin) {
  const t0 = Date.now();
  execFileSync(bin, ['--site', dir, '--force-language', 'zh'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const seconds = (Date.now() - t0) / 1000;
  const files = readdirSync(join(dir, 'pagefind'), { recursive: true }).filter((f) => statSync(join(dir, 'pagefind', f)).isFile());
  const bytes = files.reduce((t, f) => t + statSync(join(dir, 'pagefind', f)).size, 0);
  return { seconds, files: files.length, bytes };
}

/** One query in a fresh context: import, search, the first ten results' data. */
async function cold(browser, origin, dir, q) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/search.html`);
  const files = filesFetched(page, origin);
  const ms = await page.evaluate(async (q) => {
    const t0 = performance.now();
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.init();
    const found = await pagefind.search(q);
    await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
    return performance.now() - t0;
  }, q);
  await page.waitForLoadState('networkidle');
  await context.close();
  return { ms, bytes: sizes(dir, files).total };
}

/** Every query once (each result's page, for recall), then each again timed (warm). */
async function warm(browser, origin, queries) {
  const page = await browser.newPage();
  await page.goto(`${origin}/search.html`);
  const rows = await page.evaluate(async (queries) => {
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.init();
    const rows = [];
    for (const q of queries) {
      const found = await pagefind.search(q);
      const data = await Promise.all(found.results.map((r) => r.data()));
      rows.push({ q, urls: data.map((d) => d.url) });
    }
    for (const row of rows) {
      const t0 = performance.now();
      const found = await pagefind.search(row.q);
      await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
      row.warm = performance.now() - t0;
    }
    return rows;
  }, queries);
  await page.close();
  return rows;
}

/**
 * Pagefind beside Milcoop on `queries` ([kind, query] pairs) over the corpus `exported`
 * (`milcoop export`), whose pages `prerender(dir)` writes; `milcoopHits` maps a query to
 * the indexes (into `exported.passages`) of the passages Milcoop found.
 */
export async function pagefindPeer(browser, { dir, prerender, exported, queries, milcoopHits, bin }) {
  prerender(dir);
  const built = index(dir, bin);
  writeFileSync(join(dir, 'search.html'), '<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>Pagefind</title></head><body></body></html>\n');
  const site = await serve(dir);
  try {
    const warmRows = await warm(browser, site.origin, queries.map(([, q]) => q));
    const rows = [];
    for (const [kind, q] of queries) {
      const relevant = relevantDocs(exported.passages, q);
      const urls = warmRows.find((r) => r.q === q).urls;
      const pagefindDocs = new Set(urls.map((u) => decodeURIComponent(u).match(/([^/]+?)(?:\.html)?$/)?.[1]));
      const milcoopDocs = new Set((milcoopHits.get(q) ?? []).map((i) => exported.passages[i].doc));
      const c = await cold(browser, site.origin, dir, q);
      rows.push({
        kind,
        q,
        relevant: relevant.size,
        cold: c,
        warm: warmRows.find((r) => r.q === q).warm,
        pagefind: { hits: pagefindDocs.size, found: [...pagefindDocs].filter((d) => relevant.has(d)).length },
        milcoop: { hits: milcoopDocs.size, found: [...milcoopDocs].filter((d) => relevant.has(d)).length },
      });
    }
    return { built, rows };
  } finally {
    site.stop();
  }
}
