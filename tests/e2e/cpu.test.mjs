// CPU-bound work: the worker pool, faults, cancel, the lag meter, and the CPU lessons'
// invariants, on the release build served from a sub-folder.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runAction, useServedApp, waitDone, waitState, withLesson, withPage } from './harness.mjs';

const app = useServedApp({ folder: 'static/tools/asyncscope' });

/** Runs `body` on lesson `id` opened with `query` (see `withLesson`). */
const open = (id, query, options, body) => withLesson(app.browser, app.base, id, query, options, body);

/** The workers' own reports of a job's panic. */
const PANIC_REPORTS = /panic|unreachable|RuntimeError/i;

const poolRuns = (data, workers) => data.runs.filter((r) => r.options?.workers === workers);
const mainRuns = (data) => data.runs.filter((r) => !r.options?.workers);
const insight = (page, key) => page.textContent(`[data-insight="${key}"] dd`);

describe('the worker pool', () => {
  test('warms up, and 8 jobs on 2 workers all answer, as on the main thread', async () => {
    await open('cpu-gather', 'n=8&cost=40&workers=2&fault=0', async ({ page, errors }) => {
      const data = await runAction(page, 'all');
      const status = await page.textContent('[data-testid="pool-status"]');
      assert.match(status, /2 workers, loaded in [\d.]+ m?s · 0 queued · 0 running · 0 replaced/);
      const onTwo = poolRuns(data, 2)[0];
      const onMain = mainRuns(data).find((r) => r.strategy === 'gather');
      assert.equal(onTwo.tasks.length, 8);
      assert.ok(onTwo.tasks.every((t) => t.status === 'ok'));
      // Each thread sizes a job by its own measured speed, so the hash chains differ in
      // length and so do the hashes; every job answers, in order, on both.
      assert.equal(onMain.results.length, 8);
      assert.deepEqual(onTwo.results.map((r) => r.split(':')[0]), onMain.results.map((r) => r.split(':')[0]));
      assert.ok(onTwo.results.every((r) => /^job \d+: [0-9a-f]{16}$/.test(r)), onTwo.results[0]);
      assert.deepEqual(errors, []);
    });
  });

  test('a job that panics is reported, its worker is replaced, and every other job completes', async () => {
    await open('cpu-gather', 'n=6&cost=30&workers=2&fault=1', { allowErrors: [PANIC_REPORTS] }, async ({ page, errors }) => {
      const data = await runAction(page, 'pool');
      const onTwo = poolRuns(data, 2)[0];
      const faulty = onTwo.tasks.find((t) => t.label === 'faulty job');
      assert.equal(faulty.status, 'failed');
      assert.match(faulty.result, /panic/);
      const others = onTwo.tasks.filter((t) => t.label !== 'faulty job');
      assert.equal(others.length, 6);
      assert.ok(others.every((t) => t.status === 'ok'), 'no job lost');
      assert.match(await page.textContent('[data-testid="pool-status"]'), /0 running · [1-9]\d* replaced/);
      // The worker's own report of its panic is expected; nothing else may fail.
      assert.deepEqual(errors.filter((e) => !PANIC_REPORTS.test(e)), []);
    });
  });

  test('cancel mid-run leaves no job running or queued', async () => {
    await open('mandelbrot', 'workers=2&tiles=6&iter=10000', async ({ page, errors }) => {
      await page.click('.actions button[data-action="pool"]');
      // Cancel once the pool is at work: warmed up, and its first tiles are back (the
      // pool status is redrawn only when the run's state changes, so it cannot say).
      await page.waitForFunction(
        () => /^[1-9]\d* tiles? from/.test(document.querySelector('[data-testid="mandelbrot-count"]')?.textContent ?? ''),
        null, { timeout: 30_000 },
      );
      assert.equal(await waitState(page, 'running'), 'running');
      await page.click('button[data-action="cancel"]');
      assert.equal(await waitState(page, 'cancelled'), 'cancelled');
      assert.match(await page.textContent('[data-testid="status"]'), /Cancelled/);
      assert.match(await page.textContent('[data-testid="pool-status"]'), /0 queued · 0 running/);
      assert.deepEqual(errors, []);
    });
  });
});

describe('the event loop under CPU load', () => {
  test('the lag meter spikes during a main-thread run and stays low during a pool run', async () => {
    const spike = await open('blocking', 'io=3&d=50&jobs=2&cost=300&workers=2', async ({ page }) => {
      await runAction(page, 'main');
      const worst = parseFloat(await page.textContent('[data-testid="lag-max"]'));
      assert.ok(worst >= 150, `main-thread run: worst heartbeat lateness ${worst} ms`);
      assert.ok(Number.parseFloat(await insight(page, 'late-main')) > 100);
      return worst;
    });

    // One worker: on a 2-core machine, two busy workers would leave the page's own
    // thread without a core, which is the OS's doing, not the event loop's.
    await open('blocking', 'io=3&d=50&jobs=2&cost=300&workers=1', async ({ page, errors }) => {
      // The first pool run of a page also starts the worker (60–120 ms of lateness on this
      // machine, measured): run once to start it, then measure a run on the started pool.
      await runAction(page, 'pool');
      await page.click('.actions button[data-action="pool"]');
      await waitState(page, 'running');
      await waitDone(page);
      // The lag meter samples on its own 16 ms timer and nothing on the page says when it
      // has: this lets it record the lateness caused by drawing the results.
      await page.waitForTimeout(300);
      const calm = parseFloat(await page.textContent('[data-testid="lag-max"]'));
      // The pool run's worst lateness is the page drawing its own results (≈ 20–60 ms on
      // this 2-core machine), not computing: the tolerance is generous but still far
      // below the main-thread run's 300 ms jobs.
      assert.ok(calm < 100, `pool run: worst heartbeat lateness ${calm} ms`);
      assert.ok(calm * 2 < spike, `pool ${calm} ms vs main thread ${spike} ms`);
      assert.deepEqual(errors, []);
    });
  });

  test('the Mandelbrot picture is drawn from every tile, tinted by worker', async () => {
    await open('mandelbrot', 'workers=2&tiles=4&iter=500', async ({ page, errors }) => {
      const data = await runAction(page, 'pool');
      assert.equal(data.runs[0].tasks.length, 16);
      assert.match(await page.textContent('[data-testid="mandelbrot-count"]'), /^16 tiles from 2 workers/);
      assert.deepEqual(errors, []);
    });
  });
});

describe('the size of a pool', () => {
  test("defaults to the machine's processor count within range, unless the link names one", async () => {
    // A machine with 3 processors (the page reads navigator.hardwareConcurrency).
    const initScript = () => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 3 });
    const workersOf = async (query) => {
      return withPage(app.browser, `${app.base}?${query}`, { initScript }, async ({ page, errors }) => {
        const value = await page.inputValue('#param-workers');
        assert.deepEqual(errors, [], query);
        return value;
      });
    };
    assert.equal(await workersOf('lesson=cpu-gather'), '3');
    assert.equal(await workersOf('lesson=lab'), '3', 'the lab, whose range starts at 0');
    assert.equal(await workersOf('lesson=cpu-gather&workers=1'), '1', 'a value from the link is kept');
    assert.equal(await workersOf('lesson=cpu-gather&workers=nine'), '2', 'an invalid one gives the spec default, as its notice says');
    // More processors than the range allows: the largest pool the lesson offers.
    const many = () => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 64 });
    await withPage(app.browser, `${app.base}?lesson=cpu-gather`, { initScript: many }, async ({ page }) => {
      assert.equal(await page.inputValue('#param-workers'), '8');
    });
  });
});
