// End to end: the Chinese interface says nothing in English. Every view is walked under
// `ui=zh` and any Latin-script word outside what may stay Latin fails: text marked as
// English (quotes and titles from English sources), code, codes and acronyms (RU,
// UNIFIL, CAMEO, CSV), and what the link itself says (a query typed in English, a bad
// parameter named in a notice).

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { exported, guardedPage, ready, useBrowserAndSite } from './harness.mjs';

const data = exported();
const env = useBrowserAndSite({ before, after });

/** Names of formats and of the site that are the same in any language. */
const NAMES = new Set(['Milcoop', 'BibTeX', 'Chicago', 'xlsx', 'Excel', 'Shift', 'English']);

const event = data.events.find((e) => e.name === '高加索-2020');
const views = [
  '?ui=zh',
  `?doc=mnd-intl-military-cooperation&ui=zh`,
  `?p=${data.passages.find((p) => p.lang === 'zh').id}&ui=zh`,
  '?view=explore&ui=zh',
  '?view=explore&q=peacekeeping&ui=zh',
  '?view=timeline&ui=zh',
  `?view=timeline&year=2020&event=${event.id}&ui=zh`,
  '?view=countries&ui=zh',
  '?view=countries&country=PK&ui=zh',
  '?view=stats&ui=zh',
  '?series=golden-dragon&ui=zh',
  '?mission=UNIFIL&ui=zh',
  '?p=no-such-passage&ui=zh',
  '?view=explore&year=abc&ui=zh',
];

/** The Latin words of the page a Chinese reader would see as English. */
function englishWords() {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const skip = (el) => el.closest('[lang^="en"], code, script, style, noscript, [aria-hidden="true"]');
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || skip(el) || !el.checkVisibility()) continue;
    for (const w of n.textContent.match(/[A-Za-z][A-Za-z'’-]+/g) ?? []) out.push(w);
  }
  for (const option of document.querySelectorAll('select option')) {
    if (!skip(option)) for (const w of option.textContent.match(/[A-Za-z][A-Za-z'’-]+/g) ?? []) out.push(w);
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (skip(el)) continue;
    for (const a of ['aria-label', 'title', 'placeholder']) {
      for (const w of el.getAttribute(a)?.match(/[A-Za-z][A-Za-z'’-]+/g) ?? []) out.push(w);
    }
  }
  return out;
}

describe('the Chinese interface', () => {
  it('no view says anything in English', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin);
    const found = [];
    for (const query of views) {
      await page.goto(`${env.site.base}${query}`);
      await ready(page);
      await page.waitForTimeout(200);
      for (const details of await page.locator('details:not([open]) > summary').all()) {
        if (await details.isVisible()) await details.click();
      }
      const fromLink = new Set(decodeURIComponent(query).match(/[A-Za-z][A-Za-z'’-]+/g));
      const words = (await page.evaluate(englishWords)).filter((w) => !/^[A-Z0-9-]+$/.test(w) && !NAMES.has(w) && !fromLink.has(w));
      if (words.length) found.push(`${query}: ${[...new Set(words)].join(', ')}`);
    }
    assert.deepEqual(found, []);
    check();
  });

  it('says where each document’s metadata comes from in Chinese, on the list and in the reader', async () => {
    // The notes are the project's own words, not a quote: marking them English would hide
    // them from the walk above.
    const { page, check } = await guardedPage(env.browser, env.site.origin);
    await page.goto(`${env.site.base}?ui=zh`);
    await ready(page);
    const notes = page.locator('.doc-card .note');
    assert.equal(await notes.count(), data.documents.filter((d) => d.note).length);
    for (const note of await notes.all()) {
      assert.equal(await note.getAttribute('lang'), 'zh');
      assert.match(await note.textContent(), /\p{Script=Han}/u);
    }
    const doc = data.documents.find((d) => d.note);
    await page.goto(`${env.site.base}?doc=${doc.id}&ui=zh`);
    await ready(page);
    assert.equal(await page.getByTestId('document-note').getAttribute('lang'), 'zh');
    check();
  });
});
