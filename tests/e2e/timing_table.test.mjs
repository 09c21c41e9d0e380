// The timing table lesson: a real table (3 rows × sync / async / pool), predicted before
// a run, measured cell by cell after it; screenshots at 375 px and 1280 px, light and dark.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { AXE, axeViolations, ensureArtifacts, useServedApp, waitDone, withLesson } from './harness.mjs';

const app = useServedApp({ folder: 'static/tools/asyncscope' });

/** Small parameters, so the whole table runs in a second or two. */
const SMALL = 'd=20&cost=20&workers=4';

const open = (query, options, body) => withLesson(app.browser, app.base, 'table', query, options, body);

const TABLE = '[data-testid="timing-table"]';

/** Every cell of the table: its key, its measured milliseconds (null when not measured)
 * and its texts, row by row. */
const cells = (page) => page.$$eval(`${TABLE} tbody tr`, (rows) => rows.map((tr) => ({
  row: tr.dataset.row,
  heading: tr.querySelector('th[scope="row"]')?.textContent,
  cells: [...tr.querySelectorAll('td')].map((td) => ({
    key: td.dataset.cell,
    ms: td.dataset.measuredMs === undefined ? null : Number(td.dataset.measuredMs),
    measured: td.querySelector('.cell-measured').textContent,
    predicted: td.querySelector('.cell-predicted').textContent,
    speedup: td.querySelector('.cell-speedup').textContent,
  })),
})));

const cellOf = (rows, key) => rows.flatMap((r) => r.cells).find((c) => c.key === key);

/** Clicks the run button of `action` and waits until the runs are done. */
const run = async (page, action) => {
  await page.click(`.actions button[data-action="${action}"]`);
  await waitDone(page, 120_000);
};

describe('the timing table', () => {
  test('is a table with a caption and headings, predicted and "not run yet" before any run', async () => {
    await open(SMALL, async ({ page, errors }) => {
      await page.waitForSelector(`${TABLE}[data-phase="idle"]`);
      assert.match(await page.textContent(`${TABLE} caption`), /sync, async, pool/i);
      const columns = await page.$$eval(`${TABLE} thead th[scope="col"]`, (ths) => ths.map((th) => th.firstChild.textContent));
      assert.deepEqual(columns, ['Work', 'Sync', 'Async', 'Pool']);
      const rows = await cells(page);
      assert.deepEqual(rows.map((r) => r.row), ['io10', 'cpu10', 'io1']);
      assert.match(rows[0].heading, /^10 I\/O calls/);
      for (const cell of rows.flatMap((r) => r.cells)) {
        assert.equal(cell.measured, 'not run yet', cell.key);
        assert.match(cell.predicted, /^predicted \d+ ms$/, cell.key);
        assert.equal(cell.ms, null, cell.key);
      }
      // The point, before anything runs: async helps the ten calls, not the ten tasks.
      assert.equal(cellOf(rows, 'io10-async').speedup, '10.0× faster');
      assert.equal(cellOf(rows, 'cpu10-async').speedup, 'no faster');
      assert.deepEqual(errors, []);
    });
  });

  test('"Measure the whole table" fills 3 rows × 3 cells with times; async makes 10 I/O calls faster', async () => {
    await open(SMALL, async ({ page, errors }) => {
      await run(page, 'all');
      assert.equal(await page.getAttribute(TABLE, 'data-phase'), 'ended');
      const rows = await cells(page);
      assert.equal(rows.length, 3);
      for (const row of rows) {
        assert.equal(row.cells.length, 3, row.row);
        for (const cell of row.cells) {
          assert.ok(Number.isFinite(cell.ms) && cell.ms > 0, `${cell.key}: ${cell.ms}`);
          assert.match(cell.measured, /^\d+(\.\d+)? m?s$/, cell.key);
          assert.match(cell.predicted, /^predicted \d+ ms$/, cell.key);
        }
      }
      const sync = cellOf(rows, 'io10-sync');
      const gathered = cellOf(rows, 'io10-async');
      assert.ok(gathered.ms * 3 < sync.ms, `10 I/O calls: async ${gathered.ms} ms vs sync ${sync.ms} ms`);
      assert.match(gathered.speedup, /^\d+\.\d× faster$/);
      assert.deepEqual(errors, []);
    });
  });

  test('one row measured leaves the others predicted with a dash', async () => {
    await open(SMALL, async ({ page, errors }) => {
      await run(page, 'io1');
      const rows = await cells(page);
      for (const cell of rows.find((r) => r.row === 'io1').cells) {
        assert.ok(cell.ms > 0, cell.key);
      }
      for (const cell of rows.filter((r) => r.row !== 'io1').flatMap((r) => r.cells)) {
        assert.equal(cell.measured, '–', cell.key);
        assert.match(cell.predicted, /^predicted \d+ ms$/, cell.key);
      }
      assert.deepEqual(errors, []);
    });
  });

  test('fits a phone, passes axe, and is screenshotted at 375 px and 1280 px in light and dark', async () => {
    const dir = await ensureArtifacts();
    for (const colorScheme of ['light', 'dark']) {
      for (const width of [375, 1280]) {
        const options = { viewport: { width, height: 900 }, contextOptions: { colorScheme } };
        await open(SMALL, options, async ({ page, errors }) => {
          const table = page.locator('.timing-table');
          await page.waitForSelector(`${TABLE}[data-phase="idle"]`);
          await table.screenshot({ path: join(dir, `timing-table-idle-${colorScheme}-${width}.png`) });
          await run(page, 'all');
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          assert.ok(overflow <= 0, `horizontal overflow of ${overflow} px at ${width} px`);
          await page.addScriptTag({ path: AXE });
          assert.deepEqual(await axeViolations(page), [], `${colorScheme} ${width}`);
          await table.scrollIntoViewIfNeeded();
          await page.screenshot({ path: join(dir, `timing-table-${colorScheme}-${width}.png`), fullPage: true });
          await table.screenshot({ path: join(dir, `timing-table-only-${colorScheme}-${width}.png`) });
          assert.deepEqual(errors, []);
        });
      }
    }
  });
});
