// The strict Content-Security-Policy of the csp*.test.mjs files, and a page opener that
// counts the policy's violations wherever they happen: in the page, in its frames, and in
// its dedicated workers (a violation inside a worker fires `securitypolicyviolation` in
// the worker's global scope, never in the page).
import { cp, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { ROOT, launchBrowser, serveDirectory, withPage } from './harness.mjs';

export const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self'";

/** Like the harness's `useServedApp`, with the policy on every answer, but from a copy of
 * dist/ of its own (in a temporary folder, not the shared tests/e2e/.serve), so a test
 * file running at the same time cannot replace the files under it. */
export function useStrictApp() {
  let root;
  let server;
  let browser;
  before(async () => {
    await stat(join(ROOT, 'dist', 'index.html'));
    root = await mkdtemp(join(tmpdir(), 'asyncscope-csp-'));
    await mkdir(join(root, 'csp'));
    await cp(join(ROOT, 'dist'), join(root, 'csp', 'asyncscope'), { recursive: true });
    server = await serveDirectory(root, { 'content-security-policy': POLICY });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });
  return {
    get browser() { return browser; },
    get base() { return `${server.origin}/csp/asyncscope/`; },
    get requests() { return server.requests; },
  };
}

/** Runs in every frame before its own scripts (an init script) and in every dedicated
 * worker as soon as Playwright sees it: reports each violation as a console error that
 * starts with "CSP violation" (a worker's console reaches the page's `console` event). */
function watchViolations() {
  if (globalThis.__cspWatched) return 'already watched';
  globalThis.__cspWatched = true;
  const where = typeof document === 'undefined' ? 'worker' : 'page';
  globalThis.addEventListener('securitypolicyviolation', (e) =>
    console.error(`CSP violation in a ${where}: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  return 'watched';
}

/** Like the harness's `withPage`, with violations watched: `body` gets `violations`, the
 * watcher's reports, `errors`, every other console error and uncaught exception,
 * `watched()`, which resolves once every worker seen so far has its watcher (or has
 * closed), `workerCount()`, and `nextViolation()`, which resolves at the next report. A
 * worker gets its watcher only after its top-level script has run, so a violation during
 * that script is not counted (a script it was refused fails the worker, which the pool
 * reports). `ready` is the selector waited for after loading (null: none). Violations
 * are the test's to check (see `assertClean`); any other error fails it, unless it
 * matches a RegExp of `allowErrors`. */
export async function withStrict(browser, url, options, body) {
  if (typeof options === 'function') [options, body] = [{}, options];
  const { viewport = { width: 1280, height: 900 }, ready = 'article.lesson', allowErrors = [] } = options ?? {};
  const errors = [];
  const violations = [];
  const workers = [];
  const isViolation = (msg) => msg.type() === 'error' && msg.text().startsWith('CSP violation');
  let page;
  return withPage(browser, url, {
    viewport,
    ready,
    initScript: watchViolations,
    allowErrors: [/^CSP violation/, ...allowErrors],
    prepare: (opened) => {
      page = opened.page;
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        (isViolation(msg) ? violations : errors).push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(String(err)));
      page.on('worker', (worker) => {
        workers.push(worker.evaluate(watchViolations).catch(() => 'closed'));
      });
    },
  }, ({ context }) => body({
    page,
    context,
    errors,
    violations,
    watched: () => Promise.all(workers),
    workerCount: () => workers.length,
    nextViolation: () => page.waitForEvent('console', { predicate: isViolation, timeout: 5000 }),
  }));
}

/** Asserts, after letting pending reports arrive, that nothing was reported. */
export async function assertClean(opened, assert, label = '') {
  await opened.watched();
  // The point is that nothing comes: a violation is reported in a task of its own, a
  // little after what caused it, and no event says that none is on its way.
  await opened.page.waitForTimeout(100);
  assert.deepEqual(opened.violations, [], `${label} violations`);
  assert.deepEqual(opened.errors, [], `${label} console errors`);
}
