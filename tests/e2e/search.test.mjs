// End to end: search across languages and names, the expansion a reader can turn off, and
// the pages of a country, an exercise series and a UN mission, opened cold from a link, in
// real headless Chromium against the release build.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { DIST, exported, guardedPage, ready, searched, useBrowserAndSite } from './harness.mjs';

const data = exported();
const env = useBrowserAndSite({ before, after });
const param = (page, name) => new URL(page.url()).searchParams.get(name);

/** Clicks "show more" until every result is listed. */
async function showAll(page) {
  const more = page.getByTestId('show-more');
  while (await more.count()) await more.click();
}

/** The listed passages, as { id, lang, marks }, once every one has its text (the page
 * fetches the texts of the passages it lists). */
async function listed(page) {
  await page.waitForFunction(() => !document.querySelector('li.result .passage-text[aria-busy="true"]'));
  return page.$$eval('li.result[data-passage-id]', (els) =>
    els.map((e) => ({
      id: e.dataset.passageId,
      lang: e.getAttribute('lang'),
      marks: [...e.querySelectorAll('mark')].map((m) => m.textContent),
    })),
  );
}

const ids = (events) => events.map((e) => e.id).sort();

describe('search across languages', () => {
  it('an English country name finds and marks its Chinese name', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin);
    await page.goto(`${env.site.base}?view=explore&q=Lebanon`);
    await ready(page);
    await page.locator('li.result').first().waitFor();
    await showAll(page);
    const found = await listed(page);
    const chinese = data.passages.filter((p) => p.lang === 'zh' && p.text.includes('黎巴嫩'));
    assert.ok(chinese.length > 0, 'the corpus names Lebanon in Chinese');
    for (const p of chinese) {
      const hit = found.find((r) => r.id === p.id);
      assert.ok(hit, `${p.id} is found by "Lebanon"`);
      assert.ok(hit.marks.includes('黎巴嫩'), `黎巴嫩 is marked in ${p.id}: ${hit.marks}`);
    }
    check();
  });

  it('ranks passages with the name as typed before its other names', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin);
    await page.goto(`${env.site.base}?view=explore&q=Russia`);
    await ready(page);
    await page.locator('li.result').first().waitFor();
    await showAll(page);
    const found = await listed(page);
    const typed = data.passages.filter((p) => /\bRussia\b/.test(p.text)).length;
    assert.ok(typed > 0 && found.length > typed, 'both the English and the Chinese name are in the corpus');
    const first = found.slice(0, typed);
    for (const r of first) assert.ok(r.marks.includes('Russia'), `${r.id} ranks first and marks ${r.marks}`);
    assert.ok(found.slice(typed).some((r) => r.marks.includes('俄罗斯')), '俄罗斯 is found and marked after them');
    check();
  });

  it('says what a query was expanded to, and one click searches it only as typed', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin);
    await page.goto(`${env.site.base}?view=explore&q=peacekeeping`);
    await ready(page);
    const expansion = page.locator('[data-testid=expansions] [data-concept="activity:peacekeeping"]');
    await expansion.waitFor();
    assert.match(await expansion.textContent(), /维和/);
    await page.locator('li.result').first().waitFor();
    await showAll(page);
    assert.ok((await listed(page)).some((r) => r.lang === 'zh'), 'Chinese passages are found by "peacekeeping"');

    await expansion.getByTestId('expansion-off').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('literal') === 'activity:peacekeeping');
    await page.getByTestId('expansion-on').waitFor();
    await showAll(page);
    const literal = await listed(page);
    assert.ok(literal.length > 0);
    for (const r of literal) assert.ok(r.marks.every((m) => /^peace-?keep/i.test(m)), `${r.id} marks only what was typed: ${r.marks}`);
    assert.ok(!literal.some((r) => r.lang === 'zh'), 'no Chinese passage is found as typed');

    await page.getByTestId('expansion-on').click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('literal'));
    await expansion.waitFor();
    check();
  });
});

describe('what a search downloads', () => {
  it('the search table once, the shards of each query, the excerpts of the documents it lists; never every text', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin, { serviceWorkers: 'block' });
    const fetched = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
    const of = (re) => fetched.filter((f) => re.test(f));
    const shards = readdirSync(DIST).filter((f) => /^shard-/.test(f));
    await page.goto(`${env.site.base}?view=explore`);
    await ready(page);
    await page.getByTestId('result-count').waitFor();
    assert.equal(of(/^search-/).length, 1, 'the search table');
    assert.deepEqual(of(/^shard-/), [], 'no query, no shard');

    for (const q of ['维和', 'Golden Dragon']) {
      const before = new Set(of(/^shard-/));
      await page.locator('#q').fill(q);
      await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, q);
      await searched(page);
      await page.locator('li.result').first().waitFor();
      await page.waitForFunction(() => !document.querySelector('li.result .passage-text[aria-busy="true"]'));
      const now = of(/^shard-/).filter((f) => !before.has(f));
      assert.ok(now.length > 0 && now.length < shards.length / 4, `${q}: ${now.length} of ${shards.length} shards`);
      assert.ok(now.every((f) => shards.includes(f)));
    }
    // The excerpts of the listed passages' documents, and no others.
    const listedDocs = await page.$$eval('li.result[data-passage-id]', (els) => els.map((e) => e.dataset.passageId.split('.')[0]));
    const excerpts = of(/^doc-/).map((f) => f.replace(/^doc-/, '').replace(/-[0-9a-f]{16}\.bin$/, ''));
    assert.ok(listedDocs.every((d) => excerpts.includes(d)), `${listedDocs} in ${excerpts}`);
    assert.equal(new Set(excerpts).size, excerpts.length, 'each excerpt once');
    assert.deepEqual(of(/^texts-/), [], 'no texts file');
    assert.equal(of(/^search-/).length, 1, 'the table once');
    check();
  });
});

describe('entity pages', () => {
  it('a country link opens its page with every event with it', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin);
    await page.goto(`${env.site.base}?view=countries&country=LB`);
    await ready(page);
    await page.locator('[data-testid=country-page][data-country=LB]').waitFor();
    const shown = await page.$$eval('[data-testid=country-events] [data-event-id]', (els) => els.map((e) => e.dataset.eventId));
    const expected = ids(data.events.filter((e) => e.countries.includes('LB')));
    assert.ok(expected.length > 0);
    assert.deepEqual(shown.sort(), expected);
    assert.match(await page.getByTestId('country-counts').textContent(), new RegExp(`${expected.length}`));
    check();
  });

  it('a series link lists every edition the texts report', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin);
    await page.goto(`${env.site.base}?series=golden-dragon`);
    await ready(page);
    await page.getByTestId('series-page').waitFor();
    const shown = await page.$$eval('[data-testid=editions] [data-event-id]', (els) => els.map((e) => e.dataset.eventId));
    const expected = ids(data.events.filter((e) => e.series === 'golden-dragon'));
    assert.ok(expected.length >= 2, 'Golden Dragon has editions in more than one year');
    assert.deepEqual(shown.sort(), expected);
    assert.match(await page.locator('#entity-title').textContent(), /Golden Dragon/);
    check();
  });

  it('a mission link lists China’s contingents there', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin);
    await page.goto(`${env.site.base}?mission=UNIFIL`);
    await ready(page);
    await page.getByTestId('mission-page').waitFor();
    const shown = await page.$$eval('[data-testid=contingents] [data-event-id]', (els) => els.map((e) => e.dataset.eventId));
    assert.deepEqual(shown.sort(), ids(data.events.filter((e) => e.mission === 'UNIFIL')));
    check();
  });

  it('an unknown series says so in the page', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin);
    await page.goto(`${env.site.base}?series=${encodeURIComponent('<b>no-such</b>')}`);
    await ready(page);
    const unknown = page.getByTestId('entity-unknown');
    await unknown.waitFor();
    assert.match(await unknown.textContent(), /<b>no-such<\/b>/);
    assert.equal(await page.locator('main b').count(), 0, 'the URL text is shown as text');
    check();
  });

  it('an event row links to its series page', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin);
    await page.goto(`${env.site.base}?view=explore&q=${encodeURIComponent('Golden Dragon')}`);
    await ready(page);
    const link = page.locator('.event-results .entity-link', { hasText: 'Golden Dragon' }).first();
    await link.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('series') === 'golden-dragon');
    await page.getByTestId('series-page').waitFor();
    assert.equal(param(page, 'q'), null);
    check();
  });
});
