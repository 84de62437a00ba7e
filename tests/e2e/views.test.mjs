// End to end: the timeline's overview and zoom, the Countries and Statistics views,
// parallel text and the bilingual interface, in real headless
// Chromium against the release build on a plain static server.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { exported, guardedPage, ready, showAll, timelineShown, timelineShows, useBrowserAndSite } from './harness.mjs';

const data = exported();
const env = useBrowserAndSite({ before, after });
const year = (page) => new URL(page.url()).searchParams.get('year');

describe('timeline overview and zoom', () => {
  it('a year in the overview shows that year; the wheel zooms the URL year', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${env.site.base}?view=timeline`);
    await ready(page);
    assert.equal(year(page), null);
    await page.locator('[data-testid=overview] .overview-year[data-year="2020"] .hit').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2020');
    const in2020 = data.events.filter((e) => e.start && e.start.startsWith('2020') && (!e.end || e.end.startsWith('2020')));
    await timelineShows(page, in2020.length, { atLeast: true });

    await page.getByRole('button', { name: 'All years' }).click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.get('year'));
    // Point inside the chart's first lanes, in view (the chart is taller than the window).
    await page.locator('svg.timeline').scrollIntoViewIfNeeded();
    const box = await page.locator('svg.timeline').boundingBox();
    await page.mouse.move(box.x + box.width * 0.9, box.y + Math.min(box.height / 2, 60));
    await page.mouse.wheel(0, -300);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year'));
    const [from, to] = year(page).split('-').map(Number);
    const dated = data.events.filter((e) => e.start);
    const min = Math.min(...dated.map((e) => Number(e.start.slice(0, 4))));
    const max = Math.max(...dated.map((e) => Number((e.end ?? e.start).slice(0, 4))));
    assert.ok(to - from < max - min, `zoomed in: ${from}-${to}`);
    assert.ok(from - min > max - to, `zoomed under the pointer, near the right edge: ${from}-${to}`);
    check();
  });
});

describe('timeline pinch', () => {
  it('two fingers spreading on a touch screen zoom in', async () => {
    const { page, context, check } = await guardedPage(env.browser, env.site.origin, { hasTouch: true, viewport: { width: 1280, height: 900 } });
    await page.goto(`${env.site.base}?view=timeline`);
    await ready(page);
    const box = await page.locator('svg.timeline').boundingBox();
    // Real touch input through the browser's own input pipeline (CDP), two fingers apart.
    const cdp = await context.newCDPSession(page);
    const [x, y] = [box.x + box.width * 0.6, box.y + 80];
    const fingers = (d) => [{ x: x - d, y }, { x: x + d, y }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(40) });
    for (const d of [60, 90, 120, 160]) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(d) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year'));
    const [from, to] = year(page).split('-').map(Number);
    const dated = data.events.filter((e) => e.start);
    const min = Math.min(...dated.map((e) => Number(e.start.slice(0, 4))));
    const max = Math.max(...dated.map((e) => Number((e.end ?? e.start).slice(0, 4))));
    assert.ok((to ?? from) - from < (max - min) / 2, `zoomed in about fourfold: ${from}-${to}`);
    check();
  });
});

describe('countries', () => {
  it('ranks partners; a click in the list or on the map opens the country, two stay in the list', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin);
    await page.goto(`${env.site.base}?view=countries`);
    await ready(page);
    const codes = await page.$$eval('[data-testid=country-list] [data-country]', (els) => els.map((e) => e.dataset.country));
    const counts = new Map();
    for (const e of data.events) for (const c of e.countries) counts.set(c, (counts.get(c) ?? 0) + 1);
    assert.deepEqual(new Set(codes), new Set(counts.keys()));
    assert.equal(codes[0], [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0]);

    await page.locator('[data-testid=country-list] [data-country="PK"] button').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('country') === 'PK');
    await page.locator('[data-testid=country-page][data-country=PK]').waitFor();
    const shown = await page.$$eval('[data-testid=country-events] [data-event-id]', (els) => els.map((e) => e.dataset.eventId));
    assert.deepEqual(shown.sort(), data.events.filter((e) => e.countries.includes('PK')).map((e) => e.id).sort());
    await page.getByText('← All partner countries').click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('country'));

    // A real click on a point inside Russia's outline (its box's centre may be sea).
    await page.locator('svg.world').scrollIntoViewIfNeeded();
    const inside = await page.$eval('svg.world path[data-country="RU"]', (path) => {
      const box = path.getBBox();
      for (let y = box.y; y < box.y + box.height; y += 2) {
        for (let x = box.x; x < box.x + box.width; x += 2) {
          const pt = new DOMPoint(x, y);
          if (path.isPointInFill(pt)) {
            const screen = pt.matrixTransform(path.getScreenCTM());
            if (document.elementFromPoint(screen.x, screen.y) === path) return { x: screen.x, y: screen.y };
          }
        }
      }
      return null;
    });
    assert.ok(inside, 'a visible point of Russia');
    await page.mouse.click(inside.x, inside.y);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('country') === 'RU');
    await page.locator('[data-testid=country-page][data-country=RU]').waitFor();

    await page.goto(`${env.site.base}?view=countries&country=PK,RU`);
    await page.waitForFunction(() => document.querySelectorAll('svg.world path.selected').length === 2);
    assert.equal(await page.locator('[data-testid=country-list] .selected').count(), 2);
    assert.equal(await page.getByTestId('country-page').count(), 0);
    check();
  });
});

describe('parallel text', () => {
  it('a deep link opens a passage beside its counterpart; a button turns it on', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin, { viewport: { width: 1280, height: 900 } });
    const pair = data.counterparts.find((c) => data.passages.find((p) => p.id === c.zh).text.startsWith('三是'));
    await page.goto(`${env.site.base}?p=${pair.zh}&parallel=1`);
    await ready(page);
    await page.getByTestId('parallel').waitFor();
    const row = page.locator('.parallel-row', { has: page.locator(`[data-passage-id="${pair.zh}"]`) });
    assert.equal(await row.locator(`[data-passage-id="${pair.en}"]`).count(), 1, 'the counterpart is in the same row');
    assert.equal(await page.locator(`[data-passage-id="${pair.zh}"]`).getAttribute('aria-current'), 'true');
    assert.match(await page.locator(`[data-passage-id="${pair.en}"]`).getAttribute('class'), /counterpart/);
    const zhBox = await page.locator(`[data-passage-id="${pair.zh}"]`).boundingBox();
    const enBox = await page.locator(`[data-passage-id="${pair.en}"]`).boundingBox();
    assert.ok(enBox.x > zhBox.x + zhBox.width - 1, 'side by side');

    await page.goto(`${env.site.base}?p=${pair.en}`);
    await ready(page);
    await page.locator(`[data-passage-id="${pair.en}"] [data-testid=show-counterpart]`).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('parallel') === '1');
    assert.equal(new URL(page.url()).searchParams.get('p'), pair.en);
    await page.getByTestId('parallel').waitFor();
    check();
  });
});

describe('statistics', () => {
  it('counts every dated event once by year and lists the figures with their quotes', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin);
    await page.goto(`${env.site.base}?view=stats`);
    await ready(page);
    const totals = await page.$$eval('[data-testid=per-year] .column', (cols) => cols.map((c) => Number(c.dataset.total)));
    assert.equal(totals.reduce((a, b) => a + b, 0), data.events.filter((e) => e.start).length);
    // Twenty at first (each row fetches its document's text), the rest on request.
    const rows = page.locator('[data-testid=figures] .figure');
    assert.equal(await rows.count(), Math.min(20, data.figures.length));
    const more = page.getByTestId('figures-more');
    while (await more.count()) await more.click();
    assert.equal(await rows.count(), data.figures.length);
    const first = rows.first();
    const pid = await first.getAttribute('data-passage-id');
    await first.locator('blockquote[aria-busy="false"]').waitFor();
    const quote = await first.locator('blockquote').textContent();
    assert.ok(quote.trim().length > 0, 'a figure shows its quote (the shell keeps only where it stands)');
    assert.ok(data.passages.find((p) => p.id === pid).text.includes(quote));
    check();
  });

  it('splits the years by the document that reports them, and says what that means', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin);
    await page.goto(`${env.site.base}?view=stats`);
    await ready(page);
    const docOf = (pid) => data.passages.find((p) => p.id === pid).doc;
    const table = page.getByTestId('per-year-document');
    const titles = await table.locator('thead th').allTextContents();
    for (const row of await table.locator('tbody tr').all()) {
      const [year, ...cells] = await row.locator('th, td').allTextContents();
      cells.forEach((n, i) => {
        const doc = data.documents.find((d) => d.title === titles[i + 1]);
        const expected = data.events.filter((e) => e.start?.startsWith(year) && e.sources.some((s) => docOf(s.passage) === doc.id)).length;
        assert.equal(Number(n), expected, `${year}, ${doc.id}`);
      });
    }
    // The note names the busiest year and how much of it one document reports.
    const perYear = new Map();
    for (const e of data.events.filter((x) => x.start)) perYear.set(e.start.slice(0, 4), (perYear.get(e.start.slice(0, 4)) ?? 0) + 1);
    const [busiest, total] = [...perYear].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    assert.match(await page.getByTestId('stats-note').textContent(), new RegExp(`In ${busiest}, the busiest year here, \\d+ of the ${total} events come from one document`));
    check();
  });
});

describe('bilingual interface', () => {
  it('switches labels, dates and type names, keeps ui=zh in links, and survives a reload', async () => {
    const { page, context, check } = await guardedPage(env.browser, env.site.origin);
    await page.goto(`${env.site.base}?view=timeline&year=2020`);
    await ready(page);
    assert.equal(await page.locator('.site-nav a').first().textContent(), 'Documents');
    await page.getByTestId('ui-switch').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('ui') === 'zh');
    assert.equal(new URL(page.url()).searchParams.get('year'), '2020', 'the view is kept');
    assert.equal(await page.locator('.site-nav a').first().textContent(), '文献');
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh');
    assert.ok((await page.locator('svg.timeline .lane-label').allTextContents()).includes('联合演训'));
    assert.match(await page.locator('.site-nav a').nth(2).getAttribute('href'), /ui=zh/);

    await page.reload();
    await ready(page);
    assert.equal(await page.locator('h1').textContent(), '事件时间线');

    // Remembered: a link without ui opens in Chinese in the same browser.
    const tab = await context.newPage();
    await tab.goto(`${env.site.base}?view=stats`);
    await ready(tab);
    assert.equal(await tab.locator('h1').textContent(), '统计');
    const kavkaz = data.events.find((e) => e.name === '高加索-2020');
    await tab.goto(`${env.site.base}?p=${kavkaz.sources[0].passage}`);
    await ready(tab);
    assert.ok((await tab.locator(`[data-event-id="${kavkaz.id}"] .event-date`).first().textContent()).includes('2020年9月'));

    // And back to English, which the link then says nothing about.
    await tab.getByTestId('ui-switch').click();
    await tab.waitForFunction(() => !new URL(location.href).searchParams.get('ui'));
    assert.equal(await tab.locator('.site-nav a').first().textContent(), 'Documents');
    check();
  });
});

describe('timeline clusters', () => {
  // The (type, year) with the most events dated only to that year: more than a lane's rows
  // hold when they are shown alone (the real corpus has nine dialogues dated "2020").
  const crowded = () => {
    const count = new Map();
    for (const e of data.events) {
      if (e.start?.length === 4 && !e.end) count.set(`${e.type} ${e.start}`, (count.get(`${e.type} ${e.start}`) ?? 0) + 1);
    }
    const [key, n] = [...count].sort((a, b) => b[1] - a[1])[0];
    const [type, year] = key.split(' ');
    return { type, year, n };
  };

  it('gathers what a lane cannot hold into a mark that zooms in, then lists them in Explore', async () => {
    const { type, year, n } = crowded();
    assert.ok(n > 8, `${type} ${year}: ${n} year-only events`);
    const { page, check } = await guardedPage(env.browser, env.site.origin, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${env.site.base}?view=timeline&type=${type}`);
    await ready(page);
    const ofType = data.events.filter((e) => e.type === type && e.start);
    await timelineShows(page, ofType.length);
    const cluster = page.locator(`svg.timeline .cluster.type-${type}`, { hasText: '+' }).filter({ has: page.locator('title', { hasText: year }) });
    assert.match(await cluster.getAttribute('aria-label'), /Zoom in/);
    const shown = await timelineShown(page);
    assert.ok(shown.clustered > 0 && shown.ids.length + shown.clustered === ofType.length);
    await cluster.click();
    await page.waitForFunction((y) => new URL(location.href).searchParams.get('year') === y, year);
    // In its year, the year-only events that do not fit are one mark that lists them.
    const inYear = ofType.filter((e) => e.start.slice(0, 4) <= year && (e.end ?? e.start).slice(0, 4) >= year);
    await timelineShows(page, inYear.length);
    const again = page.locator(`svg.timeline .cluster.type-${type}`).filter({ has: page.locator('title', { hasText: year }) });
    const label = await again.getAttribute('aria-label');
    assert.match(label, /List them in Explore/);
    const listed = Number(await again.getAttribute('data-cluster-count'));
    const marked = (await timelineShown(page)).ids;
    assert.equal(marked.length + listed, inYear.length);
    await again.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'explore');
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('type'), type);
    assert.equal(url.searchParams.get('year'), year);
    await page.locator('ul.events li.event').first().waitFor();
    const types = await page.$$eval('ul.events li.event', (els) => els.map((e) => e.dataset.type));
    assert.ok(types.length > 0 && types.every((t) => t === type), types.join(', '));
    check();
  });
});

describe('lazy views', () => {
  const wasmRequests = (page) => {
    const seen = [];
    page.on('request', (r) => {
      const name = new URL(r.url()).pathname.split('/').pop();
      if (name.endsWith('.wasm')) seen.push(name);
    });
    return seen;
  };

  it('fetches a chart view’s chunk when it is first shown, not on a passage link', async () => {
    // Without the service worker, every fetch the page makes is seen here.
    const { page, check } = await guardedPage(env.browser, env.site.origin, { serviceWorkers: 'block' });
    const seen = wasmRequests(page);
    const passage = data.passages[0];
    await page.goto(`${env.site.base}?p=${passage.id}`);
    await ready(page);
    await page.locator(`[data-passage-id="${passage.id}"]`).waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(
      seen.filter((n) => !/^milcoop-web-[0-9a-f]+_bg\.wasm$/.test(n)),
      [],
      'a passage link needs only the main module',
    );
    await page.locator('.site-nav').getByRole('link', { name: 'Timeline' }).click();
    await page.locator('svg.timeline [data-event-id]').first().waitFor();
    assert.ok(seen.some((n) => n.startsWith('split_timeline-')), `chunks fetched: ${seen.join(', ')}`);
    assert.ok(!seen.some((n) => n.startsWith('split_stats-')), 'only the view shown is fetched');
    check();
  });

  it('fetches the chunks of a search once the home view is idle, so a search from it waits for data only', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin, { serviceWorkers: 'block' });
    const seen = wasmRequests(page);
    await page.goto(env.site.base);
    await ready(page);
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => /split_explore-/.test(r.name)));
    await page.waitForLoadState('networkidle');
    assert.ok(seen.some((n) => n.startsWith('split_search-')), `chunks fetched: ${seen.join(', ')}`);
    assert.ok(!seen.some((n) => n.startsWith('split_stats-')), 'no other view is fetched');
    // Nothing runs until the reader goes there: no search data yet.
    const data = await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => /\/(search|shard)-/.test(r.name)).length);
    assert.equal(data, 0);
    const before = seen.length;
    await page.locator('.site-nav').getByRole('link', { name: 'Explore' }).click();
    await page.locator('li.result').first().waitFor();
    assert.equal(seen.slice(before).filter((n) => n.startsWith('split_explore-')).length, 0, 'Explore’s chunk is not fetched twice');
    check();
  });

  it('says so in the page when a chunk cannot be fetched', async () => {
    const { page, context } = await guardedPage(env.browser, env.site.origin, { serviceWorkers: 'block' });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await context.route(/split_stats-[0-9a-f]+\.wasm$/, (route) => route.abort());
    await page.goto(`${env.site.base}?view=stats`);
    await ready(page);
    await page.getByRole('alert').filter({ hasText: 'could not be loaded' }).waitFor();
    // The rest of the page still works.
    await page.locator('.site-nav').getByRole('link', { name: 'Documents' }).click();
    await page.locator('[data-doc-id]').first().waitFor();
    assert.deepEqual(errors, []);
  });
});

describe('first paint of a deep link', () => {
  it('draws the linked passage from its document’s own file, then the full reader', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin, { serviceWorkers: 'block' });
    // The preview and the reader come from the same file, one after the other: record what
    // the preview showed, the moment it is drawn.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const shown = [...document.querySelectorAll('.preview-page [data-preview-id]')];
        if (shown.length === 0) return;
        window.previewShown = shown.map((e) => ({ id: e.dataset.previewId, cls: e.className, text: e.textContent }));
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const doc = data.documents.find((d) => d.id === 'review-2020');
    const passages = data.passages.filter((p) => p.doc === doc.id);
    const target = passages[Math.floor(passages.length / 2)];
    await page.goto(`${env.site.base}?p=${target.id}`);
    await page.locator(`[data-passage-id="${target.id}"][aria-current="true"]`).waitFor();
    assert.equal(await page.locator('.preview-page').count(), 0);
    const shown = await page.evaluate(() => window.previewShown);
    assert.ok(shown, 'the preview was drawn before the reader');
    // From the linked passage on, in order: nothing before it to lay out first.
    assert.deepEqual(shown.map((p) => p.id), passages.slice(passages.indexOf(target)).map((p) => p.id));
    assert.equal(shown[0].cls, 'passage current');
    assert.ok(shown[0].text.includes(target.text.trim()));
    check();
  });

  it('says so in the page when the dataset cannot be fetched', async () => {
    const { page, context } = await guardedPage(env.browser, env.site.origin, { serviceWorkers: 'block' });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await context.route(/dataset-[0-9a-f]+\.bin$/, (route) => route.abort());
    await page.goto(`${env.site.base}?view=timeline`);
    await page.getByRole('alert').filter({ hasText: 'The corpus could not be read' }).waitFor();
    // A passage link needs its document's file only; leaving the document needs the rest.
    await page.goto(`${env.site.base}?p=${data.passages[0].id}`);
    await page.locator(`[data-passage-id="${data.passages[0].id}"][aria-current="true"]`).waitFor();
    await page.locator('.crumbs a').first().click();
    await page.getByTestId('view-unloaded').filter({ hasText: 'could not be fetched' }).waitFor();
    assert.deepEqual(errors, []);
  });
});

describe('events say what happened', () => {
  it('a peacekeeping filter lists the 2008 missions with their units and sizes', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin);
    await page.goto(`${env.site.base}?view=explore&type=peacekeeping&doc=defence-2008-intl-security`);
    await ready(page);
    // The document's own passages (`<document id>.<hash>`), not those of other documents
    // whose id starts the same.
    const missions = data.events.filter((e) => e.type === 'peacekeeping' && e.mission && e.sources.some((s) => s.passage.startsWith('defence-2008-intl-security.')));
    assert.deepEqual(missions.map((e) => e.mission).sort(), ['MONUC', 'UNAMID', 'UNIFIL', 'UNMIL', 'UNMIS']);
    for (const e of missions) {
      const row = page.locator(`.event-results [data-event-id="${e.id}"]`);
      await row.waitFor();
      assert.equal((await row.locator('.event-title').textContent()).trim(), e.title_en);
      assert.ok(e.personnel.length > 0 && e.personnel.every((p) => p.count > 0), `${e.mission} has its units and sizes`);
    }
    const unmil = missions.find((e) => e.mission === 'UNMIL');
    assert.equal(unmil.title_en, 'Engineer, transport and medical units with UNMIL, Liberia');
    assert.deepEqual(unmil.personnel, [{ unit: 'engineer', count: 275 }, { unit: 'transport', count: 240 }, { unit: 'medical', count: 43 }]);
    // The panel says the sizes.
    await page.goto(`${env.site.base}?view=timeline&event=${unmil.id}`);
    await page.getByTestId('personnel').waitFor();
    assert.match(await page.getByTestId('personnel').textContent(), /engineer 275, transport 240, medical 43/);
    check();
  });

  it('a timeline mark is labelled with its title where it has room', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${env.site.base}?view=timeline&year=2016`);
    await ready(page);
    await page.locator('svg.timeline [data-event-id]').first().waitFor();
    const labels = await page.$$eval('svg.timeline [data-label-for]', (ts) => ts.map((t) => [t.dataset.labelFor, t.textContent]));
    assert.ok(labels.length > 0, 'some marks carry a label');
    const whole = labels.filter(([id, text]) => data.events.find((e) => e.id === id).title_en === text);
    assert.ok(whole.length > 0, `a label is an event's whole title: ${JSON.stringify(labels)}`);
    for (const [id, text] of labels) {
      const title = data.events.find((e) => e.id === id).title_en;
      assert.ok(text === title || (text.endsWith('…') && title.startsWith(text.slice(0, -1))), `${text} is ${title} or its start`);
    }
    // One year in view: its months are marked; every mark is at least 24 px to hit.
    const months = await page.$$eval('svg.timeline .tick.month', (ts) => ts.map((t) => Number(t.dataset.month)));
    assert.deepEqual(months, [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const hits = await page.$$eval('svg.timeline .mark .hit', (rs) => rs.map((r) => r.getBoundingClientRect()).map((b) => [b.width, b.height]));
    assert.ok(hits.length > 0 && hits.every(([w, h]) => w >= 24 && h >= 24), JSON.stringify(hits));
    await page.goto(`${env.site.base}?view=timeline&year=2000-2016`);
    await page.locator('svg.timeline [data-event-id]').first().waitFor();
    assert.equal(await page.locator('svg.timeline .tick.month').count(), 0, 'no months over many years');
    check();
  });

  it('zooms below a year into months, in the link, and back out to the year', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${env.site.base}?view=timeline&year=2020`);
    await ready(page);
    await page.locator('svg.timeline [data-event-id]').first().waitFor();
    await page.getByTestId('zoom-in').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('months'));
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('months'), '2020-04..2020-09');
    assert.equal(url.searchParams.get('year'), '2020', 'the year filter holds the zoom');
    assert.match(await page.getByTestId('timeline-span').textContent(), /Apr 2020 to Sep 2020/);
    // Every month of the window is marked, and the marks are the events of those months.
    const months = await page.$$eval('svg.timeline .tick.month', (ts) => ts.map((t) => Number(t.dataset.month)));
    assert.deepEqual(months, [4, 5, 6, 7, 8, 9]);
    const inWindow = (e) => {
      if (!e.start) return false;
      const month = (d, last) => Number(d.slice(0, 4)) * 12 + (d.length >= 7 ? Number(d.slice(5, 7)) : last ? 12 : 1) - 1;
      return month(e.start, false) <= 2020 * 12 + 8 && month(e.end ?? e.start, true) >= 2020 * 12 + 3;
    };
    const want = data.events.filter(inWindow).map((e) => e.id).sort();
    assert.ok(want.length > 0 && want.length < data.events.filter((e) => e.start?.startsWith('2020')).length);
    await timelineShows(page, want.length);
    const drawn = await timelineShown(page);
    assert.ok(drawn.ids.every((id) => want.includes(id)), 'the marks are events of those months');
    await showAll(page, 'timeline-list-more');
    const listed = await page.$$eval('[data-testid=timeline-list] [data-event-id]', (els) => els.map((e) => e.dataset.eventId));
    assert.deepEqual(listed.sort(), want, 'the text list shows the same months');
    // The link opens the same window; Later moves by months; zooming out is the year again.
    await page.goto(page.url());
    await page.locator('svg.timeline [data-event-id]').first().waitFor();
    assert.match(await page.getByTestId('timeline-span').textContent(), /Apr 2020 to Sep 2020/);
    await page.getByRole('button', { name: 'Later →' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('months') === '2020-05..2020-10');
    await page.getByTestId('zoom-out').click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.get('months'));
    assert.equal(new URL(page.url()).searchParams.get('year'), '2020');
    check();
  });
});
