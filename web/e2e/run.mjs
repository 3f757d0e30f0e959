// End-to-end tests: a real `brm serve` on the demo company, driven through Debian's Chromium by
// playwright-core. Every test gets a fresh browser context; any console error or warning, or an uncaught
// page error, fails the test. Screenshots of the pages go to build/e2e/screenshots.
//
//   node e2e/run.mjs [name filter]        (after `make build`; `make test` runs it)
//
// Environment: BRM_BIN (default build/brm), BRM_WEB (build/web), BRM_E2E_OUT (build/e2e: the demo data,
// the port file and the screenshots), CHROMIUM (/usr/bin/chromium).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const brm = process.env.BRM_BIN ?? path.join(root, 'build/brm');
const web = process.env.BRM_WEB ?? path.join(root, 'build/web');
const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const out = process.env.BRM_E2E_OUT ? path.resolve(process.env.BRM_E2E_OUT) : path.join(root, 'build/e2e');
const shots = path.join(out, 'screenshots');
const filter = process.argv[2] ?? '';
const END = '2026-11-23'; // the demo's last day; every figure below is as of today, after it

for (const [what, file] of [['brm', brm], ['web app', path.join(web, 'index.html')], ['chromium', browserPath]]) {
  if (!existsSync(file)) {
    console.error(`e2e: the ${what} is missing at ${file}; run make build (and scripts/install-deps for chromium)`);
    process.exit(2);
  }
}

// brm refuses BRM_* variables it does not know: the runner's own stay out of its environment.
const brmEnv = { ...process.env };
delete brmEnv.BRM_BIN;
delete brmEnv.BRM_E2E_OUT;
delete brmEnv.BRM_WEB;

rmSync(out, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });
const data = path.join(out, 'data');
execFileSync(brm, ['demo', '--data', data, '--end', END], { stdio: ['ignore', 'ignore', 'pipe'], env: brmEnv }); // on failure its stderr is in the error

const readyFile = path.join(out, 'port');
const server = spawn(brm, ['serve', '--data', data, '--listen', '127.0.0.1:0', '--web', web, '--ready-file', readyFile, '--access-log', '0'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: brmEnv,
});
let port = '';
for (let i = 0; i < 300 && !port; i++) {
  await new Promise((r) => setTimeout(r, 100));
  if (existsSync(readyFile)) port = readFileSync(readyFile, 'utf8').trim();
}
if (!port) {
  server.kill();
  console.error('e2e: brm serve did not start');
  process.exit(2);
}
const base = `http://127.0.0.1:${port}`;

const browser = await chromium.launch({ executablePath: browserPath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });

/** Helpers each test receives. */
function harness(page, problems) {
  return {
    base,
    page,
    problems,
    async login(login, password = 'brm-demo-2026') {
      await page.goto(`${base}/login`);
      await page.getByTestId('login-name').fill(login);
      await page.getByTestId('login-password').fill(password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('user-name').waitFor();
    },
    async shot(name) {
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(1000); // let the charts finish their entry animation
      await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
    },
    /** Calls the API with the page's session (cookie and CSRF header). */
    async api(method, url, body) {
      return page.evaluate(
        async ([m, u, b]) => {
          const csrf = (document.cookie.match(/(?:^|;\s*)brm_csrf=([^;]*)/) ?? [])[1] ?? '';
          const r = await fetch(`/api/v1${u}`, { method: m, headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': decodeURIComponent(csrf) }, body: b === undefined ? undefined : JSON.stringify(b) });
          return { status: r.status, body: await r.json() };
        },
        [method, url, body],
      );
    },
    /** Console errors are expected from here on (a 404 page, say). */
    allowConsoleErrors() {
      problems.allowed = true;
    },
  };
}

const files = readdirSync(path.join(here, 'tests')).filter((f) => f.endsWith('.mjs')).sort();
const tests = [];
for (const file of files) {
  const module = await import(pathToFileURL(path.join(here, 'tests', file)).href);
  for (const test of module.tests) tests.push({ ...test, file });
}

let failed = 0;
let ran = 0;
for (const test of tests) {
  if (filter && !test.name.includes(filter)) continue;
  ran++;
  const context = await browser.newContext({
    viewport: test.viewport ?? { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: typeof test.timezoneId === 'function' ? test.timezoneId() : test.timezoneId ?? 'Asia/Shanghai',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = { list: [], allowed: false };
  page.on('console', (message) => {
    if ((message.type() === 'error' || message.type() === 'warning') && !problems.allowed) problems.list.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.list.push(`page error: ${error.message}`));
  const started = Date.now();
  try {
    await test.run(harness(page, problems));
    if (problems.list.length) throw new Error(problems.list.join('\n'));
    console.log(`ok    ${test.name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed++;
    console.log(`FAIL  ${test.name} [${test.file}]\n      ${String(error?.stack ?? error).split('\n').join('\n      ')}`);
    await page.screenshot({ path: path.join(shots, `FAILED-${test.name.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true }).catch(() => undefined);
  }
  await context.close();
}

await browser.close();
server.kill();
console.log(`e2e: ${ran - failed} of ${ran} passed; screenshots in ${path.relative(process.cwd(), shots)}`);
process.exit(failed || ran === 0 ? 1 : 0);
