// End to end: what a researcher takes away. Citations in every format (BibTeX and RIS read
// back by citation-js's parsers, CSL-JSON checked against the CSL schema), the CSV that
// opens right in a spreadsheet, the .xlsx read back by ExcelJS, and the dataset version
// everywhere, in real headless Chromium against the release build.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { exported, guardedPage, ready, useBrowserAndSite } from './harness.mjs';

const require = createRequire(import.meta.url);
const { plugins } = require('@citation-js/core');
require('@citation-js/plugin-bibtex');
require('@citation-js/plugin-ris');
const Ajv = require('ajv');
const ExcelJS = require('exceljs');

const data = exported();
const env = useBrowserAndSite({ before, after });
const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'csl', 'csl-data.json'), 'utf8'));
const validCsl = new Ajv({ strict: false }).compile(schema);

/** Today as [year, month, day] in this machine's zone (the browser's too). */
function today() {
  const d = new Date();
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()];
}

/** RFC 4180 rows of a CSV text. */
function csvRows(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** Clicks a download button and returns the file's name and bytes. */
async function download(page, locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** Opens a cite menu, picks a format, copies, and returns the clipboard's text. */
async function cite(page, menu, format) {
  if (!(await menu.evaluate((d) => d.open))) await menu.locator('summary').click();
  await menu.getByTestId('cite-format').selectOption(format);
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await menu.getByTestId('cite-copy').click();
  // The formats are a chunk fetched at the first copy: poll until the clipboard is written.
  for (let tries = 0; tries < 200; tries++) {
    const text = await page.evaluate(() => navigator.clipboard.readText());
    if (text !== '') return text;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`nothing was copied as ${format}`);
}

const clipboard = { permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true };

describe('citations', () => {
  it('a passage is cited in every format, each parsed back with the access date and version', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin, clipboard);
    const press = data.documents.find((d) => d.id === 'mnd-press-2023-12-28');
    const p = data.passages.filter((x) => x.doc === press.id && x.lang === 'zh')[2];
    const link = `${env.site.base}?p=${p.id}`;
    await page.goto(link);
    await ready(page);
    assert.equal(await page.getByTestId('dataset-version').textContent(), `Dataset version ${data.version}`);
    // The link scrolls to the passage, past the page's title: the passage says its document.
    const title = page.getByTestId('passage-doc-title');
    assert.ok((await title.textContent()).startsWith(press.title));
    await page.waitForFunction(() => {
      const r = document.querySelector('[data-testid=passage-doc-title]').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    const menu = page.locator(`[data-passage-id="${p.id}"] [data-testid=cite]`);
    const [y, m, d] = today();
    const monthName = new Date(y, m - 1, d).toLocaleString('en-US', { month: 'long' });

    const note = await cite(page, menu, 'chicago-note');
    assert.equal(
      note,
      `${press.publisher}, ${press.title} (December 28, 2023), para. ${p.index} (Chinese text), via Milcoop, dataset version ${data.version}, ${link}, accessed ${monthName} ${d}, ${y}.`,
    );
    const apa = await cite(page, menu, 'apa');
    assert.ok(apa.startsWith(`${press.publisher}. (2023, December 28). ${press.title} (para. ${p.index} (Chinese text)).`), apa);
    assert.ok(apa.endsWith(`Retrieved ${monthName} ${d}, ${y}, from ${link}`), apa);
    assert.ok((await cite(page, menu, 'chicago-bibliography')).includes(`Accessed ${monthName} ${d}, ${y}.`));

    const bib = plugins.input.chain(await cite(page, menu, 'bibtex'), { forceType: '@biblatex/text', generateGraph: false });
    assert.equal(bib.length, 1);
    assert.equal(bib[0].title, press.title);
    assert.equal(bib[0].URL, link);
    assert.equal(bib[0].version, data.version);
    assert.deepEqual(bib[0].accessed['date-parts'][0], [y, m, d]);
    assert.deepEqual(bib[0].issued['date-parts'][0], [2023, 12, 28]);

    const risText = await cite(page, menu, 'ris');
    const ris = plugins.input.chain(risText, { forceType: '@ris/file', generateGraph: false });
    assert.equal(ris.length, 1);
    assert.equal(ris[0].title, press.title);
    assert.equal(ris[0].edition, data.version);
    assert.deepEqual(ris[0].issued['date-parts'][0], [2023, 12, 28]);
    // The access date as Zotero reads and writes it for every type (Y2).
    const pad = (n) => String(n).padStart(2, '0');
    assert.ok(risText.includes(`\r\nY2  - ${y}/${pad(m)}/${pad(d)}/\r\n`), risText);

    const csl = JSON.parse(await cite(page, menu, 'csl-json'));
    assert.ok(validCsl(csl), JSON.stringify(validCsl.errors));
    assert.equal(csl[0].version, data.version);
    assert.deepEqual(csl[0].accessed['date-parts'][0], [y, m, d]);
    assert.equal(csl[0].locator, String(p.index));

    const file = await download(page, menu.getByTestId('cite-download'));
    assert.equal(file.name, `milcoop-${press.id}-p${p.index}.json`);
    assert.ok(validCsl(JSON.parse(file.bytes.toString('utf8'))));
    check();
  });

  it('a document with metadata from outside the text says so, and its citation carries it', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin, clipboard);
    const wp = data.documents.find((d) => d.from_outside.includes('published'));
    assert.ok(wp.note, 'a date from outside the text comes with a note');
    await page.goto(`${env.site.base}?doc=${wp.id}`);
    await ready(page);
    assert.match(await page.locator('[data-field=published]').textContent(), /from outside the text/);
    assert.equal(await page.getByTestId('document-note').textContent(), wp.note);
    const bib = await cite(page, page.getByTestId('cite-document'), 'chicago-bibliography');
    assert.ok(bib.startsWith(`${wp.publisher}. ${wp.title} [${wp.title_en}].`), bib);
    assert.ok(bib.includes('Metadata: '), 'the note on where the metadata comes from travels with it');

    await page.goto(`${env.site.base}?doc=${wp.id}&ui=zh`);
    await ready(page);
    assert.equal(await page.getByTestId('document-note').textContent(), wp.note_zh);
    assert.match(await page.locator('[data-field=published]').textContent(), /来自原文之外/);
    check();
  });

  it('an English passage of a bilingual document says which half it is in', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin, clipboard);
    const p = data.passages.find((x) => x.lang === 'en' && data.documents.find((d) => d.id === x.doc).languages.length > 1);
    await page.goto(`${env.site.base}?p=${p.id}`);
    await ready(page);
    const note = await cite(page, page.locator(`[data-passage-id="${p.id}"] [data-testid=cite]`), 'chicago-note');
    assert.ok(note.includes(`para. ${p.index} (English text)`), note);
    check();
  });

  it('an event and a view are cited as records of the dataset', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin, clipboard);
    const kavkaz = data.events.find((e) => e.name === '高加索-2020');
    await page.goto(`${env.site.base}?view=timeline&year=2020&event=${kavkaz.id}`);
    await ready(page);
    const menu = page.getByTestId('cite-event');
    const bib = plugins.input.chain(await cite(page, menu, 'bibtex'), { forceType: '@biblatex/text', generateGraph: false });
    assert.equal(bib[0].title, kavkaz.title_en);
    assert.equal(bib[0].version, data.version);
    assert.match(bib[0].note, /source: .*para\. \d+/);
    const csl = JSON.parse(await cite(page, menu, 'csl-json'));
    assert.ok(validCsl(csl), JSON.stringify(validCsl.errors));
    assert.equal(csl[0].type, 'dataset');

    const view = await cite(page, page.getByTestId('cite-view'), 'apa');
    assert.match(view, /^Milcoop\. \(\d{4}, \w+ \d+\)\. Timeline: \d+ passages, \d+ events · years 2020 .*\(Version .+\) \[Data set\]\./);
    assert.ok(view.includes(`${env.site.base}?view=timeline&year=2020&event=${kavkaz.id}`), view);
    check();
  });
});

describe('downloads', () => {
  it('the events CSV opens right: a BOM, the header first, ISO days, the version', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin, { acceptDownloads: true });
    await page.goto(`${env.site.base}?view=explore&country=RU&type=exercise`);
    await ready(page);
    const expected = data.events.filter((e) => e.countries.includes('RU') && e.type === 'exercise');
    assert.ok(expected.length >= 3);

    const csv = await download(page, page.getByTestId('download-events-csv'));
    assert.equal(csv.name, `milcoop-events-${data.version}.csv`);
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const [head, ...rows] = csvRows(csv.bytes.toString('utf8').slice(1));
    assert.equal(head[0], 'id');
    assert.deepEqual(rows.map((r) => r[0]).sort(), expected.map((e) => e.id).sort());
    const col = (name) => head.indexOf(name);
    for (const r of rows) {
      const e = expected.find((x) => x.id === r[0]);
      assert.equal(r[col('dataset_version')], data.version);
      assert.equal(r[col('precision')], e.start ? { 4: 'year', 7: 'month', 10: 'day' }[e.start.length] : 'undated');
      if (e.start) {
        assert.match(r[col('start')], /^\d{4}-\d{2}-\d{2}$/);
        assert.ok(r[col('start')].startsWith(e.start), `${r[col('start')]} begins what the text states (${e.start})`);
        assert.match(r[col('end')], /^\d{4}-\d{2}-\d{2}$/);
      }
      const ids = r[col('source_passages')].split(' ');
      assert.equal(new Set(ids).size, ids.length, 'no repeated source ids');
      assert.ok(e.sources.every((s) => r[col('quotes')].includes(s.quote)));
    }

    const json = JSON.parse((await download(page, page.getByTestId('download-events-json'))).bytes.toString('utf8'));
    assert.equal(json.version, data.version);
    assert.equal(json.count, expected.length);
    assert.ok(json.view.endsWith('?view=explore&country=RU&type=exercise'));

    const passages = csvRows((await download(page, page.getByTestId('download-passages-csv'))).bytes.toString('utf8').slice(1));
    assert.equal(passages[0][0], 'id');
    assert.equal(passages.length - 1, Number(await page.getByTestId('result-count').textContent()));
    for (const row of passages.slice(1)) assert.equal(data.passages.find((p) => p.id === row[0]).text, row[passages[0].indexOf('text')]);
    check();
  });

  it('the spreadsheet holds the filtered events, dates as dates, and an About sheet', async () => {
    const { page, check } = await guardedPage(env.browser, env.site.origin, { acceptDownloads: true });
    await page.goto(`${env.site.base}?view=explore&type=peacekeeping`);
    await ready(page);
    const expected = data.events.filter((e) => e.type === 'peacekeeping');
    const file = await download(page, page.getByTestId('download-events-xlsx'));
    assert.equal(file.name, `milcoop-events-${data.version}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes);
    const events = book.getWorksheet('Events');
    const head = events.getRow(1).values.slice(1);
    assert.equal(head[0], 'id');
    const ids = [];
    events.eachRow((row, n) => n > 1 && ids.push(row.getCell(1).value));
    assert.deepEqual(ids.sort(), expected.map((e) => e.id).sort());
    const dated = expected.find((e) => e.start);
    const row = events.getRows(2, ids.length).find((r) => r.getCell(1).value === dated.id);
    assert.ok(row.getCell(head.indexOf('start') + 1).value instanceof Date, 'start is an Excel date');
    const about = book.getWorksheet('About');
    const lines = Object.fromEntries(about.getRows(1, about.rowCount).map((r) => [r.getCell(1).value, r.getCell(2).value]));
    assert.equal(lines['Dataset version'], data.version);
    assert.ok(lines.Link.endsWith('?view=explore&type=peacekeeping'));
    assert.match(lines.Filters, /type Peacekeeping/);
    check();
  });
});
