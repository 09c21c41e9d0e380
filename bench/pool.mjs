// `make bench`: measures the worker pool in headless Chromium against the release dist/
// and prints a table (medians of several runs); writes bench/results.json.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, launchBrowser, serveDist } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12_000_000);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

const server = await serveDist('bench/asyncscope');
const browser = await launchBrowser();
const samples = [];
for (let i = 0; i < RUNS; i++) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(server.base);
  await page.waitForSelector('article.lesson');
  const json = await page.evaluate((r) => window.wasmBindings.bench_pool(2, 8, r, 200), ROUNDS);
  samples.push(JSON.parse(json));
  await page.context().close();
}
await browser.close();
await server.close();

const goals = {
  speedup_vs_main: ['≥ 1.8', (v) => v >= 1.8],
  round_trip_median_ms: ['≤ 0.3 ms', (v) => v <= 0.3],
  warm_up_ms: ['≤ 200 ms', (v) => v <= 200],
  longest_frame_gap_ms: ['≤ 34 ms', (v) => v <= 34],
};
const keys = Object.keys(samples[0]);
const result = {};
console.log(`Worker pool, 2 workers, 8 hash-chain jobs, median of ${RUNS} runs`);
console.log('figure'.padEnd(26), 'median'.padStart(10), '  goal'.padEnd(12), 'met');
for (const key of keys) {
  const value = median(samples.map((s) => s[key]));
  result[key] = value;
  const [goal, check] = goals[key] ?? ['', null];
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(3);
  console.log(key.padEnd(26), shown.padStart(10), ('  ' + goal).padEnd(12), check ? (check(value) ? 'yes' : 'NO') : '');
}
await writeFile(join(ROOT, 'bench', 'results.json'), JSON.stringify({ pool: result, samples }, null, 2));
