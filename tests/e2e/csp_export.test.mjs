// Exports under the strict Content-Security-Policy of csp_watch.mjs: the run's JSON and
// CSV, and every chart's SVG and PNG, download with no violation (the PNG is painted on a
// canvas from the laid-out chart, not loaded as a data: or blob: image, which the policy
// blocks), and the PNG shows the chart: bars where the page draws them, in their colours.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { download, waitDone, withPage } from './harness.mjs';
import { assertClean, useStrictApp, withStrict } from './csp_watch.mjs';

const app = useStrictApp();

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Opens `query` under the policy (see `withStrict`), clicks the run button `action`,
 * waits for the end, then runs `body`. */
async function withRun(query, action, body) {
  await withStrict(app.browser, `${app.base}?${query}`, async (opened) => {
    await opened.page.click(`.actions button[data-action="${action}"]`);
    await waitDone(opened.page);
    await body(opened);
  });
}

/** Clicks the `nth` chart export button and checks the file and the note beside it;
 * returns the download and the size of the chart's SVG on screen. */
async function saveChart(page, nth) {
  const button = page.locator('button[data-export]').nth(nth);
  const format = await button.getAttribute('data-export');
  const figure = button.locator('xpath=ancestor::figure[1]');
  const size = await figure.locator('svg').first().evaluate((svg) => {
    const r = svg.getBoundingClientRect();
    return { width: r.width, height: r.height };
  });
  const file = await download(page, `button[data-export] >> nth=${nth}`);
  assert.ok(file.name.endsWith(`.${format}`), file.name);
  const note = await figure.locator('.chart-export [role="status"]').textContent();
  assert.equal(note, `Saved ${file.name}.`);
  if (format === 'svg') {
    const text = file.bytes.toString('utf8');
    assert.match(text, /^<svg[^>]* xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, file.name);
    assert.doesNotMatch(text, / style="/, `${file.name}: no style attribute`);
  } else {
    assert.deepEqual(file.bytes.subarray(0, 8), PNG_SIGNATURE, file.name);
    // IHDR: width and height, twice the chart's size on screen.
    assert.equal(file.bytes.readUInt32BE(16), Math.round(size.width * 2), `${file.name} width`);
    assert.equal(file.bytes.readUInt32BE(20), Math.round(size.height * 2), `${file.name} height`);
  }
  return { ...file, format, size };
}

/** Decodes `png` in a page with no policy; returns its pixel at each of `points` (in
 * its own pixels), how many colours it has, and how many of its pixels are within 2 of
 * each of `colours` (`[r, g, b]`). */
async function readPng(png, { points = [], colours = [] } = {}) {
  return withPage(app.browser, null, ({ page }) => page.evaluate(async ({ b64, points, colours }) => {
    const image = new Image();
    image.src = `data:image/png;base64,${b64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const seen = new Set();
    const counts = colours.map(() => 0);
    for (let i = 0; i < data.length; i += 4) {
      seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      colours.forEach((c, k) => {
        if (c.every((v, j) => Math.abs(v - data[i + j]) <= 2)) counts[k] += 1;
      });
    }
    const at = ([x, y]) => Array.from(context.getImageData(Math.round(x), Math.round(y), 1, 1).data.slice(0, 3));
    return { colours: seen.size, pixels: points.map(at), counts };
  }, { b64: png.toString('base64'), points, colours }));
}

/** The index among the page's export buttons of the PNG button in `figure`. */
async function pngButton(page, figure) {
  return page.locator('button[data-export]').evaluateAll((buttons, sel) =>
    buttons.findIndex((b) => b.dataset.export === 'png' && b.closest(sel)), figure);
}

describe('exports under a strict content security policy', () => {
  test('the run exports as JSON and CSV with no violation', async () => {
    await withRun('lesson=gather&n=3&min=1&max=2&seed=7&scale=0.05', 'both', async (opened) => {
      const { page } = opened;
      const json = await download(page, '[data-testid="export-json"]');
      assert.equal(json.name, 'asyncscope-gather-seed7.json');
      const data = JSON.parse(json.bytes.toString('utf8'));
      assert.equal(data.lesson, 'gather');
      assert.equal(data.runs.length, 2);
      const csv = await download(page, '[data-testid="export-csv"]');
      assert.equal(csv.name, 'asyncscope-gather-seed7.csv');
      assert.equal(csv.bytes.toString('utf8').trim().split('\n').length, 1 + 2 * 3, 'a header and a row per task');
      assert.equal(await page.textContent('.share-export .export-note[role="status"]'), 'Saved asyncscope-gather-seed7.csv.');
      await assertClean(opened, assert);
    });
  });

  test('every chart saves as SVG and PNG with no violation, on an I/O and a CPU lesson', async () => {
    for (const [query, action, charts] of [
      ['lesson=gather&n=3&min=1&max=2&seed=7&scale=0.05', 'both', 3],
      ['lesson=blocking&io=3&d=50&jobs=2&cost=100&workers=1', 'pool', 2],
    ]) {
      await withRun(query, action, async (opened) => {
        const buttons = await opened.page.locator('button[data-export]').count();
        assert.ok(buttons >= 2 * charts, `${query}: ${buttons} export buttons`);
        const formats = [];
        for (let i = 0; i < buttons; i += 1) formats.push((await saveChart(opened.page, i)).format);
        assert.equal(formats.filter((f) => f === 'png').length, buttons / 2, query);
        await assertClean(opened, assert, query);
      });
    }
  });

  test('the PNG of a timeline has its bars where the page draws them, in their colours', async () => {
    await withRun('lesson=gather&n=3&min=1&max=2&seed=7&scale=0.05', 'both', async (opened) => {
      const { page } = opened;
      const figure = page.locator('figure.timeline[data-strategy="gather"]');
      const bars = await figure.locator('svg').evaluate((svg) => {
        const origin = svg.getBoundingClientRect();
        return Array.from(svg.querySelectorAll('rect.bar-measured.done'), (bar) => {
          const r = bar.getBoundingClientRect();
          const fill = getComputedStyle(bar).fill.match(/\d+/g).map(Number);
          return { x: r.left - origin.left + r.width / 2, y: r.top - origin.top + r.height / 2, fill };
        });
      });
      assert.equal(bars.length, 3);
      const png = await saveChart(page, await pngButton(page, 'figure[data-strategy="gather"]'));
      const { colours, pixels } = await readPng(png.bytes, { points: bars.map((b) => [2 * b.x, 2 * b.y]) });
      assert.ok(colours > 8, `${colours} colours`);
      for (const [i, bar] of bars.entries()) {
        const off = bar.fill.map((c, k) => Math.abs(c - pixels[i][k]));
        assert.ok(Math.max(...off) <= 3, `bar ${i}: ${pixels[i]} in the PNG, ${bar.fill} on screen`);
      }
      await assertClean(opened, assert);
    });
  });

  test('the PNG of the main-thread lag strip draws its lines (strokes that do not scale)', async () => {
    await withRun('lesson=blocking&io=3&d=50&jobs=2&cost=150&workers=1', 'main', async (opened) => {
      const { page } = opened;
      const figure = page.locator('figure:has(svg.lag-svg)');
      const strokes = await figure.locator('polyline.lag-line').evaluateAll((lines) =>
        lines.map((l) => getComputedStyle(l).stroke.match(/\d+/g).map(Number)));
      assert.equal(strokes.length, 2, 'two series');
      const png = await saveChart(page, await pngButton(page, 'figure:has(svg.lag-svg)'));
      const { counts } = await readPng(png.bytes, { colours: strokes });
      for (const [i, count] of counts.entries()) {
        assert.ok(count >= 40, `series ${i} (${strokes[i]}): ${count} pixels of its colour in the PNG`);
      }
      await assertClean(opened, assert);
    });
  });
});
