// Offline: the service worker (assets/sw.js) on the release build. It keeps the app
// working with no network after one visit, and minds its own business: it owns one cache
// per scope, leaves other apps' caches alone, and caches only the app's own files.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  ROOT, exportJson, launchBrowser, serveDirectory, setParams, waitDone, withPage,
} from './harness.mjs';

// Each test serves its own copies of dist/ from a folder of its own, on a port (so an
// origin) of its own: a test that stops its server or changes a file disturbs no other.
// A test stops its servers itself (some stop them half way through); any left running
// by a failed test are stopped at the end.
let browser;
const roots = [];
const servers = [];
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

/** Serves a fresh folder holding a copy of dist/ in each of `folders` and the text
 * `files` ({path: text}); `headers` is read at every answer, so a test may change it. */
async function serveCopies(folders, files = {}, headers = {}) {
  const root = await mkdtemp(join(tmpdir(), 'asyncscope-offline-'));
  roots.push(root);
  for (const folder of folders) await cp(join(ROOT, 'dist'), join(root, folder), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  const served = await serveDirectory(root, headers);
  servers.push(served);
  return { ...served, root, base: (folder) => `${served.origin}/${folder}/` };
}

/** Opens `url` in `page` and waits until the app shows and its service worker controls
 * the page (installed, everything precached, activated); returns the page and its errors. */
async function visit(page, url) {
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(url);
  await page.waitForSelector('article.lesson');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return { page, errors };
}

/** Every cache on the page's origin: its name and the URLs it holds. */
async function cacheContents(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
    }
    return out;
  });
}

/** The names of the app's caches for the scope `base` (the app names them
 * `asyncscope:<scope>#<version>`). */
const ownCaches = (contents, base) => Object.keys(contents).filter((n) => n.startsWith(`asyncscope:${base}#`));

/** Console errors of the network being gone. */
const NETWORK_GONE = /ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|Failed to fetch|Failed to update a ServiceWorker/;

/** The browser asks a page without an icon of its own (not the app's) for /favicon.ico,
 * which the test server does not have. */
const NO_FAVICON = /^Failed to load resource: .* 404 .*\/favicon\.ico\)$/;

/** Console errors other than the network being gone. */
const realErrors = (errors) => errors.filter((e) => !NETWORK_GONE.test(e));

/** Runs `body` with a blank page of a context of its own (see `withPage`; `allowErrors`
 * are expected). */
const withBlank = (allowErrors, body) => withPage(browser, null, { allowErrors }, body);

describe('offline after one visit', () => {
  test('with the server stopped, a fresh load works, another lesson opens and the worker pool runs', async () => {
    const served = await serveCopies(['apps/asyncscope']);
    const base = served.base('apps/asyncscope');
    await withBlank([NETWORK_GONE], async ({ page: blank }) => {
      // The first visit's own requests are not yet the service worker's: what it has
      // offline is what its install precached.
      const first = await visit(blank, base);
      await served.close();

      const { page, errors } = first;
      await page.reload();
      await page.waitForSelector('article[data-lesson="gather"]');
      await page.goto(`${base}?lesson=order`);
      await page.waitForSelector('article[data-lesson="order"]');
      await page.goto(`${base}?lesson=cpu-gather&n=4&cost=20&workers=2&fault=0`);
      await page.waitForSelector('article[data-lesson="cpu-gather"]');
      await page.click('.actions button.primary');
      await waitDone(page);
      const data = await exportJson(page);
      const pool = data.runs.filter((r) => r.options?.workers === 2);
      assert.ok(pool.length >= 1, `a run on the pool (${data.runs.length} runs)`);
      assert.ok(pool.every((r) => r.tasks.length === 4 && r.tasks.every((t) => t.status === 'ok')));
      assert.match(await page.textContent('[data-testid="pool-status"]'), /2 workers, .* 0 replaced/);
      assert.deepEqual(realErrors(errors), []);
    });
  });

  test('after the first visit the app loads and runs with the network off', async () => {
    const folder = 'blog/static/asyncscope';
    const served = await serveCopies([folder]);
    const app = { base: served.base(folder), prefix: `/${folder}/`, requests: served.requests };
    const options = { allowErrors: [/ERR_INTERNET_DISCONNECTED/] };
    await withPage(browser, app.base, options, async ({ page, context, errors }) => {
      await page.evaluate(async () => { await navigator.serviceWorker.ready; });
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await page.waitForSelector('article.lesson');
      await context.setOffline(true);
      await page.reload();
      await page.waitForSelector('article.lesson');
      await setParams(page, { n: 3, scale: 0.02 });
      await page.click('button[data-action="both"]');
      await waitDone(page);
      await context.setOffline(false);
      assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
      const outside = app.requests.filter((p) => !p.startsWith(app.prefix));
      assert.deepEqual(outside, [], 'no request outside the app folder');
      // A new deployment is picked up at the next visit: pages are fetched network-first.
      const index = join(served.root, folder, 'index.html');
      const html = await readFile(index, 'utf8');
      await writeFile(index, html.replace('<head>', '<head><meta name="build" content="next">'));
      await page.reload();
      await page.waitForSelector('article.lesson');
      assert.equal(await page.locator('meta[name="build"]').count(), 1, 'the new build is served');
      await writeFile(index, html);
      const contents = await cacheContents(page);
      const [own] = ownCaches(contents, app.base);
      assert.ok(own, `the app's cache among ${Object.keys(contents)}`);
      const cached = await page.evaluate(async (name) => {
        const cache = await caches.open(name);
        let bytes = 0;
        for (const request of await cache.keys()) bytes += (await (await cache.match(request)).arrayBuffer()).byteLength;
        return bytes;
      }, own);
      console.log(`service worker cache: ${(cached / 1024).toFixed(0)} KiB`);
      assert.ok(cached > 100_000, 'the wasm is cached');
    });
    await served.close();
  });

  test('a new deployment: the cache takes the files its index.html names and drops the old ones', async () => {
    const folder = 'apps/asyncscope';
    const served = await serveCopies([folder]);
    const base = served.base(folder);
    await withBlank([NETWORK_GONE], async ({ page: blank }) => {
      const { page, errors } = await visit(blank, base);
      // The next build renames a hashed file (with a longer hash than Trunk's).
      const dir = join(served.root, folder);
      const html = await readFile(join(dir, 'index.html'), 'utf8');
      const [, css] = /\.\/(main-[0-9a-f]+\.css)/.exec(html);
      const renamed = 'main-0123456789abcdef0123456789.css';
      await rename(join(dir, css), join(dir, renamed));
      await writeFile(join(dir, 'index.html'), html.replace(`./${css}`, `./${renamed}`));
      await page.reload();
      await page.waitForSelector('article.lesson');
      await page.waitForFunction(async ([gone, added]) => {
        const urls = [];
        for (const name of await caches.keys()) urls.push(...(await (await caches.open(name)).keys()).map((r) => r.url));
        return urls.includes(added) && !urls.includes(gone);
      }, [base + css, base + renamed], { timeout: 10_000 });
      await served.close();
      await page.reload();
      await page.waitForSelector('article.lesson');
      const sheet = await page.evaluate((name) => [...document.styleSheets]
        .find((s) => s.href?.endsWith(name))?.cssRules.length ?? 0, renamed);
      assert.ok(sheet > 10, `the new stylesheet is served offline (${sheet} rules)`);
      assert.deepEqual(realErrors(errors), []);
    });
  });
});

describe('a service worker that minds its own business', () => {
  test("install and activate keep other apps' caches and drop only the app's own older version", async () => {
    const served = await serveCopies(['apps/asyncscope'], { 'other/index.html': '<title>another app</title>' });
    const base = served.base('apps/asyncscope');
    await withBlank([NO_FAVICON], async ({ page: blank, context }) => {
      const other = blank;
      await other.goto(`${served.origin}/other/`);
      const foreign = ['other-app', `asyncscope:${served.origin}/other/#v1`, `asyncscope:${base}nested/#v1`];
      const ownOld = `asyncscope:${base}#v1`;
      await other.evaluate(async (names) => {
        for (const name of names) {
          await (await caches.open(name)).put(`/other/${name.length}.json`, new Response('{"kept":true}'));
        }
      }, [...foreign, ownOld]);

      const { page, errors } = await visit(await context.newPage(), base);
      const contents = await cacheContents(page);
      for (const name of foreign) assert.equal(contents[name]?.length, 1, `${name} survives, with its entry`);
      assert.equal(contents[ownOld], undefined, "the app's older version is deleted");
      const own = ownCaches(contents, base);
      assert.equal(own.length, 1, `one cache of the app's: ${Object.keys(contents)}`);
      assert.ok(contents[own[0]].every((url) => url.startsWith(base)), 'it holds only files of its scope');
      assert.deepEqual(errors, []);
    });
    await served.close();
  });

  test('two copies in two folders of one origin each keep their own cache and both work offline', async () => {
    const folders = ['one/asyncscope', 'two/asyncscope'];
    const served = await serveCopies(folders);
    await withBlank([NETWORK_GONE], async ({ page: blank, context }) => {
      const pages = [];
      for (const folder of folders) {
        pages.push(await visit(pages.length ? await context.newPage() : blank, served.base(folder)));
      }
      const contents = await cacheContents(pages[1].page);
      for (const folder of folders) {
        const base = served.base(folder);
        const own = ownCaches(contents, base);
        assert.equal(own.length, 1, `${folder}: one cache of its own among ${Object.keys(contents)}`);
        const urls = contents[own[0]];
        assert.ok(urls.every((url) => url.startsWith(base)), `${folder}: only its own files`);
        assert.ok(urls.includes(base), `${folder}: its page`);
        assert.ok(urls.some((url) => url.endsWith('_bg.wasm') && !url.includes('worker')), `${folder}: its wasm`);
        assert.ok(urls.includes(`${base}worker_bg.wasm`), `${folder}: its worker`);
      }
      await served.close();
      for (const [i, { page, errors }] of pages.entries()) {
        await page.goto(`${served.base(folders[i])}?lesson=gather&n=3&scale=0.02`);
        await page.waitForSelector('article[data-lesson="gather"]');
        await page.click('button[data-action="both"]');
        await waitDone(page);
        assert.deepEqual(realErrors(errors), [], folders[i]);
      }
    });
  });

  test('a file in the scope that the app does not name goes to the network and is never cached', async () => {
    const served = await serveCopies(['apps/asyncscope'], { 'apps/asyncscope/notes.html': 'first' });
    const base = served.base('apps/asyncscope');
    await withBlank([NO_FAVICON], async ({ page: blank }) => {
      const { page, errors } = await visit(blank, base);
      const read = () => page.evaluate(() => fetch('notes.html').then((r) => r.text()));
      assert.equal(await read(), 'first');
      await writeFile(join(served.root, 'apps/asyncscope/notes.html'), 'second');
      assert.equal(await read(), 'second', 'not answered from a cache');
      assert.deepEqual(errors, []);
      await page.goto(`${base}notes.html`);
      assert.match(await page.textContent('body'), /second/);
      assert.equal(served.requests.filter((p) => p.endsWith('/notes.html')).length, 3, 'every read reached the server');
      const contents = await cacheContents(page);
      const holding = Object.entries(contents).filter(([, urls]) => urls.some((u) => u.includes('notes.html')));
      assert.deepEqual(holding, [], 'no cache holds notes.html');
      assert.ok(ownCaches(contents, base).length === 1, 'while the app has its cache');
    });
    await served.close();
  });

  test('a cache write that fails still returns the network answer', async () => {
    const headers = {};
    const served = await serveCopies(['apps/asyncscope'], {}, headers);
    const base = served.base('apps/asyncscope');
    await withBlank([], async ({ page: blank }) => {
      const { page, errors } = await visit(blank, base);
      await page.reload();
      await page.waitForSelector('article.lesson');
      // From now on every answer carries `Vary: *`, which the Cache API refuses to store.
      headers.vary = '*';
      // Its hashed js and wasm are dropped from the cache, so the reload fetches them.
      const dropped = await page.evaluate(async () => {
        const gone = [];
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          for (const request of await cache.keys()) {
            if (/-[0-9a-f]+(_bg)?\.(wasm|js)$/.test(request.url)) gone.push(await cache.delete(request) && request.url);
          }
        }
        return gone;
      });
      assert.equal(dropped.length, 2, `the app's hashed js and wasm: ${dropped}`);
      await page.reload();
      await page.waitForSelector('article.lesson');
      const cachedUrls = Object.values(await cacheContents(page)).flat();
      assert.ok(dropped.every((url) => !cachedUrls.includes(url)), 'the writes did fail');
      assert.deepEqual(errors, []);
    });
    await served.close();
  });
});
