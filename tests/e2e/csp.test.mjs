// The app under a strict Content-Security-Policy, as a cautious host would serve it: no
// inline scripts or styles, wasm allowed, workers from the same origin. Every lesson
// loads, I/O and worker-pool runs complete, and the browser reports no violation.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lessonIds, openPage, useServedApp, waitDone } from './harness.mjs';

const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self'";

const app = useServedApp({ folder: 'csp/asyncscope', headers: { 'content-security-policy': POLICY } });

/** Opens a page that collects CSP violations (from the page and its workers) and errors. */
async function openStrict(url) {
  const opened = await openPage(app.browser, url, undefined, {
    initScript: () => {
      window.__violations = [];
      addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
    },
  });
  const violations = () => opened.page.evaluate(() => window.__violations);
  return { ...opened, violations };
}

describe('strict content security policy', () => {
  test('the server really sends the policy', async () => {
    const response = await fetch(app.base);
    assert.equal(response.headers.get('content-security-policy'), POLICY);
  });

  test('every lesson loads and draws its charts with no violation and no console error', async () => {
    const { page, context, errors, violations } = await openStrict(app.base);
    const ids = await lessonIds(page);
    assert.ok(ids.length >= 13, `lessons: ${ids}`);
    for (const id of ids) {
      await page.click(`nav[aria-label="Lessons"] a[href="?lesson=${id}"]`);
      await page.waitForSelector(`article[data-lesson="${id}"]`);
    }
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an I/O run and a run on the worker pool complete with no violation', async () => {
    for (const query of ['lesson=gather&n=4&min=1&max=2&scale=0.05',
      'lesson=cpu-gather&n=4&cost=20&workers=2&fault=0']) {
      const { page, context, errors, violations } = await openStrict(`${app.base}?${query}`);
      await page.click('.actions button.primary');
      await waitDone(page);
      const status = await page.textContent('[data-testid="status"]');
      assert.match(status, /^Done/, query);
      // Timelines are drawn with sizes set through the CSS object model, not style attributes.
      assert.ok((await page.locator('.timeline svg, .timelines svg').count()) > 0, query);
      assert.deepEqual(await violations(), [], query);
      assert.deepEqual(errors, [], query);
      await context.close();
    }
  });

  test('the live search and the server lesson draw their live charts with no violation', async () => {
    const search = await openStrict(`${app.base}?lesson=search`);
    await search.page.click('[data-testid="search-replay"]');
    await search.page.waitForFunction(() =>
      document.querySelectorAll('.search-timeline g.search-lane').length > 0);
    await search.page.waitForTimeout(1500);
    assert.deepEqual(await search.violations(), []);
    assert.deepEqual(search.errors, []);
    await search.context.close();
    const load = await openStrict(`${app.base}?lesson=server`);
    await load.page.click('.actions button.primary');
    await waitDone(load.page);
    assert.deepEqual(await load.violations(), []);
    assert.deepEqual(load.errors, []);
    await load.context.close();
  });

  test('markup typed into a parameter stays text: no element is created, no violation', async () => {
    const { page, context, errors, violations } = await openStrict(`${app.base}?lesson=gather`);
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    for (const input of await page.locator('.controls input').all()) {
      await input.fill(hostile);
    }
    await page.waitForSelector('.field.invalid');
    assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
    assert.equal(await page.locator('article.lesson img[src="x"], article.lesson script').count(), 0);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
