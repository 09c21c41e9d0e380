// Asyncscope service worker: keeps the app working offline after the first visit.
//
// - Pages and files with stable names (index.html, worker scripts, the manifest) are
//   fetched from the network first, so a new deployment is picked up at once; the cache
//   answers only when the network fails.
// - Files whose names carry a content hash (app-<hash>.js, *_bg.wasm, main-<hash>.css)
//   never change, so the cache answers first.
// - Each time a fresh index.html arrives, hashed files it no longer names are dropped.
const CACHE = 'asyncscope-v1';
const SHELL = ['./', './index.html', './boot.js', './icon.svg', './manifest.webmanifest'];
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css|svg)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function pruneHashed(cache, html) {
  const named = new Set([...html.matchAll(/\.\/([\w.-]+)/g)].map((m) => m[1]));
  for (const request of await cache.keys()) {
    const file = new URL(request.url).pathname.split('/').pop();
    if (HASHED.test(file) && !named.has(file)) await cache.delete(request);
  }
}

async function networkFirst(request, isPage) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      const key = isPage ? './' : request;
      await cache.put(key, response.clone());
      if (isPage) pruneHashed(cache, await response.clone().text()).catch(() => {});
    }
    return response;
  } catch (error) {
    const cached = await cache.match(isPage ? './' : request, { ignoreSearch: isPage });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  if (!url.pathname.startsWith(scope.pathname)) return;
  const file = url.pathname.split('/').pop();
  const isPage = request.mode === 'navigate' || file === '' || file === 'index.html';
  event.respondWith(HASHED.test(file) ? cacheFirst(request) : networkFirst(request, isPage));
});
