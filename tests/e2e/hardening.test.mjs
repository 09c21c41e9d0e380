// Hardening: repeated worker faults, a run/cancel/restart soak with a heap budget, lesson
// navigation with a flat wasm memory, and runs in a hidden tab, on the release build served from a sub-folder.
//
// Knobs (environment): FAULTS (default 100) and FAULT_SECONDS (default 240) bound the
// fault test (half the faults are silent workers, found after about 2 s each);
// SOAK_CYCLES (default 1000) and SOAK_SECONDS (default 120) bound the soak.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  STATUS, exportJson, launchBrowserWith, lessonIds, poolStatus, runAction, setParams, useServedApp,
  waitDone, waitState, withLesson,
} from './harness.mjs';

const FAULTS = Number(process.env.FAULTS ?? 100);
const FAULT_SECONDS = Number(process.env.FAULT_SECONDS ?? 240);
const SOAK_CYCLES = Number(process.env.SOAK_CYCLES ?? 1000);
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 120);

const app = useServedApp({ folder: 'static/hardening/asyncscope' });

/** Runs `body` on lesson `id` opened with `query` (see `withLesson`), in
 * `options.browser` if given. */
const open = (id, query, options, body) => {
  if (typeof options === 'function') [options, body] = [{}, options];
  const { browser = app.browser, ...rest } = options;
  return withLesson(browser, app.base, id, query, rest, body);
};

/** Keeps a handle on the app's wasm memory (an init script). */
function keepWasmMemory() {
  addEventListener('TrunkApplicationStarted', (e) => {
    window.__wasmMemory = e.detail?.wasm?.memory;
  });
}

/** The workers' own reports of a job's panic. */
const PANIC_REPORTS = /panic|unreachable|RuntimeError/i;

const statusText = (page) => page.textContent(STATUS);

/** A small deterministic generator, so a failing soak can be replayed. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('worker faults', () => {
  test('a hundred injected faults, panics and workers that close themselves, lose no job, hang no run, and leave the pool at full size and idle', async (t) => {
    // The pool action runs the jobs on pools of 1…workers workers, and every pool run
    // gets one faulty job: with workers=5, each click injects five faults. Clicks
    // alternate between the two kinds: a job that panics (the worker answers with the
    // panic, then dies) and a job whose worker closes itself (it just goes silent, as a
    // worker killed from outside: only the pool's job deadline finds it).
    const workers = 5;
    const kinds = [
      { key: '1', name: 'panic', reason: /panic/ },
      { key: '2', name: 'closed worker', reason: /failed: lost: its worker stopped answering/ },
    ];
    await open('cpu-gather', `n=2&cost=10&workers=${workers}&fault=1`, { allowErrors: [PANIC_REPORTS] }, async ({ page, errors }) => {
      const started = Date.now();
      const deadline = started + FAULT_SECONDS * 1000;
      const clicks = Math.ceil(FAULTS / workers);
      const injected = { panic: 0, 'closed worker': 0 };
      const detectionMs = [];
      let runs = 0;
      let replaced = (await poolStatus(page))?.replaced ?? 0;
      for (let click = 0; click < clicks && Date.now() < deadline; click++) {
        const n = 1 + (click % 3);
        const kind = kinds[click % kinds.length];
        await setParams(page, { n });
        await page.selectOption('#param-fault', kind.key);
        const t0 = Date.now();
        await page.click('.actions button[data-action="pool"]');
        await waitDone(page, 30_000).catch(async () => {
          throw new Error(`click ${click} (n=${n}, ${kind.name}) hung: "${await statusText(page)}", ` +
            `${(await poolStatus(page))?.text} after 30 s`);
        });
        const elapsed = Date.now() - t0;
        const data = await exportJson(page);
        assert.equal(data.params.n, n, `click ${click}: export belongs to this run`);
        assert.equal(data.params.fault, kind.key, `click ${click}: export has this fault`);
        const poolRuns = data.runs.filter((r) => r.options?.workers);
        assert.deepEqual(poolRuns.map((r) => r.options.workers), [1, 2, 3, 4, 5].slice(0, workers),
          `click ${click}: one pool run per pool size`);
        let faultsHere = 0;
        for (const run of poolRuns) {
          const where = `click ${click} (${kind.name}), ${run.options.workers} workers`;
          const ids = run.tasks.map((task) => task.id).sort((a, b) => a - b);
          assert.deepEqual(ids, Array.from({ length: n + 1 }, (_, i) => i), `${where}: every job reported once`);
          for (const task of run.tasks) {
            assert.ok(Number.isFinite(task.start_ms) && Number.isFinite(task.end_ms) && task.end_ms >= task.start_ms,
              `${where}: ${task.label} has a start and an end`);
          }
          const failed = run.tasks.filter((task) => task.status !== 'ok');
          assert.deepEqual(failed.map((task) => [task.label, task.status]), [['faulty job', 'failed']],
            `${where}: exactly the faulty job fails`);
          assert.match(failed[0].result, kind.reason, `${where}: the failure says why (${failed[0].result})`);
          if (kind.key === '2') detectionMs.push(failed[0].end_ms - failed[0].start_ms);
          for (const task of run.tasks.filter((x) => x.status === 'ok')) {
            assert.match(task.result, /^job \d+: [0-9a-f]{16}$/, `${where}: ${task.label} has its answer`);
          }
          faultsHere += failed.length;
          runs += 1;
        }
        injected[kind.name] += faultsHere;
        const pool = await poolStatus(page);
        assert.ok(pool, `click ${click}: the pool status is shown`);
        assert.equal(pool.size, workers, `click ${click}: pool back to full size (${pool.text})`);
        assert.equal(pool.queued, 0, `click ${click}: nothing queued (${pool.text})`);
        assert.equal(pool.running, 0, `click ${click}: nothing running (${pool.text})`);
        assert.equal(pool.replaced - replaced, faultsHere, `click ${click}: one worker replaced per fault (${pool.text})`);
        replaced = pool.replaced;
        assert.ok(elapsed < 30_000, `click ${click} took ${elapsed} ms`);
      }
      const seconds = (Date.now() - started) / 1000;
      const faults = injected.panic + injected['closed worker'];
      const sorted = [...detectionMs].sort((a, b) => a - b);
      const ms = (x) => `${Math.round(x ?? NaN)} ms`;
      t.diagnostic(`faults injected: ${faults} (${injected.panic} panics, ${injected['closed worker']} closed workers) ` +
        `in ${runs} pool runs, ${seconds.toFixed(1)} s; workers replaced: ${replaced}`);
      t.diagnostic(`a closed worker's job was given up after ${ms(sorted[0])} (min), ` +
        `${ms(sorted[Math.floor(sorted.length / 2)])} (median), ${ms(sorted.at(-1))} (max)`);
      assert.ok(faults >= Math.min(FAULTS, 30), `only ${faults} faults fitted in ${FAULT_SECONDS} s`);
      if (faults >= 2 * workers) {
        assert.ok(injected.panic > 0 && injected['closed worker'] > 0, 'both kinds were injected');
      }
      // A silent worker is found well before the old 30 s watchdog, never before its 2 s floor.
      for (const d of detectionMs) {
        assert.ok(d >= 1_900 && d < 10_000, `a closed worker's job was given up after ${ms(d)}`);
      }

      // The pool still works without faults afterwards.
      await setParams(page, { n: 4 });
      await page.selectOption('#param-fault', '0');
      const clean = await runAction(page, 'pool', 30_000);
      for (const run of clean.runs) {
        assert.ok(run.tasks.length === 4 && run.tasks.every((task) => task.status === 'ok'), `${run.strategy} clean run`);
      }
      const pool = await poolStatus(page);
      assert.equal(pool.running, 0);
      assert.equal(pool.replaced, replaced, 'no worker replaced in a run without faults');

      // Each injected panic is reported once. (A panicking worker also reports two
      // follow-up "RefCell already borrowed" panics from gloo-worker before it is dropped.)
      // A worker that closes itself reports nothing.
      const panics = errors.filter((e) => /injected fault: this job panics on purpose/.test(e));
      assert.equal(panics.length, injected.panic, 'one panic report per injected panic');
      // The workers' own reports of their panics are expected; nothing else may fail.
      const unexpected = errors.filter((e) => !PANIC_REPORTS.test(e));
      t.diagnostic(`console errors: ${errors.length} (all panic reports), unexpected: ${unexpected.length}`);
      assert.deepEqual(unexpected, []);
    });
  });
});

describe('soak', () => {
  test('a thousand rapid run, cancel and restart cycles leave the last run on screen, no error, and a flat heap', async (t) => {
    // Our own browser: --expose-gc gives window.gc, precise memory info unquantised sizes.
    const soakBrowser = await launchBrowserWith(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
    try {
      // Keep a handle on the app's wasm memory too.
      const options = { browser: soakBrowser, initScript: keepWasmMemory };
      await open('gather', 'n=3&min=1&max=2&seed=7&scale=0.02', options, async ({ page, errors }) => {
        const actions = ['both', 'sequential', 'gather'];
        const random = rng(20260101);
        const pick = (xs) => xs[Math.floor(random() * xs.length)];

        // One cycle per round trip, driven in the page so that clicks come as fast as a
        // user's could. Returns what it saw, for the checks below.
        const cycle = (plan) => page.evaluate(async ({ kind, n, action, n2, action2 }) => {
          const setN = (v) => {
            const input = document.querySelector('#param-n');
            input.value = String(v);
            input.dispatchEvent(new Event('input', { bubbles: true }));
          };
          const button = (key) => document.querySelector(`.actions button[data-action="${key}"]`);
          const cancel = () => document.querySelector('button[data-action="cancel"]');
          const status = () => document.querySelector('[data-testid="status"]').textContent;
          const state = () => document.querySelector('[data-testid="status"]').dataset.state;
          const tick = () => new Promise((ok) => setTimeout(ok, 0));
          setN(n);
          await tick();
          if (button(action).disabled) return { error: `run button disabled for n=${n}` };
          button(action).click();
          await tick();
          if (kind === 'cancel') {
            if (cancel().disabled) return { error: `cancel disabled right after starting (${status()})` };
            cancel().click();
            await tick();
            return { status: status(), state: state() };
          }
          if (kind === 'restart') {
            setN(n2);
            await tick();
            button(action2).click();
            await tick();
            return { status: status(), state: state() };
          }
          // finish: wait (bounded) for this run to end, then count its lanes.
          const until = performance.now() + 5000;
          while (state() !== 'done' && performance.now() < until) {
            await new Promise((ok) => setTimeout(ok, 5));
          }
          await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
          const lanes = [...document.querySelectorAll('figure.timeline')]
            .map((f) => f.querySelectorAll('g.lane').length);
          return { status: status(), state: state(), lanes };
        }, plan);

        const heap = async () => {
          for (let i = 0; i < 3; i++) {
            await page.evaluate(() => window.gc?.());
            // A measurement, not a wait for an event: time for what the collection queued
            // (finalizers, weak callbacks) to run before the next one.
            await page.waitForTimeout(50);
          }
          return page.evaluate(() => ({
            js: performance.memory?.usedJSHeapSize ?? NaN,
            wasm: window.__wasmMemory?.buffer.byteLength ?? NaN,
            hasGc: typeof window.gc === 'function',
          }));
        };

        const runCycles = async (count, deadline) => {
          let done = 0;
          for (; done < count && Date.now() < deadline; done++) {
            const r = random();
            const kind = r < 0.4 ? 'cancel' : r < 0.75 ? 'restart' : 'finish';
            const plan = { kind, n: 1 + Math.floor(random() * 5), action: pick(actions),
              n2: 1 + Math.floor(random() * 5), action2: pick(actions) };
            const seen = await cycle(plan);
            const where = `cycle ${done} ${JSON.stringify(plan)}`;
            assert.equal(seen.error, undefined, `${where}: ${seen.error}`);
            if (kind === 'cancel') {
              assert.equal(seen.state, 'cancelled', where);
              assert.match(seen.status, /^Cancelled/, where);
            }
            if (kind === 'restart') {
              assert.equal(seen.state, 'running', where);
              assert.match(seen.status, /running/, where);
            }
            if (kind === 'finish') {
              assert.equal(seen.state, 'done', `${where}: finished within 5 s`);
              assert.match(seen.status, /^Done/, `${where}: finished within 5 s`);
              const expected = plan.action === 'both' ? [plan.n, plan.n] : [plan.n];
              assert.deepEqual(seen.lanes, expected, `${where}: lanes of this run`);
            }
          }
          return done;
        };

        // Warm up, then measure.
        await runCycles(50, Date.now() + 30_000);
        await setParams(page, { n: 2 });
        await page.click('.actions button[data-action="both"]');
        await waitDone(page, 10_000);
        const before = await heap();
        assert.ok(before.hasGc, 'window.gc is exposed');

        const started = Date.now();
        const cycles = await runCycles(SOAK_CYCLES, started + SOAK_SECONDS * 1000);
        const seconds = (Date.now() - started) / 1000;

        // The last run, with parameters no cycle used, to completion.
        await setParams(page, { n: 7, min: 1, max: 1, seed: 99, scale: 0.02 });
        await page.click('.actions button[data-action="both"]');
        await waitDone(page, 10_000);
        // The point is that nothing happens: time for any stale run to show up if it could.
        await page.waitForTimeout(500);
        assert.match(await statusText(page), /^Done/);
        assert.equal(await page.locator('figure.timeline').count(), 2);
        for (const strategy of ['sequential', 'gather']) {
          const lanes = page.locator(`figure.timeline[data-strategy="${strategy}"] g.lane`);
          assert.equal(await lanes.count(), 7, `${strategy}: lanes of the last run`);
          const bars = page.locator(`figure.timeline[data-strategy="${strategy}"] rect.bar-measured.done`);
          assert.equal(await bars.count(), 7, `${strategy}: finished bars of the last run`);
        }
        const data = await exportJson(page);
        assert.deepEqual(data.params, { max: 1, min: 1, n: 7, scale: 0.02, seed: 99 });
        assert.deepEqual(data.runs.map((r) => r.strategy).sort(), ['gather', 'sequential']);
        for (const run of data.runs) {
          assert.equal(run.tasks.length, 7, `${run.strategy}: tasks of the last run`);
          assert.ok(run.tasks.every((task) => task.status === 'ok' && task.requested_ms === 20),
            `${run.strategy}: every task is the last run's 20 ms task`);
        }

        const end = await heap();
        const growth = end.js - before.js;
        const rate = cycles / seconds;
        t.diagnostic(`soak: ${cycles} cycles in ${seconds.toFixed(1)} s (${rate.toFixed(1)}/s); ` +
          `JS heap ${(before.js / 1e6).toFixed(2)} MB → ${(end.js / 1e6).toFixed(2)} MB (${(growth / 1e6).toFixed(3)} MB); ` +
          `wasm memory ${(before.wasm / 1e6).toFixed(2)} MB → ${(end.wasm / 1e6).toFixed(2)} MB`);
        assert.equal(cycles, SOAK_CYCLES,
          `only ${cycles} of ${SOAK_CYCLES} cycles fitted in ${SOAK_SECONDS} s (${rate.toFixed(1)}/s): lower SOAK_CYCLES`);
        assert.ok(Number.isFinite(growth), 'performance.memory is available');
        assert.ok(growth <= 5 * 1024 * 1024, `JS heap grew by ${(growth / 1e6).toFixed(2)} MB`);
        assert.deepEqual(errors, []);
        // The wasm linear memory used to grow about 2.6 KB per cycle (1.64 → 4.26 MB over
        // 1,000 cycles): the rebuilt timelines and code panes stayed subscribed to the page's
        // long-lived signals (fixed with charts::scoped_memo). It now stays at its size;
        // the budget, four 64 KiB pages for the whole soak, leaves room for allocator noise.
        const wasmGrowth = end.wasm - before.wasm;
        await t.test('the wasm memory stays flat through the soak', () => {
          assert.ok(Number.isFinite(wasmGrowth), 'the wasm memory is readable');
          assert.ok(wasmGrowth <= 4 * 65536, `wasm memory grew by ${(wasmGrowth / 1e6).toFixed(2)} MB`);
        });
      });
    } finally {
      await soakBrowser.close();
    }
  });
});

describe('navigation', () => {
  test('going round every lesson ten times keeps the wasm memory flat and logs no error', async (t) => {
    await open('gather', '', { initScript: keepWasmMemory }, async ({ page, errors }) => {
      const ids = await lessonIds(page);
      const memory = () => page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? NaN);
      const round = async () => {
        for (const id of ids) {
          await page.click(`nav a[href="?lesson=${id}"]`);
          await page.waitForSelector(`article[data-lesson="${id}"]`);
        }
      };
      await round(); // every lesson once, so that each has grown what it needs
      const before = await memory();
      for (let i = 0; i < 9; i++) await round();
      const after = await memory();
      const growth = after - before;
      t.diagnostic(`wasm memory ${(before / 1e6).toFixed(2)} → ${(after / 1e6).toFixed(2)} MB over ${9 * ids.length} navigations`);
      assert.ok(Number.isFinite(growth), 'the wasm memory is readable');
      assert.ok(growth <= 4 * 65536, `wasm memory grew by ${(growth / 1e6).toFixed(2)} MB over ${9 * ids.length} navigations`);
      assert.deepEqual(errors, []);
    });
  });
});

describe('hidden tab', () => {
  /** Hides `page`: for real when bringing another tab to the front does hide it, else by
   * emulating the Page Visibility API (headless Chromium keeps every tab visible). */
  async function hide(page, context) {
    const other = await context.newPage();
    await other.bringToFront();
    // Hidden for real if the page's visibility changes soon (it does not, headless).
    const real = await page.waitForFunction(() => document.hidden, null, { timeout: 100 })
      .then(() => true, () => false);
    if (real) {
      return { how: 'real', show: async () => { await page.bringToFront(); await other.close(); } };
    }
    await other.close();
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    return {
      how: 'emulated',
      show: () => page.evaluate(() => {
        delete document.hidden;
        delete document.visibilityState;
        document.dispatchEvent(new Event('visibilitychange'));
      }),
    };
  }

  test('a run during which the tab was hidden is flagged, and the runs before and after are not', async (t) => {
    await open('gather', 'n=2&min=1&max=1&seed=1&scale=1', async ({ page, context, errors }) => {
      const run = async () => {
        await page.click('.actions button[data-action="gather"]');
        assert.equal(await waitState(page, 'running'), 'running');
        assert.match(await statusText(page), /running/);
      };

      await run();
      await waitDone(page, 10_000);
      assert.doesNotMatch(await statusText(page), /hidden/, 'a visible run is not flagged');

      await run();
      const hidden = await hide(page, context);
      t.diagnostic(`hiding mechanism: ${hidden.how}`);
      // The page has been told (its visibilitychange listeners ran before `hide`
      // returned), and the run is still going: 1 s, and it just started.
      assert.equal(await page.getAttribute(STATUS, 'data-state'), 'running', 'hidden during the run');
      await hidden.show();
      assert.equal(await page.evaluate(() => document.hidden), false, 'visible again');
      await waitDone(page, 10_000);
      assert.match(await statusText(page), /hidden during the run/);

      await run();
      await waitDone(page, 10_000);
      assert.doesNotMatch(await statusText(page), /hidden/, 'the next visible run is not flagged');
      assert.deepEqual(errors, []);
    });
  });
});
