import { launchBrowser, serveDist, runAction, waitDone } from './harness.mjs';
const server = await serveDist('diag/asyncscope');
const browser = await launchBrowser();
const page = await (await browser.newContext({ acceptDownloads: true, reducedMotion: process.env.RM ? 'reduce' : 'no-preference' })).newPage();
await page.goto(`${server.base}?lesson=cpu-gather&n=4&cost=100&workers=2`);
await page.waitForSelector('article.lesson');
for (let i = 0; i < 3; i++) {
  const data = await runAction(page, 'all', 120000);
  for (const run of data.runs) {
    const r = run.tasks.map((t) => ((t.end_ms - (t.compute_start_ms ?? t.start_ms)) / t.requested_ms).toFixed(2));
    console.log(i, run.options?.workers ?? 'page', run.spec, run.makespan_ms.toFixed(0), r.join(' '));
  }
}
await page.click('#timing summary');
await page.waitForSelector('[data-testid="speed-page"]');
console.log(await page.textContent('[data-testid="speed-page"]'));
console.log(await page.textContent('[data-testid="speed-worker"]'));
await browser.close(); await server.close();
