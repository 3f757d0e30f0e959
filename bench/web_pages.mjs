// Browser benchmark: page loads on the large demo company (issue 11, "every page in under a second"). A real
// `brm serve` on a copy of build/bench-data/large, signed in as the executive `ceo` on the company
// perspective, Debian's Chromium through playwright-core, headless, 1280×800. The server is warmed first (one
// load of every page, not counted); then each page is loaded N times (20 by default), each a full navigation.
//
// A load is timed from the navigation until the page's last figure is drawn: the page's own element is there
// (the table's rows, the dashboard's numbers, the header of a record's page) and nothing is waiting any more
// (no placeholder, no spinner, no dimmed figures). For each page it reports the median and the 95th percentile,
// and the largest API response body the page received (decoded bytes) with its path.
//
//   node bench/web_pages.mjs [loads]     (after `make build` and `bench/run figures` once; `bench/run web` runs it)
//
// Environment: BRM_BIN (build/brm), BRM_WEB (build/web), BRM_BENCH_DATA (build/bench-data/large; copied to a
// temporary directory first), CHROMIUM (/usr/bin/chromium).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(path.join(root, 'web/package.json'))('playwright-core');
const brm = process.env.BRM_BIN ?? path.join(root, 'build/brm');
const web = process.env.BRM_WEB ?? path.join(root, 'build/web');
const source = process.env.BRM_BENCH_DATA ?? path.join(root, 'build/bench-data/large');
const LOADS = Number(process.argv[2] ?? 20);

if (!existsSync(path.join(source, 'brm.db'))) {
  console.error(`web_pages: no large data directory at ${source}; run bench/run figures once`);
  process.exit(2);
}
const work = mkdtempSync(path.join(os.tmpdir(), 'brm-web-pages-'));
const data = path.join(work, 'data');
execFileSync('cp', ['-r', source, data]);
const env = { ...process.env };
for (const key of Object.keys(env)) if (key.startsWith('BRM_')) delete env[key];
const startedAt = Date.now();
const server = spawn(brm, ['serve', '--data', data, '--listen', '127.0.0.1:0', '--web', web, '--ready-file', path.join(work, 'port'), '--access-log', 'false'], { stdio: 'ignore', env });
const stop = () => {
  server.kill();
  rmSync(work, { recursive: true, force: true });
};
let port = '';
for (let i = 0; i < 3000 && !port; i++) {
  await new Promise((r) => setTimeout(r, 100));
  if (existsSync(path.join(work, 'port'))) port = readFileSync(path.join(work, 'port'), 'utf8').trim();
}
if (!port) {
  stop();
  console.error('web_pages: brm serve did not start within 300 s');
  process.exit(2);
}
console.log(`brm serve ready after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
const base = `http://127.0.0.1:${port}`;
const password = (readFileSync(path.join(source, 'demo-logins.txt'), 'utf8').match(/password for all: (\S+)\)/) ?? [])[1] ?? 'brm-demo-2026';

/** Nothing left to wait for: no placeholder, spinner or dimmed figures, and `ready` is on the page. */
function drawn(ready) {
  if (!document.querySelector(ready)) return false;
  if (document.querySelector('[data-skeleton="true"], .ant-skeleton, .ant-spin-spinning, [data-loading="true"], [aria-busy="true"]')) return false;
  // A chart counts once ECharts has put its canvas in.
  for (const chart of document.querySelectorAll('[data-testid$="-trend"], [data-testid^="tier-chart-"]')) if (!chart.querySelector('canvas')) return false;
  return true;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByTestId('login-name').fill('ceo');
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-name').waitFor({ timeout: 120_000 });
  const get = (url) => page.evaluate(async (u) => (await fetch(`/api/v1${u}`)).json(), url);
  const me = await get('/auth/me');
  await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ scope: 'company', toward: 'ours', asOf: null })), `brm.perspective.${me.user.id}`);

  // A customer of the middle of the list by key persons, one of its key persons and one of its opportunities.
  const line = await get('/lines/customer?scope=company&sort=key_persons&order=desc&limit=1&offset=5000');
  const customer = line.items[0].customer;
  const person = (await get(`/people?org=${customer}&key=true&limit=1`)).items[0].id;
  const opportunity = (await get(`/opportunities?customer=${customer}&limit=1`)).items[0].id;

  const pages = [
    { name: 'dashboard', url: '/', ready: '[data-testid="dash-customer-count"]' },
    { name: 'customer list, first page', url: '/customers', ready: '[data-testid="customers-table"] tr.ant-table-row' },
    {
      name: 'customer list, sorted and filtered (poor closeness, by closeness MoM, page 2)',
      url: '/customers?tier.closeness=poor&sort=closeness.mom&order=desc&page=2',
      ready: '[data-testid="customers-table"] tr.ant-table-row',
    },
    { name: 'warnings', url: '/warnings', ready: '[data-testid="warnings-table"] tr.ant-table-row' },
    { name: 'influence', url: '/influence', ready: '[data-testid="influence-list"] tr.ant-table-row' },
    { name: `a customer page (${customer}, ${line.items[0].key_persons} key persons)`, url: `/customers/${customer}`, ready: '[data-testid="customer-header"]' },
    { name: `a person page (${person})`, url: `/people/${person}`, ready: '[data-testid="person-header"]' },
    { name: `an opportunity page (${opportunity})`, url: `/opportunities/${opportunity}`, ready: '[data-testid="opportunity-header"]' },
  ];

  // The frame's own reads (the signed-in user, and the teams, users and competitors of the perspective
  // switch) come with every page; the page's own largest answer is reported beside the largest of all.
  const frame = /^\/api\/v1\/(auth\/me|teams|users|organizations\?kind=competitor)/;
  let largest = { size: 0, url: '' };
  let own = { size: 0, url: '' };
  let phase = 0;
  page.on('response', async (response) => {
    if (!response.url().includes('/api/v1/')) return;
    const seen = phase; // an answer of the previous page whose body arrives late is not this page's
    try {
      const size = (await response.body()).length;
      if (seen !== phase) return;
      const url = new URL(response.url()).pathname + new URL(response.url()).search;
      if (size > largest.size) largest = { size, url };
      if (!frame.test(url) && size > own.size) own = { size, url };
    } catch {
      // A response whose body is gone (the page navigated on) was not the page's.
    }
  });

  const load = async (entry) => {
    const started = Date.now();
    await page.goto(`${base}${entry.url}`, { waitUntil: 'commit' });
    await page.waitForFunction(drawn, entry.ready, { timeout: 120_000, polling: 'raf' });
    const elapsed = Date.now() - started;
    await page.waitForLoadState('networkidle');
    return elapsed;
  };

  for (const entry of pages) await load(entry); // warm-up: not counted
  const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`\n${LOADS} loads each, time to the last figure drawn (ms); largest API response body of the page`);
  console.log('| page | p50 | p95 | max | largest response | largest of the page\'s own |\n|---|---|---|---|---|---|');
  for (const entry of pages) {
    phase++;
    largest = { size: 0, url: '' };
    own = { size: 0, url: '' };
    const times = [];
    for (let i = 0; i < LOADS; i++) times.push(await load(entry));
    times.sort((a, b) => a - b);
    console.log(`| ${entry.name} | ${percentile(times, 50)} | ${percentile(times, 95)} | ${times[times.length - 1]} | ${kb(largest.size)} (\`${largest.url}\`) | ${kb(own.size)} (\`${own.url}\`) |`);
  }
  const rss = readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
  if (rss) console.log(`\nbrm serve resident memory after the run: ${Math.round(Number(rss[1]) / 1024)} MiB`);
} finally {
  await browser.close();
  stop();
}
