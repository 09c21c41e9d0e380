// Lists built from a visitor's input are capped: a link full of bad parameters shows at
// most 51 notices, the last counting the rest, and the page stays usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useServedApp } from './harness.mjs';

const app = useServedApp({ folder: 'caps/asyncscope' });

/** How long the page may take to show its lesson, whatever the link. */
const USABLE_MS = 5_000;

/** Opens the app at `?query`; returns the page, the notices listed and how long the
 * lesson took to show. */
async function openWithQuery(query) {
  const start = Date.now();
  const opened = await openPage(app.browser, `${app.base}?${query}`);
  const shownMs = Date.now() - start;
  const notices = await opened.page.locator('[data-testid="url-notice"] li').allTextContents();
  return { ...opened, notices, shownMs };
}

/** Checks that the page shows a lesson in time, answers a click on another lesson, and
 * logged no error. */
async function assertUsable({ page, context, errors, shownMs }) {
  assert.ok(shownMs < USABLE_MS, `the lesson showed after ${shownMs} ms`);
  await page.click('nav[aria-label="Lessons"] a[href="?lesson=order"]');
  await page.waitForSelector('article[data-lesson="order"]', { timeout: USABLE_MS });
  assert.deepEqual(errors, []);
  await context.close();
}

test('a link of 4,000 bad parameters lists 50 notices and one counting the other 3,950', async () => {
  const opened = await openWithQuery(Array(4_000).fill('x').join('&'));
  assert.equal(opened.notices.length, 51);
  assert.ok(opened.notices.slice(0, 50).every((n) => n.startsWith('Ignored “x”')), opened.notices[0]);
  assert.equal(opened.notices[50], '… and 3,950 more not listed.');
  await assertUsable(opened);
});

test('a link of 5,000 bad parameters is too long to read: one notice says so', async () => {
  const opened = await openWithQuery(Array(5_000).fill('x').join('&'));
  assert.ok(opened.notices.length <= 51);
  assert.deepEqual(opened.notices, [
    'The link\'s query is 9,999 characters long (at most 8,192 are read), so it was ignored.',
  ]);
  await assertUsable(opened);
});
