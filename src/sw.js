// Milcoop's service worker: keeps the explorer working offline after the first visit.
//
// This is a template: at build time scripts/write-sw.mjs fills in VERSION (a hash of every
// file of the site) and FILES (each file with its Subresource Integrity), so every deploy
// is a new worker, which the browser installs beside the old one. Update policy
// (docs/architecture.md, "Deploying a new version"):
// - install: caches this version's complete file set, each file checked against its
//   integrity (a damaged or missing file fails the install, and the old version stays);
// - activate (at once, once installed): deletes every other version's cache, takes over
//   the open pages and tells them its version; a page of another version shows "A new
//   version is available — reload";
// - fetch: navigations go to the network first (a new deploy shows at once) and fall back
//   to this version's page; every other file comes from this version's cache, else the
//   network, and a file that can be had from neither fails. Nothing but a navigation is
//   ever answered with the page.
const VERSION = '__MILCOOP_VERSION__';
const FILES = __MILCOOP_FILES__;
const CACHE = `milcoop-${VERSION}`;
const PAGE = './';

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

async function precache() {
  const cache = await caches.open(CACHE);
  await cache.addAll(FILES.map(([url, integrity]) => new Request(url, { cache: 'reload', integrity })));
}

self.addEventListener('activate', (event) => {
  event.waitUntil(activate());
});

async function activate() {
  for (const key of await caches.keys()) {
    if (key !== CACHE && key.startsWith('milcoop-')) await caches.delete(key);
  }
  await self.clients.claim();
  for (const client of await self.clients.matchAll({ type: 'window' })) {
    client.postMessage({ type: 'milcoop-version', version: VERSION });
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(request.mode === 'navigate' ? navigation(request) : file(request));
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
