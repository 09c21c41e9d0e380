// The hero demo, end to end, on the release build served from a sub-folder.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  ensureArtifacts, exportJson, setParams, useServedApp, waitDone, waitState, withPage,
} from './harness.mjs';

const app = useServedApp();

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

async function runBoth(page) {
  await page.click('button[data-action="both"]');
  await waitDone(page);
}

describe('the hero demo', () => {
  test('loads from a sub-folder with no console error and no request outside its folder', async () => {
    await withPage(app.browser, app.base, async ({ page, errors }) => {
      assert.match(await page.title(), /Asyncscope/);
      assert.equal(await page.locator('h1').count(), 1);
      // Every request the page makes as it starts has been made (and answered).
      await page.waitForLoadState('networkidle');
      assert.deepEqual(errors, []);
      const outside = app.requests.filter((p) => !p.startsWith(app.prefix));
      assert.deepEqual(outside, [], `requests outside ${app.prefix}`);
    });
  });

  test('running both with 4 tasks draws 4 lanes per run and exports Σd and max d', async () => {
    await withPage(app.browser, app.base, async ({ page, errors }) => {
      await setParams(page, { n: 4, min: 1, max: 3, seed: 42, scale: 0.05 });
      await runBoth(page);
      const timelines = page.locator('figure.timeline');
      assert.equal(await timelines.count(), 2);
      for (const strategy of ['sequential', 'gather']) {
        const lanes = page.locator(`figure.timeline[data-strategy="${strategy}"] g.lane`);
        assert.equal(await lanes.count(), 4, `${strategy} lanes`);
        const bars = page.locator(`figure.timeline[data-strategy="${strategy}"] rect.bar-measured.done`);
        assert.equal(await bars.count(), 4, `${strategy} finished bars`);
      }
      const data = await exportJson(page);
      assert.equal(data.format, 'asyncscope-run/1');
      assert.equal(data.lesson, 'gather');
      assert.deepEqual(data.params, { max: 3, min: 1, n: 4, scale: 0.05, seed: 42 });
      const seq = data.runs.find((r) => r.strategy === 'sequential');
      const gather = data.runs.find((r) => r.strategy === 'gather');
      assert.equal(seq.tasks.length, 4);
      assert.equal(gather.tasks.length, 4);
      const requested = seq.tasks.map((t) => t.requested_ms);
      assert.deepEqual(gather.tasks.map((t) => t.requested_ms), requested, 'same scenario');
      for (const d of requested) assert.ok(d >= 50 && d <= 150, `duration ${d} within 1–3 s × 0.05`);
      const total = sum(requested);
      const longest = Math.max(...requested);
      // Generous tolerances: timers may only fire late, never early; the machine may be busy.
      assert.ok(seq.makespan_ms >= total - 1, `sequential ${seq.makespan_ms} ≥ Σd ${total}`);
      assert.ok(seq.makespan_ms <= total * 1.5 + 150, `sequential ${seq.makespan_ms} ≈ Σd ${total}`);
      assert.ok(gather.makespan_ms >= longest - 1, `gather ${gather.makespan_ms} ≥ max d ${longest}`);
      assert.ok(gather.makespan_ms <= longest * 1.5 + 150, `gather ${gather.makespan_ms} ≈ max d ${longest}`);
      for (const t of seq.tasks) assert.ok(t.end_ms - t.start_ms >= t.requested_ms - 1);
      const seqStarts = seq.tasks.map((t) => t.start_ms);
      for (let i = 1; i < 4; i++) assert.ok(seqStarts[i] >= seq.tasks[i - 1].end_ms - 0.001);
      assert.ok(gather.tasks.every((t) => t.start_ms < 30), 'gather starts every task at once');
      assert.deepEqual(gather.results, gather.tasks.map((t) => `${t.label} done`), 'input order');
      const speedup = await page.textContent('[data-testid="speedup"]');
      assert.match(speedup, /^\d+\.\d\d×$/);
      assert.deepEqual(errors, []);
    });
  });

  test('bad input shows a message, disables the run buttons, and recovers', async () => {
    await withPage(app.browser, app.base, async ({ page, errors }) => {
      const run = page.locator('button[data-action="both"]');
      const cases = [
        [{ n: '' }, /Tasks is empty/],
        [{ n: -1 }, /Tasks must be between 1 and 50/],
        [{ n: 1e9 }, /Tasks must be between 1 and 50/],
        [{ n: 'abc' }, /Tasks must be a number/],
        [{ n: 2.5 }, /Tasks must be a whole number/],
        [{ n: 5, min: 4, max: 2 }, /longest duration must be at least the shortest/],
        [{ min: 1, max: 5, seed: 'x' }, /Random seed must be a number/],
        [{ seed: 1, scale: 0 }, /Time scale must be between/],
      ];
      for (const [values, message] of cases) {
        await setParams(page, values);
        await page.waitForFunction(
          (re) => new RegExp(re).test(document.querySelector('.controls').innerText),
          message.source,
        );
        assert.equal(await run.isDisabled(), true, `Run disabled for ${JSON.stringify(values)}`);
      }
      await setParams(page, { scale: 0.2 });
      assert.equal(await run.isDisabled(), false);
      assert.equal(await page.locator('.controls .error:not(:empty)').count(), 0);
      assert.deepEqual(errors, []);
    });
  });

  test('cancel stops a run, and a new run replaces the old one without mixing results', async () => {
    await withPage(app.browser, app.base, async ({ page, errors }) => {
      await setParams(page, { n: 3, min: 2, max: 2, scale: 1 });
      await page.click('button[data-action="both"]');
      await waitState(page, 'running');
      await page.click('button[data-action="cancel"]');
      assert.equal(await waitState(page, 'cancelled'), 'cancelled');
      assert.match(await page.textContent('[data-testid="status"]'), /Cancelled/);
      assert.equal(await page.locator('[data-testid="export-json"]').isDisabled(), true);
      // Start one run, then another with other parameters before the first ends.
      await setParams(page, { n: 3, min: 1, max: 1, scale: 0.2 });
      await page.click('button[data-action="both"]');
      await waitState(page, 'running');
      await setParams(page, { n: 2, min: 1, max: 1, scale: 0.1 });
      await page.click('button[data-action="gather"]');
      await waitDone(page);
      // The point is that nothing happens: the replaced run (≈ 600 ms) would have ended
      // within this time had it not been stopped, and nothing of it may show up.
      await page.waitForTimeout(800);
      const data = await exportJson(page);
      assert.equal(data.runs.length, 1);
      assert.equal(data.runs[0].strategy, 'gather');
      assert.equal(data.runs[0].tasks.length, 2);
      assert.equal(await page.locator('figure.timeline').count(), 1);
      assert.equal(await page.locator('figure.timeline g.lane').count(), 2);
      assert.deepEqual(errors, []);
    });
  });

  test('screenshots at 375 px and 1280 px, with no horizontal scrolling on a phone', async () => {
    const dir = await ensureArtifacts();
    for (const width of [375, 1280]) {
      await withPage(app.browser, app.base, { viewport: { width, height: 900 } }, async ({ page, errors }) => {
        await setParams(page, { n: 6, scale: 0.05 });
        await runBoth(page);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.ok(overflow <= 0, `horizontal overflow of ${overflow} px at ${width} px`);
        await page.screenshot({ path: join(dir, `hero-${width}.png`), fullPage: true });
        assert.deepEqual(errors, []);
      });
    }
  });
});
