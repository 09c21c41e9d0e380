// Links that used to freeze the tab: a lab script whose tasks each wait for every
// earlier task. The page must open, draw its prediction and stay responsive, on its own
// and embedded; typing into such a script must not block the page either.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp, withPage } from './harness.mjs';

const app = useServedApp({ folder: 'hostile/asyncscope' });

/** `n` tasks (`a0`, `a1`, …), each waiting for every earlier one. */
function denseScript(n) {
  const lines = [];
  for (let i = 0; i < n; i++) {
    const deps = Array.from({ length: i }, (_, d) => `a${d}`);
    lines.push(`a${i} io 20ms${deps.length ? ` after ${deps.join(',')}` : ''}`);
  }
  return lines.join('\n');
}

/** The query of a lab link with `script`, commas and spaces left readable. */
function labQuery(script) {
  return `lesson=lab&strategy=chained&script=${encodeURIComponent(script)
    .replaceAll('%2C', ',').replaceAll('%20', '+')}`;
}

/** Records the page's long tasks (main-thread blocks over 50 ms) from the start. */
function watchLongTasks() {
  window.__longest = 0;
  const note = (entries) => {
    for (const e of entries) window.__longest = Math.max(window.__longest, e.duration);
  };
  const observer = new PerformanceObserver((list) => note(list.getEntries()));
  observer.observe({ type: 'longtask', buffered: true });
  // The longest so far, with the entries not yet handed to the observer's callback.
  window.__longestNow = () => {
    note(observer.takeRecords());
    return window.__longest;
  };
}

/** Opens `url` with long tasks watched (see `withPage`) and runs `body` once the
 * prediction is drawn (one lane per task of the script), with how long that took. */
async function withWatched(url, body) {
  const t0 = Date.now();
  await withPage(app.browser, url, { initScript: watchLongTasks }, async (opened) => {
    await opened.page.waitForSelector('.timelines svg', { timeout: 5000 });
    await body({ ...opened, openMs: Date.now() - t0 });
  });
}

describe('links that used to freeze the tab', () => {
  for (const [n, embed] of [[26, ''], [45, ''], [45, '&embed=1']]) {
    test(`a lab link of ${n} tasks each after every earlier one opens at once${embed}`, async () => {
      const query = labQuery(denseScript(n));
      assert.ok(query.length < 8192, `link of ${query.length} characters fits the limit`);
      await withWatched(`${app.base}?${query}${embed}`, async ({ page, errors, openMs }) => {
        assert.equal(await page.locator('[data-testid="url-notice"]').count(), 0, 'link accepted');
        const longest = await page.evaluate(() => window.__longest);
        console.log(`${n} dense tasks${embed}: open ${openMs} ms, longest task ${longest.toFixed(0)} ms`);
        assert.ok(longest < 1000, `the page was blocked for ${longest} ms`);
        assert.deepEqual(errors, []);
      });
    });
  }

  test('typing into a dense script keeps the page responsive', async () => {
    await withWatched(`${app.base}?${labQuery(denseScript(45))}`, async ({ page, errors }) => {
      await page.evaluate(() => { window.__longestNow(); window.__longest = 0; });
      await page.focus('#param-script');
      await page.keyboard.press('End');
      // Each key changes the script; the prediction is redrawn only when typing pauses.
      await page.keyboard.type('\nz io 10ms after a1,a2', { delay: 15 });
      await page.waitForFunction(() => [...document.querySelectorAll('.timelines .lane-name')]
        .some((lane) => lane.textContent === 'z'), null, { timeout: 10_000 });
      const longest = await page.evaluate(() => window.__longestNow());
      console.log(`typing into 45 dense tasks: longest task ${longest.toFixed(0)} ms`);
      assert.ok(longest < 300, `a keystroke blocked the page for ${longest} ms`);
      const lanes = await page.locator('.timelines .lane-name').allTextContents();
      assert.ok(lanes.includes('z'), `the new task is predicted once typing stops: ${lanes.slice(-3)}`);
      assert.deepEqual(errors, []);
    });
  });
});
