// Lists built from a visitor's input are capped: a link full of bad parameters shows at
// most 51 notices, the last counting the rest, and the page stays usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp, withPage } from './harness.mjs';

const app = useServedApp({ folder: 'caps/asyncscope' });

/** How long the page may take to show its lesson, whatever the link. */
const USABLE_MS = 5_000;

/** Opens the app at `?query` (see `withPage`) and runs `body` with the page, the notices
 * listed and how long the lesson took to show. */
async function withQuery(query, body) {
  const start = Date.now();
  await withPage(app.browser, `${app.base}?${query}`, async (opened) => {
    const shownMs = Date.now() - start;
    const notices = await opened.page.locator('[data-testid="url-notice"] li').allTextContents();
    await body({ ...opened, notices, shownMs });
  });
}

/** Checks that the page shows a lesson in time, answers a click on another lesson, and
 * logged no error. */
async function assertUsable({ page, errors, shownMs }) {
  assert.ok(shownMs < USABLE_MS, `the lesson showed after ${shownMs} ms`);
  await page.click('nav[aria-label="Lessons"] a[href="?lesson=order"]');
  await page.waitForSelector('article[data-lesson="order"]', { timeout: USABLE_MS });
  assert.deepEqual(errors, []);
}

test('a link of 4,000 bad parameters lists 50 notices and one counting the other 3,950', async () => {
  await withQuery(Array(4_000).fill('x').join('&'), async (opened) => {
    assert.equal(opened.notices.length, 51);
    assert.ok(opened.notices.slice(0, 50).every((n) => n.startsWith('Ignored “x”')), opened.notices[0]);
    assert.equal(opened.notices[50], '… and 3,950 more not listed.');
    await assertUsable(opened);
  });
});

test('a link of 5,000 bad parameters is too long to read: one notice says so', async () => {
  await withQuery(Array(5_000).fill('x').join('&'), async (opened) => {
    assert.ok(opened.notices.length <= 51);
    assert.deepEqual(opened.notices, [
      'The link\'s query is 9,999 characters long (at most 8,192 are read), so it was ignored.',
    ]);
    await assertUsable(opened);
  });
});
