// Worker pools that cannot start: a missing worker file, a policy that blocks workers,
// and a sandboxed iframe without allow-same-origin. Each run says why within 5 s
// instead of "running…" forever, nothing panics, and the page goes on working.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, openPage, serveDist } from './harness.mjs';

const POOL_RUN = 'lesson=cpu-gather&n=2&cost=20&workers=2&fault=0';
const SAYS_WHY = /^The worker pool could not start: .+/;

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Serves dist/ from `folder` with `headers`, after `prepare(folderOnDisk)`. */
async function serve(folder, headers, prepare = async () => {}) {
  const server = await serveDist(folder, headers);
  await prepare(join(import.meta.dirname, '.serve', folder));
  return server;
}

/** Clicks Run in `frame` (a page or an iframe) and returns the status text and how long
 * it took to leave "running…". */
async function runAndWaitForVerdict(frame) {
  const t0 = Date.now();
  await frame.click('.actions button.primary');
  await frame.waitForFunction(() => {
    const s = document.querySelector('[data-testid="status"]')?.textContent ?? '';
    return !s.includes('running');
  }, null, { timeout: 10_000 });
  return { status: await frame.textContent('[data-testid="status"]'), ms: Date.now() - t0 };
}

/** Errors other than the browser's own report of the refused or missing worker file. */
function appErrors(errors) {
  return errors.filter((e) => !/worker_loader\.js|Failed to load resource|violates the following Content Security Policy/.test(e));
}

describe('a worker pool that cannot start', () => {
  test('a missing worker file: the run says why within 5 s and an I/O run still works', async () => {
    const server = await serve('nostart/missing', {}, (dir) => rm(join(dir, 'worker_loader.js')));
    const { page, context, errors } = await openPage(browser, `${server.base}?${POOL_RUN}`);
    const { status, ms } = await runAndWaitForVerdict(page);
    console.log(`missing worker file: "${status.slice(0, 90)}…" after ${ms} ms`);
    assert.match(status, SAYS_WHY);
    assert.match(status, /could not be loaded/);
    assert.ok(ms < 5_500, `said so after ${ms} ms`);
    await page.click('nav[aria-label="Lessons"] a[href="?lesson=gather"]');
    await page.fill('#param-scale', '0.05');
    await page.click('.actions button.primary');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="status"]')?.textContent.startsWith('Done'));
    assert.deepEqual(appErrors(errors), []);
    await context.close();
    await server.close();
  });

  test('a policy that blocks workers: the run says why within 5 s', async () => {
    const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'none'; style-src 'self'";
    const server = await serve('nostart/blocked', { 'content-security-policy': policy });
    const { page, context, errors } = await openPage(browser, `${server.base}?${POOL_RUN}`);
    const { status, ms } = await runAndWaitForVerdict(page);
    console.log(`workers blocked by policy: "${status.slice(0, 90)}…" after ${ms} ms`);
    assert.match(status, SAYS_WHY);
    assert.ok(ms < 5_500, `said so after ${ms} ms`);
    assert.deepEqual(appErrors(errors), []);
    await context.close();
    await server.close();
  });

  test('a sandboxed iframe without allow-same-origin: the embed says why within 5 s', async () => {
    // Module scripts from an opaque origin need CORS: a host allowing any origin.
    const server = await serve('nostart/sandboxed', { 'access-control-allow-origin': '*' }, (dir) =>
      writeFile(join(dir, 'host.html'),
        `<!doctype html><title>host</title><iframe sandbox="allow-scripts" width="700" height="700"
          src="./?${POOL_RUN}&embed=1"></iframe>`));
    const { page, context, errors } = await openPage(browser, `${server.base}?lesson=gather`);
    await page.goto(`${server.base}host.html`);
    const frame = page.frameLocator('iframe');
    await frame.locator('article.lesson').waitFor();
    const t0 = Date.now();
    await frame.locator('.actions button.primary').click();
    await frame.locator('[data-testid="status"]', { hasText: 'could not start' }).waitFor({ timeout: 10_000 });
    const ms = Date.now() - t0;
    const status = await frame.locator('[data-testid="status"]').textContent();
    console.log(`sandboxed iframe: "${status.slice(0, 90)}…" after ${ms} ms`);
    assert.match(status, SAYS_WHY);
    assert.ok(ms < 5_500, `said so after ${ms} ms`);
    assert.deepEqual(appErrors(errors), []);
    await context.close();
    await server.close();
  });
});
