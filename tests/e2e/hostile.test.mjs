// Over 100 malformed or hostile URLs: each loads to a working page, nothing panics, no markup
// from the URL becomes an element, and nothing leaves the origin.

import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { guardedPage, ready, useBrowserAndSite } from './harness.mjs';

const seeds = [
  '?p=%', '?p=%E4%B8', '?p=%%%%', '?q=%ZZ', '?q=' + 'x'.repeat(10000), // 5,000 CJK characters: ~45 KB percent-encoded, under the static server's 64 KiB request line.
  '?q=' + '中'.repeat(5000),
  '?q=😀😀', '?q=%E2%80%AE%D8%B9%D8%B1%D8%A8%D9%8A', '?q=.*%2B%3F%5E%24()%5B%5D%7B%7D%7C%5C',
  '?q=%22unterminated', '?q=%22%22', '?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', '?p=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
  '?country=ZZ', '?country=Russia', '?country=,,,', '?country=RU,ZZ,%00', '?type=parade',
  '?type=EXERCISE,,x', '?year=99999', '?year=-1', '?year=2020-', '?year=-2020', '?year=2030-1990',
  '?year=abc', '?year=2020-2021-2022', '?lang=fr', '?lang=', '?doc=nope', '?doc=%2E%2E%2F',
  '?view=timeline&year=1', '?view=timeline&year=2020', '?view=nonsense', '?view=explore&view=timeline',
  '?p=', '?p=review-2020.ffffff', '?p=' + 'a'.repeat(5000), '?doc=' + 'b'.repeat(5000),
  '?&&&', '?=', '?==&==', '?p=a&p=b&p=c', '?%FF=%FE', '??q=x', '?q=a#frag', '?q=+%20+',
  '?q=%E3%80%80', '?q=\u200f\u200e', '?country=ru&year=2020&type=exercise&lang=zh&q=%E8%81%94',
  '?view=countries&country=ZZ', '?view=stats&year=1800', '?view=timeline&event=nope', '?view=timeline&event=%3Cb%3E',
  '?p=a&parallel=1', '?doc=mnd-press-2023-12-28&parallel=2', '?view=explore&parallel=1', '?ui=fr', '?ui=zh&ui=en',
  '?ui=ZH&view=stats', '?event=x', '?view=countries&ui=zh&type=escort&year=1990',
];
const extra = [];
for (const key of ['p', 'q', 'doc', 'year', 'country', 'type', 'lang', 'view', 'zzz', 'ui', 'parallel', 'event']) {
  for (const value of ['%', '%C0%80', '<b>x</b>', '😀', '\u202e', '0', '-1', 'null']) {
    extra.push(`?${key}=${encodeURIComponent(value).replace('%25', '%')}`);
  }
}
const urls = [...seeds, ...extra];

const env = useBrowserAndSite({ before, after });

it(`loads ${urls.length} hostile URLs to working pages`, async () => {
  assert.ok(urls.length >= 100);
  const { page, check } = await guardedPage(env.browser, env.site.origin);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    d.dismiss();
  });
  for (const url of urls) {
    await page.goto(env.site.base + url);
    // A page that never leaves its loading state is named with what it showed.
    await ready(page).catch(async (e) => {
      const shown = await page.locator('body').innerText().catch(() => '(unreadable)');
      throw new Error(`${url}: ${e.message}\nThe page showed: ${shown.slice(0, 500)}`);
    });
    const main = await page.locator('main').innerText();
    assert.ok(main.trim().length > 0, `${url}: the page shows something`);
    assert.equal(await page.locator('main img, main script, body > script:not([type=module])').count(), 0, url);
  }
  assert.equal(dialogs, 0);
  check();
});
