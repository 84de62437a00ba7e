// Accessibility: axe-core (from npm) on every view reports no serious or critical violation,
// at desktop and phone widths, in both interface languages.

import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { exported, guardedPage, ready, useBrowserAndSite } from './harness.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const data = exported();
const views = {
  documents: '',
  reader: `?doc=${data.documents.find((d) => d.languages.length > 1).id}`,
  passage: `?p=${data.passages[20].id}`,
  explore: '?view=explore&q=%E8%81%94%E5%90%88&country=RU',
  'empty explore': '?q=zzzzqqq',
  timeline: '?view=timeline',
  'timeline event': `?view=timeline&year=2020&event=${data.events.find((e) => e.name === '高加索-2020').id}`,
  countries: '?view=countries',
  country: '?view=countries&country=PK',
  stats: '?view=stats',
  series: '?series=golden-dragon',
  mission: '?mission=UNIFIL',
  'not found': '?p=nothing.000000',
};

const env = useBrowserAndSite({ before, after });

for (const [width, ui] of [[1280, 'en'], [375, 'en'], [375, 'zh'], [1280, 'zh']]) {
  it(`has no serious or critical axe violations at ${width}px in ${ui}`, async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin, { viewport: { width, height: 900 } });
    const found = [];
    for (const [name, query] of Object.entries(views)) {
      const sep = query.includes('?') ? '&' : '?';
      await page.goto(env.site.base + query + (ui === 'zh' ? `${sep}ui=zh` : ''));
      await ready(page);
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return {
          checked: r.passes.length,
          violations: r.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`),
        };
      });
      assert.ok(result.checked > 10, `${name}: axe ran its rules`);
      for (const v of result.violations) found.push(`${name}: ${v}`);
    }
    assert.deepEqual(found, []);
    check();
  });
}
