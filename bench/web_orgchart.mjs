// Browser benchmark: the customer page's org chart with 1,000 persons (issue 4: "an org chart of 1,000
// persons stays interactive"). A real `brm serve` with the demo company plus one generated customer of
// 1,000 persons in a reporting tree (four reports each), owned by rep01; Debian's Chromium through
// playwright-core, headless, 1280×800.
//
// It measures: the time from navigating to the org chart tab until the chart has drawn all nodes; the
// time of each zoom and pan step until the next frame is painted (median and worst of 40 steps); and a
// click on a person until the side panel shows them.
//
//   node bench/web_orgchart.mjs        (after `make build`; `bench/run web` runs it)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(path.join(root, 'web/package.json'))('playwright-core');
const brm = path.join(root, 'build/brm');
const web = path.join(root, 'build/web');
const PERSONS = 1000;
const CUSTOMER = 'cust-bench-1000';

const work = mkdtempSync(path.join(os.tmpdir(), 'brm-web-bench-'));
const env = { ...process.env };
for (const key of Object.keys(env)) if (key.startsWith('BRM_')) delete env[key];
execFileSync(brm, ['demo', '--data', work, '--end', '2026-11-23'], { stdio: 'ignore', env });
const server = spawn(brm, ['serve', '--data', work, '--listen', '127.0.0.1:0', '--web', web, '--ready-file', path.join(work, 'port'), '--access-log', 'false'], { stdio: 'ignore', env });
let port = '';
for (let i = 0; i < 300 && !port; i++) {
  await new Promise((r) => setTimeout(r, 100));
  if (existsSync(path.join(work, 'port'))) port = readFileSync(path.join(work, 'port'), 'utf8').trim();
}
const base = `http://127.0.0.1:${port}`;

// The customer: ten departments, 1,000 persons, person i reports to person floor((i − 1) / 4), a
// closeness for 9 in 10 of them (the tenth unknown), a veto person every 50 and an approver every 70.
const attitudes = ['strong_support', 'support', 'neutral', 'oppose', 'strong_oppose'];
const id = (i) => `bp-${String(i).padStart(4, '0')}`;
const bundle = {
  format: 'brm-bundle', version: 1,
  organizations: [{ id: CUSTOMER, name: '千人组织基准客户', kind: 'customer', owner: 'u-rep01' }],
  departments: Array.from({ length: 10 }, (_, d) => ({ id: `bd-${d}`, org: CUSTOMER, name: `部门${d + 1}` })),
  people: Array.from({ length: PERSONS }, (_, i) => ({
    id: id(i), org: CUSTOMER, department: `bd-${i % 10}`, name: `员工${i}`, title: i < 5 ? '总监' : '工程师', key: i % 3 === 0,
  })),
  reporting: Array.from({ length: PERSONS - 1 }, (_, k) => ({ id: `br-${k + 1}`, person: id(k + 1), manager: id(Math.floor(k / 4)) })),
  ratings: Array.from({ length: PERSONS }, (_, i) => i)
    .filter((i) => i % 10 !== 9)
    .map((i) => ({ id: `brt-${i}`, person: id(i), dimension: 'closeness', value: attitudes[i % 5], date: '2026-10-01' })),
  votes: [
    ...Array.from({ length: PERSONS / 50 }, (_, k) => ({ id: `bv-v${k}`, person: id(k * 50), kind: 'veto', value: 'yes', date: '2026-10-01' })),
    ...Array.from({ length: Math.ceil(PERSONS / 70) }, (_, k) => ({ id: `bv-a${k}`, person: id(k * 70 + 1), kind: 'approve', value: 'yes', date: '2026-10-01' })),
  ],
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const login = async (who) => {
    await page.goto(`${base}/login`);
    await page.getByTestId('login-name').fill(who);
    await page.getByTestId('login-password').fill('brm-demo-2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-name').waitFor();
  };
  await login('admin');
  const imported = await page.evaluate(async (body) => {
    const csrf = decodeURIComponent((document.cookie.match(/(?:^|;\s*)brm_csrf=([^;]*)/) ?? [])[1] ?? '');
    const r = await fetch('/api/v1/bundle', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: JSON.stringify(body) });
    return r.json();
  }, bundle);
  if (!imported.created) throw new Error(`import failed: ${JSON.stringify(imported)}`);
  await page.getByTestId('logout').click();
  await login('rep01');

  const runs = [];
  for (let run = 0; run < 3; run++) {
    const started = Date.now();
    await page.goto(`${base}/customers/${CUSTOMER}?tab=orgchart`);
    await page.locator(`[data-testid="orgchart"][data-nodes="${PERSONS}"]`).waitFor({ timeout: 60_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    runs.push(Date.now() - started);
  }

  // Zoom and pan steps through Cytoscape's own instance, each until the next two frames are painted.
  const steps = await page.locator('[data-testid="orgchart"]').evaluate(async (element) => {
    const cy = element._cyreg?.cy ?? element.querySelector('div')?._cyreg?.cy;
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const times = [];
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now();
      if (i % 2) cy.panBy({ x: 37, y: -23 });
      else cy.zoom({ level: cy.zoom() * (i % 4 === 0 ? 1.25 : 0.8), renderedPosition: { x: 400, y: 300 } });
      await frame();
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b);
  });

  // A click on a person until the side panel names them.
  const chart = page.locator('[data-testid="orgchart"]');
  const target = await chart.evaluate((element) => {
    const cy = element._cyreg?.cy ?? element.querySelector('div')?._cyreg?.cy;
    cy.fit();
    const node = cy.getElementById('bp-0000');
    cy.center(node);
    const p = node.renderedPosition();
    const box = element.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  });
  await page.waitForTimeout(500);
  const clicked = Date.now();
  await page.mouse.click(target.x, target.y);
  await page.getByTestId('orgchart-panel').getByText('员工0').first().waitFor();
  const panel = Date.now() - clicked;

  const median = (xs) => xs[Math.floor(xs.length / 2)];
  const memory = await page.evaluate(() => (performance.memory ? Math.round(performance.memory.usedJSHeapSize / 1048576) : null));
  console.log(`org chart of ${PERSONS} persons (${os.cpus().length} cores, ${os.cpus()[0].model.trim()}, Chromium headless 1280×800):`);
  console.log(`  open the tab until drawn: ${runs.join(' / ')} ms (target ≤ 3000 ms)`);
  console.log(`  zoom or pan step until painted: median ${median(steps).toFixed(1)} ms, worst ${steps[steps.length - 1].toFixed(1)} ms (target: median ≤ 50 ms, worst ≤ 200 ms)`);
  console.log(`  click on a person until the side panel shows them: ${panel} ms (target ≤ 300 ms)`);
  if (memory !== null) console.log(`  JavaScript heap after the run: ${memory} MiB`);
} finally {
  await browser.close();
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
