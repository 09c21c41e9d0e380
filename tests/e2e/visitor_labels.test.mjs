// A visitor's path, labels and defaults: each run has a name of its own, no label doubles a
// word, a prediction away from its bound says why, failures' outcomes are one table, and
// each lesson's defaults show its point (order, flood, search, the event-loop stepper)
// without touching a parameter. Runs use the lessons' defaults unless a query is given.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runAction, useServedApp, withLesson } from './harness.mjs';

const app = useServedApp();

const run = (data, strategy) => data.runs.find((r) => r.strategy === strategy);

/** The timelines' titles and their headings, in page order. */
const timelines = (page) => page.$$eval('figure.timeline figcaption', (caps) => caps.map((c) => ({
  title: c.querySelector('strong').textContent,
  stats: c.querySelector('.timeline-stats').textContent,
})));

/** The first word written twice in a row in `text` (numbers aside), or null. */
function doubledWord(text) {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  for (let i = 1; i < words.length; i++) {
    if (words[i] === words[i - 1] && /\p{L}/u.test(words[i])) return words[i];
  }
  return null;
}

describe('right labels', () => {
  test('chain: the two runs are named by what differs', async () => {
    await withLesson(app.browser, app.base, 'chain', 'scale=0.1', async ({ page, errors }) => {
      const data = await runAction(page, 'both');
      const titles = (await timelines(page)).map((t) => t.title);
      assert.equal(new Set(titles).size, 2, `${titles}`);
      assert.ok(titles.every((t) => t !== 'Chained'), `${titles}`);
      assert.deepEqual(data.runs.map((r) => r.caption), titles);
      assert.deepEqual(errors, []);
    });
  });

  test('mixed: the pipeline says what runs where', async () => {
    await withLesson(app.browser, app.base, 'mixed', '', async ({ page, errors }) => {
      await runAction(page, 'main');
      const [only] = await timelines(page);
      assert.equal(only.title, 'Fetch and process on the main thread');
      // The first item arrives after 50 ms: the one-thread floor Σc starts late, and says so.
      assert.match(only.stats, /the work waits for its inputs, the first at 50 ms; Σc on one thread/);
      assert.deepEqual(errors, []);
    });
  });

  test('failures: no doubled word anywhere, and the task group says its first error ends the wait', async () => {
    await withLesson(app.browser, app.base, 'failures', 'scale=0.1', async ({ page, errors }) => {
      await runAction(page, 'all');
      // Every text of the page but the code panes (whose lines are code, not labels).
      const text = await page.evaluate(() => {
        const copy = document.querySelector('main').cloneNode(true);
        copy.querySelectorAll('pre').forEach((pre) => pre.remove());
        return copy.innerText;
      });
      assert.ok(text.includes('Results of') || text.includes('Gather, errors returned'));
      assert.equal(doubledWord(text), null);
      const group = (await timelines(page)).find((t) => t.title.startsWith('TaskGroup'));
      assert.match(group.stats, /predicted ([\d.]+) ms \(the first error ends the wait at \1 ms, before max d = /);
      assert.deepEqual(errors, []);
    });
  });
});

describe('a table where the content is a table', () => {
  test('failures: one row per strategy, columns for what the caller got, the tasks and when', async () => {
    await withLesson(app.browser, app.base, 'failures', 'scale=0.1', async ({ page, errors }) => {
      const data = await runAction(page, 'all');
      const table = page.locator('[data-testid="outcome-table"]');
      assert.equal(await table.locator('tbody tr').count(), 3);
      assert.equal(await page.locator('[data-insight]').count(), 0, 'no cards');
      const cell = (strategy, col) =>
        table.locator(`tr[data-strategy="${strategy}"] td[data-col="${col}"]`).textContent();
      const group = run(data, 'task_group_cancel');
      const cancelled = group.tasks.filter((t) => t.status === 'cancelled').length;
      assert.match(await cell('task_group_cancel', 'cancelled'), new RegExp(`^${cancelled} of 5`));
      assert.match(await cell('gather_propagate', 'finished'), /results lost/);
      assert.match(await cell('gather_return_exceptions', 'finished'), /results kept/);
      assert.match(await cell('gather_return_exceptions', 'caller'), /4 results and 1 error in place/);
      assert.match(await cell('gather_propagate', 'caller'), /task 2 failed/);
      const seconds = (s) => Number(s.replace(' s', ''));
      const propagateAt = seconds(await cell('gather_propagate', 'caller-at'));
      const propagateEnd = seconds(await cell('gather_propagate', 'last-end'));
      assert.ok(propagateAt < propagateEnd, 'plain gather runs on after the error');
      assert.deepEqual(errors, []);
    });
  });
});

describe('defaults that make the point', () => {
  test('order: the hand-overs differ, gather all at the end in input order, callbacks as each ends', async () => {
    await withLesson(app.browser, app.base, 'order', '', async ({ page, errors }) => {
      // Before a run the chart shows the prediction.
      await page.waitForSelector('[data-testid="handover-chart"] .handover-dot');
      const data = await runAction(page, 'both');
      const marks = (strategy) => page.$$eval(`.handover[data-strategy="${strategy}"] .handover-mark`,
        (gs) => gs.map((g) => ({ order: Number(g.dataset.order), x: g.querySelector('circle').getAttribute('cx') })));
      const gather = await marks('gather');
      assert.deepEqual(gather.map((m) => m.order), [1, 2, 3, 4, 5], 'input order');
      assert.equal(new Set(gather.map((m) => m.x)).size, 1, 'all at the same moment');
      const callbacks = await marks('as_completed');
      const ends = run(data, 'as_completed').tasks.map((t) => t.end_ms);
      const byEnd = [...ends.keys()].sort((a, b) => ends[a] - ends[b]);
      assert.deepEqual(byEnd.map((i) => callbacks[i].order), [1, 2, 3, 4, 5], 'completion order');
      assert.notDeepEqual(callbacks.map((m) => m.order), [1, 2, 3, 4, 5], 'the defaults finish out of order');
      const titles = (await timelines(page)).map((t) => t.title);
      assert.equal(new Set(titles).size, 2, `${titles}`);
      assert.deepEqual(errors, []);
    });
  });

  test('flood: calls vary so batches wait for their slowest, and the 429s are counted', async () => {
    await withLesson(app.browser, app.base, 'flood', '', async ({ page, errors }) => {
      const data = await runAction(page, 'all');
      const semaphore = run(data, 'semaphore');
      const batches = run(data, 'batches');
      assert.ok(new Set(batches.tasks.map((t) => t.requested_ms)).size > 1, 'durations vary');
      assert.ok(batches.makespan_ms > semaphore.makespan_ms * 1.15,
        `batches ${batches.makespan_ms} vs semaphore ${semaphore.makespan_ms}`);
      const rejected = run(data, 'gather').tasks.filter((t) => t.status === 'rejected').length;
      assert.equal(await page.textContent('[data-insight="rejected-gather"] dd'), `${rejected} of 12 calls got 429`);
      assert.match(await page.textContent('[data-insight="makespan-gather"] dd'), new RegExp(`for ${12 - rejected} of 12 answers`));
      assert.deepEqual(errors, []);
    });
  });

  test('search: the replayed typing ends on rows found', async () => {
    await withLesson(app.browser, app.base, 'search', '', async ({ page, errors }) => {
      await page.click('[data-testid="search-replay"]');
      const pane = '.search-pane[data-policy="cancel_stale"]';
      await page.waitForFunction((sel) => {
        const el = document.querySelector(sel);
        return el && el.dataset.query === document.getElementById('search-box').value
          && el.dataset.query.length >= 4 && el.querySelectorAll('.search-rows li').length > 1;
      }, pane, { timeout: 10_000 });
      const text = await page.textContent(pane);
      const rows = Number(/(\d+) matching rows/.exec(text)?.[1]);
      assert.ok(rows >= 5, text);
      assert.deepEqual(errors, []);
    });
  });

  test('event-loop stepper: a legend names every colour', async () => {
    await withLesson(app.browser, app.base, 'loop', '', async ({ page, errors }) => {
      const legend = page.locator('.loop-stepper .stepper-legend li');
      await legend.first().waitFor();
      const series = await legend.evaluateAll((lis) => lis.map((li) => li.dataset.series));
      assert.deepEqual(series, ['ran', 'woke', 'finished', 'cancelled', 'next', 'so-far', 'current']);
      const kind = await page.getAttribute('[data-testid="stepper-action"]', 'data-kind');
      assert.ok(series.includes(kind), `the current step's kind ${kind} is in the legend`);
      assert.deepEqual(errors, []);
    });
  });
});
