// Shared end-to-end harness: serves the release dist/ from a sub-folder of a local
// static server, logs every request, and launches Debian's Chromium via playwright-core.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { cp, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');
/** axe-core, to inject with `page.addScriptTag({ path: AXE })` before `axeViolations`. */
export const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const SERVE_ROOT = join(ROOT, 'tests', 'e2e', '.serve');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};

/** Serves the files under `root` on a free localhost port, logging every request path;
 * `headers` are added to every answer (e.g. a Content-Security-Policy). */
export async function serveDirectory(root, headers = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

/** Copies dist/ into `<serve root>/<subfolder>` and serves the root on a free port,
 * with `headers` on every answer. */
export async function serveDist(subfolder = 'demos/asyncscope', headers = {}) {
  const dist = join(ROOT, 'dist');
  await stat(join(dist, 'index.html')).catch(() => {
    throw new Error('dist/index.html is missing: run `make build` first');
  });
  await rm(SERVE_ROOT, { recursive: true, force: true });
  const target = join(SERVE_ROOT, subfolder);
  await mkdir(target, { recursive: true });
  await cp(dist, target, { recursive: true });
  const served = await serveDirectory(SERVE_ROOT, headers);
  return { ...served, base: `${served.origin}/${subfolder}/`, prefix: `/${subfolder}/` };
}

/** Launches headless Chromium with flags that work as root on a closed network. */
export async function launchBrowser() {
  return launchBrowserWith([]);
}

/** Registers the test file's `before` and `after` hooks: before its tests, serves dist/
 * from `folder` (see `serveDist`, with `headers` on every answer) and launches Chromium
 * (with `browserArgs`, see `launchBrowserWith`); after them, closes both. Returns the app,
 * whose `server`, `browser`, `base`, `prefix` and `requests` can be read once tests run. */
export function useServedApp({ folder, headers, browserArgs = [] } = {}) {
  let server;
  let browser;
  before(async () => {
    server = await serveDist(folder, headers);
    browser = await launchBrowserWith(browserArgs);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() { return server; },
    get browser() { return browser; },
    get base() { return server.base; },
    get prefix() { return server.prefix; },
    get requests() { return server.requests; },
  };
}

/** Opens a page in a context of its own, runs `body({ page, context, errors })`, then
 * asserts that no page of the context logged a console error or threw an uncaught
 * exception (`errors` lists them as they come, a failed request with its address; those
 * matching a RegExp of `allowErrors` are expected), and closes the context in any case,
 * also when `body` throws. Returns what `body` returns. Options (all optional):
 * - `viewport`, and `contextOptions` for `browser.newContext` (e.g. `colorScheme`);
 * - `initScript`: added to the context, runs before the page's own scripts;
 * - `prepare({ page, context, errors })`: called before the page loads `url`;
 * - `ready`: the selector waited for once `url` has loaded (null: none). With a null
 *   `url` the page stays blank. */
export async function withPage(browser, url, options, body) {
  if (typeof options === 'function') [options, body] = [{}, options];
  const {
    viewport = { width: 1280, height: 900 }, contextOptions = {}, initScript, prepare,
    ready = 'article.lesson', allowErrors = [],
  } = options ?? {};
  const context = await browser.newContext({ viewport, acceptDownloads: true, ...contextOptions });
  try {
    const errors = [];
    const watched = new Set();
    const watch = (page) => {
      if (watched.has(page)) return;
      watched.add(page);
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        // The browser's report of a failed request does not say which: add its address.
        const { url } = msg.location();
        errors.push(msg.text().startsWith('Failed to load resource') && url ? `${msg.text()} (${url})` : msg.text());
      });
      page.on('pageerror', (err) => errors.push(String(err)));
    };
    // Every page of the context, also tabs and pop-ups the test opens.
    context.on('page', watch);
    if (initScript) await context.addInitScript(initScript);
    const page = await context.newPage();
    watch(page);
    if (prepare) await prepare({ page, context, errors });
    if (url) {
      await page.goto(url);
      if (ready) await page.waitForSelector(ready);
    }
    const result = await body({ page, context, errors });
    const unexpected = errors.filter((e) => !allowErrors.some((re) => re.test(e)));
    assert.deepEqual(unexpected, [], 'no console error or uncaught exception');
    return result;
  } finally {
    await context.close();
  }
}

/** Like `withPage`, on lesson `id` opened from its permalink (`base?lesson=id&query`),
 * once the lesson shows and the link is accepted (no notice). */
export async function withLesson(browser, base, id, query, options, body) {
  if (typeof options === 'function') [options, body] = [{}, options];
  return withPage(browser, `${base}?lesson=${id}&${query}`,
    { ...options, ready: `article[data-lesson="${id}"]` }, async (opened) => {
      assert.equal(await opened.page.locator('[data-testid="url-notice"]').count(), 0, `${id}: link accepted`);
      return body(opened);
    });
}

/** Clicks the lesson's `action` run button, waits until the runs are done, and returns the
 * exported JSON. */
export async function runAction(page, action, timeout = 60_000) {
  await page.click(`.actions button[data-action="${action}"]`);
  await waitDone(page, timeout);
  return exportJson(page);
}

/** Every lesson id, read from the navigation. */
export async function lessonIds(page) {
  return page.$$eval('nav[aria-label="Lessons"] a', (links) =>
    links.map((a) => new URL(a.href).searchParams.get('lesson')));
}

/** Opens the parameters' fold in `page` (a page or a frame) if it is folded (on a phone
 * and in an embed it starts folded). */
export async function openParams(page) {
  const fold = page.locator('details.params-fold');
  if ((await fold.count()) > 0 && (await fold.getAttribute('open')) === null) {
    await fold.locator('summary').click();
  }
}

/** Sets the lesson's parameter inputs by key (`n`, `min`, `max`, `seed`, `scale`),
 * opening their fold first. */
export async function setParams(page, values) {
  await openParams(page);
  for (const [key, value] of Object.entries(values)) {
    await page.fill(`#param-${key}`, String(value));
  }
}

/** Clicks `selector` and returns the downloaded file's name and bytes. */
export async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** Clicks "Export JSON" and returns the parsed download. */
export async function exportJson(page) {
  const { bytes } = await download(page, '[data-testid="export-json"]');
  return JSON.parse(bytes.toString('utf8'));
}

/** The status line; a lesson page's has a `data-state`: idle, running, done, cancelled
 * or failed. */
export const STATUS = '[data-testid="status"]';

/** Waits until the status line's `data-state` is one of `states` (a name or a list) in
 * `page` (a page or a frame), and returns it. */
export async function waitState(page, states, timeout = 60_000) {
  const wanted = [states].flat();
  const found = await page.waitForFunction(([sel, w]) => {
    const state = document.querySelector(sel)?.dataset.state;
    return w.includes(state) && state;
  }, [STATUS, wanted], { timeout });
  return found.jsonValue();
}

/** Waits until the runs have ended (`data-state` done, failed or cancelled) and asserts
 * that they are done. The exercise's status line has no `data-state` (yet): there, this
 * waits until its wording says done. */
export async function waitDone(page, timeout = 60_000) {
  const found = await page.waitForFunction((sel) => {
    const status = document.querySelector(sel);
    if (!status) return false;
    if (!status.hasAttribute('data-state')) return status.textContent.startsWith('Done') && 'done';
    const { state } = status.dataset;
    return ['done', 'failed', 'cancelled'].includes(state) && state;
  }, STATUS, { timeout });
  const state = await found.jsonValue();
  assert.equal(state, 'done', `the runs ended ${state}: "${await page.textContent(STATUS)}"`);
}

export async function ensureArtifacts() {
  await mkdir(ARTIFACTS, { recursive: true });
  return ARTIFACTS;
}

/** Launches headless Chromium like `launchBrowser`, with extra command-line flags
 * (e.g. `--js-flags=--expose-gc` for heap measurements). */
export async function launchBrowserWith(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  });
}

/** Reads `[data-testid="pool-status"]` as numbers, or null when it is not shown. */
export async function poolStatus(page) {
  const text = await page.textContent('[data-testid="pool-status"]').catch(() => null);
  const m = /Worker pool: (\d+) workers, loaded in .* · (\d+) queued · (\d+) running · (\d+) replaced/
    .exec(text ?? '');
  return m && { text, size: +m[1], queued: +m[2], running: +m[3], replaced: +m[4] };
}

/** The most intervals [start, end) open at once (empty ones do not count). */
export function peakOverlap(intervals) {
  const events = intervals
    .filter(([s, e]) => e > s)
    .flatMap(([s, e]) => [[s, 1], [e, -1]])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [, step] of events) {
    now += step;
    peak = Math.max(peak, now);
  }
  return peak;
}

/** Runs axe (injected from `AXE`) on the page and lists its serious and critical
 * violations, each as `id: the first three targets`. */
export async function axeViolations(page) {
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}
