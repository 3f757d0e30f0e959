// Durability benchmark: kill -9 trials. Each trial runs a real `brm serve` on a copy of the demo company
// while four clients stream writes through the HTTP API as admin, one request at a time each: creates
// (activities and ratings) and changes (PATCH of a key person's title and importance, of an opportunity's
// stage and amount; each client changes its own quarter of the people and opportunities, so the value a
// record must hold is known). Half of the trials also send a bundle import (POST /api/v1/bundle), half run
// a `brm backup` of the data directory at the same time (so a quarter do both and a quarter neither).
// At a random moment 50–800 ms into the trial the server is killed with SIGKILL, and a running backup
// with it. The server is restarted on the same data directory (SQLite recovers its WAL on open) and the
// trial checks:
//
//   - PRAGMA integrity_check of DIR/brm.db is "ok" (sqlite3 CLI, read while the restarted server idles);
//   - every create answered 201 is there with the values sent (person, kind or dimension, note or value,
//     date), and the last one of each client also reads 200 through the restarted server;
//   - every record changed by a PATCH answered 200 holds the values of its last acknowledged PATCH, or those
//     of a later PATCH that was cut by the kill (sent, never answered: it may or may not have committed);
//   - the trial's bundle (one customer with departments, people, ratings and activities, every id starting
//     with imp<trial>-) is there entirely when the import answered 200, and entirely or not at all when the
//     kill cut it;
//   - a backup that finished (exit 0, "backed up to" printed) is a complete database on its own: integrity
//     ok and at least the demo company's activities. A backup the kill cut is only described (absent, an
//     unfinished file, or complete after all): `brm backup` writes its target in place, so a cut backup
//     leaves an unfinished file under the target name; it never reported success, so it is not a failure.
//
// How each trial ended is counted from what the client saw: a write, the import, or the backup is "cut"
// when the kill came while it was in flight (a request sent and no answer read; a backup process that
// ended by SIGKILL rather than exiting 0).
//
// The data directory is reused from trial to trial (it grows by the writes) and copied fresh from the
// demo company every 100 trials. One line per failed trial, a summary at the end; exit 1 on any failure.
//
//   node bench/crash_trials.mjs [N] [--seed S] [--keep]     (bench/run crash [N] [--seed S]; N defaults to 1000)
//
// --keep keeps the work directory in /tmp; it is kept anyway when a trial fails (the failing data
// directory is copied there).
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const brm = path.join(root, 'build/brm');
const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const keep = args.includes('--keep') && (args.splice(args.indexOf('--keep'), 1), true);
const seed = Number(option('--seed') ?? Date.now() % 1000000);
const trials = Number(args[0] ?? 1000);
if (!Number.isInteger(trials) || trials < 1 || !Number.isInteger(seed)) { console.error('usage: node bench/crash_trials.mjs [N] [--seed S] [--keep]'); process.exit(2); }

const WRITERS = 4;
const FRESH_EVERY = 100;
const KILL_MIN = 50, KILL_MAX = 800; // ms after the trial's load starts
const P_IMPORT = 0.5, P_BACKUP = 0.5;
const BUNDLE = { departments: 10, people: 200, ratings: 1200, activities: 400 };
const END = '2026-11-23';

// mulberry32: the same seed gives the same kill moments, import and backup starts and writes.
let state = seed >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const env = { ...process.env };
for (const key of Object.keys(env)) if (key.startsWith('BRM_')) delete env[key];
const work = mkdtempSync(path.join(os.tmpdir(), 'brm-crash-'));
const pristine = path.join(work, 'pristine');
const data = path.join(work, 'data');
const db = path.join(data, 'brm.db');
const readyFile = path.join(work, 'port');
const backups = path.join(work, 'backups');
mkdirSync(backups);
const serveLog = openSync(path.join(work, 'serve.log'), 'a');
const sqlite = (file, sql) => execFileSync('sqlite3', ['-batch', '-bail', file], { input: sql, encoding: 'utf8', maxBuffer: 1 << 26, stdio: 'pipe' });

execFileSync(brm, ['demo', '--data', pristine, '--end', END], { stdio: 'ignore', env });
const token = execFileSync(brm, ['token', '--data', pristine, 'admin', '--name', 'crash-trials'], { encoding: 'utf8', env }).trim();
const pristineDb = path.join(pristine, 'brm.db');
const lines = (text) => text.trim().split('\n').filter(Boolean);
const persons = lines(sqlite(pristineDb, 'SELECT id FROM people WHERE key = 1 AND until IS NULL ORDER BY rid;'));
const opportunities = lines(sqlite(pristineDb, 'SELECT id FROM opportunities WHERE until IS NULL ORDER BY rid;'));
// The records each client changes: its own share, so that no two clients change the same record.
const share = (list, w) => list.filter((_, i) => i % WRITERS === w);
const owned = { people: Array.from({ length: WRITERS }, (_, w) => share(persons, w)), opportunities: Array.from({ length: WRITERS }, (_, w) => share(opportunities, w)) };
const demoActivities = Number(sqlite(pristineDb, 'SELECT count(*) FROM activities;').trim());
const recordTables = ['organizations', 'departments', 'people', 'teams', 'users', 'reporting', 'influence', 'opportunities', 'chain_members', 'ratings', 'votes', 'activities', 'influence_uses'];
const demoRecords = Number(sqlite(pristineDb, `SELECT ${recordTables.map((x) => `(SELECT count(*) FROM ${x})`).join(' + ')};`).trim());

// ---- the server ----
let server = null, port = 0;
async function startServer() {
  rmSync(readyFile, { force: true });
  const started = Date.now();
  const child = spawn(brm, ['serve', '--data', data, '--listen', '127.0.0.1:0', '--access-log', 'false', '--ready-file', readyFile], { stdio: ['ignore', 'ignore', serveLog], env });
  let exited = false;
  child.on('exit', () => { exited = true; });
  child.exited = new Promise((r) => child.on('exit', r));
  for (;;) {
    if (existsSync(readyFile)) {
      const text = readFileSync(readyFile, 'utf8').trim();
      if (/^\d+$/.test(text)) { port = Number(text); break; }
    }
    if (exited || Date.now() - started > 30000) return null;
    await sleep(5);
  }
  server = child;
  restartMs.push(Date.now() - started);
  return child;
}
async function killServer() {
  if (!server) return;
  server.kill('SIGKILL');
  await server.exited;
  server = null;
}

// ---- HTTP ----
function request(agent, method, urlPath, body) {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method, agent, timeout: 20000,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(payload ? { 'Content-Length': Buffer.byteLength(payload) } : {}) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve({ status: 0 }));
    });
    req.on('error', () => resolve({ status: 0 }));
    req.on('timeout', () => req.destroy());
    req.end(payload);
  });
}
const newAgent = () => new http.Agent({ keepAlive: true, maxSockets: 1 });

// ---- the bundle of trial t ----
const attitudes = ['strong_support', 'support', 'neutral', 'oppose', 'strong_oppose'];
function bundleOf(t) {
  const p = `imp${t}-`;
  return {
    format: 'brm-bundle', version: 1,
    organizations: [{ id: `${p}org`, name: `崩溃试验客户 ${t}`, kind: 'customer', owner: 'u-rep01' }],
    departments: Array.from({ length: BUNDLE.departments }, (_, i) => ({ id: `${p}d${i}`, org: `${p}org`, name: `部门${i}` })),
    people: Array.from({ length: BUNDLE.people }, (_, i) => ({ id: `${p}p${i}`, org: `${p}org`, department: `${p}d${i % BUNDLE.departments}`, name: `试验${t}-${i}` })),
    ratings: Array.from({ length: BUNDLE.ratings }, (_, i) => ({ id: `${p}r${i}`, person: `${p}p${i % BUNDLE.people}`, dimension: ['closeness', 'solution', 'price'][i % 3], value: attitudes[i % 5], date: '2026-11-01' })),
    activities: Array.from({ length: BUNDLE.activities }, (_, i) => ({ id: `${p}a${i}`, person: `${p}p${i % BUNDLE.people}`, kind: 'visit', date: '2026-11-02' })),
  };
}
const bundleTables = { organizations: 1, departments: BUNDLE.departments, people: BUNDLE.people, ratings: BUNDLE.ratings, activities: BUNDLE.activities };
const bundleSize = Object.values(bundleTables).reduce((a, b) => a + b, 0);

// ---- totals ----
const totals = {
  trials: 0, failed: 0, restartFailures: 0, integrity: 0, unexpected: 0,
  // writes
  creates: 0, patches: 0, patchedRecords: 0, lost: 0, wrong: 0, patchWrong: 0, readBack: 0,
  writesCut: 0, cutCreatesWithId: 0, cutCreatesCommitted: 0, cutPatches: 0, cutPatchesCommitted: 0,
  // how trials ended (one each), and what was in flight
  endImport: 0, endBackup: 0, endWrite: 0, endQuiet: 0, trialsWithWriteCut: 0,
  // imports
  importTrials: 0, importsNotSent: 0, importsAnswered: 0, importsAnsweredMissing: 0, importsCut: 0, cutAll: 0, cutNone: 0, importsPartial: 0, importsRefused: 0,
  // backups
  backupTrials: 0, backupsNotStarted: 0, backupsFinished: 0, backupFinishedComplete: 0, backupFinishedIncomplete: 0, backupsFailed: 0,
  backupsKilled: 0, killedAbsent: 0, killedUnfinished: 0, killedUnfinishedWithWal: 0, killedComplete: 0,
};
const restartMs = [], trialMs = [], backupFinishMs = [], backupKilledAfterMs = [];
const importances = ['high', 'medium', 'low', 'unknown'];
const kinds = ['visit', 'call', 'meeting'];
const dimensions = ['closeness', 'solution', 'price'];

// ---- one trial ----
async function trial(t) {
  const began = Date.now();
  const problems = [];
  const killAt = KILL_MIN + random() * (KILL_MAX - KILL_MIN);
  const withImport = random() < P_IMPORT, withBackup = random() < P_BACKUP;
  const importAt = random() * killAt;
  const backupAt = random() * killAt;
  // Each step: what (creates of activities and ratings, PATCHes of people and opportunities), two numbers
  // that choose the record and the values, and whether the create carries its own id.
  const plan = Array.from({ length: WRITERS }, () => Array.from({ length: 3000 }, () => {
    const r = random();
    return [r < 0.35 ? 'activities' : r < 0.6 ? 'ratings' : r < 0.85 ? 'people' : 'opportunities', random(), random(), random() < 0.5];
  }));
  const created = [];  // {table, id, person, a, b, w}: creates answered 201 with the values sent
  const cutCreates = []; // [table, id]: creates with their own id that the kill cut
  const changed = new Map(); // "table/id" -> {table, id, w, acked, pending}: the values of the last PATCH answered 200, and of one cut after it
  let stop = false, writesCut = 0, patchesAcked = 0;

  const writers = plan.map(async (steps, w) => {
    const agent = newAgent();
    for (let i = 0; i < steps.length && !stop; i++) {
      const [table, r1, r2, withId] = steps[i];
      let method, url, body, entry;
      if (table === 'activities' || table === 'ratings') {
        const person = persons[Math.floor(r1 * persons.length)];
        body = table === 'activities'
          ? { person, kind: kinds[Math.floor(r2 * 3)], date: '2026-11-20', note: `crash trial ${t}` }
          : { person, dimension: dimensions[Math.floor(r2 * 3)], value: attitudes[Math.floor(r2 * 15) % 5], date: '2026-11-20' };
        if (withId) body.id = `ct${t}-${w}-${i}`;
        method = 'POST'; url = `/api/v1/${table}`;
      } else {
        const list = owned[table][w];
        const id = list[Math.floor(r1 * list.length)];
        body = table === 'people'
          ? { title: `ct${t}-${w}-${i}`, importance: importances[Math.floor(r2 * 4)] }
          : { stage: `ct${t}-${w}-${i}`, amount: 1000 + Math.floor(r2 * 1e6) };
        method = 'PATCH'; url = `/api/v1/${table}/${id}`;
        entry = changed.get(`${table}/${id}`) ?? { table, id, w, acked: null, pending: null };
        changed.set(`${table}/${id}`, entry);
        entry.pending = body;
      }
      const res = await request(agent, method, url, body);
      if (res.status === 0) { // the server is gone: this write was never acknowledged
        writesCut++;
        if (method === 'POST' && withId) cutCreates.push([table, body.id]);
        if (method === 'PATCH') totals.cutPatches++; // entry.pending stays: it may have committed
        break;
      }
      if (entry) entry.pending = null;
      if (res.status !== (method === 'POST' ? 201 : 200)) {
        totals.unexpected++;
        problems.push(`${method} ${url} answered ${res.status}: ${res.text.slice(0, 200)}`);
        break;
      }
      let id;
      try { id = JSON.parse(res.text).id; } catch { id = undefined; }
      if (method === 'POST') {
        if (withId && id !== body.id) problems.push(`POST ${url} answered id ${id} for ${body.id}`);
        if (typeof id === 'string') created.push({ table, id, person: body.person, a: body.kind ?? body.dimension, b: body.note ?? body.value, w });
      } else {
        entry.acked = body;
        patchesAcked++;
      }
    }
    agent.destroy();
  });

  // The import: 'none' (not in this trial, or the kill came first), 'answered', 'cut', 'refused'.
  let importState = 'none';
  const importDone = !withImport ? Promise.resolve() : sleep(importAt).then(async () => {
    if (stop) return;
    importState = 'sent';
    const agent = newAgent();
    const res = await request(agent, 'POST', '/api/v1/bundle', bundleOf(t));
    agent.destroy();
    if (res.status === 200) importState = 'answered';
    else if (res.status === 0) importState = 'cut';
    else { importState = 'refused'; totals.unexpected++; problems.push(`POST /api/v1/bundle answered ${res.status}: ${res.text.slice(0, 200)}`); }
  });

  // The backup: 'none', 'running', then by how the process ended: 'finished' (exit 0 and its message),
  // 'killed' (SIGKILL: the kill came while it ran), 'failed' (anything else).
  const backupFile = path.join(backups, `backup-${t}.db`);
  let backup = null, backupState = 'none', backupSpawned = 0;
  const backupStarted = !withBackup ? Promise.resolve() : sleep(backupAt).then(() => {
    if (stop) return;
    backupSpawned = Date.now();
    backupState = 'running';
    backup = spawn(brm, ['backup', '--data', data, backupFile], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '', stderr = '';
    backup.stdout.on('data', (c) => { stdout += c; });
    backup.stderr.on('data', (c) => { stderr += c; });
    backup.exited = new Promise((r) => backup.on('close', (code, signal) => {
      if (signal === 'SIGKILL') { backupState = 'killed'; backupKilledAfterMs.push(backup.killedAfter ?? Date.now() - backupSpawned); }
      else if (code === 0 && stdout.includes('backed up to')) { backupState = 'finished'; backupFinishMs.push(Date.now() - backupSpawned); }
      else { backupState = 'failed'; problems.push(`brm backup ended with ${signal ?? `exit ${code}`}: ${(stderr || stdout).trim().slice(0, 200)}`); }
      r();
    }));
  });

  await sleep(killAt);
  stop = true;
  if (backup && backup.exitCode === null && backup.signalCode === null) { backup.killedAfter = Date.now() - backupSpawned; backup.kill('SIGKILL'); }
  await killServer();
  await Promise.all([...writers, importDone, backupStarted]);
  if (backup) await backup.exited;

  // ---- how the trial ended ----
  if (importState === 'cut') totals.endImport++;
  else if (backupState === 'killed') totals.endBackup++;
  else if (writesCut > 0) totals.endWrite++;
  else totals.endQuiet++;
  if (writesCut > 0) totals.trialsWithWriteCut++;
  totals.writesCut += writesCut;

  // ---- restart and check ----
  if (!(await startServer())) {
    totals.restartFailures++;
    problems.push('brm serve did not start again after the kill (see serve.log)');
    return problems;
  }
  const patchedRecords = [...changed.values()].filter((e) => e.acked);
  totals.creates += created.length;
  totals.patches += patchesAcked;
  totals.patchedRecords += patchedRecords.length;
  const q = (v) => (v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`);
  const insert = (table, rows) => rows.length ? rows.reduce((sql, row, i) => sql + (i % 500 ? ',' : `${i ? ';\n' : ''}INSERT INTO ${table} VALUES `) + `(${row.map(q).join(',')})`, '') + ';\n' : '';
  const field = (x, k) => (x ? x[k] : null);
  let sql = "PRAGMA integrity_check;\nSELECT '--';\n";
  sql += 'CREATE TEMP TABLE c (tab, id, person, a, b);\n' + insert('c', created.map((x) => [x.table, x.id, x.person, x.a, x.b]));
  sql += `SELECT c.tab, c.id, CASE WHEN x.id IS NULL AND y.id IS NULL THEN 'missing' ELSE 'different' END FROM c
            LEFT JOIN activities x ON c.tab = 'activities' AND x.id = c.id LEFT JOIN ratings y ON c.tab = 'ratings' AND y.id = c.id
          WHERE NOT (x.id IS NOT NULL AND x.person = c.person AND x.kind = c.a AND x.note = c.b AND x.date = '2026-11-20' AND x.until IS NULL)
            AND NOT (y.id IS NOT NULL AND y.person = c.person AND y.dimension = c.a AND y.value = c.b AND y.date = '2026-11-20' AND y.until IS NULL);\nSELECT '--';\n`;
  sql += 'CREATE TEMP TABLE p (tab, id, a1, b1, a2, b2);\n' + insert('p', patchedRecords.map((e) => {
    const [a, b] = e.table === 'people' ? ['title', 'importance'] : ['stage', 'amount'];
    return [e.table, e.id, e.acked[a], e.acked[b], field(e.pending, a), field(e.pending, b)];
  }));
  sql += `SELECT p.tab, p.id, coalesce(x.title, y.stage), coalesce(x.importance, y.amount), p.a1, p.b1 FROM p
            LEFT JOIN people x ON p.tab = 'people' AND x.id = p.id LEFT JOIN opportunities y ON p.tab = 'opportunities' AND y.id = p.id
          WHERE NOT (coalesce(x.title, y.stage) IS p.a1 AND coalesce(x.importance, y.amount) IS p.b1)
            AND NOT (p.a2 IS NOT NULL AND coalesce(x.title, y.stage) IS p.a2 AND coalesce(x.importance, y.amount) IS p.b2);\nSELECT '--';\n`;
  // Writes the kill cut: were they committed after all? (information)
  sql += 'CREATE TEMP TABLE u (tab, id);\n' + insert('u', cutCreates);
  sql += "SELECT count(*) FROM u WHERE id IN (SELECT id FROM activities) OR id IN (SELECT id FROM ratings);\n";
  const cutPatched = [...changed.values()].filter((e) => e.pending);
  sql += 'CREATE TEMP TABLE v (tab, id, a2);\n' + insert('v', cutPatched.map((e) => [e.table, e.id, e.pending.title ?? e.pending.stage]));
  sql += "SELECT count(*) FROM v WHERE a2 IN (SELECT title FROM people WHERE id = v.id UNION ALL SELECT stage FROM opportunities WHERE id = v.id);\nSELECT '--';\n";
  sql += Object.keys(bundleTables).map((table) => `SELECT count(*) FROM ${table} WHERE id LIKE 'imp${t}-%';`).join('\n') + '\n';
  let out;
  try {
    out = sqlite(db, sql);
  } catch (e) {
    totals.integrity++;
    problems.push(`sqlite3 could not read brm.db: ${String(e.stderr ?? e.message).trim().slice(0, 300)}`);
    return problems;
  }
  const [integrity, missing, wrongPatches, cut, counts] = out.split(/^--$/m).map((s) => s.trim());
  if (integrity !== 'ok') { totals.integrity++; problems.push(`integrity_check: ${integrity.slice(0, 300)}`); }
  if (missing) {
    const rows = lines(missing);
    const lost = rows.filter((r) => r.endsWith('|missing')).length;
    totals.lost += lost;
    totals.wrong += rows.length - lost;
    problems.push(`${lost} acknowledged creates lost, ${rows.length - lost} with other values, of ${created.length}: ${rows.slice(0, 5).join(' ')}`);
  }
  if (wrongPatches) {
    const rows = lines(wrongPatches);
    totals.patchWrong += rows.length;
    problems.push(`${rows.length} of ${patchedRecords.length} records changed by an acknowledged PATCH hold other values (table|id|found|found|acknowledged|acknowledged): ${rows.slice(0, 5).join(' ')}`);
  }
  const [cutCreatesCommitted, cutPatchesCommitted] = lines(cut).map(Number);
  totals.cutCreatesWithId += cutCreates.length;
  totals.cutCreatesCommitted += cutCreatesCommitted;
  totals.cutPatchesCommitted += cutPatchesCommitted;

  // The last acknowledged create of each client, read back through the restarted server.
  const agent = newAgent();
  for (let w = 0; w < WRITERS; w++) {
    const last = created.filter((x) => x.w === w).pop();
    if (!last) continue;
    const res = await request(agent, 'GET', `/api/v1/${last.table}/${encodeURIComponent(last.id)}`);
    let person;
    try { person = JSON.parse(res.text).person; } catch { person = undefined; }
    if (res.status !== 200 || person !== last.person) { totals.readBack++; problems.push(`GET /api/v1/${last.table}/${last.id} after the restart answered ${res.status} (person ${person})`); }
  }
  agent.destroy();

  // The import.
  const found = lines(counts).map(Number);
  const present = found.reduce((a, b) => a + b, 0);
  if (withImport) {
    totals.importTrials++;
    if (importState === 'none') totals.importsNotSent++;
    if (importState === 'refused') totals.importsRefused++;
    if (importState === 'answered') {
      totals.importsAnswered++;
      if (present !== bundleSize) { totals.importsAnsweredMissing++; problems.push(`the import answered 200 but ${present} of its ${bundleSize} records are there`); }
    } else if (importState === 'cut') {
      totals.importsCut++;
      const all = Object.values(bundleTables).every((n, i) => found[i] === n);
      if (all) totals.cutAll++;
      else if (present === 0) totals.cutNone++;
      else { totals.importsPartial++; problems.push(`the import cut by the kill is partial: ${Object.keys(bundleTables).map((k, i) => `${k} ${found[i]}/${bundleTables[k]}`).join(', ')}`); }
    }
  }
  if ((!withImport || importState === 'none') && present !== 0) problems.push(`${present} records of an import that was never sent`);

  // The backup.
  if (withBackup) {
    totals.backupTrials++;
    if (backupState === 'none') totals.backupsNotStarted++;
    else {
      const verdict = classifyBackup(backupFile);
      if (backupState === 'finished') {
        totals.backupsFinished++;
        if (verdict.kind === 'complete') totals.backupFinishedComplete++;
        else { totals.backupFinishedIncomplete++; problems.push(`brm backup reported success but its file is ${verdict.text}`); }
      } else if (backupState === 'killed') {
        totals.backupsKilled++;
        if (verdict.kind === 'complete') totals.killedComplete++;
        else if (verdict.kind === 'absent') totals.killedAbsent++;
        else { totals.killedUnfinished++; if (verdict.walSaves) totals.killedUnfinishedWithWal++; }
      } else totals.backupsFailed++;
    }
    for (const f of [backupFile, backupFile + '-wal', backupFile + '-shm', backupFile + '-journal']) rmSync(f, { force: true });
  }
  trialMs.push(Date.now() - began);
  return problems;
}

// What is found at the backup's name, judged alone as the restore procedure (docs/operations.md) copies
// it; an unfinished file with a -wal beside it is opened once more together with it (information).
function inspectBackup(file, withWal) {
  const dir = path.join(work, 'backup-check');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  const copy = path.join(dir, 'b.db');
  copyFileSync(file, copy);
  if (withWal) copyFileSync(file + '-wal', copy + '-wal');
  let integrity, tables = -1, activities = -1;
  try {
    const out = sqlite(copy, "PRAGMA integrity_check;\nSELECT '--';\nSELECT count(*) FROM sqlite_master WHERE type = 'table';\n" +
      "SELECT count(*) FROM sqlite_master WHERE name = 'activities';\n");
    let has;
    [integrity, [tables, has]] = out.split(/^--$/m).map((x, i) => (i ? x.trim().split('\n').map(Number) : x.trim()));
    if (integrity === 'ok' && has === 1) activities = Number(sqlite(copy, 'SELECT count(*) FROM activities;').trim());
  } catch (e) {
    integrity = String(e.stderr ?? e.message).trim().split('\n')[0];
  }
  rmSync(dir, { recursive: true, force: true });
  return { integrity, tables, activities };
}
function classifyBackup(file) {
  if (!existsSync(file)) return { kind: 'absent', text: 'absent' };
  const alone = inspectBackup(file, false);
  if (alone.integrity === 'ok' && alone.activities >= demoActivities) return { kind: 'complete', text: 'complete' };
  const size = statSync(file).size;
  const wal = existsSync(file + '-wal') && statSync(file + '-wal').size > 0;
  const withWal = wal ? inspectBackup(file, true) : null;
  const walSaves = Boolean(withWal && withWal.integrity === 'ok' && withWal.activities >= demoActivities);
  return { kind: 'unfinished', walSaves, text: `not complete alone (${size} bytes${wal ? ` with a ${statSync(file + '-wal').size}-byte -wal` : ''}: integrity ${String(alone.integrity).slice(0, 120)}, ${alone.tables} tables, ${alone.activities} activities)` };
}

// ---- main ----
const wall = Date.now();
let kept = false, copies = 0;
try {
  for (let t = 1; t <= trials; t++) {
    if ((t - 1) % FRESH_EVERY === 0) {
      await killServer();
      rmSync(data, { recursive: true, force: true });
      cpSync(pristine, data, { recursive: true });
      if (!(await startServer())) { console.log(`trial ${t}: brm serve did not start on a fresh copy (see ${work}/serve.log)`); kept = true; process.exitCode = 1; break; }
    }
    const problems = await trial(t);
    totals.trials++;
    if (problems.length) {
      totals.failed++;
      console.log(`trial ${t}: ${problems.join('; ')}`);
      const copy = path.join(work, `failed-${t}`);
      if (++copies <= 5) { cpSync(data, copy, { recursive: true }); kept = true; }
      if (!server) break; // it did not restart: nothing more can be tried on this directory
    }
    if (t % 100 === 0 && t < trials) process.stderr.write(`  ${t}/${trials} trials, ${totals.failed} failed, ${((Date.now() - wall) / 1000).toFixed(0)} s\n`);
  }
} finally {
  await killServer();
}
const seconds = (Date.now() - wall) / 1000;
const median = (list) => { const s = [...list].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : 0; };
const dbSize = existsSync(db) ? (statSync(db).size / 1048576).toFixed(1) : '?';
const T = totals;
const acked = T.creates + T.patches;

console.log(`kill -9 trials: ${T.trials} (seed ${seed}); ${WRITERS} writing clients in each, a bundle import in ${T.importTrials}, a brm backup in ${T.backupTrials}; kill at a random 50–800 ms`);
console.log(`dataset: demo company (${demoRecords.toLocaleString('en')} records, ${(statSync(pristineDb).size / 1048576).toFixed(1)} MiB), fresh every ${FRESH_EVERY} trials; bundle of ${bundleSize} records; brm.db at the end ${dbSize} MiB`);
console.log(`acknowledged writes checked: ${acked} (${T.creates} creates answered 201, ${T.patches} PATCHes answered 200 on ${T.patchedRecords} records, each record checked against its last acknowledged PATCH)`);
console.log(`lost writes: ${T.lost}; creates with other values: ${T.wrong}; changed records not holding their acknowledged values: ${T.patchWrong}; not readable through the restarted server: ${T.readBack}`);
console.log(`integrity failures: ${T.integrity}; restart failures: ${T.restartFailures}; unexpected answers: ${T.unexpected}`);
console.log(`how the trials ended: ${T.endImport} killed during the import, ${T.endBackup} during a backup (no import in flight), ${T.endWrite} mid-write (only writes in flight), ${T.endQuiet} with nothing in flight`);
console.log(`writes cut by the kill (sent, no answer): ${T.writesCut} in ${T.trialsWithWriteCut} trials; committed anyway: ${T.cutCreatesCommitted} of ${T.cutCreatesWithId} creates with their own id, ${T.cutPatchesCommitted} of ${T.cutPatches} PATCHes`);
console.log(`imports: ${T.importTrials} trials: ${T.importsAnswered} answered 200 (complete after the restart: ${T.importsAnswered - T.importsAnsweredMissing}), ` +
  `${T.importsCut} cut by the kill (all: ${T.cutAll}, none: ${T.cutNone}, partial: ${T.importsPartial}), ${T.importsNotSent} not yet sent at the kill, ${T.importsRefused} refused`);
console.log(`backups: ${T.backupTrials} trials: ${T.backupsFinished} finished before the kill (median ${median(backupFinishMs)} ms, longest ${Math.max(0, ...backupFinishMs)} ms; complete: ${T.backupFinishedComplete}, not complete: ${T.backupFinishedIncomplete}), ` +
  `${T.backupsKilled} killed while running (after a median ${median(backupKilledAfterMs)} ms), ${T.backupsNotStarted} not yet started, ${T.backupsFailed} failed`);
console.log(`  files of the killed backups: ${T.killedComplete} complete, ${T.killedAbsent} absent, ${T.killedUnfinished} unfinished under the target name (${T.killedUnfinishedWithWal} of them complete together with their -wal)`);
console.log(`wall time: ${seconds.toFixed(0)} s (${(seconds / Math.max(1, T.trials)).toFixed(2)} s a trial; median trial ${(median(trialMs) / 1000).toFixed(2)} s, median restart ${median(restartMs)} ms)`);
console.log(`failed trials: ${T.failed}`);
if (T.failed || kept || keep) console.log(`work directory kept: ${work}${copies ? ' (failed-T/ holds the data directory after trial T)' : ''}`);
else rmSync(work, { recursive: true, force: true });
if (T.failed || T.lost || T.integrity || process.exitCode) process.exitCode = 1;
