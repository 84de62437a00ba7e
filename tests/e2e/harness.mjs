// Shared pieces of the end-to-end tests: a plain static file server (Python's http.server,
// the same kind a reader would use), Debian's Chromium driven by playwright-core, and
// guards that fail a test on any page error, console error or request leaving the origin.

import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
/**
 * The site under test: `dist/`, or the build `MILCOOP_E2E_DIST` names (scripts/test.sh runs
 * the suite a second time against a synthetic corpus ten times the size, with
 * `MILCOOP_E2E_EXPORT` naming its export).
 */
export const DIST = process.env.MILCOOP_E2E_DIST ? resolve(process.env.MILCOOP_E2E_DIST) : join(ROOT, 'dist');

const CHROMIUM_ARGS = [
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** The dataset as `milcoop export` prints it (written by scripts/test.sh before the e2e run). */
export function exported() {
  const path = process.env.MILCOOP_E2E_EXPORT ? resolve(process.env.MILCOOP_E2E_EXPORT) : join(ROOT, 'target', 'export.json');
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run scripts/test.sh, or cargo run --release --bin milcoop -- export > target/export.json`);
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}

async function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

/** A copy of a built site (`dist/` unless named) in a new temporary folder, to change. */
export function copySite(from = DIST) {
  if (!existsSync(join(from, 'index.html'))) {
    throw new Error(`${from} is missing: run scripts/test.sh (or trunk build --release --offline) first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'milcoop-site-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** Changes one byte in the middle of the file of `dir` whose name matches `pattern`. */
export function damage(dir, pattern) {
  const name = readdirSync(dir).find((f) => pattern.test(f));
  const bytes = readFileSync(join(dir, name));
  bytes[bytes.length >> 1] ^= 0x01;
  writeFileSync(join(dir, name), bytes);
  return name;
}

/**
 * Serves `dist/` (or `root`) with a plain static server, at the root or under `subPath`
 * (copied into a temporary folder), optionally sending the strict Content-Security-Policy
 * (`csp`) and the cache headers of docs/hosting.md (`cache`), and resolves to { origin,
 * base, stop, requests }. `requests()` lists what reached the server as "METHOD PATH
 * STATUS" lines (only when serving with `csp` or `cache`).
 */
export async function serve({ subPath = '', csp = false, cache = false, root = DIST } = {}) {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root} is missing: run trunk build --release --offline first`);
  }
  let dir = root;
  if (subPath) {
    dir = mkdtempSync(join(tmpdir(), 'milcoop-site-'));
    cpSync(root, join(dir, subPath), { recursive: true });
  }
  const port = await freePort();
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const log = join(mkdtempSync(join(tmpdir(), 'milcoop-log-')), 'requests.log');
  const hosted = csp || cache;
  const args = hosted
    ? [join(ROOT, 'tests', 'e2e', 'host_server.py'), String(port), dir, '--log', log, ...(csp ? ['--csp'] : []), ...(cache ? ['--cache'] : [])]
    : ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir];
  // The plain server logs every request to stderr: nobody reads it here, and a pipe nobody
  // reads fills up and stops the server mid-run, so it goes nowhere.
  const child = spawn(python, args, { stdio: ['ignore', 'ignore', 'ignore'] });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${origin}/`);
      if (r.ok || r.status === 404) break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    origin,
    base: `${origin}/${subPath ? subPath + '/' : ''}`,
    stop: () => child.kill(),
    requests: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []),
  };
}

/** Launches Debian's Chromium (never a downloaded browser). */
export async function launch() {
  const args = [...CHROMIUM_ARGS];
  if (process.getuid && process.getuid() === 0) args.push('--no-sandbox');
  return chromium.launch({ executablePath: '/usr/bin/chromium', args, headless: true });
}

/** The contexts `guardedPage` opened, per browser. */
const contexts = new WeakMap();

/**
 * A new page that records page errors, console errors and every request. `check()` throws
 * if anything went wrong or any request left `origin`.
 */
export async function guardedPage(browser, origin, options = {}) {
  // One page at a time: the page before is closed with its context (and its service
  // worker), so a file of many tests never piles up open pages in one browser.
  const open = contexts.get(browser) ?? [];
  await Promise.all(open.splice(0).map((c) => c.close().catch(() => {})));
  const context = await browser.newContext(options);
  open.push(context);
  contexts.set(browser, open);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin + '/') && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request outside the origin: ${url}`);
    }
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  return {
    page,
    context,
    check() {
      if (problems.length) throw new Error(problems.join('\n'));
    },
  };
}

/** Waits until the app has rendered its main view (not the status shown while a view's
 * wasm chunk loads). */
export async function ready(page) {
  await page.waitForSelector('main > :not(.loading)', { timeout: 15000 });
}

/**
 * Waits until Explore shows the results of its query: a query's search shards are fetched
 * when it is typed, and the results before it stay on screen, marked as searching, until
 * they arrive. (The page updates its link and then, in the same task, its view.)
 */
export async function searched(page) {
  await page.waitForFunction(() => !document.querySelector('[data-testid=searching]'));
}

/**
 * What the timeline chart shows: the ids of its marks, and how many events its clusters
 * hold (a crowded lane gathers what its rows cannot hold into "+N" marks).
 */
export async function timelineShown(page) {
  return page.evaluate(() => ({
    ids: [...document.querySelectorAll('svg.timeline [data-event-id]')].map((e) => e.dataset.eventId),
    clustered: [...document.querySelectorAll('svg.timeline [data-cluster-count]')].reduce((n, c) => n + Number(c.dataset.clusterCount), 0),
  }));
}

/** Waits until the timeline chart shows `n` events, marked or clustered (or `n` or more). */
export async function timelineShows(page, n, { atLeast = false } = {}) {
  await page.waitForFunction(
    ([n, atLeast]) => {
      const marks = document.querySelectorAll('svg.timeline [data-event-id]').length;
      const clusters = [...document.querySelectorAll('svg.timeline [data-cluster-count]')];
      const shown = marks + clusters.reduce((k, c) => k + Number(c.dataset.clusterCount), 0);
      return atLeast ? shown >= n : shown === n;
    },
    [n, atLeast],
  );
}

/** Presses a list's "Show more" button (by test id) until the list is whole, opening the
 * list first where it is folded away (the timeline's text list is a closed `details`). */
export async function showAll(page, testid) {
  const more = page.getByTestId(testid);
  if ((await more.count()) > 0) {
    await more.evaluate((b) => {
      const folded = b.closest('details:not([open])');
      folded?.querySelector('summary').click();
    });
  }
  while ((await more.count()) > 0) await more.click();
}

/**
 * Registers before/after hooks that launch the browser and serve the site for a test file,
 * and returns a handle whose `browser` and `site` are set once the hooks have run.
 */
export function useBrowserAndSite(testHooks, options = {}) {
  const handle = { browser: undefined, site: undefined };
  testHooks.before(async () => {
    handle.browser = await launch();
    handle.site = await serve(options);
  });
  testHooks.after(async () => {
    await handle.browser?.close();
    handle.site?.stop();
  });
  return handle;
}
