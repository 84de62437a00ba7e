// A document brought in by `milcoop import` is a document like any other (issue 17): its
// passages read, search finds them, and its events are listed with their quotes.
//
// scripts/test.sh imports core/testdata/import/mnd-press-2024-01-25.html (a saved ministry
// page with menus, share buttons and QR-code text) into a copy of the corpus, builds that
// into target/dist-v2 and exports it to target/export-v2.json.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, guardedPage, launch, ready, serve } from './harness.mjs';

const V2 = join(ROOT, 'target', 'dist-v2');
const EXPORT = join(ROOT, 'target', 'export-v2.json');
const DOC = 'mnd-press-2024-01-25';

let browser;
let site;
let data;
before(async () => {
  if (!existsSync(EXPORT)) throw new Error(`${EXPORT} is missing: run scripts/test.sh`);
  data = JSON.parse(readFileSync(EXPORT, 'utf8'));
  browser = await launch();
  site = await serve({ root: V2 });
});
after(async () => {
  await browser?.close();
  site?.stop();
});

describe('an imported page', () => {
  it('is a document whose passages, search hits and events are in the page', async () => {
    const doc = data.documents.find((d) => d.id === DOC);
    assert.ok(doc, 'the imported document is in the build');
    assert.equal(doc.kind, 'press-conference');
    const passages = data.passages.filter((p) => p.id.startsWith(`${DOC}.`));
    const exercise = passages.find((p) => p.text.includes('和平-24'));
    assert.ok(exercise, 'the passage about the exercise is a passage');
    assert.ok(!passages.some((p) => /分享到|扫一扫|首页|版权所有/.test(p.text)), 'no chrome or share text became a passage');

    const { page, check } = await guardedPage(browser, site.origin);
    // The passage link opens the imported document at that passage.
    await page.goto(`${site.base}?p=${exercise.id}`);
    await ready(page);
    const shown = page.locator(`[data-passage-id="${exercise.id}"][aria-current="true"]`);
    await shown.waitFor();
    assert.match(await shown.textContent(), /和平-24/);
    assert.match(await page.locator('h1').first().textContent(), /中外联合演训持续深化/);
    // Its event is under the passage, as under every passage.
    await shown.locator('[data-event-id]').first().waitFor();

    // Search finds it, and the document filter lists its events with their quotes.
    await page.goto(`${site.base}?view=explore&q=${encodeURIComponent('和平-24')}`);
    await ready(page);
    await page.locator(`li.result[data-passage-id="${exercise.id}"]`).waitFor();

    const events = data.events.filter((e) => e.sources.some((s) => s.passage.startsWith(`${DOC}.`)));
    const drill = events.find((e) => e.type === 'exercise' && e.countries.includes('PK'));
    assert.ok(drill, 'the exercise with Pakistan is an event');
    assert.ok(events.some((e) => e.type === 'escort'), 'the escort task force is an event');
    await page.goto(`${site.base}?view=explore&doc=${DOC}`);
    await ready(page);
    for (const e of events) {
      await page.locator(`.event-results [data-event-id="${e.id}"]`).waitFor();
    }
    await page.goto(`${site.base}?view=timeline&event=${drill.id}`);
    await page.getByText(drill.sources[0].quote.slice(0, 20), { exact: false }).first().waitFor();
    check();
  });
});
