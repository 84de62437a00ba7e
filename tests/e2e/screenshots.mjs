// Screenshots of every view at 1280px and 375px, for a person to look at (not a test).
// Usage: node tests/e2e/screenshots.mjs [outdir]   (needs dist/ and target/export.json; Chinese
// text needs the fonts-noto-cjk package on the machine that takes them)

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { exported, launch, ready, serve, ROOT } from './harness.mjs';

const out = process.argv[2] ?? join(ROOT, 'target', 'screenshots');
mkdirSync(out, { recursive: true });
const data = exported();
const joined = data.passages.find((p) => p.text.includes('与12国防务部门领导人通话'));
const bilingual = data.documents.find((d) => d.languages.length > 1);
const views = {
  home: '',
  reader: `?doc=${bilingual.id}`,
  passage: joined.url,
  'not-found': '?p=nothing.000000&zzz=1',
  explore: '?view=explore',
  timeline: '?view=timeline',
  'timeline-zoomed': '?view=timeline&year=2019-2021',
  'timeline-months': '?view=timeline&year=2020&months=2020-04..2020-09',
  'explore-filtered': '?country=RU&year=2020&q=' + encodeURIComponent('联合'),
  'timeline-event': `?view=timeline&year=2020&event=${encodeURIComponent(data.events.find((e) => e.name === '高加索-2020').id)}`,
  countries: '?view=countries',
  'countries-selected': '?view=countries&country=RU',
  stats: '?view=stats',
  parallel: `?p=${data.counterparts[3].zh}&parallel=1`,
  'home-zh': '?ui=zh',
  'timeline-zh': '?view=timeline&ui=zh',
  'countries-zh': '?view=countries&ui=zh',
  'explore-zh': '?view=explore&ui=zh&type=peacekeeping',
  'stats-zh': '?view=stats&ui=zh',
  'explore-peacekeeping': '?view=explore&type=peacekeeping',
  'explore-query': '?view=explore&q=peacekeeping',
  series: '?series=golden-dragon',
  'series-zh': '?series=golden-dragon&ui=zh',
  mission: '?mission=UNIFIL',
  'mission-zh': '?mission=UNIFIL&ui=zh',
  'country-zh': '?view=countries&country=PK&ui=zh',
};

const site = await serve();
const browser = await launch();
try {
  for (const width of [1280, 375]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    for (const [name, query] of Object.entries(views)) {
      await page.goto(site.base + query);
      await ready(page);
      await page.waitForTimeout(150);
      const file = join(out, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: name !== 'passage' && name !== 'parallel' });
      console.log(file);
    }
    await page.close();
  }
} finally {
  await browser.close();
  site.stop();
}
