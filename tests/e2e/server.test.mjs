// The server-under-load lesson: the simulated curves and tables, and a live run whose
// exported spans obey what each model allows. Timers fire late, never early: tolerances
// are generous, and the invariants are about order and counts, not exact times.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { peakOverlap, runAction, useServedApp, withPage } from './harness.mjs';

const app = useServedApp();

const QUERY = 'rate=60&io=100&cpu=10&threads=3&workers=2&cores=2&jitter=0&duration=0.2';

/** A run's tasks as requests: [arrive, io, cpu] triples, in order. */
function requests(run) {
  const out = [];
  for (let i = 0; i + 2 < run.tasks.length; i += 3) {
    out.push({ arrive: run.tasks[i], io: run.tasks[i + 1], cpu: run.tasks[i + 2] });
  }
  return out;
}

describe('server under load', () => {
  test('the curves and the queue view load with one table row per load point and no console error', async () => {
    await withPage(app.browser, `${app.base}?lesson=server&${QUERY}`, async ({ page, errors }) => {
      await page.waitForSelector('article[data-lesson="server"] [data-testid="server-panel"]');
      assert.equal(await page.locator('[data-testid="url-notice"]').count(), 0, 'link accepted');
      for (const id of ['latency', 'throughput']) {
        assert.equal(await page.locator(`[data-testid="${id}-chart"] svg`).count(), 1, `${id} chart`);
        assert.equal(await page.locator(`[data-testid="${id}-table"] tbody tr`).count(), 10, `${id} rows`);
      }
      assert.equal(await page.locator('[data-testid="queue-chart"] polyline.queue-line').count(), 3);
      assert.equal(await page.locator('[data-testid="queue-table"] tbody tr').count(), 11);
      // Capacities from the formulas: 3 threads × 1000/110, 1000/10, 2 × 1000/10.
      const capacity = async (key) => page.locator(`[data-testid="capacity-${key}"]`).textContent();
      assert.match(await capacity('threads'), /27\.3 req\/s/);
      assert.match(await capacity('loop'), /100 req\/s/);
      assert.match(await capacity('offload'), /200 req\/s/);
      // Under the thread pool's capacity... then beyond it: the latency table grows.
      const firstRow = await page.locator('[data-testid="latency-table"] tbody tr').first().textContent();
      const lastRow = await page.locator('[data-testid="latency-table"] tbody tr').last().textContent();
      assert.notEqual(firstRow, lastRow);
      // A new cpu value redraws the curves at once (an event loop with c = 20 saturates at 50/s).
      await page.fill('#param-cpu', '20');
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="capacity-loop"]')?.textContent.includes('50.0 req/s'));
      assert.deepEqual(errors, []);
    });
  });

  test('the queue replays in time: over capacity the thread pool queues, the loop does not', async () => {
    // 60 req/s: above the pool's 27.3 req/s, below the loop's 100 and the workers' 200.
    await withPage(app.browser, `${app.base}?lesson=server&${QUERY}`, async ({ page, errors }) => {
      const waiting = (key) => page.getAttribute(`[data-testid="queue-now-${key}"]`, 'data-waiting').then(Number);
      assert.equal(await waiting('threads'), 0, 'nothing waits at time 0');
      await page.click('[data-testid="queue-play"]');
      await page.waitForFunction(() => Number(document.querySelector('#queue-time').value) > 0);
      await page.click('[data-testid="queue-play"]'); // pause
      const middle = await page.$eval('#queue-time', (i) => Math.round(Number(i.max) / 2));
      await page.fill('#queue-time', String(middle));
      assert.ok((await waiting('threads')) > 0, 'the thread pool has a queue half way through');
      assert.equal(await waiting('loop'), 0);
      assert.equal(await waiting('offload'), 0);
      const dots = await page.locator('[data-testid="queue-now-threads"] .queue-dot').count();
      assert.equal(dots, Math.min(await waiting('threads'), 60), 'one square per waiting request, at most 60');
      assert.deepEqual(errors, []);
    });
  });

  test('a live run: the thread pool never holds more than T requests, the loop computes one at a time', async () => {
    await withPage(app.browser, `${app.base}?lesson=server&${QUERY}`, async ({ page, errors }) => {
      const data = await runAction(page, 'all');
      assert.equal(data.lesson, 'server');
      assert.equal(data.runs.length, 3);
      const n = Math.round(60 * 0.2);
      for (const run of data.runs) {
        assert.equal(run.tasks.length, 3 * n, `${run.caption}: ${n} requests`);
        assert.ok(run.tasks.every((t) => t.status === 'ok'), `${run.caption}: every request answered`);
        assert.ok(Number.isFinite(run.predicted_ms), `${run.caption}: a prediction`);
        for (const r of requests(run)) {
          // Each request's I/O starts after it arrives, its CPU after its I/O.
          assert.ok(r.io.start_ms >= r.arrive.end_ms - 0.5, `${r.io.label} after arrival`);
          assert.ok(r.cpu.start_ms >= r.io.end_ms - 0.5, `${r.cpu.label} after its I/O`);
          assert.ok(r.cpu.end_ms - r.arrive.requested_ms >= 100 - 1, `${r.cpu.label}: latency ≥ d`);
        }
      }
      const [threads, loop, offload] = data.runs;
      assert.match(threads.caption, /Thread pool \(T = 3\)/);
      assert.match(loop.caption, /^Event loop$/);
      assert.match(offload.caption, /Event loop \+ 2 workers/);
      // Thread pool: a request holds its thread from its I/O start to its CPU end; at most 3.
      const held = requests(threads).map((r) => [r.io.start_ms, r.cpu.end_ms]);
      assert.ok(peakOverlap(held) <= 3, `in flight ≤ T, got ${peakOverlap(held)}`);
      // ...and the 4th request's thread is the 1st one's, free only once it has answered.
      const reqs = requests(threads);
      for (let i = 3; i < reqs.length; i++) {
        assert.ok(reqs[i].io.start_ms >= reqs[i - 3].cpu.end_ms - 0.5, `request ${i + 1} waits for ${i - 2}`);
      }
      // Event loop: computing blocks the one thread, so the CPU parts never overlap and the
      // run lasts at least the sum of the computations.
      const cpu = requests(loop).map((r) => [r.cpu.start_ms, r.cpu.end_ms]);
      const sorted = [...cpu].sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i][0] >= sorted[i - 1][1] - 0.5, 'no overlap');
      const computing = cpu.reduce((sum, [s, e]) => sum + (e - s), 0);
      assert.ok(loop.makespan_ms >= computing - 1, `makespan ${loop.makespan_ms} ≥ Σc ${computing}`);
      // The lesson reads the runs: measured percentiles and each model's capacity.
      for (const key of ['threads', 'loop', 'offload']) {
        assert.equal(await page.locator(`[data-insight="latency-${key}"]`).count(), 1, `latency-${key}`);
        assert.equal(await page.locator(`[data-insight="capacity-${key}"]`).count(), 1, `capacity-${key}`);
      }
      assert.deepEqual(errors, []);
    });
  });
});
