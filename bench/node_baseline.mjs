// The request-path baseline of issue 11 item 4: a plain Node.js `http` server that checks
// "Authorization: Bearer", hashes the token with SHA-256 as brm does, and answers a fixed person's JSON.
// Usage: node bench/node_baseline.mjs PORT PERSON.json TOKEN (PERSON.json as brm served it; bench/run reqpath).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';

const [port, file, token] = process.argv.slice(2);
const body = readFileSync(file);
const expected = createHash('sha256').update(token).digest('hex');
const headers = { 'Content-Type': 'application/json', 'Content-Length': body.length, 'Cache-Control': 'no-store' };
http.createServer((req, res) => {
  const auth = req.headers.authorization ?? '';
  const ok = auth.startsWith('Bearer ') && createHash('sha256').update(auth.slice(7)).digest('hex') === expected;
  if (ok) res.writeHead(200, headers).end(body);
  else res.writeHead(401).end();
}).listen(Number(port), '127.0.0.1');
