// Shared end-to-end harness: serves the release dist/ from a sub-folder of a local
// static server, logs every request, and launches Debian's Chromium via playwright-core.
import { createServer } from 'node:http';
import { cp, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');
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

/** Opens a page that records console errors and uncaught exceptions. */
export async function openPage(browser, url, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(url);
  await page.waitForSelector('article.lesson');
  return { page, context, errors };
}

/** Sets the lesson's parameter inputs by key (`n`, `min`, `max`, `seed`, `scale`). */
export async function setParams(page, values) {
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

/** Waits until the status line says the runs are done. */
export async function waitDone(page, timeout = 60_000) {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="status"]')?.textContent.startsWith('Done'),
    null,
    { timeout },
  );
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
