// Seed corpora for the fuzz targets, made from the test fixture (tests/fixtures/small_bundle.json) and
// requests like the tests send. Usage: node fuzz/seeds.mjs OUTDIR  (writes OUTDIR/<target>/seed-N).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? path.join(root, 'build/fuzz/seeds');
const fixtureText = fs.readFileSync(path.join(root, 'tests/fixtures/small_bundle.json'), 'utf8');
const fixture = JSON.parse(fixtureText);

function write(target, seeds) {
  const dir = path.join(out, target);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  seeds.forEach((seed, i) => fs.writeFileSync(path.join(dir, `seed-${i}`), seed));
}

// record: the kind's index (domain/record.hpp order) as the first byte, then a record of that kind.
const kinds = ['organizations', 'departments', 'people', 'teams', 'users', 'reporting', 'influence', 'opportunities',
  'chain', 'ratings', 'votes', 'activities', 'influence_uses'];
const records = [];
kinds.forEach((key, kind) => {
  for (const record of fixture[key] ?? []) {
    const { password, ...fields } = record;
    records.push(Buffer.concat([Buffer.from([kind]), Buffer.from(JSON.stringify(fields))]));
    const { id, ...withoutId } = fields;
    records.push(Buffer.concat([Buffer.from([kind + kinds.length]), Buffer.from(JSON.stringify(withoutId))]));
  }
});
write('record', records);

// bundle: the fixture, a part of it, and one with a broken reference. Without the users' passwords: each
// costs an argon2id hash (64 MiB, ~75 ms), which would slow the fuzzer a hundredfold; one seed keeps one.
const users = fixture.users.map(({ password, ...user }) => user);
const whole = { ...fixture, users };
const part = { format: 'brm-bundle', version: 1, organizations: fixture.organizations, people: fixture.people.slice(0, 3) };
const broken = { ...whole, chain: [{ id: 'mx', opportunity: 'o1', person: 'nobody', role: 'user' }] };
const onePassword = { ...whole, users: [fixture.users[0], ...users.slice(1)] };
write('bundle', [JSON.stringify(whole), JSON.stringify(part), JSON.stringify(broken), JSON.stringify(onePassword)]);

// query: user byte, endpoint byte, query string.
const queries = ['limit=5', 'limit=1000&offset=1', 'search=%E5%BC%A0', 'search=张', 'ids=p1,p2,p4&limit=1000',
  'active_on=today', 'active_on=2026-03-01', 'kind=customer&focus=true', 'scope=team:t-east', 'scope=user:u-rep2',
  'scope=company&toward=comp1', 'as_of=2026-03-01&toward=ours', 'org=c1&key=true', 'months=12', 'dimension=closeness',
  'scope=me&as_of=2025-12-31', 'sort=name&limit=0'];
const query = [];
queries.forEach((q, i) => {
  for (let user = 0; user < 4; user++) query.push(Buffer.concat([Buffer.from([user, i * 3 + user]), Buffer.from(q)]));
});
write('query', query);

// http: whole requests; @admin@ and the like stand for the users' API tokens.
const crlf = (lines, body = '') => lines.join('\r\n') + '\r\n\r\n' + body;
const json = (method, target, user, body) =>
  crlf([`${method} ${target} HTTP/1.1`, 'Host: brm', `Authorization: Bearer @${user}@`, 'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`], body);
write('http', [
  crlf(['GET /api/v1/health HTTP/1.1', 'Host: brm']),
  crlf(['GET /api/v1/people?limit=3&search=%E5%BC%A0 HTTP/1.1', 'Host: brm', 'Authorization: Bearer @admin@']),
  crlf(['GET /api/v1/customers/c1/metrics?as_of=2026-03-01 HTTP/1.1', 'Host: brm', 'Authorization: Bearer @rep1@']),
  crlf(['GET /api/v1/lines/customer?scope=team:t-east HTTP/1.1', 'Host: brm', 'Authorization: Bearer @mgr@']),
  crlf(['GET /api/v1/people/p1/profile HTTP/1.1', 'Host: brm', 'Authorization: Bearer @staff@']),
  json('POST', '/api/v1/ratings', 'rep1', JSON.stringify({ person: 'p1', dimension: 'closeness', value: 'support' })),
  json('PATCH', '/api/v1/organizations/comp1', 'rep1', JSON.stringify({ kind: 'customer', owner: 'u-rep1' })),
  json('POST', '/api/v1/influence-links', 'staff', JSON.stringify({ from: 'e-staff', to: 'p4', strength: 'weak' })),
  json('POST', '/api/v1/auth/login', 'admin', JSON.stringify({ login: 'rep1', password: 'secret-pass-1' })),
  json('PUT', '/api/v1/auth/language', 'rep1', JSON.stringify({ language: 'en' })),
  crlf(['DELETE /api/v1/chain-members/m2?date=2026-03-01 HTTP/1.1', 'Host: brm', 'Authorization: Bearer @admin@']),
  crlf(['POST /api/v1/bundles/import HTTP/1.1', 'Host: brm', 'Authorization: Bearer @admin@', 'Transfer-Encoding: chunked'],
    '5\r\n{"a":\r\n0\r\n\r\n'),
  crlf(['GET /api/v1/people/%E5%BC%A0 HTTP/1.0', 'Cookie: brm_session=x; brm_csrf=y']),
]);
console.log(`fuzz: seeds in ${path.relative(process.cwd(), out)}`);
