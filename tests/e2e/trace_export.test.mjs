// The "Trace" export end to end: a Chrome Trace Event file (for Perfetto or Chrome
// DevTools) whose processes, lanes and spans match the JSON export of the same run.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { download, exportJson, useServedApp, waitDone, withPage } from './harness.mjs';

const app = useServedApp();
const TRACE = '[data-testid="export-trace"]';

describe('the trace export', () => {
  test('is disabled before a run and has an accessible name', async () => {
    await withPage(app.browser, `${app.base}?lesson=gather`, async ({ page, errors }) => {
      const button = page.getByRole('button', { name: /^Trace\b.*Perfetto/ });
      assert.equal(await button.count(), 1, 'one button named "Trace …Perfetto…"');
      assert.equal(await button.getAttribute('data-testid'), 'export-trace');
      assert.equal(await button.isDisabled(), true);
      assert.equal(await page.locator('[data-testid="export-json"]').isDisabled(), true);
      assert.deepEqual(errors, []);
    });
  });

  test('has a process per run, a lane per task and the JSON export\'s spans in µs', async () => {
    const url = `${app.base}?lesson=gather&n=4&min=1&max=2&scale=0.05`;
    await withPage(app.browser, url, async ({ page, errors }) => {
      await page.click('.actions button.primary');
      await waitDone(page);
      assert.equal(await page.locator(TRACE).isDisabled(), false);
      const file = await download(page, TRACE);
      assert.match(file.name, /^asyncscope-gather-seed\d+-trace\.json$/);
      assert.equal(await page.textContent('.share-export .export-note[role="status"]'), `Saved ${file.name}.`);
      const trace = JSON.parse(file.bytes.toString('utf8'));
      const data = await exportJson(page);
      assert.equal(trace.displayTimeUnit, 'ms');
      assert.ok(Array.isArray(trace.traceEvents));
      const events = (ph, name) => trace.traceEvents.filter((e) => e.ph === ph && (!name || e.name === name));

      const processes = events('M', 'process_name');
      assert.equal(processes.length, 2);
      assert.equal(data.runs.length, 2);
      const pidOf = new Map();
      for (const p of processes) {
        const run = data.runs[p.pid - 1];
        assert.ok(run, `pid ${p.pid} is a run`);
        pidOf.set(run.strategy, p.pid);
        assert.match(p.args.name, new RegExp(`^${run.strategy}$`, 'i'), 'named by the run\'s title');
      }
      assert.deepEqual([...pidOf.keys()].sort(), ['gather', 'sequential']);
      assert.equal(events('M', 'process_sort_index').length, 2);

      for (const [index, run] of data.runs.entries()) {
        const pid = index + 1;
        assert.equal(run.tasks.length, 4);
        const lanes = events('M', 'thread_name').filter((e) => e.pid === pid).sort((a, b) => a.tid - b.tid);
        assert.deepEqual(lanes.map((e) => e.args.name), run.tasks.map((t) => t.label), `${run.strategy} lanes`);
        const spans = events('X').filter((e) => e.pid === pid);
        assert.equal(spans.length, run.tasks.length, `${run.strategy}: one X event per span`);
        for (const e of spans) {
          const task = run.tasks[e.tid - 1];
          assert.equal(e.name, task.label);
          assert.equal(e.cat, 'io');
          assert.equal(e.args.status, task.status);
          assert.equal(e.args.result, task.result);
          assert.ok(Math.abs(e.ts - task.start_ms * 1000) <= 1, `${task.label} ts ${e.ts} vs ${task.start_ms} ms`);
          assert.ok(Math.abs(e.ts + e.dur - task.end_ms * 1000) <= 1, `${task.label} end vs ${task.end_ms} ms`);
        }
      }
      assert.equal(events('X').length, 8, 'every X event is a task span');
      assert.deepEqual(errors, []);
    });
  });
});
