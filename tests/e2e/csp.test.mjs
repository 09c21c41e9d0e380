// The app under a strict Content-Security-Policy, as a cautious host would serve it: no
// inline scripts or styles, wasm allowed, workers from the same origin. Every lesson
// loads, I/O and worker-pool runs complete, the lab, the Mandelbrot picture and an embed
// work, and the browser reports no violation, in the page or in its workers (see
// csp_watch.mjs; the exports are in csp_export.test.mjs).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, STATUS, lessonIds, serveDirectory, waitDone } from './harness.mjs';
import { POLICY, assertClean, useStrictApp, withStrict } from './csp_watch.mjs';

const app = useStrictApp();

/** The browser's own console reports of the requests a test makes to be refused. */
const REFUSED_ON_PURPOSE = { allowErrors: [/https:\/\/example\.invalid\//] };

/** A host page on another origin, for the embed. */
let host;
before(async () => {
  host = await serveDirectory(join(ROOT, 'docs'));
});
after(async () => {
  await host?.close();
});

describe('strict content security policy', () => {
  test('the server really sends the policy', async () => {
    const response = await fetch(app.base);
    assert.equal(response.headers.get('content-security-policy'), POLICY);
  });

  test('the watcher counts a violation in the page and one inside a pool worker', async () => {
    const url = `${app.base}?lesson=cpu-gather&n=2&cost=5&workers=1&fault=0`;
    await withStrict(app.browser, url, REFUSED_ON_PURPOSE, async (opened) => {
      const { page, violations } = opened;
      await page.click('.actions button[data-action="pool"]');
      await waitDone(page);
      assert.deepEqual(await opened.watched(), ['watched'], 'one pool worker, watched');
      assert.deepEqual(violations, [], 'a clean run reports nothing');

      const fromPage = opened.nextViolation();
      await page.evaluate(() => fetch('https://example.invalid/from-page').catch(() => null));
      await fromPage;
      assert.equal(violations.length, 1, violations.join('\n'));
      assert.match(violations[0], /^CSP violation in a page: connect-src https:\/\/example\.invalid\/from-page/);

      // Inside the worker: the page's own listener never hears of it, the worker's does.
      const [worker] = page.workers();
      const fromWorker = opened.nextViolation();
      await worker.evaluate(() => fetch('https://example.invalid/from-worker').catch(() => null));
      await fromWorker;
      assert.equal(violations.length, 2, violations.join('\n'));
      assert.match(violations[1], /^CSP violation in a worker: connect-src https:\/\/example\.invalid\/from-worker/);
    });
  });

  test('every lesson loads and draws its charts with no violation and no console error', async () => {
    await withStrict(app.browser, app.base, async (opened) => {
      const ids = await lessonIds(opened.page);
      assert.ok(ids.length >= 13, `lessons: ${ids}`);
      for (const id of ids) {
        await opened.page.click(`nav[aria-label="Lessons"] a[href="?lesson=${id}"]`);
        await opened.page.waitForSelector(`article[data-lesson="${id}"]`);
      }
      await assertClean(opened, assert);
    });
  });

  test('an I/O run and a run on the worker pool complete with no violation', async () => {
    for (const query of ['lesson=gather&n=4&min=1&max=2&scale=0.05',
      'lesson=cpu-gather&n=4&cost=20&workers=2&fault=0']) {
      await withStrict(app.browser, `${app.base}?${query}`, async (opened) => {
        const { page } = opened;
        await page.click('.actions button.primary');
        await waitDone(page);
        const status = await page.textContent(STATUS);
        assert.match(status, /^Done/, query);
        // Timelines are drawn with sizes set through the CSS object model, not style attributes.
        assert.ok((await page.locator('.timeline svg, .timelines svg').count()) > 0, query);
        await assertClean(opened, assert, query);
      });
    }
  });

  test('the live search and the server lesson draw their live charts with no violation', async () => {
    await withStrict(app.browser, `${app.base}?lesson=search`, async (search) => {
      await search.page.click('[data-testid="search-replay"]');
      await search.page.waitForFunction(() =>
        document.querySelectorAll('.search-timeline g.search-lane').length > 0);
      // The replay has typed its whole word and every query of every policy is settled.
      await search.page.waitForFunction(() => {
        const word = /“(.+)”/.exec(document.querySelector('[data-testid="search-replay"]').textContent)[1];
        const rows = [...document.querySelectorAll('.search-timeline tbody tr')];
        return document.getElementById('search-box').value === word && rows.length === 3 * word.length
          && rows.every((r) => !['running', 'debouncing', 'waiting'].includes(r.dataset.status));
      }, null, { timeout: 10_000 });
      await assertClean(search, assert, 'search');
    });
    await withStrict(app.browser, `${app.base}?lesson=server`, async (load) => {
      await load.page.click('.actions button.primary');
      await waitDone(load.page);
      await assertClean(load, assert, 'server');
    });
  });

  test('markup typed into a parameter stays text: no element is created, no violation', async () => {
    await withStrict(app.browser, `${app.base}?lesson=gather`, async (opened) => {
      const { page } = opened;
      const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
      for (const input of await page.locator('.controls input').all()) {
        await input.fill(hostile);
      }
      await page.waitForSelector('.field.invalid');
      assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
      assert.equal(await page.locator('article.lesson img[src="x"], article.lesson script').count(), 0);
      await assertClean(opened, assert);
    });
  });

  test('the lab runs a typed script on the pool, then compares all five strategies', async () => {
    await withStrict(app.browser, `${app.base}?lesson=lab`, async (opened) => {
      const { page } = opened;
      const script = 'fetch io 150ms\nresize cpu 40ms after fetch\nsave io 80ms after resize, fetch';
      await page.fill('#param-script', '');
      await page.type('#param-script', script, { delay: 0 });
      await page.selectOption('#param-strategy', 'chained');
      await page.fill('#param-workers', '1');
      await page.waitForSelector('.dependency-graph');
      assert.equal(await page.locator('[data-testid="script-errors"] li').count(), 0);
      await page.click('.actions button[data-action="run"]');
      await waitDone(page);
      assert.equal(await page.locator('.run-panel').count(), 1);
      await page.click('.actions button[data-action="compare"]');
      await page.waitForFunction(() => document.querySelectorAll('.run-panel').length === 5);
      await waitDone(page);
      assert.equal(await page.locator('[data-insight="makespan"] dt').count(), 5);
      assert.ok(opened.workerCount() >= 1, 'the CPU task ran on a worker');
      await assertClean(opened, assert);
    });
  });

  test('the Mandelbrot lesson draws its picture from the worker pool', async () => {
    const url = `${app.base}?lesson=mandelbrot&workers=2&tiles=4&iter=300`;
    await withStrict(app.browser, url, async (opened) => {
      const { page } = opened;
      await page.click('.actions button[data-action="pool"]');
      await waitDone(page);
      assert.match(await page.textContent('[data-testid="mandelbrot-count"]'), /^16 tiles from 2 workers/);
      const drawn = await page.$eval('canvas.mandel-canvas', (canvas) => {
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        const colours = new Set();
        let painted = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3] > 0) painted += 1;
          colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
        }
        return { share: painted / (data.length / 4), colours: colours.size };
      });
      assert.ok(drawn.share > 0.99, `painted share ${drawn.share}`);
      assert.ok(drawn.colours > 8, `${drawn.colours} colours`);
      assert.equal(opened.workerCount(), 2);
      await assertClean(opened, assert);
    });
  });

  test('an embedded lesson on a host page resizes its frame and runs', async () => {
    const src = `${app.base}?lesson=gather&n=3&min=1&max=1&seed=1&scale=0.1&embed=1`;
    const url = `${host.origin}/embed-host.html?app=${encodeURIComponent(src)}`;
    await withStrict(app.browser, url, { ready: null, ...REFUSED_ON_PURPOSE }, async (opened) => {
      const { page } = opened;
      const frame = page.frameLocator('#demo');
      await frame.locator('article.lesson').waitFor();
      assert.equal(await frame.locator('header.site-header').count(), 0, 'embedded: no site chrome');
      await page.waitForFunction(() => document.getElementById('demo').style.height !== '');
      await frame.locator('button[data-action="both"]').click();
      await frame.locator(`${STATUS}[data-state="done"]`).waitFor();
      assert.equal(await frame.locator('.timeline svg').count(), 2);
      await assertClean(opened, assert);
      // The frame is under the policy, and a violation in it would have been counted.
      const inner = page.frames().find((f) => f.url().startsWith(app.base));
      const fromFrame = opened.nextViolation();
      await inner.evaluate(() => fetch('https://example.invalid/from-frame').catch(() => null));
      await fromFrame;
      assert.match(opened.violations.join('\n'), /^CSP violation in a page: connect-src https:\/\/example\.invalid\/from-frame/);
    });
  });
});
