// Serving dist/ from a plain static host with the headers docs/hosting.md asks for (issue
// 17): every file whose name carries a content hash is immutable, everything else is
// revalidated, and a returning reader's browser fetches nothing immutable again. The
// service worker is blocked here, so what is measured is the host's HTTP caching alone;
// the site is served under a sub-path, as from a bucket's folder.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DIST, guardedPage, launch, ready, serve } from './harness.mjs';

const HASHED = /-[0-9a-f]{12,}(_bg)?\.[A-Za-z0-9]+$/;
const SUB = 'research/milcoop';

let browser;
let site;
before(async () => {
  browser = await launch();
  site = await serve({ cache: true, csp: true, subPath: SUB });
});
after(async () => {
  await browser?.close();
  site?.stop();
});

/** Every file of the build, relative to it. */
function files(dir = DIST) {
  const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return walk(dir).map((f) => relative(dir, f));
}

/** The path of a logged request ("GET /a/b.js?x 200" gives "/a/b.js"). */
const pathOf = (line) => line.split(' ')[1].split('?')[0];

describe('hosting with the cache headers of docs/hosting.md', () => {
  it('marks every content-hashed file immutable and revalidates the rest', async () => {
    const all = files();
    const mutable = all.filter((f) => !HASHED.test(f)).sort();
    // The list docs/hosting.md gives: a new file without a hash must be added there.
    assert.deepEqual(mutable, ['index.html', 'public/favicon.svg', 'sw.js', 'world.tsv']);
    for (const f of all) {
      const r = await fetch(`${site.base}${f}`, { method: 'HEAD' });
      assert.equal(r.status, 200, f);
      const want = HASHED.test(f) ? 'public, max-age=31536000, immutable' : 'no-cache';
      assert.equal(r.headers.get('cache-control'), want, f);
    }
  });

  it('a second visit fetches nothing immutable again and revalidates the page', async () => {
    const { page, context, check } = await guardedPage(browser, site.origin, { serviceWorkers: 'block' });
    const url = `${site.base}?view=explore&q=${encodeURIComponent('维和')}`;
    const before = site.requests().length;
    await page.goto(url);
    await ready(page);
    await page.locator('li.result').first().waitFor();
    const first = site.requests().slice(before);
    const hashedFirst = first.filter((l) => HASHED.test(pathOf(l)));
    assert.ok(hashedFirst.length >= 5, `the first visit fetched the hashed files: ${first.join(', ')}`);
    assert.ok(hashedFirst.every((l) => l.startsWith(`GET /${SUB}/`)), 'every file is fetched under the sub-path');

    const again = await context.newPage();
    await again.goto(url);
    await ready(again);
    await again.locator('li.result').first().waitFor();
    const second = site.requests().slice(before + first.length);
    assert.ok(second.some((l) => pathOf(l) === `/${SUB}/`), `the page itself is revalidated: ${second.join(', ')}`);
    assert.deepEqual(second.filter((l) => HASHED.test(pathOf(l))), [], 'nothing immutable is fetched again');
    check();
  });
});
