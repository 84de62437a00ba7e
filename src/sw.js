// Milcoop's service worker: keeps the explorer working offline.
//
// This is a template: at build time scripts/write-sw.mjs fills in VERSION (a hash of every
// file of the site), SHELL (the page, its code, styles, map, the dataset shell and the search
// table) and DATA (the texts file, the search shards and the documents' excerpts), each file
// with its Subresource Integrity
// and size. Every deploy is a new worker, which the browser installs beside the old one.
// Policy (docs/architecture.md, "Offline" and "Deploying a new version"):
// - install: caches this version's shell, each file checked against its integrity (a
//   damaged or missing file fails the install, and the old version stays); data files this
//   version shares with the old one (same name, so same content) are carried over;
// - activate (at once, once installed): deletes every other version's cache, takes over
//   the open pages and tells them their version; a page of another version shows "A new
//   version is available — reload"; if the reader made everything available offline, the
//   data files new in this version are downloaded;
// - fetch: navigations go to the network first (a new deploy shows at once) and fall back
//   to this version's page; shell files come from the cache, else the network; data files
//   are cached as they are used, within a storage budget (least recently used out first),
//   unless the reader made everything available offline. Nothing but a navigation is ever
//   answered with the page.
// - messages from a page: "status" (sizes, for the page to show before downloading),
//   "all" (download every data file, reporting progress), "budget" (set the budget in
//   bytes; the e2e test uses it to see eviction on a small corpus).
const VERSION = '__MILCOOP_VERSION__';
const SHELL = __MILCOOP_SHELL__;
const DATA = __MILCOOP_DATA__;
const CACHE = `milcoop-${VERSION}`;
// What the reader chose and when each data file was last used; kept across versions.
const STATE_CACHE = 'milcoop-offline';
const STATE_KEY = './offline-state.json';
// 50 MB as the page shows sizes (decimal megabytes).
const DEFAULT_BUDGET = 50_000_000;
const PAGE = './';

const dataByUrl = new Map(DATA.map(([url, integrity, bytes]) => [new URL(url, self.location).href, { url, integrity, bytes }]));

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

async function precache() {
  const cache = await caches.open(CACHE);
  await cache.addAll(SHELL.map(([url, integrity]) => new Request(url, { cache: 'reload', integrity })));
  for (const key of await caches.keys()) {
    if (key === CACHE || key === STATE_CACHE || !key.startsWith('milcoop-')) continue;
    const old = await caches.open(key);
    for (const request of await old.keys()) {
      if (!dataByUrl.has(request.url) || (await cache.match(request))) continue;
      const response = await old.match(request);
      if (response) await cache.put(request, response);
    }
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil(activate());
});

async function activate() {
  for (const key of await caches.keys()) {
    if (key !== CACHE && key !== STATE_CACHE && key.startsWith('milcoop-')) await caches.delete(key);
  }
  await self.clients.claim();
  for (const client of await self.clients.matchAll({ type: 'window' })) {
    client.postMessage({ type: 'milcoop-version', version: VERSION });
  }
  const state = await readState();
  if (state.everything) downloadAll(null).catch(() => {});
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') return event.respondWith(navigation(request));
  const url = request.url.split('?')[0];
  event.respondWith(dataByUrl.has(url) ? dataFile(request, url) : file(request));
});

async function navigation(request) {
  try {
    return await fetch(request);
  } catch (offline) {
    const page = await caches.match(PAGE, { cacheName: CACHE });
    if (page) return page;
    throw offline;
  }
}

async function file(request) {
  const hit = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
  return hit ?? fetch(request);
}

/** A data file: from the cache, else the network, kept for later within the budget. */
async function dataFile(request, url) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(url);
  if (hit) {
    await update((state) => void (state.used[url] = Date.now()));
    return hit;
  }
  // Checked against its integrity before it is kept (the page checks excerpts itself, and a
  // damaged file kept here would be served until the next version); a damaged one goes to
  // the page unkept, for the page to name.
  let response;
  try {
    response = await fetch(new Request(request, { integrity: dataByUrl.get(url).integrity }));
  } catch {
    return fetch(request);
  }
  if (response.ok) {
    await cache.put(url, response.clone());
    await update((state) => void (state.used[url] = Date.now()));
    await evict();
  }
  return response;
}

// ---- the reader's choices and the use of each data file ----

let stateWrites = Promise.resolve();

async function readState() {
  const stored = await (await caches.open(STATE_CACHE)).match(STATE_KEY);
  const state = stored ? await stored.json().catch(() => ({})) : {};
  return {
    budget: Number.isFinite(state.budget) && state.budget > 0 ? state.budget : DEFAULT_BUDGET,
    everything: state.everything === true,
    used: state.used && typeof state.used === 'object' ? state.used : {},
  };
}

/** Changes the stored state; one change at a time. */
function update(change) {
  stateWrites = stateWrites.then(async () => {
    const state = await readState();
    change(state);
    for (const url of Object.keys(state.used)) if (!dataByUrl.has(url)) delete state.used[url];
    const body = JSON.stringify(state);
    await (await caches.open(STATE_CACHE)).put(STATE_KEY, new Response(body, { headers: { 'Content-Type': 'application/json' } }));
  });
  return stateWrites;
}

/** The data files now in this version's cache. */
async function cachedData() {
  const cache = await caches.open(CACHE);
  return (await cache.keys()).map((r) => r.url).filter((url) => dataByUrl.has(url));
}

/** Removes the least recently used data files until the cached ones fit the budget. */
async function evict() {
  const state = await readState();
  if (state.everything) return;
  const cache = await caches.open(CACHE);
  const held = await cachedData();
  let total = held.reduce((sum, url) => sum + dataByUrl.get(url).bytes, 0);
  const oldestFirst = held.sort((a, b) => (state.used[a] ?? 0) - (state.used[b] ?? 0));
  // The file used last stays even when it alone is over the budget: it is being read.
  for (const url of oldestFirst.slice(0, -1)) {
    if (total <= state.budget) break;
    await cache.delete(url);
    total -= dataByUrl.get(url).bytes;
  }
}

async function status() {
  const state = await readState();
  const held = new Set(await cachedData());
  const sum = (list) => list.reduce((s, [, , bytes]) => s + bytes, 0);
  return {
    type: 'milcoop-offline-status',
    shell: sum(SHELL),
    data: sum(DATA),
    cached: sum(DATA.filter(([url]) => held.has(new URL(url, self.location).href))),
    everything: state.everything,
    budget: state.budget,
  };
}

/** Downloads every data file not yet cached, telling `client` the progress in bytes. */
async function downloadAll(client) {
  await update((state) => void (state.everything = true));
  const cache = await caches.open(CACHE);
  const held = new Set(await cachedData());
  const missing = [...dataByUrl.entries()].filter(([href]) => !held.has(href));
  const total = missing.reduce((s, [, f]) => s + f.bytes, 0);
  let done = 0;
  for (const [href, f] of missing) {
    const response = await fetch(new Request(f.url, { cache: 'reload', integrity: f.integrity }));
    if (!response.ok) throw new Error(`${f.url}: HTTP ${response.status}`);
    await cache.put(href, response);
    await update((state) => void (state.used[href] = Date.now()));
    done += f.bytes;
    client?.postMessage({ type: 'milcoop-offline-progress', done, total });
  }
}

self.addEventListener('message', (event) => {
  const message = event.data ?? {};
  const reply = (m) => event.source?.postMessage(m);
  const work = (async () => {
    if (message.type === 'milcoop-offline-status') {
      reply(await status());
    } else if (message.type === 'milcoop-offline-all') {
      try {
        await downloadAll(event.source);
        reply(await status());
      } catch (e) {
        reply({ type: 'milcoop-offline-failed', message: String(e.message ?? e) });
      }
    } else if (message.type === 'milcoop-offline-budget' && Number.isFinite(message.bytes) && message.bytes > 0) {
      await update((state) => {
        state.budget = message.bytes;
        state.everything = false;
      });
      await evict();
      reply(await status());
    }
  })();
  event.waitUntil(work);
});
