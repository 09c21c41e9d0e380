import { mkdir } from 'node:fs/promises';
import { launchBrowser, serveDist, waitDone } from './harness.mjs';
const out = '/tmp/shots';
await mkdir(out, { recursive: true });
const server = await serveDist('shots/asyncscope');
const browser = await launchBrowser();
const lessons = (process.env.LESSONS ?? 'cooks').split(',');
const widths = (process.env.WIDTHS ?? '375,1280').split(',').map(Number);
const schemes = (process.env.SCHEMES ?? 'light,dark').split(',');
const query = process.env.Q ?? '';
for (const id of lessons) for (const width of widths) for (const scheme of schemes) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, acceptDownloads: true });
  const page = await ctx.newPage();
  await page.goto(`${server.base}?lesson=${id}${query}`);
  await page.waitForSelector(`article[data-lesson="${id}"]`);
  const button = page.locator('.actions button[data-action]').first();
  if (await button.count()) {
    await button.click();
    await waitDone(page, 120000);
  }
  await page.screenshot({ path: `${out}/${id}-${width}-${scheme}.png`, fullPage: true });
  await ctx.close();
}
await browser.close(); await server.close();
