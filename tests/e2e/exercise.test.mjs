// The exercise: classify each task, choose a runner, check and run both runners for real.
// Expected scores are computed here from the right answers the page shows after a check,
// never copied from a run.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AXE, axeViolations, exportJson, useServedApp, waitDone, withPage } from './harness.mjs';

const app = useServedApp();

/** Runs `body` on the exercise (see `withPage`), in `viewport` if given. */
const open = (viewport, body) => {
  if (typeof viewport === 'function') [viewport, body] = [undefined, viewport];
  return withPage(app.browser, `${app.base}?lesson=exercise`, { viewport }, body);
};

/** The task keys, in form order. */
const itemKeys = (page) =>
  page.$$eval('fieldset.exercise-item', (fs) => fs.map((f) => f.dataset.item));

/** Ticks the radios of `answers` ({ key: { kind, runner } }) by clicking them. */
async function answer(page, answers) {
  for (const [key, { kind, runner }] of Object.entries(answers)) {
    if (kind) await page.check(`#ex-${key}-kind-${kind}`);
    if (runner) await page.check(`#ex-${key}-runner-${runner}`);
  }
}

/** Presses "Check and run" and waits for every run to finish. */
async function checkAndRun(page) {
  await page.click('button[data-action="check"]');
  await waitDone(page);
}

/** The score the page shows, as numbers. */
async function shownScore(page) {
  const score = page.locator('[data-testid="score"]');
  return {
    points: Number(await score.getAttribute('data-points')),
    max: Number(await score.getAttribute('data-max')),
  };
}

/** Per task: the right answers, the points, both measured times and the verdict, as shown. */
async function shownResults(page) {
  return page.$$eval('[data-testid="result"]', (rs) => rs.map((r) => ({
    key: r.dataset.item,
    kind: r.dataset.rightKind,
    runner: r.dataset.rightRunner,
    points: Number(r.dataset.points),
    asyncMs: Number(r.querySelector('dd[data-runner="async"]')?.dataset.ms),
    poolMs: Number(r.querySelector('dd[data-runner="pool"]')?.dataset.ms),
    verdict: r.querySelector('[data-testid="verdict"]')?.textContent ?? '',
    payoff: r.querySelector('[data-testid="verdict"]')?.dataset.payoff ?? '',
  })));
}

/** Points a set of answers earns against the right answers: one per matching question. */
function expectedPoints(right, answers) {
  return right.reduce((sum, r) => {
    const a = answers[r.key] ?? {};
    return sum + (a.kind === r.kind ? 1 : 0) + (a.runner === r.runner ? 1 : 0);
  }, 0);
}

const flip = { io: 'cpu', cpu: 'io', async: 'pool', pool: 'async' };

function assertMeasuredWithVerdicts(results, label) {
  for (const r of results) {
    assert.ok(r.asyncMs > 0 && r.poolMs > 0, `${label} ${r.key}: ${r.asyncMs} / ${r.poolMs} ms`);
    assert.match(r.verdict, /async .* vs pool .*: (the pool was .*× faster|async was .*× faster|about the same)/,
      `${label} ${r.key}: ${r.verdict}`);
  }
}

describe('exercise', () => {
  test('the exercise loads with no console error, every choice labelled, and fits 375 px', async () => {
    await open({ width: 375, height: 800 }, async ({ page, errors }) => {
      const keys = await itemKeys(page);
      assert.ok(keys.length >= 8, `tasks: ${keys}`);
      for (const key of keys) {
        const radios = page.locator(`fieldset.exercise-item[data-item="${key}"] input[type="radio"]`);
        assert.equal(await radios.count(), 4, key);
        for (const radio of await radios.all()) {
          const label = await radio.evaluate((r) => r.closest('label')?.textContent.trim());
          assert.ok(label, `${key}: a radio without a label`);
        }
      }
      assert.equal(await page.getAttribute('button[data-action="check"]', 'aria-disabled'), 'false');
      assert.equal(await page.getAttribute('button[data-action="retry"]', 'aria-disabled'), 'true');
      assert.equal(await page.locator('.code pre').count() >= 2, true, 'code panes');
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${overflow} px too wide`);
      assert.deepEqual(errors, []);
    });
  });

  test('answering with the keyboard only ticks the chosen radios and runs the check', async () => {
    await open(async ({ page, errors }) => {
      const keys = await itemKeys(page);
      // A pattern of answers, typed with Space (first choice) or ArrowDown (second one).
      const wanted = Object.fromEntries(keys.map((key, i) => [key, {
        kind: i % 2 === 0 ? 'io' : 'cpu',
        runner: i % 3 === 0 ? 'pool' : 'async',
      }]));
      await page.locator(`#ex-${keys[0]}-kind-io`).focus();
      for (const key of keys) {
        await page.keyboard.press(wanted[key].kind === 'io' ? 'Space' : 'ArrowDown');
        await page.keyboard.press('Tab');
        await page.keyboard.press(wanted[key].runner === 'async' ? 'Space' : 'ArrowDown');
        await page.keyboard.press('Tab');
      }
      for (const key of keys) {
        assert.ok(await page.isChecked(`#ex-${key}-kind-${wanted[key].kind}`), `${key} kind`);
        assert.ok(await page.isChecked(`#ex-${key}-runner-${wanted[key].runner}`), `${key} runner`);
      }
      assert.match(await page.textContent('[data-testid="status"]'), new RegExp(`^${keys.length} of ${keys.length} tasks answered`));
      // After the last group, Tab has reached "Check and run".
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.action), 'check');
      await page.keyboard.press('Enter');
      await waitDone(page);
      const results = await shownResults(page);
      assert.deepEqual(await shownScore(page), { points: expectedPoints(results, wanted), max: 2 * keys.length });
      // The pressed button kept the focus; Tab reaches Retry, and Enter clears the answers.
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.action), 'check');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('[data-testid="result"]').count(), 0);
      assert.equal(await page.locator('input[type="radio"]:checked').count(), 0);
      assert.deepEqual(errors, []);
    });
  });

  test('all right answers score the maximum, two known mistakes score two less, results pass axe, Retry clears', async () => {
    await open(async ({ page, errors }) => {
      const keys = await itemKeys(page);

      // Unanswered: every task is flagged and scores nothing; the page shows the right answers.
      await checkAndRun(page);
      assert.deepEqual(await shownScore(page), { points: 0, max: 2 * keys.length });
      assert.equal(await page.locator('[data-testid="missing"]').count(), 1);
      assert.equal(await page.locator('li.exercise-card.missing').count(), keys.length);
      const right = await shownResults(page);
      assert.deepEqual(right.map((r) => r.key), keys);
      assert.ok(right.some((r) => r.kind === 'io') && right.some((r) => r.kind === 'cpu'));

      // Retry clears the results, the score and the answers.
      await page.click('button[data-action="retry"]');
      assert.equal(await page.locator('[data-testid="result"]').count(), 0);
      assert.equal(await page.locator('[data-testid="score"]').count(), 0);
      assert.equal(await page.locator('input[type="radio"]:checked').count(), 0);
      assert.equal(await page.getAttribute('button[data-action="check"]', 'aria-disabled'), 'false');
      assert.match(await page.textContent('[data-testid="status"]'), /^0 of \d+ tasks answered/);

      // Every answer right.
      const allRight = Object.fromEntries(right.map((r) => [r.key, { kind: r.kind, runner: r.runner }]));
      await answer(page, allRight);
      await checkAndRun(page);
      const max = 2 * keys.length;
      assert.deepEqual(await shownScore(page), { points: expectedPoints(right, allRight), max });
      assert.equal(expectedPoints(right, allRight), max);
      const measured = await shownResults(page);
      assertMeasuredWithVerdicts(measured, 'all right');
      assert.ok(measured.every((r) => r.points === 2));
      // Both runners of every task really ran: async on the page, the pool on 2 workers.
      const data = await exportJson(page);
      assert.equal(data.lesson, 'exercise');
      assert.equal(data.runs.length, 2 * keys.length);
      assert.ok(data.runs.every((r) => r.makespan_ms > 0 && r.tasks.length > 0));
      assert.equal(data.runs.filter((r) => r.options.workers === 2).length, keys.length);

      // Two known mistakes: the first I/O task on the pool, the first CPU task called I/O.
      await page.click('button[data-action="retry"]');
      const io = right.find((r) => r.kind === 'io');
      const cpu = right.find((r) => r.kind === 'cpu');
      const mistakes = {
        ...allRight,
        [io.key]: { ...allRight[io.key], runner: flip[io.runner] },
        [cpu.key]: { ...allRight[cpu.key], kind: flip[cpu.kind] },
      };
      await answer(page, mistakes);
      await checkAndRun(page);
      assert.deepEqual(await shownScore(page), { points: expectedPoints(right, mistakes), max });
      assert.equal(expectedPoints(right, mistakes), max - 2);
      const results = await shownResults(page);
      assertMeasuredWithVerdicts(results, 'two mistakes');
      const byKey = Object.fromEntries(results.map((r) => [r.key, r]));
      assert.equal(byKey[io.key].points, 1);
      assert.equal(byKey[cpu.key].points, 1);
      // Waits on a pool of 2 take many rounds instead of one: that choice cannot pay off.
      assert.equal(byKey[io.key].payoff, 'backfired', byKey[io.key].verdict);
      assert.equal(await page.locator(`[data-item="${io.key}"] [data-mark="runner"]:not(.right)`).count(), 1);

      // Right and wrong marks, verdicts and notes: readable in both themes.
      await page.addScriptTag({ path: AXE });
      for (const colorScheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme });
        assert.deepEqual(await axeViolations(page), [], colorScheme);
      }

      await page.click('button[data-action="retry"]');
      assert.equal(await page.locator('[data-testid="result"]').count(), 0);
      assert.deepEqual(errors, []);
    });
  });
});
