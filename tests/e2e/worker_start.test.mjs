// Worker pools that cannot start: a missing worker file, a policy that blocks workers,
// and a sandboxed iframe without allow-same-origin. Each run says why within 5 s
// instead of "running…" forever, nothing panics, and the page goes on working.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STATUS, launchBrowser, serveDist, waitDone, waitState, withPage } from './harness.mjs';

const POOL_RUN = 'lesson=cpu-gather&n=2&cost=20&workers=2&fault=0';
const SAYS_WHY = /^The worker pool could not start: .+/;

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Serves dist/ from `folder` with `headers`, after `prepare(folderOnDisk)`, runs
 * `body(server)` and stops the server, also when `body` throws. */
async function withServer(folder, headers, prepare, body) {
  const server = await serveDist(folder, headers);
  try {
    await prepare(join(import.meta.dirname, '.serve', folder));
    return await body(server);
  } finally {
    await server.close();
  }
}

/** The browser's own report of the refused or missing worker file. */
const WORKER_REFUSED = /worker_loader\.js|Failed to load resource|violates the following Content Security Policy/;

/** Clicks Run in `frame` (a page or an iframe), waits until the run has stopped running,
 * asserts that it failed, and returns the status text and how long that took. */
async function runAndWaitForVerdict(frame) {
  const t0 = Date.now();
  await frame.click('.actions button.primary');
  const state = await waitState(frame, ['done', 'cancelled', 'failed'], 10_000);
  const ms = Date.now() - t0;
  const status = await frame.textContent(STATUS);
  assert.equal(state, 'failed', status);
  return { status, ms };
}

/** Errors other than the browser's own report of the refused or missing worker file. */
function appErrors(errors) {
  return errors.filter((e) => !WORKER_REFUSED.test(e));
}

describe('a worker pool that cannot start', () => {
  const options = { allowErrors: [WORKER_REFUSED] };

  test('a missing worker file: the run says why within 5 s and an I/O run still works', async () => {
    const removeWorker = (dir) => rm(join(dir, 'worker_loader.js'));
    await withServer('nostart/missing', {}, removeWorker, async (server) => {
      await withPage(browser, `${server.base}?${POOL_RUN}`, options, async ({ page, errors }) => {
        const { status, ms } = await runAndWaitForVerdict(page);
        console.log(`missing worker file: "${status.slice(0, 90)}…" after ${ms} ms`);
        assert.match(status, SAYS_WHY);
        assert.match(status, /could not be loaded/);
        assert.ok(ms < 5_500, `said so after ${ms} ms`);
        await page.click('nav[aria-label="Lessons"] a[href="?lesson=gather"]');
        await page.fill('#param-scale', '0.05');
        await page.click('.actions button.primary');
        await waitDone(page);
        assert.deepEqual(appErrors(errors), []);
      });
    });
  });

  test('a policy that blocks workers: the run says why within 5 s', async () => {
    const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'none'; style-src 'self'";
    await withServer('nostart/blocked', { 'content-security-policy': policy }, async () => {}, async (server) => {
      await withPage(browser, `${server.base}?${POOL_RUN}`, options, async ({ page, errors }) => {
        const { status, ms } = await runAndWaitForVerdict(page);
        console.log(`workers blocked by policy: "${status.slice(0, 90)}…" after ${ms} ms`);
        assert.match(status, SAYS_WHY);
        assert.ok(ms < 5_500, `said so after ${ms} ms`);
        assert.deepEqual(appErrors(errors), []);
      });
    });
  });

  test('a sandboxed iframe without allow-same-origin: the embed says why within 5 s', async () => {
    // Module scripts from an opaque origin need CORS: a host allowing any origin.
    const writeHost = (dir) => writeFile(join(dir, 'host.html'),
      `<!doctype html><title>host</title><iframe sandbox="allow-scripts" width="700" height="700"
        src="./?${POOL_RUN}&embed=1"></iframe>`);
    await withServer('nostart/sandboxed', { 'access-control-allow-origin': '*' }, writeHost, async (server) => {
      await withPage(browser, `${server.base}?lesson=gather`, options, async ({ page, errors }) => {
        await page.goto(`${server.base}host.html`);
        const frame = page.frameLocator('iframe');
        await frame.locator('article.lesson').waitFor();
        const t0 = Date.now();
        await frame.locator('.actions button.primary').click();
        await frame.locator(`${STATUS}[data-state="failed"]`).waitFor({ timeout: 10_000 });
        const ms = Date.now() - t0;
        const status = await frame.locator(STATUS).textContent();
        console.log(`sandboxed iframe: "${status.slice(0, 90)}…" after ${ms} ms`);
        assert.match(status, SAYS_WHY);
        assert.ok(ms < 5_500, `said so after ${ms} ms`);
        assert.deepEqual(appErrors(errors), []);
      });
    });
  });
});
