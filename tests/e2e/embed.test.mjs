// Embedding: a lesson in an iframe of a host page on another origin (docs/embed-host.html,
// and a page made of the "Copy embed code" snippet), on the release build.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, STATUS, launchBrowser, openParams, serveDirectory, waitDone, withPage } from './harness.mjs';

const LESSON = 'lesson=gather&n=3&min=1&max=1&seed=1&scale=0.1';

/** The app, served from a copy of dist/ in a folder of its own (so that no other test
 * file's server set-up can remove it), and host pages on another origin:
 * docs/embed-host.html, and copied.html, made of the snippet "Copy embed code" gives. */
const app = {};
let host;
let root;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'asyncscope-embed-'));
  const folder = 'blog/static/asyncscope';
  await cp(join(ROOT, 'dist'), join(root, 'app', folder), { recursive: true });
  app.server = await serveDirectory(join(root, 'app'));
  app.base = `${app.server.origin}/${folder}/`;
  app.browser = await launchBrowser();
  const hostRoot = join(root, 'host');
  await cp(join(ROOT, 'docs', 'embed-host.html'), join(hostRoot, 'embed-host.html'));
  const snippet = await withPage(app.browser, `${app.base}?${LESSON}`, async ({ page }) => {
    await page.click('[data-testid="copy-embed"]');
    return page.inputValue('[data-testid="share-text"]');
  });
  await writeFile(join(hostRoot, 'copied.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Copied snippet</title><link rel="icon" href="data:,"></head>
<body><h1>A post</h1>${snippet}<div style="height:3000px"></div><p id="end">The end.</p></body></html>`);
  host = await serveDirectory(hostRoot);
});
after(async () => {
  await app.browser?.close();
  await app.server?.close();
  await host?.close();
  await rm(root, { recursive: true, force: true });
});

const HOSTS = {
  'embed-host.html': () => `${host.origin}/embed-host.html?app=${encodeURIComponent(`${app.base}?${LESSON}&embed=1`)}`,
  'the copied snippet': () => `${host.origin}/copied.html`,
};

/** The host pages' size. */
const HOST_VIEWPORT = { width: 1000, height: 800 };

/** Opens a host page (see `withPage`) and runs `body` with it, its iframe element, the
 * embedded frame and the errors, once the lesson shows in the frame. */
async function withHost(url, body) {
  await withPage(app.browser, url, { viewport: HOST_VIEWPORT, ready: null }, async ({ page, errors }) => {
    const frameEl = page.locator('iframe').first();
    const frame = await (await frameEl.elementHandle()).contentFrame();
    await frame.waitForSelector('article.lesson');
    await body({ hostPage: page, frameEl, frame, errors });
  });
}

/** Waits until the iframe is exactly as tall as the app inside it; returns that height. */
async function fitted(frame, frameEl) {
  await frame.waitForFunction(() => {
    const app = document.querySelector('.app');
    return app && innerHeight === Math.ceil(app.getBoundingClientRect().bottom + scrollY);
  }, null, { timeout: 10_000 });
  return frameEl.evaluate((f) => parseFloat(f.style.height));
}

/** Sends each of `messages` from `sender` ('host': the host page's own window, 'frame':
 * the embedded page) to the host page, and returns the iframe's style height just after
 * the host handled each one (a marker message, sent right after, says when). */
async function heightsAfter(hostPage, frame, sender, messages) {
  const heights = [];
  for (const message of messages) {
    await hostPage.evaluate(() => {
      window.markerSeen = new Promise((resolve) => {
        addEventListener('message', function marker(e) {
          if (e.data !== 'asyncscope-test:marker') return;
          removeEventListener('message', marker);
          resolve(document.querySelector('iframe').style.height);
        });
      });
    });
    const send = (m) => {
      const target = window === parent ? window : parent;
      target.postMessage(m, '*');
      target.postMessage('asyncscope-test:marker', '*');
    };
    if (sender === 'host') await hostPage.evaluate(send, message);
    else await frame.evaluate(send, message);
    heights.push(await hostPage.evaluate(() => window.markerSeen));
  }
  return heights;
}

const resize = (height) => ({ type: 'asyncscope:resize', height });

for (const [name, url] of Object.entries(HOSTS)) {
  describe(`embedding with ${name}`, () => {
    test('the iframe grows when the content grows and shrinks back when it shrinks', async () => {
      await withHost(url(), async ({ frameEl, frame, errors }) => {
        const closed = await fitted(frame, frameEl);
        assert.ok(closed > 300, `iframe fitted to ${closed}px`);
        for (const selector of ['details.explanation', 'details.code-section']) {
          await frame.click(`${selector} > summary`);
        }
        const open = await fitted(frame, frameEl);
        assert.ok(open > closed + 100, `opening the details grew the frame: ${closed} → ${open}px`);
        for (const selector of ['details.explanation', 'details.code-section']) {
          await frame.click(`${selector} > summary`);
        }
        const again = await fitted(frame, frameEl);
        assert.equal(again, closed, `closing them shrank it back: ${open} → ${again}px`);
        await frame.click('button[data-action="both"]');
        await waitDone(frame);
        const ran = await fitted(frame, frameEl);
        assert.ok(ran > closed, `the results grew it: ${closed} → ${ran}px`);
        assert.deepEqual(errors, []);
      });
    });

    test('hostile resize messages never give the frame an absurd height', async () => {
      await withHost(url(), async ({ hostPage, frameEl, frame, errors }) => {
        const fit = `${await fitted(frame, frameEl)}px`;
        const junk = [resize(1e9), resize('NaN'), resize(-5), resize(NaN), resize(Infinity), resize('900'),
          resize(null), { type: 'asyncscope:resize' }, null, 'asyncscope:resize'];
        // From the host's own window: not the iframe's message, never used.
        assert.deepEqual(await heightsAfter(hostPage, frame, 'host', junk), junk.map(() => fit));
        // From the iframe itself: only finite numbers count, and they are kept in 100–4000 px.
        const fromFrame = await heightsAfter(hostPage, frame, 'frame',
          [resize('NaN'), resize(NaN), resize(-Infinity), resize('900'), resize(1e9), resize(-5), resize(812.2)]);
        assert.deepEqual(fromFrame, [fit, fit, fit, fit, '4000px', '100px', '813px']);
        assert.deepEqual(errors, []);
      });
    });
  });
}

describe('embedding', () => {
  test('a host page on another port embeds a lesson that resizes, runs on click, and flags hidden runs', async () => {
    const src = `${app.base}?lesson=gather&n=3&min=1&max=1&seed=1&scale=0.1&embed=1`;
    const url = `${host.origin}/embed-host.html?app=${encodeURIComponent(src)}`;
    await withPage(app.browser, url, { viewport: HOST_VIEWPORT, ready: null }, async ({ page: hostPage, errors }) => {
      const frameEl = hostPage.locator('#demo');
      await hostPage.waitForFunction(() => document.getElementById('demo').style.height !== '');
      const frame = hostPage.frameLocator('#demo');
      await frame.locator('article.lesson').waitFor();
      assert.equal(await frame.locator('header.site-header').count(), 0, 'no site chrome');
      assert.equal(await frame.locator('[data-testid="open-full"]').count(), 1);
      const height = await frameEl.evaluate((f) => parseInt(f.style.height, 10));
      assert.ok(height > 300, `iframe resized to ${height}px`);
      // Nothing runs until asked.
      assert.match(await frame.locator(STATUS).textContent(), /Choose parameters/);
      await frame.locator('button[data-action="both"]').click();
      await frame.locator(`${STATUS}[data-state="done"]`).waitFor();
      assert.doesNotMatch(await frame.locator(STATUS).textContent(), /hidden/);
      // A run that scrolls out of view is flagged.
      await openParams(frame);
      await frame.locator('#param-scale').fill('1');
      // The frame notes when it is out of view, as the app does: with an IntersectionObserver
      // (made after the app's, so the app has heard of it first).
      const inner = hostPage.frames().find((f) => f.url().startsWith(app.base));
      await inner.evaluate(() => {
        window.outOfView = false;
        new IntersectionObserver((entries, observer) => {
          if (entries.at(-1).isIntersecting) return;
          window.outOfView = true;
          observer.disconnect();
        }).observe(document.body);
      });
      await frame.locator('button[data-action="gather"]').click();
      await hostPage.evaluate(() => document.getElementById('end').scrollIntoView());
      // (Polled on a timer: a frame out of view gets no animation frames.)
      await inner.waitForFunction(() => window.outOfView, null, { polling: 50, timeout: 10_000 });
      await hostPage.evaluate(() => window.scrollTo(0, 0));
      await frame.locator(`${STATUS}[data-state="done"]`).waitFor();
      assert.match(await frame.locator(STATUS).textContent(), /hidden during the run/);
      assert.deepEqual(errors, []);
    });
  });
});
