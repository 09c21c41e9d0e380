// The lab: a visitor types their own scenario, sees each mistake with its line and
// column, fixes it, runs it, exports it, and shares it by link; typed markup stays text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { exportJson, runAction, useServedApp, waitDone, withPage } from './harness.mjs';

const app = useServedApp();

const SCRIPT = '#param-script';
const ERRORS = '[data-testid="script-errors"] li';

/** Replaces the script with `text`, as typed. */
async function typeScript(page, text) {
  await page.fill(SCRIPT, '');
  await page.type(SCRIPT, text, { delay: 0 });
}

/** The error lines shown under the script box. */
async function scriptErrors(page) {
  return page.locator(ERRORS).allTextContents();
}

describe('the lab', () => {
  test('a typed scenario shows errors with line and column, then runs, exports and survives its link', async () => {
    await withPage(app.browser, `${app.base}?lesson=lab`, async ({ page, context, errors }) => {
      await page.waitForSelector('article[data-lesson="lab"]');
      const run = page.locator('.actions button[data-action="run"]');

      // A broken line: the error names its line and column, and nothing can run.
      await typeScript(page, 'fetch io 200ms\nresize cpux 50ms after fetch');
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 1, ERRORS);
      const [kindError] = await scriptErrors(page);
      assert.match(kindError, /^Line 2, column 8: Unknown kind “cpux”/);
      assert.equal(await page.getAttribute(SCRIPT, 'aria-invalid'), 'true');
      assert.ok(await run.isDisabled(), 'a broken script cannot run');

      // A cycle: named in order, from the task that comes first.
      await typeScript(page, 'fetch io 200ms after save\nresize cpu 50ms after fetch\nsave io 100ms after resize');
      await page.waitForFunction((sel) => /→/.test(document.querySelector(sel)?.textContent ?? ''), ERRORS);
      const [cycle] = await scriptErrors(page);
      assert.match(cycle, /^Line 1, column 22: .*fetch → save → resize → fetch/);

      // Fixed: the errors go, the graph appears, the run finishes.
      const fixed = 'fetch io 200ms\nresize cpu 50ms after fetch\nsave io 100ms after resize, fetch fails';
      await typeScript(page, fixed);
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 0, ERRORS);
      assert.equal(await page.getAttribute(SCRIPT, 'aria-invalid'), 'false');
      await page.selectOption('#param-strategy', 'chained');
      await page.fill('#param-workers', '1');
      await page.waitForSelector('.dependency-graph');
      assert.ok(!(await run.isDisabled()));
      await run.click();
      await waitDone(page);
      const data = await exportJson(page);
      assert.equal(data.lesson, 'lab');
      assert.equal(data.params.script, fixed);
      assert.equal(data.params.strategy, 'chained');
      assert.equal(data.params.workers, 1);
      const tasks = data.runs[0].tasks;
      assert.deepEqual(tasks.map((t) => t.label), ['fetch', 'resize', 'save']);
      assert.ok(tasks[1].start_ms >= tasks[0].end_ms - 1, 'resize waits for fetch');
      assert.ok(tasks[2].start_ms >= tasks[1].end_ms - 1, 'save waits for resize');
      assert.equal(tasks[2].status, 'failed');
      const code = await page.textContent('.code-section');
      assert.match(code, /asyncio\.create_task\(after\(\[resize_t, fetch_t\], save\)\)/);
      assert.match(code, /raise RuntimeError\("save failed"\)/);

      // The link carries the script and the strategy; the reopened page exports the same.
      await page.click('[data-testid="copy-link"]');
      const link = await page.inputValue('[data-testid="share-text"]');
      assert.match(link, /lesson=lab/);
      assert.match(link, /strategy=chained/);
      await withPage(app.browser, link, async (copy) => {
        await copy.page.waitForSelector('article[data-lesson="lab"]');
        assert.equal(await copy.page.locator('[data-testid="url-notice"]').count(), 0);
        assert.equal(await copy.page.inputValue(SCRIPT), fixed);
        await copy.page.click('.actions button[data-action="run"]');
        await waitDone(copy.page);
        const again = await exportJson(copy.page);
        assert.deepEqual(again.params, data.params);
        assert.deepEqual(copy.errors, []);
      });

      assert.deepEqual(errors, []);
    });
  });

  test('a script too long for a link is refused by Copy link with a message, not cut', async () => {
    await withPage(app.browser, `${app.base}?lesson=lab`, async ({ page, errors }) => {
      await page.waitForSelector('article[data-lesson="lab"]');
      const lines = Array.from({ length: 200 }, (_, i) => `task_number_${i} io 10ms # a long comment here`);
      await page.fill(SCRIPT, lines.join('\n'));
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 0, ERRORS);
      await page.click('[data-testid="copy-link"]');
      await page.waitForFunction(() => /Too long for a link/.test(document.querySelector('.share-note')?.textContent ?? ''));
      assert.equal(await page.locator('[data-testid="share-text"]').count(), 0);
      assert.deepEqual(errors, []);
    });
  });

  test('typed markup is shown as text: no element is created and nothing runs', async () => {
    await withPage(app.browser, `${app.base}?lesson=lab`, async ({ page, errors }) => {
      await page.waitForSelector('article[data-lesson="lab"]');
      await page.evaluate(() => { window.__pwned = 0; });
      const hostile = '<script>window.__pwned=1</script> io 1s\n<img src=x onerror="window.__pwned=2"> io 1s';
      await typeScript(page, hostile);
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length >= 2, ERRORS);
      const shown = (await scriptErrors(page)).join('\n');
      assert.match(shown, /“<script>window\.__pwned=1…”/);
      assert.match(shown, /<img/);
      assert.equal(await page.locator('article script').count(), 0);
      assert.equal(await page.locator('article img').count(), 0);
      assert.equal(await page.inputValue(SCRIPT), hostile);
      assert.equal(await page.evaluate(() => window.__pwned), 0);
      // The markup also travels through a link unharmed, as text.
      const url = `${app.base}?lesson=lab&script=${encodeURIComponent('a io 1s # <img src=x onerror="window.__pwned=3">')}`;
      await page.goto(url);
      await page.waitForSelector('article[data-lesson="lab"]');
      assert.match(await page.inputValue(SCRIPT), /<img src=x onerror/);
      assert.equal(await page.locator('article img').count(), 0);
      assert.equal(await page.evaluate(() => window.__pwned ?? 0), 0);
      assert.deepEqual(errors, []);
    });
  });
  test('comparing runs the script once with each strategy, one after another, each with its timeline', async () => {
    const script = 'a io 300ms\nb io 300ms after a\nc io 200ms fails';
    const query = `lesson=lab&strategy=gather&k=1&workers=0&script=${encodeURIComponent(script)}`;
    await withPage(app.browser, `${app.base}?${query}`, async ({ page, errors }) => {
      await page.waitForSelector('article[data-lesson="lab"]');
      const data = await runAction(page, 'compare');
      assert.deepEqual(data.runs.map((r) => r.strategy),
        ['sequential', 'gather_return_exceptions', 'semaphore', 'task_group_cancel', 'chained']);
      const [sequential, gather, semaphore, group, chained] = data.runs;
      const task = (run, label) => run.tasks.find((t) => t.label === label);
      // Only the chained run waits for a before starting b; gather starts everything at once.
      assert.ok(task(chained, 'b').start_ms >= task(chained, 'a').end_ms - 0.5, 'chained: b after a');
      assert.ok(task(gather, 'b').start_ms < task(gather, 'a').end_ms, 'gather ignores the dependency');
      // In turn (sequential, or a semaphore of 1), c starts once b has ended.
      for (const run of [sequential, semaphore]) {
        assert.ok(task(run, 'c').start_ms >= task(run, 'b').end_ms - 0.5, `${run.strategy}: one at a time`);
      }
      // The task group cancels a and b when c fails; gather lets them finish.
      assert.deepEqual(group.tasks.map((t) => t.status), ['cancelled', 'cancelled', 'failed']);
      assert.deepEqual(gather.tasks.map((t) => t.status), ['ok', 'ok', 'failed']);
      // Each run has its own timeline and its own named makespan.
      assert.equal(await page.locator('.run-panel').count(), 5);
      const makespans = await page.locator('[data-insight="makespan"] dt').allTextContents();
      assert.equal(makespans.length, 5);
      assert.ok(makespans.every((m) => /^Measured makespan, /.test(m)), makespans.join(' | '));
      assert.deepEqual(errors, []);
    });
  });
});
