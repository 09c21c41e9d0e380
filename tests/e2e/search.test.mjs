// Live search: three policies on the same keystrokes, on the release build. The latencies
// are chosen so the order of the answers does not depend on timer noise: with the
// defaults, the one-letter query matches most of the table and takes ≈ 0.75 s, while the
// whole word is answered within ≈ 0.15 s of its keystroke (see the lesson's native tests).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp, withPage } from './harness.mjs';

const WORD = 'aranis';
const REPLAYED = 'aran'; // what "Replay typing" types (lessons::search::REPLAY_WORD)
const LINK = '?lesson=search&base=80&jitter=60&debounce=150&seed=1';

const app = useServedApp();

const pane = (policy) => `.search-pane[data-policy="${policy}"]`;

/** Records every value of each pane's `data-query`, with the box's text at that moment. */
async function watchPanes(page) {
  await page.evaluate(() => {
    window.__seen = { in_order: [], race: [], cancel_stale: [] };
    const box = document.getElementById('search-box');
    for (const el of document.querySelectorAll('.search-pane')) {
      const policy = el.dataset.policy;
      new MutationObserver(() => {
        window.__seen[policy].push({ query: el.dataset.query, box: box.value });
      }).observe(el, { attributes: true, attributeFilter: ['data-query'] });
    }
  });
}

/** Waits until no query of any policy is pending (every timeline row is settled). */
async function waitSettled(page, rows) {
  await page.waitForFunction((n) => {
    const all = [...document.querySelectorAll('.search-timeline tbody tr')];
    const pending = all.filter((r) => ['running', 'debouncing', 'waiting'].includes(r.dataset.status));
    return all.length === n && pending.length === 0;
  }, rows, { timeout: 10_000 });
}

const statuses = (page, policy) => page.$$eval(
  `.search-timeline tbody tr[data-policy="${policy}"]`,
  (rows) => rows.map((r) => ({ query: r.dataset.query, status: r.dataset.status })),
);

describe('live search', () => {
  test('the lesson loads with a labelled box, three panes, code and no run button', async () => {
    await withPage(app.browser, `${app.base}?lesson=search`, async ({ page, errors }) => {
      await page.waitForSelector('article[data-lesson="search"]');
      assert.equal(await page.getByLabel('Search the package table').count(), 1);
      assert.equal(await page.locator('.search-pane').count(), 3);
      assert.equal(await page.locator('.actions button').count(), 0, 'no run buttons');
      assert.ok((await page.locator('.code pre').count()) >= 2);
      assert.equal(await page.locator('.search-timeline svg').count(), 3, 'a timeline per policy');
      assert.deepEqual(errors, []);
    });
  });

  test('typing fast: cancel-stale only ever shows the current text; race ends on a stale answer', async () => {
    await withPage(app.browser, app.base + LINK, async ({ page, errors }) => {
      await watchPanes(page);
      await page.click('#search-box');
      await page.keyboard.type(WORD, { delay: 30 });
      await waitSettled(page, 3 * WORD.length);

      const seen = await page.evaluate(() => window.__seen);
      // Cancel stale: whatever it showed was the box's text at that moment, never older
      // than what it showed before, and it ends on the whole word.
      const cancel = seen.cancel_stale.filter((s) => s.query !== '');
      assert.ok(cancel.length >= 1, 'the cancel-stale pane showed something');
      for (const [i, s] of cancel.entries()) {
        assert.ok(WORD.startsWith(s.query), `${s.query} is a prefix of what was typed`);
        assert.equal(s.query, s.box, 'shown only while it is the text in the box');
        if (i > 0) assert.ok(s.query.length >= cancel[i - 1].query.length, 'never goes back');
      }
      assert.equal(await page.getAttribute(pane('cancel_stale'), 'data-query'), WORD);
      assert.equal(await page.getAttribute(pane('cancel_stale'), 'data-stale'), 'false');

      // Race: the slow one-letter answer lands last and overwrites the fresh one.
      const race = seen.race.map((s) => s.query);
      const backwards = race.filter((q, i) => i > 0 && q.length < race[i - 1].length);
      assert.ok(backwards.length >= 1, `race went back to an older answer: ${race}`);
      assert.equal(await page.getAttribute(pane('race'), 'data-query'), 'a');
      assert.equal(await page.getAttribute(pane('race'), 'data-overwritten'), 'true');
      assert.equal(await page.locator(`${pane('race')} [data-testid="search-warning"]`).count(), 1);
      const raceRows = await statuses(page, 'race');
      assert.ok(raceRows.some((r) => r.status === 'overwritten'), JSON.stringify(raceRows));
      assert.ok(raceRows.some((r) => r.query === 'a' && r.status === 'stale'));

      // In order: every answer, in typing order, ending on the whole word.
      const inOrder = seen.in_order.map((s) => s.query);
      for (let i = 1; i < inOrder.length; i++) assert.ok(inOrder[i].length > inOrder[i - 1].length, `${inOrder}`);
      assert.equal(await page.getAttribute(pane('in_order'), 'data-query'), WORD);
      assert.ok((await statuses(page, 'in_order')).every((r) => ['shown', 'stale'].includes(r.status)));
      assert.deepEqual(errors, []);
    });
  });

  test('"Replay typing" types the word at its pace; new parameters and "Clear" start over', async () => {
    await withPage(app.browser, app.base + LINK, async ({ page, errors }) => {
      await page.click('[data-testid="search-replay"]');
      await page.waitForFunction((w) => document.getElementById('search-box').value === w, REPLAYED);
      await waitSettled(page, 3 * REPLAYED.length);
      assert.equal(await page.getAttribute(pane('cancel_stale'), 'data-query'), REPLAYED);
      assert.equal(await page.getAttribute(pane('in_order'), 'data-query'), REPLAYED);
      // A key every 100 ms with a 150 ms debounce: only the last query is ever sent.
      const cancel = await statuses(page, 'cancel_stale');
      assert.deepEqual(cancel.map((r) => r.status), [...Array(REPLAYED.length - 1).fill('debounced'), 'shown']);
      assert.ok((await statuses(page, 'race')).some((r) => r.status === 'overwritten'));
      assert.ok((await page.locator(`${pane('in_order')} .search-rows li`).count()) >= 1);

      // New parameters mean a new table and policies: the session starts over.
      await page.fill('#param-debounce', '0');
      await page.waitForFunction(() => document.querySelectorAll('.search-timeline tbody tr').length === 0);
      assert.equal(await page.inputValue('#search-box'), '');
      await page.fill('#search-box', 'ar');
      await page.waitForSelector('.search-timeline tbody tr', { state: 'attached' });
      await page.click('[data-testid="search-clear"]');
      assert.equal(await page.inputValue('#search-box'), '');
      assert.equal(await page.locator('.search-timeline tbody tr').count(), 0);
      assert.equal(await page.getAttribute(pane('race'), 'data-query'), '');
      assert.deepEqual(errors, []);
    });
  });

  test('markup typed into the box is shown as text, never run or parsed', async () => {
    await withPage(app.browser, app.base + LINK, async ({ page, errors }) => {
      const dialogs = [];
      page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
      const typed = '<script>alert(1)</script>';
      await page.fill('#search-box', typed);
      await page.waitForFunction((t) =>
        document.querySelector('.search-pane[data-policy="cancel_stale"]').dataset.query === t, typed);
      const label = await page.textContent(`${pane('cancel_stale')} [data-testid="search-label"]`);
      assert.ok(label.includes(typed), label);
      assert.equal(await page.locator('.live-search script').count(), 0);
      assert.equal(await page.locator('.search-timeline tbody th', { hasText: typed }).count(), 3);
      const image = '<img src=x onerror=alert(2)>';
      await page.fill('#search-box', image);
      await page.waitForFunction((t) =>
        document.querySelector('.search-pane[data-policy="cancel_stale"]').dataset.query === t, image);
      assert.equal(await page.locator('.live-search img').count(), 0);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(errors, []);
    });
  });
});
