// Asyncscope service worker: keeps the app working offline after the first visit, and
// minds its own business.
//
// - Its one cache is named after its registration scope and a version
//   (`asyncscope:<scope URL>#v2`), so copies of the app in two folders of one origin keep
//   separate caches. On activate it deletes only older versions of ITS OWN cache; caches
//   of other apps on the origin are never touched.
// - It serves and caches only the app's own files: the shell and worker files listed
//   below, and every `./file` that the current index.html names (Trunk's hashed app-*.js,
//   *_bg.wasm, *.css, icons, and any later content-hashed chunk). Any other request in
//   its scope goes straight to the network and is not cached.
// - At install it caches the shell, the worker files and every file index.html names,
//   so one visit is enough to work offline, lessons and worker pool included.
// - Stable names (the page, boot.js, worker scripts, the manifest) are fetched from the
//   network first, so a new deployment is picked up at once; the cache answers only when
//   the network fails. Content-hashed names never change, so the cache answers first.
// - When a changed index.html arrives, files it no longer names are dropped and the ones
//   it names are fetched, so the cache always holds one complete build.
// - A failing cache write (quota, a `Vary: *` answer, …) never loses a network answer.
const VERSION = 'v2';
const SCOPE = self.registration.scope;
const OWN_PREFIX = `asyncscope:${SCOPE}#`;
const CACHE = OWN_PREFIX + VERSION;

// Files with stable names, relative to the scope ('' is the page itself). Add a file
// here to precache it and serve it network-first.
const PAGE = '';
const STABLE = [PAGE, 'boot.js', 'icon.svg', 'manifest.webmanifest',
  // Trunk's worker files (data-loader-shim): not hashed, not named by index.html.
  'worker_loader.js', 'worker.js', 'worker_bg.wasm'];
// `name-<hex>.ext` or `name-<hex>_bg.ext`: a content hash of any length.
const HASHED = /-[0-9a-f]+(_bg)?\.[0-9a-z]+$/i;
// `./file` or `./folder/file` references in index.html (not `../`, no query).
const REFERENCE = /(?<![\w.\/])\.\/((?:[\w~%-][\w.~%-]*\/)*[\w~%-][\w.~%-]*)/g;

/** The files a page names with `./…`, as paths relative to the scope. */
function namedFiles(html) {
  return new Set([...html.matchAll(REFERENCE)].map((m) => m[1]));
}

/** The app's path of `url` relative to the scope ('' for the page), or null outside it. */
function appPath(url) {
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return null;
  const path = url.pathname.slice(new URL(SCOPE).pathname.length);
  return path === 'index.html' ? PAGE : path;
}

const cacheKey = (path) => new URL(path, SCOPE).href;

// Every file of the app (stable names and those the cached index.html names), loaded
// lazily because the worker may be restarted at any time.
let appFiles = null;
let appFilesLoading = null;

function setAppFiles(html) {
  appFiles = new Set([...STABLE, ...namedFiles(html)]);
  return appFiles;
}

function loadAppFiles() {
  appFilesLoading ??= caches.open(CACHE)
    .then((cache) => cache.match(cacheKey(PAGE)))
    .then((page) => (page ? page.text() : ''))
    .then(setAppFiles)
    .finally(() => { appFilesLoading = null; });
  return appFilesLoading;
}

/** Writes `response` into the cache under `path`; a failed write is ignored. */
async function store(path, response) {
  try {
    const cache = await caches.open(CACHE);
    await cache.put(cacheKey(path), response);
  } catch {
    // Quota exceeded, an uncacheable answer: the app still works online.
  }
}

/** Fetches `path` (revalidating the HTTP cache) and stores it; throws when it fails. */
async function fetchAndStore(path) {
  const response = await fetch(cacheKey(path), { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const cache = await caches.open(CACHE);
  await cache.put(cacheKey(path), response);
}

/** Makes the cache hold exactly the build that `html` names: fetches the files it lacks
 * (and the stable ones again when `refreshStable`), then drops those no longer named. */
async function syncBuild(html, { refreshStable }) {
  const files = setAppFiles(html);
  const cache = await caches.open(CACHE);
  const entries = (await cache.keys()).map((request) => [request, appPath(new URL(request.url))]);
  const cached = new Set(entries.map(([, path]) => path));
  const wanted = [...files].filter((p) => p !== PAGE
    && (!cached.has(p) || (refreshStable && STABLE.includes(p))));
  await Promise.all(wanted.map(fetchAndStore));
  // Only once the new build is complete are the old build's files dropped.
  const stale = entries.filter(([, path]) => path === null || !files.has(path));
  await Promise.all(stale.map(([request]) => cache.delete(request)));
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    await fetchAndStore(PAGE);
    const page = await (await caches.open(CACHE)).match(cacheKey(PAGE));
    await syncBuild(await page.text(), { refreshStable: true });
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const old = (await caches.keys()).filter((k) => k.startsWith(OWN_PREFIX) && k !== CACHE);
    await Promise.all(old.map((k) => caches.delete(k)));
    await self.clients.claim();
  })());
});

/** Network first: the network's answer (stored when good), else the cached copy. */
async function networkFirst(event, path) {
  let response;
  try {
    response = await fetch(event.request);
  } catch (error) {
    const cached = await caches.match(cacheKey(path), { cacheName: CACHE });
    if (cached) return cached;
    throw error;
  }
  if (response.ok && response.type === 'basic') {
    if (path === PAGE) event.waitUntil(pageArrived(response.clone()));
    else event.waitUntil(store(path, response.clone()));
  }
  return response;
}

/** A page from the network: stored, and when it changed, the cache follows its build. */
async function pageArrived(response) {
  const html = await response.clone().text();
  const before = await caches.match(cacheKey(PAGE), { cacheName: CACHE });
  const changed = !before || (await before.text()) !== html;
  await store(PAGE, response);
  if (changed) await syncBuild(html, { refreshStable: true }).catch(() => {});
}

/** Cache first, for content-hashed files: their content never changes. */
async function cacheFirst(event, path) {
  const cached = await caches.match(cacheKey(path), { cacheName: CACHE });
  if (cached) return cached;
  const response = await fetch(event.request);
  if (response.ok && response.type === 'basic') event.waitUntil(store(path, response.clone()));
  return response;
}

async function serve(event, path) {
  const files = appFiles ?? await loadAppFiles();
  if (!files.has(path)) return fetch(event.request);
  if (STABLE.includes(path) || !HASHED.test(path)) return networkFirst(event, path);
  return cacheFirst(event, path);
}

self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  const path = appPath(new URL(event.request.url));
  // Not the app's: the browser fetches it as if there were no service worker.
  if (path === null || (appFiles && !appFiles.has(path))) return;
  event.respondWith(serve(event, path));
});
