// A new deploy must never break a returning reader (issue 12): the service worker is
// versioned by the build, keeps one version's files, never answers a file request with
// the page; a chunk that fails says so and can be retried; a damaged site file is named.
//
// The redeploy test serves two real builds in turn: dist/ (or the synthetic build of the
// suite's second run, which makes it a redeploy from fifty documents to six) and
// target/dist-v2/, which scripts/test.sh builds from the corpus plus one passage
// (tests/e2e/fixtures/).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, rmSync, cpSync, writeFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, DIST, copySite, damage, exported, guardedPage, launch, ready, serve } from './harness.mjs';

const V2 = join(ROOT, 'target', 'dist-v2');
const ADDED = readFileSync(join(ROOT, 'tests', 'e2e', 'fixtures', 'redeploy-passage.txt'), 'utf8').trim();
const data = exported();

let browser;
before(async () => {
  browser = await launch();
});
after(async () => browser?.close());

/** The version a build names in its page. */
function versionOf(dir) {
  return readFileSync(join(dir, 'index.html'), 'utf8').match(/name="milcoop-version" content="([0-9a-f]+)"/)[1];
}

/** Every file of a build, as the worker names them (the page is "./"; sw.js is not cached). */
function filesOf(dir) {
  const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return walk(dir)
    .map((f) => relative(dir, f))
    .filter((f) => f !== 'sw.js')
    .map((f) => (f === 'index.html' ? './' : `./${f}`))
    .sort();
}

/** Waits until the worker of `version` controls the page and its cache is the only version's. */
async function controlledBy(page, version) {
  const state = () =>
    page.evaluate(async () => ({
      controlled: navigator.serviceWorker.controller !== null,
      caches: await caches.keys(),
    }));
  for (let waited = 0; waited < 30000; waited += 200) {
    const { controlled, caches } = await state();
    // One version's cache, beside the reader's offline choices (kept across versions).
    const versions = caches.filter((c) => c !== 'milcoop-offline');
    if (controlled && versions.length === 1 && versions[0] === `milcoop-${version}`) return;
    await page.waitForTimeout(200);
  }
  assert.fail(`the worker of version ${version} did not take over: ${JSON.stringify(await state())}`);
}

/** The cache's contents, as file names relative to the site. */
async function cachedFiles(page, base) {
  return page.evaluate(async (base) => {
    const out = {};
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      out[key] = (await cache.keys()).map((r) => './' + r.url.slice(base.length).split('?')[0]).sort();
    }
    return out;
  }, base);
}

/** Replaces every file the server serves from `dir` with those of `from`. */
function deploy(dir, from) {
  for (const f of readdirSync(dir)) rmSync(join(dir, f), { recursive: true, force: true });
  cpSync(from, dir, { recursive: true });
}

const VIEWS = [
  ['explore', '[data-testid="result-count"]'],
  ['countries', 'svg.world path[data-country="RU"]'],
  ['stats', '[data-testid="per-year"]'],
  ['timeline', 'svg.timeline [data-event-id]'],
];

describe('a new deploy', () => {
  it('works offline in every view after the deploy, with one version cached and the new passage there', async () => {
    assert.ok(existsSync(join(V2, 'index.html')), `${V2} is missing: scripts/test.sh builds it before the e2e tests`);
    const v1 = versionOf(DIST);
    const v2 = versionOf(V2);
    assert.notEqual(v1, v2, 'a corpus change is a new version');
    const dir = copySite(DIST);
    const site = await serve({ root: dir });
    const { page, context, check } = await guardedPage(browser, site.origin);
    try {
      // Version 1: two pages; the worker installs and caches version 1.
      await page.goto(`${site.base}?doc=review-2020`);
      await ready(page);
      await controlledBy(page, v1);
      await page.goto(`${site.base}?view=timeline`);
      await page.locator('svg.timeline [data-event-id]').first().waitFor();

      // Version 2 replaces it on the server; the same two pages show version 2.
      deploy(dir, V2);
      await page.goto(`${site.base}?doc=review-2020`);
      await ready(page);
      assert.equal(await page.locator('meta[name="milcoop-version"]').getAttribute('content'), v2);
      await controlledBy(page, v2);
      await page.goto(`${site.base}?view=timeline`);
      await page.locator('svg.timeline [data-event-id]').first().waitFor();
      // A search for the new passage: its shards and its document's excerpt.
      const search = `${site.base}?view=explore&q=${encodeURIComponent('重新部署测试段落')}`;
      await page.goto(search);
      await page.locator('.result .passage-text', { hasText: ADDED.slice(0, 20) }).waitFor();

      // Offline: every view opens from version 2's files, and the search read before. (Not
      // `check()` from here: the views also list passages of documents never read, whose
      // texts cannot be fetched offline, and the browser logs each failed fetch.)
      check();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await context.setOffline(true);
      for (const [view, marker] of VIEWS) {
        await page.goto(`${site.base}?view=${view}`);
        await page.locator(marker).first().waitFor({ timeout: 15000 });
      }
      await page.goto(search);
      await page.locator('.result .passage-text', { hasText: ADDED.slice(0, 20) }).waitFor();
      assert.equal(await page.getByTestId('new-version').count(), 0, 'the page is the version the worker serves');

      // The cache holds version 2's shell, the data files read since, and nothing else:
      // data is kept as it is used.
      const cached = await cachedFiles(page, site.base);
      assert.deepEqual(Object.keys(cached).sort(), [`milcoop-${v2}`, 'milcoop-offline'].sort());
      const isData = (f) => /^\.\/(texts-[0-9a-f]+|shard-[0-9a-z_]+-[0-9a-f]+|doc-.+-[0-9a-f]+)\.bin$/.test(f);
      const held = cached[`milcoop-${v2}`];
      assert.deepEqual(held.filter((f) => !isData(f)), filesOf(V2).filter((f) => !isData(f)));
      // (The preview is there only if version 2's worker was in charge when it was read.)
      const data = held.filter(isData).map((f) => f.replace(/-[0-9a-f]+\.bin$/, ''));
      assert.ok(data.some((f) => f.startsWith('./shard-')), `the search's shards are kept: ${data}`);
      assert.ok(!data.includes('./texts'), `no view read the texts file: ${data}`);
      assert.ok(data.every((f) => /^\.\/(shard-|doc-)/.test(f)), `only what was read is kept: ${data}`);
      assert.ok(held.every((f) => filesOf(V2).includes(f)), 'every cached file is one of version 2');
      await context.setOffline(false);
      assert.deepEqual(errors, []);
    } finally {
      site.stop();
      await context.close();
    }
  });

  it('keeps everything available offline across a deploy, carrying unchanged files over', async () => {
    const dir = copySite(DIST);
    const site = await serve({ root: dir });
    const { page, context, check } = await guardedPage(browser, site.origin);
    try {
      await page.goto(site.base);
      await ready(page);
      await page.getByTestId('offline-all').click({ timeout: 30000 });
      await page.getByTestId('offline-everything').waitFor({ timeout: 30000 });

      deploy(dir, V2);
      const v2 = versionOf(V2);
      await page.goto(site.base);
      await ready(page);
      await controlledBy(page, v2);
      // Version 2's worker fetches the data files new in version 2 by itself.
      const want = filesOf(V2);
      let held = [];
      for (let waited = 0; waited < 30000; waited += 250) {
        held = (await cachedFiles(page, site.base))[`milcoop-${v2}`] ?? [];
        if (held.length === want.length) break;
        await page.waitForTimeout(250);
      }
      assert.deepEqual(held, want);
      await page.reload();
      await page.getByTestId('offline-everything').waitFor({ timeout: 30000 });

      // Offline, the document new in version 2 reads.
      await context.setOffline(true);
      const imported = JSON.parse(readFileSync(join(ROOT, 'target', 'export-v2.json'), 'utf8')).passages.find((p) =>
        p.id.startsWith('mnd-press-2024-01-25.'),
      );
      await page.goto(`${site.base}?p=${imported.id}`);
      await page.locator(`[data-passage-id="${imported.id}"][aria-current="true"] .passage-text`).waitFor();
      await context.setOffline(false);
      check();
    } finally {
      site.stop();
      await context.close();
    }
  });

  it('tells a page left open on the old version that a new one is available', async () => {
    const dir = copySite(DIST);
    const site = await serve({ root: dir });
    const { page, context, check } = await guardedPage(browser, site.origin);
    try {
      await page.goto(`${site.base}?doc=review-2020`);
      await ready(page);
      await controlledBy(page, versionOf(DIST));
      deploy(dir, V2);
      // Another tab opens the new version, whose worker takes over every open page.
      const other = await context.newPage();
      await other.goto(`${site.base}?view=stats`);
      await page.getByTestId('new-version').waitFor({ timeout: 30000 });
      assert.equal(await other.getByTestId('new-version').count(), 0);
      check();
    } finally {
      site.stop();
      await context.close();
    }
  });
});

describe('integrity of the site files', () => {
  const passage = data.passages.find((p) => p.doc === 'review-2020' && p.text.includes('高加索-2020'));

  /**
   * Serves a copy of the site with one byte changed in the file matching `pattern`, opens
   * `query` without the service worker, runs `check(page, name)`, and asserts that no page
   * error happened (the browser does log the failed integrity check to the console).
   */
  async function withDamaged(pattern, query, check) {
    const dir = copySite(DIST);
    const name = damage(dir, pattern);
    const site = await serve({ root: dir });
    const { page, context } = await guardedPage(browser, site.origin, { serviceWorkers: 'block' });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${site.base}${query}`);
      await check(page, name);
      assert.deepEqual(errors, []);
    } finally {
      site.stop();
      await context.close();
    }
  }

  const damaged = (name) => new RegExp(`${name.replace('.', '\\.')} is damaged`);

  it('reads a passage link without the dataset, and names a damaged dataset when the reader leaves the document', () =>
    withDamaged(/^dataset-[0-9a-f]+\.bin$/, `?p=${passage.id}`, async (page, name) => {
      // The document's excerpt holds the reader: its passages and their events.
      await page.locator(`[data-passage-id="${passage.id}"][aria-current="true"] .passage-text`).waitFor();
      assert.equal(await page.getByTestId('corpus-error').count(), 0);
      await page.locator('.site-nav a[href*="view=explore"]').click();
      const failed = page.getByTestId('view-unloaded');
      await failed.waitFor();
      assert.match(await failed.textContent(), damaged(name));
    }));

  it('names a damaged search table in the view that needs it, and reads a document without it', () =>
    withDamaged(/^search-[0-9a-f]+\.bin$/, '?view=explore', async (page, name) => {
      const failed = page.getByTestId('view-unloaded');
      await failed.waitFor();
      assert.match(await failed.textContent(), damaged(name));
      // The reader takes a document's texts from its excerpt file, and searches nothing.
      await page.goto(page.url().replace(/\?.*$/, `?p=${passage.id}`));
      await page.locator(`[data-passage-id="${passage.id}"][aria-current="true"] .passage-text`).waitFor();
      assert.ok((await page.locator(`[data-passage-id="${passage.id}"] .passage-text`).textContent()).trim().length > 0);
    }));

  it('names a damaged search shard once, asks for it again only when told to, and shows no other query’s results', () =>
    withDamaged(/^shard-b/, '?view=explore', async (page) => {
      // One bigram shard is damaged: queries of two Han characters are tried until one
      // needs it.
      const asked = [];
      page.on('request', (r) => /\/shard-b[^/]*\.bin$/.test(r.url()) && asked.push(r.url()));
      await page.getByTestId('result-count').waitFor();
      // A Han query of two characters needs its bigram's shard.
      const typed = [...new Set(data.passages.flatMap((p) => p.text.match(/\p{Script=Han}{2}/gu) ?? []))];
      let query;
      for (const q of typed) {
        await page.locator('#q').fill(q);
        await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, q);
        await page.waitForTimeout(300);
        if (await page.getByTestId('data-problem').count()) {
          query = q;
          break;
        }
      }
      assert.ok(query, 'a query whose shard is the damaged one');
      assert.match(await page.getByTestId('data-problem').textContent(), /shard-b[0-9a-z_]*-[0-9a-f]{16}\.bin is damaged/);
      // It says nothing was found for this query, not the last query's results.
      assert.equal(await page.getByTestId('result-count').textContent(), '0');
      const after = asked.length;
      await page.waitForTimeout(1500);
      assert.equal(asked.length, after, 'a failed shard is not asked for again by itself');
      await page.getByTestId('data-retry').click();
      for (let i = 0; i < 50 && asked.length === after; i++) await page.waitForTimeout(100);
      assert.ok(asked.length > after, 'Try again asks for it again');
      await page.getByTestId('data-problem').waitFor();
    }));

  it('names a damaged excerpt file and opens the passage from the dataset and the texts file', () =>
    withDamaged(/^doc-review-2020-[0-9a-f]+\.bin$/, `?p=${passage.id}`, async (page, name) => {
      await page.locator(`[data-passage-id="${passage.id}"][aria-current="true"]`).waitFor();
      assert.match(await page.getByTestId('preview-error').textContent(), damaged(name));
    }));

  it('refuses a damaged view chunk with the page’s message', () =>
    withDamaged(/^split_stats-[0-9a-f]+\.wasm$/, '?view=stats', async (page) => {
      await page.getByTestId('view-unloaded').waitFor();
    }));

  it('shows a message, not a blank page, when the main wasm is damaged', () =>
    withDamaged(/_bg\.wasm$/, '?view=stats', async (page) => {
      await page.locator('.boot-error[role="alert"]').waitFor();
    }));
});

/**
 * Serves the build, opens a page without the service worker, runs `body(page, context,
 * site)`, and asserts that no page error happened meanwhile.
 */
async function onPage(body) {
  const site = await serve();
  const { page, context } = await guardedPage(browser, site.origin, { serviceWorkers: 'block' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await body(page, context, site);
    assert.deepEqual(errors, []);
  } finally {
    site.stop();
    await context.close();
  }
}

describe('a chunk that fails while online', () => {
  it('says so and loads on retry', () =>
    onPage(async (page, context, site) => {
      let blocked = 0;
      await context.route(/split_stats-[0-9a-f]+\.wasm$/, (route) => (blocked++ === 0 ? route.abort() : route.continue()));
      await page.goto(`${site.base}?view=stats`);
      const failed = page.getByTestId('view-unloaded');
      await failed.waitFor();
      assert.match(await failed.textContent(), /could not be loaded/);
      await page.getByTestId('retry-view').click();
      await page.getByTestId('per-year').waitFor();
      assert.equal(blocked, 2, 'the retry fetched the chunk again');
    }));

  it('fetches the search table again when it failed with the search’s chunk, rather than call it damaged', () =>
    onPage(async (page, context, site) => {
      const failOnce = (pattern) => {
        let n = 0;
        return context.route(pattern, (route) => (n++ === 0 ? route.abort() : route.continue()));
      };
      // The table's fetch starts beside the chunk that reads it; both fail (a dropped
      // connection), then the reader tries again.
      await failOnce(/split_search-[0-9a-f]+\.wasm$/);
      await failOnce(/\/search-[0-9a-f]+\.bin$/);
      await page.goto(`${site.base}?view=explore&q=${encodeURIComponent('维和')}`);
      await page.getByTestId('view-unloaded').waitFor();
      await page.getByTestId('retry-view').click();
      await page.locator('li.result').first().waitFor();
      assert.equal(await page.getByTestId('view-unloaded').count(), 0);
      assert.equal(await page.getByTestId('data-problem').count(), 0);
    }));
});

describe('what a passage link downloads', () => {
  const passage = data.passages.find((p) => p.id.startsWith('review-2020.'));
  for (const [link, shown] of [
    [`?p=${encodeURIComponent(passage.id)}`, `[data-passage-id="${passage.id}"][aria-current="true"] .passage-text`],
    ['?doc=review-2020', `[data-passage-id="${passage.id}"] .passage-text`],
    // Not a view the page knows, so still a link to the document (core/src/route.rs).
    ['?view=nowhere&doc=review-2020', `[data-passage-id="${passage.id}"] .passage-text`],
  ]) {
    it(`starts its excerpt’s download while the wasm is still on its way, and downloads it once (${link.slice(0, 12)}…)`, () =>
      onPage(async (page, context, site) => {
        const excerpt = /\/doc-review-2020-[0-9a-f]+\.bin$/;
        let requested = 0;
        let seen;
        const excerptSeen = new Promise((resolve) => (seen = resolve));
        page.on('request', (r) => {
          if (excerpt.test(r.url())) {
            requested++;
            seen(true);
          }
        });
        // The main wasm is held back until the excerpt is asked for (or 5 s have passed):
        // only the start-up script can ask for it then.
        let beforeWasm;
        await context.route(/_bg\.wasm$/, async (route) => {
          beforeWasm = await Promise.race([excerptSeen, new Promise((r) => setTimeout(() => r(false), 5000))]);
          await route.continue();
        });
        await page.goto(`${site.base}${link}`);
        const text = page.locator(shown);
        await text.waitFor();
        assert.equal((await text.textContent()).trim(), passage.text.trim());
        await page.waitForLoadState('networkidle');
        assert.equal(beforeWasm, true, 'the excerpt was asked for before the wasm arrived');
        assert.equal(requested, 1, 'the page took the download the start-up script began');
      }));
  }

  it('fetches no excerpt early for a passage id that names no document', () =>
    onPage(async (page, _context, site) => {
      const excerpts = [];
      page.on('request', (r) => /\/doc-[^/]+\.bin$/.test(r.url()) && excerpts.push(r.url()));
      // No dot: the page reads no document from it, so neither may the start-up script.
      await page.goto(`${site.base}?p=review-2020`);
      await page.waitForLoadState('networkidle');
      await page.locator('main').first().waitFor();
      assert.deepEqual(excerpts, []);
    }));

  it('its document’s excerpt only; the other views fetch the dataset and the search table, never the texts', () =>
    onPage(async (page, _context, site) => {
      const fetched = [];
      page.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
      const event = data.events.find((e) => e.sources.some((s) => s.passage.startsWith('review-2020.')));
      const passage = data.passages.find((p) => p.id === event.sources.find((s) => s.passage.startsWith('review-2020.')).passage);
      await page.goto(`${site.base}?p=${encodeURIComponent(passage.id)}`);
      const text = page.locator(`[data-passage-id="${passage.id}"][aria-current="true"] .passage-text`);
      await text.waitFor();
      await page.waitForLoadState('networkidle');
      assert.equal((await text.textContent()).trim(), passage.text.trim());
      // Its events, from the excerpt.
      await page.locator(`[data-passage-id="${passage.id}"] [data-event-id="${event.id}"]`).waitFor();
      const data_ = fetched.filter((f) => f.endsWith('.bin'));
      assert.equal(data_.length, 1, `one data file: ${data_.join(' ')}`);
      assert.match(data_[0], /^doc-review-2020-[0-9a-f]+\.bin$/);
      // Leaving the document: the dataset and the search table for Explore, in place; the
      // passages it lists come with their documents' excerpts.
      await page.locator('.site-nav a[href*="view=explore"]').click();
      await page.getByTestId('result-count').waitFor();
      assert.ok(fetched.some((f) => /^dataset-[0-9a-f]+\.bin$/.test(f)), fetched.join(' '));
      assert.ok(fetched.some((f) => /^search-[0-9a-f]+\.bin$/.test(f)), 'Explore fetched the search table');
      assert.match(page.url(), /view=explore/);
      await page.waitForFunction(() => !document.querySelector('.result .passage-text[aria-busy="true"]'));
      assert.ok((await page.locator('.result .passage-text').first().textContent()).trim().length > 0);
      assert.ok(!fetched.some((f) => /^texts-/.test(f)), `Explore fetched no texts file: ${fetched.join(' ')}`);
      // Back to the passage: the whole dataset shows it, with its text and events.
      await page.goBack();
      await text.waitFor();
      await page.locator(`[data-passage-id="${passage.id}"] [data-event-id="${event.id}"]`).waitFor();
    }));
});
