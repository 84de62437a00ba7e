// Milcoop's service worker: keeps the explorer working offline after the first visit.
// Same-origin GET requests only; network first (a fresh build is picked up at once), the
// cache when the network fails. At install it caches the page, every asset the page
// names and the lazy views' chunks, so even the first visit's files are there.
const CACHE = 'milcoop-v3';

async function precache() {
  const cache = await caches.open(CACHE);
  const page = await fetch('./', { cache: 'no-cache' });
  const html = await page.clone().text();
  await cache.put('./', page);
  const assets = [...html.matchAll(/(?:href|src|content)="(\.\/[^"]+)"/g)].map((m) => m[1]);
  // Fetched by the Countries view only, so the page does not name it.
  assets.push('./world.tsv');
  // The lazy views: the main script imports their loader, and the loader names the chunks.
  const loader = await fetch('./__wasm_split.js', { cache: 'no-cache' });
  if (loader.ok) {
    const code = await loader.clone().text();
    await cache.put('./__wasm_split.js', loader);
    assets.push(...[...code.matchAll(/"(\.\/[^"]+\.wasm)"/g)].map((m) => m[1]));
  }
  await cache.addAll(assets);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  // Caches of earlier versions of this worker are dropped.
  const stale = caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))));
  event.waitUntil(stale.then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() =>
        caches
          .match(request, { ignoreSearch: true })
          .then((hit) => hit ?? caches.match('./'))
          .then((hit) => hit ?? Response.error()),
      ),
  );
});
