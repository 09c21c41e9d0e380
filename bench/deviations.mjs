// `make bench`: predicted (virtual time) vs measured makespans of every lesson's main
// action at its default parameters, in headless Chromium; prints median and max.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, launchBrowser, serveDist, waitDone } from '../tests/e2e/harness.mjs';

const server = await serveDist('bench/asyncscope');
const browser = await launchBrowser();
const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
await page.goto(server.base);
await page.waitForSelector('article.lesson');
const ids = await page.$$eval('nav[aria-label="Lessons"] a', (as) =>
  as.map((a) => new URL(a.href).searchParams.get('lesson')));
const rows = [];
for (const id of ids) {
  await page.goto(`${server.base}?lesson=${id}`);
  await page.waitForSelector(`article[data-lesson="${id}"]`);
  // The live search has no run button: it is driven by typing.
  const button = page.locator('.actions button[data-action]').first();
  if ((await button.count()) === 0) continue;
  await button.click();
  await waitDone(page, 120_000);
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-json"]')]);
  const data = JSON.parse(await readFile(await file.path(), 'utf8'));
  for (const run of data.runs) {
    if (run.predicted_ms == null) continue;
    const cpu = run.tasks.some((t) => t.cpu);
    // Each computed job: its label (requested) against the time it really computed.
    const jobs = run.tasks.filter((t) => t.cpu && t.compute_start_ms != null && t.status === 'ok');
    const jobRatio = jobs.length ? jobs.reduce((s, t) => s + (t.end_ms - t.compute_start_ms) / Math.max(t.requested_ms, 1), 0) / jobs.length : null;
    rows.push({ lesson: id, run: run.caption ?? run.spec, cpu, predicted: run.predicted_ms, measured: run.makespan_ms, deviation: run.makespan_ms - run.predicted_ms, jobRatio });
  }
}
await browser.close();
await server.close();

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, median: s[Math.floor((s.length - 1) / 2)], max: s[s.length - 1] };
};
for (const [name, filter] of [['I/O runs', (r) => !r.cpu], ['CPU runs (jobs sized by measured speed)', (r) => r.cpu]]) {
  const picked = rows.filter(filter);
  const { n, median, max } = stats(picked.map((r) => r.deviation));
  const rel = stats(picked.map((r) => Math.abs(r.deviation) / Math.max(r.predicted, 1)));
  console.log(`${name}: ${n} runs, deviation measured − predicted: median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms (|relative| median ${(rel.median * 100).toFixed(1)} %, max ${(rel.max * 100).toFixed(1)} %)`);
  if (name.startsWith('CPU')) {
    const ok = rel.median <= 0.10 && rel.max <= 0.25;
    console.log(`  goal: |relative deviation| median ≤ 10 %, max ≤ 25 %: ${ok ? 'met' : 'NOT met'}`);
  }
}
console.log('\nCPU runs: job time measured / labelled, makespan predicted → measured');
for (const r of rows.filter((r) => r.cpu)) {
  const ratio = r.jobRatio == null ? '–' : `${(r.jobRatio * 100).toFixed(0)} %`;
  console.log(`  ${r.lesson.padEnd(11)} ${String(r.run).slice(0, 44).padEnd(44)} jobs ${ratio.padStart(6)}  ${r.predicted.toFixed(0).padStart(6)} → ${r.measured.toFixed(0).padStart(6)} ms`);
}
await writeFile(join(ROOT, 'bench', 'deviations.json'), JSON.stringify(rows, null, 2));
