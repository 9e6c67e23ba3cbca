#!/usr/bin/env node
// Proves on the built app and the embedded database that a committed change survives a SIGKILL, and that SIGTERM
// stops the process cleanly (exit 0). Used by CI after the build: `node tools/durability-check.mjs`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'cofinanca-durability-'));
const port = 3000 + Math.floor(Math.random() * 2000) + 1000;
const base = `http://127.0.0.1:${port}`;
const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), SEED_DEMO: 'true', LOG_LEVEL: 'warn' };
delete env.DATABASE_URL;
let results = { passed: 0, failed: 0 };

function start() {
  const child = spawn(process.execPath, [join(root, 'dist/apps/api/main.js')], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

async function waitHealthy(timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('the app did not become healthy');
}

const exited = (child) =>
  new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

async function token() {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.cofinanca.cat', password: 'Cofinanca-admin-2026' }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  return (await res.json()).accessToken;
}

function check(name, ok) {
  console.log(`${ok ? 'ok' : 'FAILED'} - ${name}`);
  results[ok ? 'passed' : 'failed'] += 1;
}

try {
  let app = start();
  await waitHealthy();
  const auth = { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' };
  const created = await fetch(`${base}/api/v1/calendar/holidays`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ date: '2027-01-01', scope: 'local:25120', name: 'Durability check' }),
  });
  check('a holiday is created', created.status === 201);

  app.kill('SIGKILL');
  await exited(app);
  app = start();
  await waitHealthy();
  const list = await fetch(`${base}/api/v1/calendar/holidays?year=2027`, {
    headers: { authorization: `Bearer ${await token()}` },
  });
  const holidays = await list.json();
  check(
    'the holiday committed before SIGKILL is there after a restart',
    holidays.some((h) => h.name === 'Durability check'),
  );

  app.kill('SIGTERM');
  const { code } = await exited(app);
  check('SIGTERM stops the app cleanly (exit 0)', code === 0);
} catch (err) {
  console.error(err);
  results.failed += 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(`durability: ${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);
