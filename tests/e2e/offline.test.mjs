// Offline use with data fetched as it is used (issue 17): the service worker keeps the
// shell from the first visit (the search table with it) and each data file (excerpt, search
// shard, texts) once it is read, within a
// storage budget, least recently used out first; "Make everything available offline"
// shows the size first, downloads the rest with a progress bar, and then every document
// reads without a network.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, copySite, damage, exported, guardedPage, launch, ready, serve } from './harness.mjs';

const data = exported();
const DATA = /^(texts-[0-9a-f]+|shard-[0-9a-z_]+-[0-9a-f]+|doc-.+-[0-9a-f]+)\.bin$/;
const dataFiles = readdirSync(DIST).filter((f) => DATA.test(f));
const bytes = (f) => statSync(join(DIST, f)).size;
const preview = (doc) => dataFiles.find((f) => f.startsWith(`doc-${doc}-`));
const mb = (n) => `${(n / 1_000_000).toFixed(1)} MB`;

let browser;
let site;
before(async () => {
  browser = await launch();
  site = await serve();
});
after(async () => {
  await browser?.close();
  site?.stop();
});

/** The data files in the worker's version cache. */
async function cachedData(page) {
  return page.evaluate(async (pattern) => {
    const re = new RegExp(pattern);
    const out = [];
    for (const key of await caches.keys()) {
      if (key === 'milcoop-offline') continue;
      for (const r of await (await caches.open(key)).keys()) {
        const name = new URL(r.url).pathname.split('/').pop();
        if (re.test(name)) out.push(name);
      }
    }
    return out.sort();
  }, DATA.source);
}

/** Sends the worker a message and waits for its status answer. */
async function tellWorker(page, message) {
  return page.evaluate(
    (message) =>
      new Promise((ok) => {
        const sw = navigator.serviceWorker;
        const on = (e) => {
          if (e.data?.type === 'milcoop-offline-status') {
            sw.removeEventListener('message', on);
            ok(e.data);
          }
        };
        sw.addEventListener('message', on);
        sw.controller.postMessage(message);
      }),
    message,
  );
}

describe('offline use', () => {
  it('shows the size first, downloads everything with progress, then reads every document offline', async () => {
    const { page, context, check } = await guardedPage(browser, site.origin);
    await page.goto(site.base);
    await ready(page);
    const button = page.getByTestId('offline-all');
    await button.waitFor({ timeout: 30000 });
    // Nothing of the texts has been read on the home view: the whole data is the rest.
    const total = dataFiles.reduce((s, f) => s + bytes(f), 0);
    assert.deepEqual(await cachedData(page), []);
    assert.match(await button.textContent(), new RegExp(`\\(${mb(total).replace('.', '\\.')}\\)`));

    const seen = [];
    page.on('console', () => {});
    await page.exposeFunction('noteProgress', (v) => seen.push(v));
    await page.evaluate(() =>
      navigator.serviceWorker.addEventListener('message', (e) => {
        if (e.data?.type === 'milcoop-offline-progress') window.noteProgress(e.data.done);
      }),
    );
    await button.click();
    await page.getByTestId('offline-everything').waitFor({ timeout: 30000 });
    assert.ok(seen.length === dataFiles.length && seen.at(-1) === total, `progress in bytes up to the total: ${seen}`);
    assert.deepEqual(await cachedData(page), [...dataFiles].sort());

    await context.setOffline(true);
    for (const doc of data.documents) {
      const first = data.passages.find((p) => p.doc === doc.id);
      await page.goto(`${site.base}?p=${first.id}`);
      await page.locator(`[data-passage-id="${first.id}"][aria-current="true"] .passage-text`).waitFor();
    }
    await page.goto(`${site.base}?view=explore&q=${encodeURIComponent('维和')}`);
    await page.locator('li.result').first().waitFor();
    await context.setOffline(false);
    check();
  });

  it('keeps what is read within the budget, least recently used out first', async () => {
    const { page, check } = await guardedPage(browser, site.origin);
    await page.goto(site.base);
    await ready(page);
    await page.getByTestId('offline-all').waitFor({ timeout: 30000 });
    const [a, b] = ['review-2020', 'asia-pacific-2017'];
    // Room for the larger preview of the two, not for both.
    const budget = Math.max(bytes(preview(a)), bytes(preview(b))) + 1;
    await tellWorker(page, { type: 'milcoop-offline-budget', bytes: budget });
    const read = async (doc) => {
      await page.goto(`${site.base}?doc=${doc}`);
      await page.locator('.passage-text').first().waitFor();
    };
    await read(a);
    assert.deepEqual(await cachedData(page), [preview(a)]);
    await read(b);
    assert.deepEqual(await cachedData(page), [preview(b)], 'the older file made room');
    await read(a);
    assert.deepEqual(await cachedData(page), [preview(a)]);
    const status = await tellWorker(page, { type: 'milcoop-offline-status' });
    assert.equal(status.budget, budget);
    assert.equal(status.everything, false);
    check();
  });

  it('keeps no damaged data file, and the page names it', async () => {
    const dir = copySite(DIST);
    const names = [damage(dir, /^texts-[0-9a-f]+\.bin$/), damage(dir, /^doc-review-2020-[0-9a-f]+\.bin$/)];
    const damagedSite = await serve({ root: dir });
    // Not `check()`: the browser logs each failed integrity check to the console.
    const { page } = await guardedPage(browser, damagedSite.origin);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(damagedSite.base);
      await ready(page);
      // The worker is in charge of the page's fetches from here on.
      await page.getByTestId('offline-all').waitFor({ timeout: 30000 });
      const passage = data.passages.find((p) => p.doc === 'review-2020');
      await page.goto(`${damagedSite.base}?p=${encodeURIComponent(passage.id)}`);
      assert.match(await page.getByTestId('preview-error').textContent(), new RegExp(`${names[1].replace('.', '\\.')} is damaged`));
      // The texts file, which a download of the passages needs.
      await page.goto(`${damagedSite.base}?view=explore`);
      await page.getByTestId('download-passages-csv').click();
      await page.waitForFunction(
        (name) => document.querySelector('[data-testid=xlsx-status]')?.textContent.includes(`${name} is damaged`),
        names[0],
      );
      const kept = await cachedData(page);
      assert.ok(names.every((n) => !kept.includes(n)), `neither damaged file was kept: ${kept}`);
      assert.deepEqual(errors, []);
    } finally {
      damagedSite.stop();
    }
  });

  it('says so when the offline worker cannot start, rather than waiting for good', async () => {
    const { page, check } = await guardedPage(browser, site.origin, { serviceWorkers: 'block' });
    await page.goto(site.base);
    await ready(page);
    await page.getByTestId('offline-unavailable').waitFor({ timeout: 30000 });
    assert.equal(await page.getByTestId('offline-all').count(), 0);
    check();
  });
});
