import { launchBrowser, serveDist, runAction } from './harness.mjs';
const server = await serveDist('diag2/asyncscope');
const browser = await launchBrowser();
for (let k = 0; k < 4; k++) {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await page.goto(`${server.base}?lesson=cpu-gather&n=3&cost=60&workers=1`);
  await page.waitForSelector('article.lesson');
  const data = await runAction(page, 'pool');
  console.log(data.runs[0].tasks.map((t) => `${t.start_ms.toFixed(2)}/${t.compute_start_ms?.toFixed(2)}`).join('  '));
  await page.close();
}
await browser.close(); await server.close();
