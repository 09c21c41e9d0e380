// Share, export and accessibility, on the release build (embedding: embed.test.mjs;
// offline: offline.test.mjs).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  AXE, axeViolations, download, ensureArtifacts, exportJson, lessonIds, setParams, useServedApp,
  waitDone, waitState, withPage,
} from './harness.mjs';

const app = useServedApp({ folder: 'blog/static/asyncscope' });

/** Sets the scale to its smallest allowed value and the seed to 7, where they exist. */
async function quickParams(page) {
  for (const [key, value] of [['seed', '7'], ['scale', null]]) {
    const input = page.locator(`#param-${key}`);
    if ((await input.count()) === 0) continue;
    await input.fill(value ?? '0.01');
  }
}

describe('permalinks', () => {
  test('every lesson round-trips its parameters through "Copy link"', async () => {
    await withPage(app.browser, app.base, async ({ page, errors }) => {
      const ids = await lessonIds(page);
      assert.ok(ids.length >= 1);
      for (const id of ids) {
        await page.goto(`${app.base}?lesson=${id}`);
        await page.waitForSelector(`article[data-lesson="${id}"]`);
        await quickParams(page);
        await page.click('[data-testid="copy-link"]');
        const link = await page.inputValue('[data-testid="share-text"]');
        assert.ok(link.startsWith(app.base), link);
        assert.match(link, new RegExp(`lesson=${id}`));
        const main = page.locator('.actions button[data-action]').first();
        if ((await main.count()) === 0) {
          // A lesson without run buttons (it brings its own widget): compare the inputs.
          const inputs = (p) => p.$$eval('.params input', (els) => els.map((e) => [e.id, e.value]));
          await withPage(app.browser, link, async (copy) => {
            await copy.page.waitForSelector(`article[data-lesson="${id}"]`);
            assert.equal(await copy.page.locator('[data-testid="url-notice"]').count(), 0);
            assert.deepEqual(await inputs(copy.page), await inputs(page), `${id} params`);
            assert.deepEqual(copy.errors, []);
          });
          continue;
        }
        await main.click();
        await waitDone(page);
        const original = await exportJson(page);

        await withPage(app.browser, link, async (copy) => {
          await copy.page.waitForSelector(`article[data-lesson="${id}"]`);
          assert.equal(await copy.page.locator('[data-testid="url-notice"]').count(), 0);
          await copy.page.locator('.actions button[data-action]').first().click();
          await waitDone(copy.page);
          const reopened = await exportJson(copy.page);
          assert.deepEqual(reopened.params, original.params, `${id} params`);
          assert.equal(reopened.lesson, id);
          assert.deepEqual(copy.errors, []);
        });
      }
      assert.deepEqual(errors, []);
    });
  });

  test('malformed links show a notice and a working default page, with no console error', async () => {
    const cases = ['?n=-1', '?n=1e9', '?seed=abc', '?lesson=nope', `?n=${'9'.repeat(10_000)}`,
      '?lesson=gather&n=%FF%FE&min=<script>alert(1)</script>'];
    for (const query of cases) {
      await withPage(app.browser, app.base + query, async ({ page, errors }) => {
        const notice = page.locator('[data-testid="url-notice"]');
        assert.equal(await notice.count(), 1, `notice for ${query.slice(0, 40)}`);
        assert.equal(await page.locator('script:not([type])').count(), 0);
        const run = page.locator('.actions button[data-action]').first();
        assert.equal(await run.isDisabled(), false, `default page works for ${query.slice(0, 40)}`);
        assert.equal(await page.locator('.controls .error:not(:empty)').count(), 0);
        assert.deepEqual(errors, [], query.slice(0, 40));
      });
    }
  });
});

describe('export', () => {
  test('runs export as CSV and each chart as SVG and PNG', async () => {
    await withPage(app.browser, app.base, async ({ page, errors }) => {
      await setParams(page, { n: 3, scale: 0.02 });
      await page.click('button[data-action="both"]');
      await waitDone(page);
      const csv = (await download(page, '[data-testid="export-csv"]')).bytes.toString('utf8');
      const lines = csv.trim().split('\n');
      assert.match(lines[0], /^strategy,spec,task,label,requested_ms,start_ms,compute_start_ms,lane,end_ms,status/);
      assert.equal(lines.length, 1 + 2 * 3);
      const svg = await download(page, 'figure.timeline[data-strategy="gather"] button[data-export="svg"]');
      assert.match(svg.name, /\.svg$/);
      assert.match(svg.bytes.toString('utf8'), /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      const png = await download(page, 'figure.makespan-chart button[data-export="png"]');
      assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
      assert.deepEqual(errors, []);
    });
  });
});

describe('accessibility', () => {
  test('the run works from the keyboard alone and reduced motion draws no moving line', async () => {
    const options = { contextOptions: { reducedMotion: 'reduce' } };
    await withPage(app.browser, app.base, options, async ({ page, errors }) => {
      await page.fill('#param-scale', '0.3');
      await page.focus('#param-scale');
      // Tab from the last input to the first run button, then press Enter.
      for (let i = 0; i < 10; i++) {
        const action = await page.evaluate(() => document.activeElement?.dataset?.action ?? null);
        if (action === 'both') break;
        await page.keyboard.press('Tab');
      }
      assert.equal(await page.evaluate(() => document.activeElement?.dataset?.action), 'both');
      await page.keyboard.press('Enter');
      assert.equal(await waitState(page, 'running'), 'running');
      assert.equal(await page.locator('.now-line').count(), 0, 'no animated now-line');
      await waitDone(page);
      assert.equal(await page.locator('figure.timeline rect.bar-measured.done').count(), 10);
      for (const figure of await page.locator('figure svg').all()) {
        assert.ok(await figure.getAttribute('aria-label'));
      }
      assert.ok(await page.locator('details.data-table table').count() >= 3);
      assert.deepEqual(errors, []);
    });
  });
});

describe('look and accessibility checks', () => {
  test('axe finds no serious or critical violation on any lesson, light or dark', async () => {
    for (const colorScheme of ['light', 'dark']) {
      await withPage(app.browser, app.base, { contextOptions: { colorScheme } }, async ({ page }) => {
        const ids = await lessonIds(page);
        for (const id of ids) {
          await page.goto(`${app.base}?lesson=${id}`);
          await page.waitForSelector(`article[data-lesson="${id}"]`);
          await page.addScriptTag({ path: AXE });
          assert.deepEqual(await axeViolations(page), [], `${id} (${colorScheme})`);
        }
      });
    }
  });

  test('every lesson fits a 375 px phone without horizontal scrolling', async () => {
    await withPage(app.browser, app.base, { viewport: { width: 375, height: 800 } }, async ({ page, errors }) => {
      for (const id of await lessonIds(page)) {
        await page.goto(`${app.base}?lesson=${id}`);
        await page.waitForSelector(`article[data-lesson="${id}"]`);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.ok(overflow <= 0, `${id}: ${overflow} px too wide`);
      }
      assert.deepEqual(errors, []);
    });
  });

  test('starting a run does not move the page: the predicted timelines hold the space', async () => {
    await withPage(app.browser, `${app.base}?lesson=gather&scale=0.5`, async ({ page }) => {
      const box = async () => page.locator('section.plots').boundingBox();
      const before = await box();
      await page.click('button[data-action="both"]');
      assert.equal(await waitState(page, 'running'), 'running');
      const during = await box();
      assert.equal(during.y, before.y);
      assert.ok(Math.abs(during.height - before.height) < 2, `${before.height} → ${during.height}`);
      await page.click('button[data-action="cancel"]');
      assert.equal(await waitState(page, 'cancelled'), 'cancelled');
    });
  });

  test('screenshots in light and dark at 375 px and 1280 px are saved as artifacts', async () => {
    const dir = await ensureArtifacts();
    for (const colorScheme of ['light', 'dark']) {
      for (const width of [375, 1280]) {
        const options = { viewport: { width, height: 900 }, contextOptions: { colorScheme } };
        await withPage(app.browser, `${app.base}?lesson=flood&scale=0.05`, options, async ({ page }) => {
          await page.click('button[data-action="all"]');
          await waitDone(page);
          const png = await page.screenshot({ path: join(dir, `flood-${colorScheme}-${width}.png`), fullPage: true });
          assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG');
        });
      }
    }
  });
});
