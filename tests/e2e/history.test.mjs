// A visitor's path: a lesson chosen in the navigation gets a history entry of its own,
// Back and Forward bring back each lesson with the parameters in its address, editing a
// parameter only rewrites the current entry, and the document title names the lesson.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { STATUS, openParams, useServedApp, waitDone, withPage } from './harness.mjs';

const app = useServedApp({ folder: 'sites/history/asyncscope' });

const TITLES = {
  gather: 'One after another, or all at once — Asyncscope',
  order: 'In which order do results arrive? — Asyncscope',
  flood: 'Flooding a service, and how to hold back — Asyncscope',
};

/** Clicks lesson `id` in the navigation and waits until its page shows. */
async function clickLesson(page, id) {
  await page.click(`nav[aria-label="Lessons"] a[href="?lesson=${id}"]`);
  await page.waitForSelector(`article[data-lesson="${id}"]`);
}

/** Waits until lesson `id` shows after Back or Forward. */
async function shows(page, id) {
  await page.waitForSelector(`article[data-lesson="${id}"]`);
}

const historyLength = (page) => page.evaluate(() => history.length);
const params = (page) => new URL(page.url()).searchParams;

/** Runs the lesson's first action and waits until it is done. */
async function runMain(page) {
  await page.click('.actions button[data-action]');
  await waitDone(page);
}

/** Types `value` into the parameter `key` and waits until the address carries it. */
async function editParam(page, key, value) {
  await openParams(page);
  await page.fill(`#param-${key}`, String(value));
  await page.waitForFunction(
    ([k, v]) => new URLSearchParams(location.search).get(k) === v,
    [key, String(value)],
  );
}

/** Asserts the page shows lesson `id` with parameter n = `n`, in the address, the form
 * and the title. */
async function assertShown(page, id, n) {
  assert.equal(await page.locator('article.lesson').getAttribute('data-lesson'), id);
  assert.equal(params(page).get('lesson'), id, page.url());
  assert.equal(params(page).get('n'), String(n), page.url());
  assert.equal(await page.inputValue('#param-n'), String(n), `${id}: #param-n`);
  assert.equal(await page.title(), TITLES[id]);
}

describe('history', () => {
  test('lesson clicks push entries, edits replace them, Back and Forward restore both', async () => {
    // n = 7, not gather's default 5, so a page rebuilt from defaults would be caught.
    await withPage(app.browser, `${app.base}?lesson=gather&n=7`, async ({ page, errors }) => {
      await shows(page, 'gather');
      assert.equal(await page.title(), TITLES.gather);
      const start = await historyLength(page);

      await clickLesson(page, 'order');
      assert.equal(await historyLength(page), start + 1, 'a lesson click adds one entry');
      assert.equal(await page.title(), TITLES.order);
      assert.equal(params(page).get('lesson'), 'order');
      await editParam(page, 'n', 3);
      await editParam(page, 'n', 12);
      assert.equal(await historyLength(page), start + 1, 'parameter edits add no entry');

      await clickLesson(page, 'flood');
      assert.equal(await historyLength(page), start + 2, 'a second lesson click adds one more');
      assert.equal(await page.title(), TITLES.flood);

      await page.goBack();
      await shows(page, 'order');
      await assertShown(page, 'order', 12);
      await page.goBack();
      await shows(page, 'gather');
      await assertShown(page, 'gather', 7);
      await page.goForward();
      await shows(page, 'order');
      await assertShown(page, 'order', 12);
      await page.goForward();
      await shows(page, 'flood');
      assert.equal(await page.title(), TITLES.flood);
      assert.equal(params(page).get('lesson'), 'flood');
      assert.equal(await historyLength(page), start + 2, 'Back and Forward add no entry');
      assert.deepEqual(errors, []);
    });
  });

  test('Back to the same lesson with other parameters shows those parameters', async () => {
    await withPage(app.browser, `${app.base}?lesson=gather&n=7`, async ({ page, errors }) => {
      await editParam(page, 'n', 8);
      // Clicking the lesson shown opens it afresh with its defaults, in a new entry.
      await clickLesson(page, 'gather');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('n') === '5');
      assert.equal(await page.inputValue('#param-n'), '5');
      await page.goBack();
      await page.waitForFunction(() => document.querySelector('#param-n')?.value === '8');
      await assertShown(page, 'gather', 8);
      assert.deepEqual(errors, []);
    });
  });

  test('Back from a hash in the same document keeps the page as it is', async () => {
    await withPage(app.browser, `${app.base}?lesson=order&n=4`, async ({ page, errors }) => {
      // A finished run and a half-typed field: a lesson page rebuilt by Back would lose
      // both (its form restarts from the address's n=4), and a reload the window's mark.
      await runMain(page);
      await page.fill('#param-n', '');
      await page.evaluate(() => { window.historyMark = 'kept'; });
      const start = await historyLength(page);
      // (Not the "About these timings" link: with the page's <base href="./"> it loads
      // the app's folder without the query.)
      await page.evaluate(() => { location.hash = 'timing'; });
      assert.equal(await historyLength(page), start + 1);
      await page.goBack();
      await page.waitForFunction(() => location.hash === '');
      // The point is that nothing happens: give a (wrong) rebuild or reload the time to
      // happen before looking.
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.historyMark), 'kept', 'no reload');
      assert.equal(await page.inputValue('#param-n'), '', 'the half-typed field is kept');
      assert.equal(await page.getAttribute(STATUS, 'data-state'), 'done', 'the run is kept');
      assert.match(await page.textContent(STATUS), /^Done/, 'the run is kept');
      assert.equal(params(page).get('n'), '4');
      assert.equal(await page.title(), TITLES.order);
      assert.deepEqual(errors, []);
    });
  });

  test('a click with Ctrl opens the lesson in a new tab and leaves this page alone', async () => {
    await withPage(app.browser, `${app.base}?lesson=gather&n=7`, async ({ page, context, errors }) => {
      const start = await historyLength(page);
      const [opened] = await Promise.all([
        context.waitForEvent('page'),
        page.click('nav[aria-label="Lessons"] a[href="?lesson=flood"]', { modifiers: ['Control'] }),
      ]);
      await opened.waitForSelector('article[data-lesson="flood"]');
      assert.equal(await opened.title(), TITLES.flood);
      await assertShown(page, 'gather', 7);
      assert.equal(await historyLength(page), start);
      assert.deepEqual(errors, []);
    });
  });

  test('an embedded lesson is named in the title and keeps embed=1', async () => {
    await withPage(app.browser, `${app.base}?lesson=order&n=6&embed=1`, async ({ page, errors }) => {
      await shows(page, 'order');
      assert.equal(await page.title(), TITLES.order);
      await editParam(page, 'n', 9);
      assert.equal(params(page).get('embed'), '1', page.url());
      await assertShown(page, 'order', 9);
      assert.deepEqual(errors, []);
    });
  });

  test('"About these timings" stays on the lesson with its parameters', async () => {
    await withPage(app.browser, `${app.base}?lesson=order&n=6`, async ({ page, errors }) => {
      await shows(page, 'order');
      await editParam(page, 'n', 8);
      await page.click('a.timing-link');
      await page.waitForFunction(() => location.hash === '#timing');
      // Not a reload: the same lesson, the edited value, the panel in view.
      await assertShown(page, 'order', 8);
      assert.ok(await page.locator('#timing').isVisible());
      assert.deepEqual(errors, []);
    });
  });
});
