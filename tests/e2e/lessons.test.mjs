// Every lesson: loads, runs at a small time scale, and its exported JSON satisfies the
// lesson's invariant. Tolerances are generous: timers fire late, never early.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lessonIds, peakOverlap, runAction, useServedApp, waitDone, withLesson, withPage } from './harness.mjs';

const app = useServedApp();

/** Opens a lesson with parameters in its permalink (see `withLesson`), runs `action`,
 * and runs `body` with the page and the export. */
async function runLesson(id, query, action, body) {
  return withLesson(app.browser, app.base, id, query, async (opened) => {
    const data = await runAction(opened.page, action);
    assert.equal(data.lesson, id);
    return body({ ...opened, data });
  });
}

const run = (data, strategy) => data.runs.find((r) => r.strategy === strategy);

/** The most tasks in flight at once, from measured spans (end is exclusive). */
const peakConcurrency = (tasks) => peakOverlap(tasks.map((t) => [t.start_ms, t.end_ms]));

describe('lessons', () => {
  test('every lesson in the navigation loads without a console error', async () => {
    await withPage(app.browser, app.base, async ({ page, errors }) => {
      const ids = await lessonIds(page);
      assert.ok(ids.length >= 7, `lessons: ${ids}`);
      for (const id of ids) {
        await page.click(`nav[aria-label="Lessons"] a[href="?lesson=${id}"]`);
        await page.waitForSelector(`article[data-lesson="${id}"]`);
        assert.equal(await page.locator('article.lesson h1').count(), 1);
        assert.ok((await page.locator('.code pre').count()) >= 2, `${id} has code panes`);
      }
      assert.deepEqual(errors, []);
    });
  });

  test('order: gather keeps input order, as-completed hands results over by end time', async () => {
    await runLesson('order', 'n=5&min=1&max=5&seed=3&scale=0.05', 'both', async ({ errors, page, data }) => {
      const gather = run(data, 'gather');
      const asCompleted = run(data, 'as_completed');
      assert.deepEqual(gather.results, gather.tasks.map((t) => `${t.label} done`));
      // Results are handed over in end order. Tasks woken by the same timer end in the same
      // tenth of a millisecond (the clock's resolution), so ties may come in either order.
      const endOf = new Map(asCompleted.tasks.map((t) => [`${t.label} done`, t.end_ms]));
      assert.deepEqual([...asCompleted.results].sort(), [...endOf.keys()].sort(), 'every task once');
      const ends = asCompleted.results.map((r) => endOf.get(r));
      for (let i = 1; i < ends.length; i++) {
        assert.ok(ends[i] >= ends[i - 1], `result ${i} ended at ${ends[i]}, before ${ends[i - 1]}`);
      }
      assert.ok((await page.locator('[data-insight="even-callbacks"]').count()) === 1);
      assert.deepEqual(errors, []);
    });
  });

  test('flood: the semaphore never exceeds k, batches wait for the slowest, gather is refused', async () => {
    await runLesson('flood', 'n=9&d=1&spread=0&capacity=4&k=3&scale=0.1', 'all', async ({ errors, page, data }) => {
      const gather = run(data, 'gather');
      const semaphore = run(data, 'semaphore');
      const batches = run(data, 'batches');
      assert.ok(gather.tasks.some((t) => t.status === 'rejected'), 'gather floods the service');
      assert.ok(peakConcurrency(semaphore.tasks) <= 3, 'semaphore ≤ k');
      assert.ok(semaphore.tasks.every((t) => t.status === 'ok'));
      assert.ok(peakConcurrency(batches.tasks) <= 3, 'batches ≤ k');
      const starts = [...batches.tasks].sort((a, b) => a.start_ms - b.start_ms);
      for (let b = 1; b * 3 < starts.length; b++) {
        const previous = starts.slice((b - 1) * 3, b * 3);
        const slowest = Math.max(...previous.map((t) => t.end_ms));
        for (const t of starts.slice(b * 3, b * 3 + 3)) assert.ok(t.start_ms >= slowest - 0.5);
      }
      // ⌈n/k⌉·d with d = 100 ms: 300 ms.
      assert.ok(semaphore.makespan_ms >= 299 && semaphore.makespan_ms < 300 * 1.5 + 150);
      const peaks = await page.$$eval('[data-testid="concurrency-peak"]', (els) => els.map((e) => e.textContent));
      assert.equal(peaks.length, 3, 'a concurrency chart per run');
      assert.deepEqual(errors, []);
    });
  });

  test('failures: a TaskGroup cancels its siblings at the failure time', async () => {
    // First learn the durations (no failure), then make the shortest task fail.
    const base = 'n=5&min=1&max=3&seed=2&scale=0.1&p=0&timeout=0';
    const tasks = await runLesson('failures', `${base}&fail=0`, 'gather_return_exceptions',
      async ({ data }) => data.runs[0].tasks);
    const shortest = tasks.reduce((a, b) => (b.requested_ms < a.requested_ms ? b : a));
    await runLesson('failures', `${base}&fail=${shortest.id + 1}`, 'all', async ({ errors, data }) => {
      const group = run(data, 'task_group_cancel');
      const failed = group.tasks.find((t) => t.status === 'failed');
      assert.equal(failed?.id, shortest.id, 'the chosen task failed');
      assert.ok(group.failure, 'the error reached the caller');
      const cancelled = group.tasks.filter((t) => t.status === 'cancelled');
      const longer = tasks.filter((t) => t.requested_ms > shortest.requested_ms);
      assert.equal(cancelled.length, longer.length, 'every longer sibling was cancelled');
      for (const t of cancelled) assert.ok(Math.abs(t.end_ms - failed.end_ms) < 40, `cancelled at ${t.end_ms} vs ${failed.end_ms}`);
      const returned = run(data, 'gather_return_exceptions');
      assert.equal(returned.results.length, 5, 'errors returned in place');
      assert.ok(returned.results[shortest.id].startsWith('error'));
      assert.deepEqual(errors, []);
    });
  });

  test('failures: a per-task timeout ends the slow tasks at the timeout', async () => {
    const query = 'n=4&min=2&max=4&seed=1&scale=0.1&fail=0&p=0&timeout=2.5';
    await runLesson('failures', query, 'gather_return_exceptions', async ({ errors, data }) => {
      const r = data.runs[0];
      const timedOut = r.tasks.filter((t) => t.status === 'timed_out');
      assert.ok(timedOut.length >= 1, 'some task is slower than 2.5 s');
      for (const t of timedOut) assert.ok(t.end_ms - t.start_ms >= 249 && t.end_ms - t.start_ms < 250 + 100);
      assert.deepEqual(errors, []);
    });
  });

  test('chaining: each makespan is its critical path', async () => {
    await runLesson('chain', 'user=1&orders=1.5&combine=0.2&scale=0.1', 'both', async ({ errors, data }) => {
      const [a, b] = data.runs;
      const chained = a.tasks.some((t) => t.label.includes('by id')) ? b : a;
      const concurrent = chained === a ? b : a;
      // user 100 ms → orders 150 ms → combine 20 ms = 270 ms; concurrent: max(100, 150) + 20 = 170 ms.
      assert.ok(chained.makespan_ms >= 269 && chained.makespan_ms < 270 * 1.5 + 100, `${chained.makespan_ms}`);
      assert.ok(concurrent.makespan_ms >= 169 && concurrent.makespan_ms < 170 * 1.5 + 100, `${concurrent.makespan_ms}`);
      assert.deepEqual(errors, []);
    });
  });

  test('inside the event loop: the stepper steps forward and back through the recorded trace', async () => {
    await withPage(app.browser, `${app.base}?lesson=loop&n=3&scale=0.05`, async ({ page, errors }) => {
      const stepper = page.locator('figure.loop-stepper');
      await stepper.waitFor();
      const count = Number(await page.textContent('[data-testid="stepper-count"]'));
      assert.ok(count >= 6, `a gather of 3 tasks has at least 6 steps, got ${count}`);
      const index = async () => Number(await page.textContent('[data-testid="stepper-index"]'));
      const first = await index();
      await stepper.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      assert.equal(await index(), first + 2);
      await page.keyboard.press('ArrowLeft');
      assert.equal(await index(), first + 1);
      await page.keyboard.press('End');
      assert.equal(await index(), count - (first === 0 ? 1 : 0));
      await page.keyboard.press('Home');
      assert.equal(await index(), first);
      await page.click('.actions button[data-action="run"]');
      await waitDone(page);
      assert.equal(await page.locator('figure.timeline g.lane').count(), 3);
      assert.deepEqual(errors, []);
    });
  });

  test('scaling: one run per strategy and task count, sequential growing with n', async () => {
    await runLesson('scaling', 'n=5&min=1&max=2&seed=4&k=2&scale=0.02', 'run', async ({ errors, page, data }) => {
      assert.equal(data.runs.length, 15);
      const seq = data.runs.filter((r) => r.strategy === 'sequential').sort((x, y) => x.tasks.length - y.tasks.length);
      assert.deepEqual(seq.map((r) => r.tasks.length), [1, 2, 3, 4, 5]);
      for (let i = 1; i < seq.length; i++) assert.ok(seq[i].makespan_ms > seq[i - 1].makespan_ms);
      assert.ok((await page.locator('figure.scaling-chart circle.measured-point').count()) >= 15);
      assert.deepEqual(errors, []);
    });
  });
});
