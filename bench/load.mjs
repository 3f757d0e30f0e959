// Load benchmark: 60 s of mixed reads and writes at 256 connections, as many users at once. A real
// `brm serve` on the demo company (`brm demo --end 2026-11-23`, in a temporary directory), an API token
// for each of its admin, executive, managers and reps (`brm token`), and wrk with bench/load.lua: lists,
// single records, figures and writes (15 %: changes of key persons and opportunities, new ratings and
// activities), each request as one of those
// users on the customers, key persons and opportunities that user may see. Those are read through the API
// with each user's own token before the run, and every kind of request is tried once per user, so an
// error during the run is the server's.
//
// It prints wrk's output, the statuses of 400 and above, and the server's resident memory (VmRSS of
// /proc/PID/status) sampled every second: min, max, the mean of the first and of the last 10 s, and
// whether every sample after the first 10 s (the warm-up) stays within ±10 % of their mean.
// Exit 1 when any response is not 2xx (the mix expects no 4xx: every kind of request was tried once per
// user before the run) or on any socket error.
//
// Then it restarts the server on the data the run left and gives its resident memory once it answers,
// which tells how much of the growth during the run is the records written. --reads-only leaves the
// writes out of the mix, for comparison.
//
//   node bench/load.mjs [--duration 60] [--connections 256] [--threads 2] [--reads-only]
//                       [--sqlite-cache MiB] [--sqlite-reader-cache MiB]                     (bench/run load)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const brm = path.join(root, 'build/brm');
const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : fallback; };
const readsOnly = args.includes('--reads-only');
const duration = option('--duration', 60), connections = option('--connections', 256), wrkThreads = option('--threads', 2);
// SQLite's page caches grow with the pages a run touches, up to their size (256 MiB for the writer and
// 32 MiB per reader by default): with small caches, what is left of the growth of RSS is not the cache.
const cache = option('--sqlite-cache', 0), readerCache = option('--sqlite-reader-cache', 0);
const cacheFlags = [...(cache ? ['--sqlite-cache', String(cache)] : []), ...(readerCache ? ['--sqlite-reader-cache', String(readerCache)] : [])];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const env = { ...process.env };
for (const key of Object.keys(env)) if (key.startsWith('BRM_')) delete env[key];
const work = mkdtempSync(path.join(os.tmpdir(), 'brm-load-'));
const data = path.join(work, 'data');
let server = null;
const cleanup = () => { if (server) server.kill('SIGKILL'); rmSync(work, { recursive: true, force: true }); };
process.on('exit', cleanup);

execFileSync(brm, ['demo', '--data', data, '--end', '2026-11-23'], { stdio: 'ignore', env });
const tables = ['organizations', 'departments', 'people', 'teams', 'users', 'reporting', 'influence', 'opportunities', 'chain_members', 'ratings', 'votes', 'activities', 'influence_uses'];
const countRecords = () => Number(execFileSync('sqlite3', [path.join(data, 'brm.db'), `SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t})`).join(' + ')};`], { encoding: 'utf8' }).trim());
const recordsBefore = countRecords();
const dbMiB = () => ['brm.db', 'brm.db-wal'].map((x) => path.join(data, x)).filter(existsSync).reduce((n, x) => n + statSync(x).size, 0) / 1048576;
const dbBefore = dbMiB();

const logins = ['admin', 'ceo', 'manager1', 'manager2', 'manager3', 'manager4', ...Array.from({ length: 16 }, (_, i) => `rep${String(i + 1).padStart(2, '0')}`)];
const tokens = Object.fromEntries(logins.map((login) => [login, execFileSync(brm, ['token', '--data', data, login, '--name', 'load'], { encoding: 'utf8', env }).trim()]));

const readyFile = path.join(work, 'port');
async function startServer() {
  rmSync(readyFile, { force: true });
  server = spawn(brm, ['serve', '--data', data, '--listen', '127.0.0.1:0', '--access-log', 'false', '--ready-file', readyFile, ...cacheFlags], { stdio: ['ignore', 'ignore', 'ignore'], env });
  for (let i = 0; i < 300; i++) {
    await sleep(100);
    if (existsSync(readyFile)) return readFileSync(readyFile, 'utf8').trim();
  }
  console.error('load: brm serve did not start');
  process.exit(1);
}
const port = await startServer();
const base = `http://127.0.0.1:${port}`;

async function api(login, method, urlPath, body) {
  const res = await fetch(base + urlPath, { method, headers: { Authorization: `Bearer ${tokens[login]}`, 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${login}: ${method} ${urlPath} answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
}
async function all(login, urlPath) {
  const items = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await api(login, 'GET', `${urlPath}&limit=1000&offset=${offset}`);
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) return items;
  }
}

// What each user may see, read with the user's own token.
const users = [];
for (const login of logins) {
  const me = await api(login, 'GET', '/api/v1/auth/me');
  const customers = (await all(login, '/api/v1/organizations?kind=customer&active_on=today')).map((o) => o.id);
  const mine = new Set(customers);
  const persons = (await all(login, '/api/v1/people?key=true&active_on=today')).filter((p) => mine.has(p.org)).map((p) => p.id);
  const opportunities = (await all(login, '/api/v1/opportunities?active_on=today')).filter((o) => mine.has(o.customer)).map((o) => o.id);
  if (!customers.length || !persons.length) {
    console.log(`load: ${login} is left out: ${customers.length} customers, ${persons.length} key persons, ${opportunities.length} opportunities`);
    continue;
  }
  users.push({ login, role: me.user.role, token: tokens[login], customers, persons, opportunities });
}
// Every kind of request once per user, as load.lua makes them: the run must answer 2xx only.
for (const u of users) {
  const [c, p, o] = [u.customers[0], u.persons[0], u.opportunities[0]];
  for (const url of ['/api/v1/organizations?kind=customer&limit=50', `/api/v1/people?org=${c}&limit=50`, `/api/v1/opportunities?customer=${c}&limit=50`,
    `/api/v1/organizations/${c}`, `/api/v1/people/${p}`, `/api/v1/customers/${c}/metrics`, `/api/v1/people/${p}/profile`,
    '/api/v1/lines/customer?scope=me', `/api/v1/customers/${c}/trend`, ...(o ? [`/api/v1/opportunities/${o}`, `/api/v1/opportunities/${o}/chain`] : [])]) {
    await api(u.login, 'GET', url);
  }
  await api(u.login, 'POST', '/api/v1/ratings', { person: u.persons[0], dimension: 'closeness', value: 'support' });
  await api(u.login, 'POST', '/api/v1/activities', { person: u.persons[0], kind: 'call', note: 'load test' });
  await api(u.login, 'PATCH', `/api/v1/people/${p}`, { importance: 'high' });
  if (o) await api(u.login, 'PATCH', `/api/v1/opportunities/${o}`, { stage: '方案' });
}
const lua = (v) => Array.isArray(v) ? `{${v.map(lua).join(', ')}}` : typeof v === 'object' ? `{${Object.entries(v).map(([k, x]) => `${k} = ${lua(x)}`).join(', ')}}` : JSON.stringify(v);
const usersFile = path.join(work, 'users.lua');
writeFileSync(usersFile, `return ${lua(users)}\n`);
const roles = {};
for (const u of users) roles[u.role] = (roles[u.role] ?? 0) + 1;
console.log(`users: ${users.length} (${Object.entries(roles).map(([r, n]) => `${n} ${r}`).join(', ')}), each with their own token; ` +
  `a rep sees ${Math.min(...users.filter((u) => u.role === 'rep').map((u) => u.customers.length))}–${Math.max(...users.filter((u) => u.role === 'rep').map((u) => u.customers.length))} customers`);
console.log(`dataset: demo company, ${recordsBefore.toLocaleString('en')} records (40 customers, ${users.find((u) => u.role === 'admin')?.persons.length} active key persons, 220 opportunities, 30,000 ratings)`);

// The run, with the server's resident memory sampled every second.
const rss = () => Number((readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m) ?? [0, 0])[1]) / 1024;
const idle = rss();
const samples = [];
const wrk = spawn('wrk', [`-t${wrkThreads}`, `-c${connections}`, `-d${duration}s`, '--latency', '-s', path.join(root, 'bench/load.lua'), `${base}/api/v1/health`, '--', usersFile, ...(readsOnly ? ['reads-only'] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
let output = '';
wrk.stdout.on('data', (c) => { output += c; });
const started = Date.now();
const sampler = setInterval(() => { if (samples.length < duration) samples.push(rss()); }, 1000);
const code = await new Promise((r) => wrk.on('close', r)); // close: after its output is read
clearInterval(sampler);
const wall = (Date.now() - started) / 1000;
process.stdout.write(output.split('\n').filter((line) => !line.startsWith('result ')).join('\n'));
if (code !== 0) { console.error(`load: wrk exited ${code}`); process.exit(1); }
const resultLine = output.split('\n').find((line) => line.startsWith('result ')) ?? '';
const result = Object.fromEntries([...resultLine.matchAll(/(\w+)=([\d.]+)/g)].map((m) => [m[1], Number(m[2])]));

const stopServer = async () => { server.kill('SIGTERM'); await new Promise((r) => server.on('exit', r)); server = null; };
await stopServer();
const recordsAfter = countRecords();
const dbAfter = dbMiB();
const restartPort = await startServer();
await fetch(`http://127.0.0.1:${restartPort}/api/v1/health`);
const restarted = rss();
await stopServer();

const mean = (list) => list.reduce((a, b) => a + b, 0) / Math.max(1, list.length);
// Warm-up: the first 10 s (a third of a shorter run). The claim checked: every sample after it stays within
// ±10 % of their mean.
const warm = Math.min(10, Math.floor(samples.length / 3));
const after = samples.slice(warm);
const steady = mean(after);
const deviation = Math.max(0, ...after.map((x) => Math.abs(x - steady) / steady));
const held = after.length > 0 && deviation <= 0.1;
const ms = (us) => (us / 1000).toFixed(1);
console.log('');
console.log(`summary${readsOnly ? ' (reads only)' : ''}: ${connections} connections, ${wrkThreads} wrk threads, ${result.seconds.toFixed(1)} s (wall ${wall.toFixed(1)} s), ${users.length} users`);
console.log(`  requests: ${result.requests.toLocaleString('en')}, ${Math.round(result.requests / result.seconds).toLocaleString('en')} req/s; ` +
  `records written: ${(recordsAfter - recordsBefore).toLocaleString('en')} (${Math.round((recordsAfter - recordsBefore) / result.seconds)} a second, including ${users.length * 2} of the check before the run); brm.db ${dbBefore.toFixed(1)} → ${dbAfter.toFixed(1)} MiB`);
console.log(`  latency: p50 ${ms(result.p50_us)} ms, p90 ${ms(result.p90_us)} ms, p99 ${ms(result.p99_us)} ms, max ${ms(result.max_us)} ms`);
const fivexx = Object.entries(result).filter(([k]) => /^s5\d\d$/.test(k)).reduce((n, [, v]) => n + v, 0);
console.log(`  errors: ${result.non2xx} non-2xx responses (${result.status_errors} with status >= 400, of them ${fivexx} 5xx; the mix expects no 4xx), ` +
  `socket errors: connect ${result.connect}, read ${result.read}, write ${result.write}, timeout ${result.timeout}`);
console.log(`  server RSS (MiB): idle before the run ${idle.toFixed(0)}; during the run min ${Math.min(...samples).toFixed(0)}, max ${Math.max(...samples).toFixed(0)}; ` +
  `after the ${warm} s warm-up min ${Math.min(...after).toFixed(0)}, max ${Math.max(...after).toFixed(0)}, mean ${steady.toFixed(0)}, ` +
  `largest deviation from the mean ${(100 * deviation).toFixed(1)} % — ${held ? 'held: within' : 'NOT within'} ±10 %`);
console.log(`  a fresh brm serve on the data after the run: ${restarted.toFixed(0)} MiB once it answers (${idle.toFixed(0)} MiB before the run)`);
console.log(`  RSS samples (MiB, one a second): ${samples.map((x) => x.toFixed(0)).join(' ')}`);
if (result.non2xx > 0 || result.status_errors > 0 || result.connect + result.read + result.write + result.timeout > 0) process.exitCode = 1;
