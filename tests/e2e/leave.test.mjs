// Leaving a lesson at any moment of a run (warm-up, pool run, lab compare, live search,
// stepper playing) cancels its work and never panics: the console stays clean, the next
// lesson runs, and the pool's workers are stopped.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp, waitDone, withPage } from './harness.mjs';

const app = useServedApp({ folder: 'leave/asyncscope' });

/** Each way of being busy: the lesson's link query and what starts the work. */
const BUSY = [
  { name: 'I/O run', query: 'lesson=gather&n=6&min=1&max=2&scale=0.3', start: '.actions button.primary' },
  { name: 'pool warm-up and run', query: 'lesson=cpu-gather&n=6&cost=150&workers=2&fault=0', start: '.actions button.primary' },
  { name: 'lab compare', query: 'lesson=lab', start: '.actions button[data-action="compare"]' },
  { name: 'live search replay', query: 'lesson=search', start: '[data-testid="search-replay"]' },
  { name: 'stepper playing', query: 'lesson=loop', start: '.stepper-play' },
  { name: 'mandelbrot on the pool', query: 'lesson=mandelbrot', start: '.actions button.primary' },
];

/** Delays (ms) between starting the work and clicking another lesson. */
const MOMENTS = [0, 40, 400];

/** Clicks the navigation link to `id` and waits for its page. */
async function goTo(page, id) {
  await page.click(`nav[aria-label="Lessons"] a[href="?lesson=${id}"]`);
  await page.waitForSelector(`article[data-lesson="${id}"]`);
}

describe('leaving a lesson mid-run', () => {
  for (const busy of BUSY) {
    test(`${busy.name}: leaving at ${MOMENTS.join(', ')} ms never errors`, async () => {
      await withPage(app.browser, `${app.base}?${busy.query}`, async ({ page, errors }) => {
        const own = new URLSearchParams(busy.query).get('lesson');
        for (const ms of MOMENTS) {
          await page.click(busy.start);
          // The moment of leaving is the point: 0, 40 or 400 ms into the work.
          if (ms) await page.waitForTimeout(ms);
          await goTo(page, 'order');
          // The point is that nothing happens: anything the old page left behind (a timer,
          // a worker's answer) would fire within this time.
          await page.waitForTimeout(300);
          await goTo(page, own);
        }
        // The app is still alive: a run on another lesson completes.
        await goTo(page, 'gather');
        await page.fill('#param-scale', '0.05');
        await page.click('.actions button.primary');
        await waitDone(page);
        assert.deepEqual(errors, [], busy.name);
      });
    });
  }

  test('the workers of a pool lesson are stopped when its page goes away', async () => {
    const url = `${app.base}?lesson=cpu-gather&n=8&cost=400&workers=2&fault=0`;
    await withPage(app.browser, url, async ({ page, errors }) => {
      await page.click('.actions button.primary');
      await page.waitForFunction(() =>
        /Worker pool: 2 workers/.test(document.querySelector('[data-testid="pool-status"]')?.textContent ?? ''));
      assert.ok(page.workers().length >= 2, `workers while running: ${page.workers().length}`);
      // A terminated worker leaves the page's list of workers with a 'close' event.
      const closed = Promise.all(page.workers().map((worker) => new Promise((ok) => worker.once('close', ok))));
      await goTo(page, 'gather');
      await Promise.race([closed, new Promise((ok) => { setTimeout(ok, 3000).unref(); })]);
      assert.equal(page.workers().length, 0, 'no worker left running');
      assert.deepEqual(errors, []);
    });
  });
});
