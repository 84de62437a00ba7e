// End to end on a phone-sized screen with touch: Explore shows its results first, the
// filters open in a sheet, a year range takes two taps, and the active filters are chips
// that remove themselves; in real headless Chromium against the release build.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { guardedPage, ready, useBrowserAndSite } from './harness.mjs';

const env = useBrowserAndSite({ before, after });
const phone = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true };

describe('figures on a phone', () => {
  it('a figure is a card whose statement has the width of the screen, each field named', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin, phone);
    await page.goto(`${env.site.base}?view=stats`);
    await ready(page);
    const quote = page.locator('table.figures tr.figure td.figure-quote').first();
    await quote.waitFor();
    const box = await quote.boundingBox();
    assert.ok(box.width > 300, `the statement is ${box.width}px wide`);
    const label = await quote.evaluate((td) => getComputedStyle(td, '::before').content);
    assert.equal(label, '"Statement"');
    check();
  });
});

describe('Explore on a phone', () => {
  it('the result count is on the first screen; filters open in a sheet', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin, phone);
    await page.goto(`${env.site.base}?view=explore`);
    await ready(page);
    const count = await page.getByTestId('result-count').boundingBox();
    assert.ok(count && count.y + count.height <= 667, `the count is at ${JSON.stringify(count)}`);
    assert.equal(await page.getByTestId('facets').isVisible(), false, 'the facets wait in their sheet');
    await page.getByTestId('filters-toggle').tap();
    await page.getByTestId('facets').waitFor();
    assert.equal(await page.getByTestId('filters-toggle').getAttribute('aria-expanded'), 'true');
    await page.getByTestId('filters-done').tap();
    await page.getByTestId('facets').waitFor({ state: 'hidden' });
    check();
  });

  it('two taps choose a year range; a chip removes it', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin, phone);
    await page.goto(`${env.site.base}?view=explore`);
    await ready(page);
    await page.getByTestId('filters-toggle').tap();
    const years = await page.$$eval('[data-testid=year-histogram] [data-year]', (els) => els.map((e) => Number(e.dataset.year)));
    const [first, last] = [years[1], years[years.length - 2]];
    assert.ok(first < last);
    await page.getByTestId('year-range').tap();
    await page.locator(`[data-testid=year-histogram] [data-year="${last}"]`).tap();
    await page.locator(`[data-testid=year-histogram] [data-year="${first}"]`).tap();
    await page.waitForFunction((want) => new URL(location.href).searchParams.get('year') === want, `${first}-${last}`);
    assert.equal(await page.getByTestId('year-range').getAttribute('aria-pressed'), 'false', 'the range is done');
    await page.getByTestId('filters-done').tap();
    assert.match(await page.getByTestId('filters-toggle').textContent(), /Filters \(1\)/);
    const chip = page.locator('[data-testid=filter-chip][data-key=year]');
    assert.equal((await chip.textContent()).trim(), `years ${first}–${last} ×`);
    await chip.tap();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('year'));
    assert.equal(await page.getByTestId('filter-chip').count(), 0);
    check();
  });

  it('the timeline is a list under the overview, and a tap opens an event', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin, phone);
    await page.goto(`${env.site.base}?view=timeline&year=2020`);
    await ready(page);
    await page.getByTestId('timeline-list').waitFor();
    assert.equal(await page.locator('svg.timeline').isVisible(), false, 'the wide chart is not drawn on a phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `the page does not scroll sideways (${width} px)`);
    await page.locator('[data-testid=timeline-list] a').first().tap();
    await page.getByTestId('event-panel').waitFor();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('event'));
    check();
  });
});
