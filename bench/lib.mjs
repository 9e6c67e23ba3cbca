// What the benches share (bench/run.mjs, bench/ranking.mjs): the cleanup of everything they start, child processes,
// ports, waiting for a server, the RSS of a process, a fresh database on the server, signing in, number formats.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import pg from 'pg';
import { PASSWORD } from './seed.mjs';

// ---------------------------------------------------------------------------------------------------------------
// Cleanup: every resource is registered here as soon as it exists, and released in reverse order once.

const cleanups = [];
let cleaning = null;

/** Registers `fn` to run at the end (or on Ctrl-C), after everything registered later. */
export function onCleanup(fn) {
  cleanups.push(fn);
}

export function cleanup() {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (err) {
        console.error(`cleanup: ${err.message}`);
      }
    }
  })();
  return cleaning;
}

/** On SIGINT/SIGTERM: `stop()` (e.g. the running autocannon), then the cleanup, then exit 130. */
export function cleanUpOnSignals(stop = () => {}) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, async () => {
      console.error(`\n${signal}: stopping and cleaning up…`);
      stop();
      await cleanup();
      process.exit(130);
    });
  }
}

export function startChild(args, childEnv, { stdout = 'ignore' } = {}) {
  const child = spawn(process.execPath, args, { env: childEnv, stdio: ['ignore', stdout, 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.exitedPromise = exited;
  onCleanup(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  });
  return child;
}

/** Runs `node args…` to its end; throws unless it exits with 0. */
export async function run(args, childEnv) {
  const child = startChild(args, childEnv, { stdout: 'inherit' });
  const { code } = await child.exitedPromise;
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${code}`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export async function waitFor(url, child, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the process serving ${url} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** The resident memory of a process in MB (Linux), or null. */
export function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** A fresh database `name` on the server (dropped at the end unless `keep`); returns its URL. */
export async function freshDatabase(server, name, keep) {
  const admin = async (sql) => {
    const c = new pg.Client({ connectionString: `${server}/postgres` });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  if (!keep) onCleanup(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  return `${server}/${name}`;
}

/** Signs in as a seeded user (every one has PASSWORD); returns the access token. */
export async function login(base, email) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login as ${email}: ${res.status} ${await res.text()}`);
  return (await res.json()).accessToken;
}

export const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
export const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : '-');
export const pass = (ok) => (ok ? 'PASS' : 'FAIL');
