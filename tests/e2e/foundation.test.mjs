// End to end: the release build, served by a plain static server, in real headless Chromium.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { exported, guardedPage, launch, ready, searched, serve, showAll, timelineShown, timelineShows } from './harness.mjs';

const data = exported();
// The passage of a document of the corpus itself, not of a synthetic copy (`<id>-x<k>`),
// when the suite runs against a synthetic corpus.
const passageWith = (needle) => {
  const p = data.passages.find((p) => p.text.includes(needle) && !/-x\d+$/.test(p.doc));
  assert.ok(p, `a passage containing ${needle}`);
  return p;
};

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const subPath of ['', 'milcoop']) {
  describe(`served at ${subPath ? '/' + subPath + '/' : 'the site root'}`, () => {
    let site;
    before(async () => {
      site = await serve({ subPath });
    });
    after(() => site?.stop());

    it('lists the five documents with what is known of them', async () => {
      const { page, check } = await guardedPage(browser, site.origin);
      await page.goto(site.base);
      await ready(page);
      const ids = await page.$$eval('.doc-card', (cards) => cards.map((c) => c.dataset.docId));
      assert.deepEqual(ids, data.documents.map((d) => d.id));
      const unknown = data.documents.find((d) => d.published === null);
      const card = page.locator(`.doc-card[data-doc-id="${unknown.id}"]`);
      assert.equal(await card.locator('[data-field=published]').textContent(), 'Date unknown');
      check();
    });

    it('opens a cold passage link on that passage, highlighted and in view', async () => {
      const target = passageWith('中美关系总体保持稳定并取得新的进展');
      const { page, check } = await guardedPage(browser, site.origin);
      await page.goto(site.base + target.url);
      await ready(page);
      const current = page.locator('[data-passage-id][aria-current="true"]');
      assert.equal(await current.count(), 1);
      assert.equal(await current.getAttribute('data-passage-id'), target.id);
      assert.ok((await current.textContent()).includes(target.text));
      await page.waitForFunction(() => {
        const r = document.querySelector('[aria-current="true"]').getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight;
      });
      check();
    });

    it('copies a passage link that opens the same passage in a new tab', async () => {
      const { page, context, check } = await guardedPage(browser, site.origin, {
        permissions: ['clipboard-read', 'clipboard-write'],
      });
      const doc = data.documents.find((d) => d.languages.length > 1);
      await page.goto(`${site.base}?doc=${doc.id}`);
      await ready(page);
      const third = page.locator('[data-passage-id]').nth(2);
      const id = await third.getAttribute('data-passage-id');
      await third.getByRole('button', { name: /Copy link/ }).click();
      await page.locator('[data-testid=copy-status] code').waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, `${site.base}?p=${id}`);
      const tab = await context.newPage();
      await tab.goto(copied);
      await ready(tab);
      assert.equal(
        await tab.locator('[aria-current="true"]').getAttribute('data-passage-id'),
        id,
      );
      check();
    });

    it('shows "passage not found" for an unknown passage, with a way back', async () => {
      const { page, check } = await guardedPage(browser, site.origin);
      await page.goto(`${site.base}?p=asia-pacific-2017.ffffff`);
      await ready(page);
      await page.getByTestId('not-found').waitFor();
      assert.match(await page.locator('h1').textContent(), /Passage not found/);
      await page.getByRole('link', { name: 'Back to the document list' }).click();
      await page.locator('.doc-card').first().waitFor();
      // The history is written once the frame is drawn (src/nav.rs).
      await page.waitForFunction(() => location.search === '');
      check();
    });

    it('steps back and forward through views', async () => {
      const { page, check } = await guardedPage(browser, site.origin);
      await page.goto(site.base);
      await ready(page);
      const doc = data.documents[2];
      await page.locator(`.doc-card[data-doc-id="${doc.id}"] h2 a`).click();
      await page.locator('article.reader').waitFor();
      await page.waitForFunction((id) => new URL(location.href).searchParams.get('doc') === id, doc.id);
      const second = page.locator('[data-passage-id]').nth(1);
      const id = await second.getAttribute('data-passage-id');
      await second.locator('.passage-number').click();
      await page.locator(`[data-passage-id="${id}"][aria-current="true"]`).waitFor();
      await page.waitForFunction((id) => new URL(location.href).searchParams.get('p') === id, id);

      await page.goBack();
      await page.waitForFunction(() => !document.querySelector('[aria-current="true"][data-passage-id]'));
      assert.equal(new URL(page.url()).searchParams.get('doc'), doc.id);
      await page.goBack();
      await page.locator('.doc-card').first().waitFor();
      await page.goForward();
      await page.locator('article.reader').waitFor();
      await page.goForward();
      await page.locator(`[data-passage-id="${id}"][aria-current="true"]`).waitFor();
      check();
    });
  });
}

describe('assets', () => {
  it('load by relative URLs only, so any sub-path works without a rebuild', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { DIST } = await import('./harness.mjs');
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const urls = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(urls.length > 0);
    for (const url of urls) assert.ok(!url.startsWith('/') && !/^[a-z]+:/.test(url), url);
  });
});

describe('events in the reading view', () => {
  let site;
  before(async () => {
    site = await serve();
  });
  after(() => site?.stop());

  it('link each event to its other source passages', async () => {
    const event = data.events.find((e) => e.name === '高加索-2020');
    assert.ok(event, 'the Kavkaz-2020 exercise is extracted');
    assert.deepEqual(event.countries, ['RU']);
    assert.ok(event.sources.length >= 2);
    const [first, second] = event.sources;
    for (const s of event.sources) {
      const passage = data.passages.find((p) => p.id === s.passage);
      assert.ok(passage.text.includes(s.quote), 'every quote is in its passage');
    }
    const { page, check } = await guardedPage(browser, site.origin);
    await page.goto(`${site.base}?p=${first.passage}`);
    await ready(page);
    const item = page.locator(`[data-passage-id="${first.passage}"] [data-event-id="${event.id}"]`);
    assert.match(await item.textContent(), /Exercise/);
    await item.locator(`.event-sources a[href="?p=${second.passage}"]`).click();
    await page.locator(`[data-passage-id="${second.passage}"][aria-current="true"]`).waitFor();
    check();
  });
});

describe('explore: filters and search', () => {
  let site;
  before(async () => {
    site = await serve();
  });
  after(() => site?.stop());

  const ids = (page) =>
    page.$$eval('.result-list [data-passage-id]', (els) => els.map((e) => e.dataset.passageId));
  const count = async (page) => Number(await page.getByTestId('result-count').textContent());

  it('opens ?country=RU&year=2020 cold with only matching passages', async () => {
    const { page, check } = await guardedPage(browser, site.origin);
    await page.goto(`${site.base}?country=RU&year=2020`);
    await ready(page);
    await page.getByTestId('result-count').waitFor();
    // Listed ten at a time (the count is always the whole): every page of them.
    const total = await count(page);
    for (let listed = 10; listed < total; listed += 10) {
      await page.getByTestId('show-more').click();
      await page.locator('.result-list [data-passage-id]').nth(Math.min(total, listed + 10) - 1).waitFor();
    }
    const shown = await ids(page);
    assert.ok(shown.length > 0);
    assert.equal(total, shown.length);
    for (const id of shown) {
      const p = data.passages.find((x) => x.id === id);
      assert.ok(p, id);
    }
    // The passage with the China–Russia joint air patrol is among them; a 2023 one is not.
    const patrol = passageWith('中俄两国空军在亚太地区组织实施的第二次联合空中战略巡航');
    assert.ok(shown.includes(patrol.id));
    const press = data.passages.filter((p) => p.doc === 'mnd-press-2023-12-28').map((p) => p.id);
    assert.ok(!shown.some((id) => press.includes(id)));
    check();
  });

  it('types a query, updates the URL and results, and goes back', async () => {
    const { page, check } = await guardedPage(browser, site.origin);
    await page.goto(`${site.base}?view=explore`);
    await ready(page);
    const all = await count(page);
    assert.equal(all, data.passages.length);
    // Long lists come a page at a time; the count is always the whole.
    assert.equal((await ids(page)).length, 10);
    await page.getByTestId('show-more').click();
    await page.waitForFunction(() => document.querySelectorAll('.result-list [data-passage-id]').length === 20);
    await page.locator('#q').pressSequentially('高加索', { delay: 30 });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '高加索');
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=result-count]').textContent) < n, all);
    const hits = await ids(page);
    assert.ok(hits.length >= 2);
    for (const id of hits) assert.ok(data.passages.find((p) => p.id === id).text.includes('高加索'));
    assert.ok((await page.locator('.result-list mark').first().textContent()).includes('高加索'));
    await page.locator('input[data-type=exercise]').check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('type') === 'exercise');
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.get('type'));
    assert.equal(new URL(page.url()).searchParams.get('q'), '高加索');
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.get('q'));
    assert.equal(await count(page), all);
    check();
  });

  it('updates facet counts in place and lists every country on request', async () => {
    const { page, check } = await guardedPage(browser, site.origin);
    await page.goto(`${site.base}?view=explore`);
    await ready(page);
    const row = (code) => page.locator(`.facets input[data-country=${code}]`);
    const rowCount = async (code) => Number(await row(code).locator('xpath=..').locator('.count').textContent());
    const before = await rowCount('RU');
    // Mark the row's node: a keyed list keeps it while RU stays listed.
    await row('RU').evaluate((el) => (el.closest('li').dataset.kept = 'yes'));
    await page.locator('input[data-type=exercise]').check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('type') === 'exercise');
    await page.waitForFunction((n) => {
      const input = document.querySelector('.facets input[data-country=RU]');
      return Number(input.parentElement.querySelector('.count').textContent) < n;
    }, before);
    assert.equal(await row('RU').evaluate((el) => el.closest('li').dataset.kept), 'yes');
    assert.ok((await page.locator('.facets input[data-type=exercise]').isChecked()));
    // The twenty most frequent countries first; "show all" lists the rest.
    await page.locator('input[data-type=exercise]').uncheck();
    const listed = () => page.locator('.facets ul.countries input[data-country]').count();
    const all = page.getByTestId('countries-all');
    if (await all.count()) {
      assert.equal(await listed(), 20);
      const total = Number((await all.textContent()).match(/\d+/)[0]);
      await all.click();
      await page.waitForFunction((n) => document.querySelectorAll('.facets ul.countries input[data-country]').length === n, total);
      assert.ok(total > 20);
    } else {
      assert.ok((await listed()) <= 20);
    }
    // The year histogram keeps a row for every year of the corpus: a query that leaves a
    // year without a match shows it at 0, greyed, in the same row.
    const years = () => page.$$eval('[data-testid=year-histogram] [data-year]', (els) =>
      els.map((e) => ({ year: e.dataset.year, n: e.querySelector('.count').textContent, none: e.classList.contains('none') })));
    const all_years = await years();
    await page.locator('[data-testid=year-histogram] li').first().evaluate((el) => (el.dataset.kept = 'yes'));
    await page.locator('#q').fill('高加索');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '高加索');
    await searched(page);
    const narrowed = await years();
    assert.deepEqual(narrowed.map((y) => y.year), all_years.map((y) => y.year));
    assert.ok(narrowed.some((y) => y.n === '0') && narrowed.some((y) => y.n !== '0'));
    for (const y of narrowed) assert.equal(y.none, y.n === '0', `year ${y.year}`);
    assert.equal(await page.locator('[data-testid=year-histogram] li').first().evaluate((el) => el.dataset.kept), 'yes');
    check();
  });

  it('names what it cannot understand and shows the full list', async () => {
    const { page, check } = await guardedPage(browser, site.origin);
    await page.goto(`${site.base}?year=abc&country=ZZ`);
    await ready(page);
    const notices = (await page.locator('[data-testid=url-notice], [data-testid=filter-notice]').allTextContents()).join(' ');
    assert.match(notices, /year=abc/);
    assert.match(notices, /ZZ/);
    assert.equal(await count(page), data.passages.length);
    check();
  });

  it('renders markup in a query as text', async () => {
    const { page, check } = await guardedPage(browser, site.origin);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      d.dismiss();
    });
    await page.goto(`${site.base}?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    await ready(page);
    assert.equal(await page.locator('main img').count(), 0);
    assert.equal(await page.locator('#q').inputValue(), '<img src=x onerror=alert(1)>');
    await page.getByTestId('empty-state').waitFor();
    assert.equal(dialogs, 0);
    check();
  });
});

describe('timeline', () => {
  let site;
  before(async () => {
    site = await serve();
  });
  after(() => site?.stop());

  it('draws the events, zooms into the URL year, and opens a source on click', async () => {
    const { page, check } = await guardedPage(browser, site.origin);
    await page.goto(`${site.base}?view=timeline`);
    await ready(page);
    const marks = page.locator('svg.timeline [data-event-id]');
    // Keyboard: a mark takes focus and Enter opens its passage (checked below with a click).
    await marks.first().waitFor();
    const dated = data.events.filter((e) => e.start !== null);
    const shown = await timelineShown(page);
    assert.equal(shown.ids.length + shown.clustered, dated.length, 'every dated event is marked or clustered');
    assert.ok(shown.ids.every((id) => dated.some((e) => e.id === id)));
    await showAll(page, 'timeline-list-more');
    const asText = await page.$$eval('[data-testid=timeline-list] [data-event-id]', (els) => els.map((e) => e.dataset.eventId));
    assert.deepEqual(asText.sort(), dated.map((e) => e.id).sort(), 'the list holds the same events as the chart');
    const undated = data.events.filter((e) => e.start === null).map((e) => e.id);
    await showAll(page, 'undated-more');
    const listed = await page.$$eval('[data-testid=undated] [data-event-id]', (els) => els.map((e) => e.dataset.eventId));
    assert.deepEqual(listed.sort(), undated.sort());

    await page.getByTestId('zoom-in').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year'));
    const [from, to] = new URL(page.url()).searchParams.get('year').split('-').map(Number);
    const inRange = dated.filter((e) => {
      const a = Number(e.start.slice(0, 4));
      const b = Number((e.end ?? e.start).slice(0, 4));
      return a <= (to ?? from) && b >= from;
    });
    await timelineShows(page, inRange.length);

    // Click: the event opens with every source passage; a source opens highlighted.
    const kavkaz = data.events.find((e) => e.name === '高加索-2020');
    await page.goto(`${site.base}?view=timeline&year=2020`);
    await page.locator(`svg.timeline [data-event-id="${kavkaz.id}"]`).click();
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('event') === id, kavkaz.id);
    const panel = page.getByTestId('event-panel');
    assert.equal(await panel.getAttribute('data-event-id'), kavkaz.id);
    const links = await panel.locator('[data-testid=event-sources] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, kavkaz.sources.map((s) => `?p=${s.passage}`));
    for (const s of kavkaz.sources) assert.ok((await panel.textContent()).includes(s.quote));
    await panel.locator('[data-testid=event-sources] a').first().click();
    await page.locator(`[data-passage-id="${kavkaz.sources[0].passage}"][aria-current="true"]`).waitFor();

    // By keyboard: focus a mark, press Enter, then follow the source.
    const patrol = data.events.find((e) => e.start === '2020-12-22');
    await page.goto(`${site.base}?view=timeline&year=2020`);
    await page.locator(`svg.timeline [data-event-id="${patrol.id}"]`).focus();
    assert.match(await page.getByTestId('mark-detail').textContent(), /22 December 2020/);
    await page.keyboard.press('Enter');
    await page.getByTestId('event-panel').waitFor();
    await page.getByTestId('event-panel').locator('a').first().focus();
    await page.keyboard.press('Enter');
    await page.locator(`[data-passage-id="${patrol.sources[0].passage}"][aria-current="true"]`).waitFor();
    check();
  });
});

describe('strict Content-Security-Policy', () => {
  let site;
  before(async () => {
    site = await serve({ csp: true });
  });
  after(() => site?.stop());

  it('every view works with no inline script or style allowed', async () => {
    const { page, check } = await guardedPage(browser, site.origin);
    const csp = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/.test(m.text())) csp.push(m.text());
    });
    const response = await page.goto(site.base);
    assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
    for (const query of ['', `?p=${data.passages[5].id}`, '?view=explore&q=%E8%81%94%E5%90%88', '?view=timeline']) {
      await page.goto(site.base + query);
      await ready(page);
      assert.ok((await page.locator('main').innerText()).length > 20, query);
    }
    assert.deepEqual(csp, []);
    check();
  });
});

describe('offline', () => {
  let site;
  before(async () => {
    site = await serve({ subPath: 'milcoop' });
  });
  after(() => site?.stop());

  it('keeps working with the network off after the first visit, with what was read', async () => {
    // Not `check()`: offline, the browser logs each failed fetch as a console error, and
    // one fetch here is meant to fail. A page error still fails the test.
    const { page, context } = await guardedPage(browser, site.origin);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site.base);
    await ready(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const target = passageWith('与12国防务部门领导人通话');
    const unread = data.passages.find((p) => p.doc !== target.doc);
    await page.goto(`${site.base}?p=${target.id}`);
    await page.locator(`[data-passage-id="${target.id}"][aria-current="true"] .passage-text`).waitFor();

    // Offline: the document read is there; one never read says so, and how to keep all.
    await context.setOffline(true);
    await page.goto(`${site.base}?p=${target.id}`);
    await ready(page);
    await page.locator(`[data-passage-id="${target.id}"][aria-current="true"] .passage-text`).waitFor();
    await page.goto(`${site.base}?p=${unread.id}`);
    const unloaded = page.getByTestId('view-unloaded');
    await unloaded.waitFor();
    assert.match(await unloaded.textContent(), /not available offline yet.*Make everything available offline/s);

    // Back online, a search brings its shards and the texts of what it lists; then it
    // works offline, and so do the documents it listed.
    await context.setOffline(false);
    const search = `${site.base}?view=explore&q=${encodeURIComponent('高加索')}`;
    const listed = async () => {
      await page.getByTestId('result-count').waitFor();
      await page.waitForFunction(() => !document.querySelector('.result .passage-text[aria-busy="true"]'));
      return page.$$eval('li.result[data-passage-id]', (els) => els.map((e) => e.dataset.passageId));
    };
    await page.goto(search);
    const found = await listed();
    await context.setOffline(true);
    await page.goto(search);
    assert.deepEqual(await listed(), found);
    assert.ok(found.length >= 2);
    const other = found.find((id) => !id.startsWith(`${target.doc}.`)) ?? found[0];
    await page.goto(`${site.base}?p=${other}`);
    await page.locator(`[data-passage-id="${other}"][aria-current="true"] .passage-text`).waitFor();
    // The map is fetched by the Countries view only, and the view itself is a wasm chunk
    // fetched on first use, as is the timeline: the worker cached all of them at install.
    await page.goto(`${site.base}?view=countries`);
    await page.locator('svg.world path[data-country="RU"]').waitFor();
    await page.goto(`${site.base}?view=timeline`);
    await page.locator('svg.timeline [data-event-id]').first().waitFor();
    await context.setOffline(false);
    assert.deepEqual(errors, []);
  });
});
