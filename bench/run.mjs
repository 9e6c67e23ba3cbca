#!/usr/bin/env node
// The performance baseline (issue 8): seeds a fresh database with SQL, starts the built API on it and measures its
// routes with autocannon beside /api/health and a bare Node.js HTTP server, at several connection counts, in one run.
// Run by hand after `npm run build` (never in CI):
//   npm run bench              PostgreSQL on 127.0.0.1:5432 (BENCH_PG_URL), 100,000 applications
//   npm run bench:embedded     the embedded engine (PGlite) in a temporary DATA_DIR, 5,000 applications
// Parameters (environment): BENCH_DURATION seconds per measurement (10), BENCH_CONNECTIONS (10,50,200),
// BENCH_APPLICATIONS, BENCH_ENTITIES, BENCH_CALLS, BENCH_BIG_CALL (scale), BENCH_ROUTES (names to measure),
// BENCH_EXPORT_DURATION seconds per export measurement (3 × BENCH_DURATION), BENCH_WARMUP seconds per route (2),
// BENCH_LOG_LEVEL of the API (info), BENCH_NODE_ARGS flags for the API's node (profiling), BENCH_KEEP=1 keeps the database, BENCH_JSON=<file> also writes the results.
// It removes its database, its files and its processes at the end and on Ctrl-C.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { hash } from '@node-rs/argon2';
import {
  cleanup,
  cleanUpOnSignals,
  freePort,
  freshDatabase,
  login,
  ms,
  onCleanup,
  pass,
  rssMb,
  run,
  s,
  startChild,
  waitFor,
} from './lib.mjs';
import { NGO_EMAIL, OFFICER_EMAIL, PASSWORD, seed, seededId } from './seed.mjs';

const root = new URL('..', import.meta.url).pathname;
const mainJs = join(root, 'dist/apps/api/main.js');
const engine = process.argv[2] ?? 'postgres';
if (!['postgres', 'embedded'].includes(engine)) {
  console.error('usage: node bench/run.mjs [postgres|embedded]');
  process.exit(2);
}
if (!existsSync(mainJs)) {
  console.error(
    'dist/apps/api/main.js is missing: run `npm run build` first (the bench measures the built API).',
  );
  process.exit(2);
}

const env = process.env;
const num = (name, fallback) => {
  const value = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const embedded = engine === 'embedded';
const applications = num('BENCH_APPLICATIONS', embedded ? 5_000 : 100_000);
const scale = applications / 100_000;
const calls = num('BENCH_CALLS', 50);
const entities = num('BENCH_ENTITIES', Math.max(10, Math.round(2_000 * scale)));
const bigCall = num('BENCH_BIG_CALL', Math.max(1, Math.round(10_000 * scale)));
const duration = num('BENCH_DURATION', 10);
const warmup = num('BENCH_WARMUP', 2);
// An export takes seconds: measured over a longer window, so that some finish at all.
const exportDuration = num('BENCH_EXPORT_DURATION', 3 * duration);
const levels = (env.BENCH_CONNECTIONS || '10,50,200').split(',').map((s) => Number(s.trim()));
if (levels.some((c) => !Number.isInteger(c) || c < 1))
  throw new Error('BENCH_CONNECTIONS: whole numbers, e.g. 10,50');
const search = env.BENCH_SEARCH || 'solar';
const pgServer = (env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, '');
const keep = env.BENCH_KEEP === '1';

let current = null; // the running autocannon instance
cleanUpOnSignals(() => current?.stop());

// ---------------------------------------------------------------------------------------------------------------
// 1. A fresh database, migrated by the API's own `migrate` command, then seeded with SQL.

async function prepareDatabase() {
  const apiEnv = { ...env, SEED_DEMO: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  delete apiEnv.DATABASE_URL;
  delete apiEnv.DATA_DIR;
  const options = { applications, calls, entities, bigCall, passwordHash: await hash(PASSWORD) };
  console.log(
    `Seeding ${applications.toLocaleString('en')} applications across ${calls} calls and ` +
      `${entities.toLocaleString('en')} entities (one call with ${bigCall.toLocaleString('en')}) on ${engine}:`,
  );

  if (!embedded) {
    apiEnv.DATABASE_URL = await freshDatabase(pgServer, `cofinanca_bench_${process.pid}`, keep);
    await run([mainJs, 'migrate'], apiEnv);
    // Two connections: the applications are inserted in two halves at once (one per core).
    const clients = [1, 2].map(() => new pg.Client({ connectionString: apiEnv.DATABASE_URL }));
    await Promise.all(clients.map((c) => c.connect()));
    try {
      await Promise.all(clients.map((c) => c.query('SET jit = off')));
      return { apiEnv, seedMs: await seed(clients, options), where: apiEnv.DATABASE_URL };
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'cofinanca-bench-'));
  if (!keep) onCleanup(() => rmSync(dataDir, { recursive: true, force: true }));
  apiEnv.DATA_DIR = dataDir;
  await run([mainJs, 'migrate'], apiEnv);
  // The same SQL through the embedded engine's wire-protocol socket, on the API's data directory (the API is not
  // running yet: PGlite has one process at a time).
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  // With the extensions the API loads (apps/api/src/database/embedded.ts): the trigram indexes need pg_trgm.
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const db = await PGlite.create({ dataDir: join(dataDir, 'pglite'), extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  const client = new pg.Client({
    connectionString: `postgres://postgres@${server.getServerConn()}/postgres`,
  });
  await client.connect();
  try {
    // One connection: the embedded engine is a single session.
    return { apiEnv, seedMs: await seed([client], options), where: dataDir };
  } finally {
    await client.end();
    await server.stop();
    await db.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 2. The measurements.

/** One autocannon run; latencies come from every response (autocannon reports no p95). */
function measure({ url, headers, connections, seconds, timeout = 10, path }) {
  return new Promise((resolve, reject) => {
    const times = [];
    let ok = 0;
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout,
        headers,
        requests: path ? [{ setupRequest: (req) => ({ ...req, path: path() }) }] : undefined,
      },
      (err, result) => {
        current = null;
        if (err) return reject(err);
        times.sort((a, b) => a - b);
        const pct = (p) =>
          times.length ? times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] : NaN;
        resolve({
          rps: times.length / result.duration,
          ok,
          responses: times.length,
          p50: pct(50),
          p95: pct(95),
          p99: pct(99),
          non2xx: result.non2xx,
          codes: Object.keys(result.statusCodeStats ?? {})
            .filter((code) => !code.startsWith('2'))
            .join(' '),
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    current = instance;
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      times.push(responseTime);
      if (statusCode >= 200 && statusCode < 300) ok += 1;
    });
  });
}

/**
 * Waits until the API has worked off what the last measurement left queued (its connections are gone, not its
 * queries): /api/health answers three times in a row within 50 ms, or 60 s have passed.
 */
async function settle(base) {
  const until = Date.now() + 60_000;
  let fast = 0;
  while (fast < 3 && Date.now() < until) {
    const t = performance.now();
    try {
      await (await fetch(`${base}/api/health`)).arrayBuffer();
    } catch {
      /* counted as slow */
    }
    fast = performance.now() - t < 50 ? fast + 1 : 0;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** One export of the big call: time to the last byte, rows, and the API's RSS sampled every 10 ms meanwhile. */
async function exportOnce(base, headers, pid, callId) {
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid) ?? 0)), 10);
  const started = performance.now();
  let firstByte = null;
  let bytes = 0;
  let newlines = 0;
  try {
    const res = await fetch(`${base}/api/v1/applications/export.csv?callId=${callId}`, { headers });
    if (!res.ok) throw new Error(`export: ${res.status} ${await res.text()}`);
    for await (const chunk of res.body) {
      firstByte ??= performance.now() - started;
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) newlines += 1;
    }
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - started;
  peak = Math.max(peak, rssMb(pid) ?? 0);
  return { ms, firstByte, bytes, rows: newlines - 1, before, peak, growth: peak - before };
}

function table(rows, columns) {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (r) =>
    columns
      .map((c, i) =>
        String(r[c])
          .padStart(i === 0 ? 0 : widths[i])
          .padEnd(i === 0 ? widths[0] : 0),
      )
      .join('  ');
  console.log(line(Object.fromEntries(columns.map((c) => [c, c]))));
  for (const r of rows) console.log(line(r));
}

async function main() {
  const started = Date.now();
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  console.log(
    `Cofinança bench on ${engine} — ${new Date().toISOString()} — ${duration} s per measurement at ` +
      `${levels.join(', ')} connections — ${availableParallelism()} cores, load average ${load()}.`,
  );
  const { apiEnv, seedMs, where } = await prepareDatabase();
  const seedTarget = embedded ? '' : `  (target < 60 s: ${pass(seedMs < 60_000)})`;
  console.log(`Seeded in ${s(seedMs)}${seedTarget}${keep ? ` — kept: ${where}` : ''}`);

  // The ceiling: a bare Node.js HTTP server answering what /api/health answers.
  const barePort = await freePort();
  const bare = startChild(
    [
      '-e',
      `require('node:http').createServer((q, r) => { r.writeHead(200, { 'content-type': 'application/json' }); ` +
        `r.end('{"status":"ok","database":"ok"}'); }).listen(${barePort}, '127.0.0.1')`,
    ],
    env,
  );
  const bareUrl = `http://127.0.0.1:${barePort}`;
  await waitFor(bareUrl, bare);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // BENCH_NODE_ARGS: flags for the API's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it.
  const nodeArgs = (env.BENCH_NODE_ARGS || '').split(/\s+/).filter(Boolean);
  const api = startChild([...nodeArgs, mainJs], {
    ...apiEnv,
    PORT: String(port),
    HOST: '127.0.0.1',
    JWT_SECRET: randomBytes(48).toString('base64url'),
    LOG_LEVEL: env.BENCH_LOG_LEVEL || 'info',
  });
  await waitFor(`${base}/api/health`, api);
  console.log(`API up on ${base} (pid ${api.pid}, RSS ${rssMb(api.pid)?.toFixed(0)} MB).`);

  const officer = { authorization: `Bearer ${await login(base, OFFICER_EMAIL)}` };
  const ngo = { authorization: `Bearer ${await login(base, NGO_EMAIL)}` };
  const big = seededId('bench-call-1');
  const ordinary = seededId('bench-call-2');
  const randomApplication = () =>
    `/api/v1/applications/${seededId(`bench-application-${1 + Math.floor(Math.random() * applications)}`)}`;
  const routes = [
    { name: 'health', url: `${base}/api/health` },
    { name: 'bare node', url: bareUrl },
    { name: 'list', url: `${base}/api/v1/applications?pageSize=25`, headers: officer, list: true },
    {
      name: 'filtered',
      url: `${base}/api/v1/applications?pageSize=25&callId=${big}&status=under_evaluation`,
      headers: officer,
      list: true,
    },
    {
      name: 'search',
      url: `${base}/api/v1/applications?pageSize=25&q=${search}`,
      headers: officer,
      list: true,
    },
    { name: 'list (ngo)', url: `${base}/api/v1/applications?pageSize=25`, headers: ngo, list: true },
    { name: 'detail', url: `${base}${randomApplication()}`, headers: officer, path: randomApplication },
    {
      name: 'export',
      url: `${base}/api/v1/applications/export.csv?callId=${ordinary}`,
      headers: officer,
      timeout: 60,
      last: true,
    },
  ].filter((r) => !env.BENCH_ROUTES || env.BENCH_ROUTES.split(',').includes(r.name) || r.name === 'health');

  // What each route answers, once: status, body size and how many items.
  console.log('\nResponses (one request each, as the officer unless said):');
  for (const r of routes) {
    const t = performance.now();
    const res = await fetch(r.url, { headers: r.headers });
    const body = Buffer.from(await res.arrayBuffer());
    const ms = performance.now() - t;
    let items = '';
    if (r.list && res.ok) {
      const page = JSON.parse(body.toString('utf8'));
      items = `, ${page.items.length} items of ${page.total}`;
    } else if (r.name === 'export' && res.ok) {
      items = `, ${body.toString('utf8').split('\n').length - 2} rows`;
    }
    r.bytes = body.length;
    console.log(
      `  ${r.name.padEnd(11)} ${res.status}  ${body.length.toLocaleString('en')} bytes${items} in ${ms.toFixed(0)} ms`,
    );
    if (!res.ok) console.log(`    ${body.toString('utf8').slice(0, 300)}`);
  }

  if (warmup > 0) {
    console.log(`\nWarming up (${warmup} s per route at 10 connections)…`);
    for (const r of routes) await measure({ ...r, connections: 10, seconds: warmup, timeout: r.timeout });
  }

  // The export target, on an otherwise idle API.
  await settle(base);
  const exp = await exportOnce(base, officer, api.pid, big);
  console.log(
    `\nExport of the big call: ${exp.rows.toLocaleString('en')} rows in ${s(exp.ms)}, ` +
      `RSS ${exp.before.toFixed(0)} → ${exp.peak.toFixed(0)} MB.`,
  );

  const results = [];
  const healthAt = new Map();
  const columns = [
    'route',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    '× health',
    'non-2xx',
    'errors',
    'bytes',
    'RSS MB',
  ];
  const measureRow = async (r, connections) => {
    if (api.exitCode !== null) throw new Error(`the API exited (${api.exitCode}) during the measurements`);
    await settle(base);
    const seconds = r.last ? exportDuration : duration;
    const m = await measure({ ...r, connections, seconds, timeout: r.timeout });
    if (r.name === 'health') healthAt.set(connections, m);
    const health = healthAt.get(connections);
    results.push({ route: r.name, connections, ...m, bytes: r.bytes });
    return {
      route: r.last ? `${r.name} @${connections}` : r.name,
      'req/s': m.rps.toFixed(m.rps < 10 ? 1 : 0),
      'p50 ms': ms(m.p50),
      'p95 ms': ms(m.p95),
      'p99 ms': ms(m.p99),
      '× health': health?.rps
        ? `${((100 * m.rps) / health.rps).toFixed(m.rps / health.rps < 0.1 ? 1 : 0)} %`
        : '-',
      'non-2xx': m.codes ? `${m.non2xx} (${m.codes})` : m.non2xx,
      errors: m.errors,
      bytes: r.bytes.toLocaleString('en'),
      'RSS MB': rssMb(api.pid)?.toFixed(0) ?? '',
    };
  };
  for (const connections of levels) {
    console.log(`\n${connections} connections, ${duration} s each:`);
    const rows = [];
    for (const r of routes.filter((x) => !x.last)) rows.push(await measureRow(r, connections));
    table(rows, columns);
  }
  // Exports last: at many connections they leave minutes of queued work behind, which would weigh on whatever came
  // next (the API finishes an export whose client has gone).
  const lastRoutes = routes.filter((x) => x.last);
  if (lastRoutes.length) {
    console.log(
      `\nExports of an ordinary call, ${exportDuration} s each (after the rest; × health of the same connections):`,
    );
    const rows = [];
    for (const r of lastRoutes) for (const connections of levels) rows.push(await measureRow(r, connections));
    table(rows, columns);
  }

  // Targets (set for PostgreSQL; printed for the embedded engine too, for comparison).
  console.log(`\nTargets${embedded ? ' (set for PostgreSQL; shown for comparison)' : ''}:`);
  const at50 = (name) => results.find((x) => x.route === name && x.connections === 50);
  const health50 = at50('health');
  for (const r of routes.filter((x) => x.list)) {
    const m = at50(r.name);
    if (!m || !health50?.rps) {
      console.log(`  ${r.name}: not measured at 50 connections`);
      continue;
    }
    const share = m.rps / health50.rps;
    console.log(
      `  ${pass(share >= 0.35)}  ${r.name}: ${(100 * share).toFixed(0)} % of /api/health's throughput at 50 connections (≥ 35 %)`,
    );
    console.log(`  ${pass(m.p95 < 50)}  ${r.name}: p95 ${m.p95.toFixed(1)} ms at 50 connections (< 50 ms)`);
  }
  console.log(
    `  ${pass(exp.ms < 2_000)}  export of the big call: ${exp.rows.toLocaleString('en')} rows, ` +
      `${(exp.bytes / 1024 / 1024).toFixed(1)} MB in ${s(exp.ms)} (first byte ${exp.firstByte?.toFixed(0)} ms; < 2 s)`,
  );
  console.log(
    `  ${pass(exp.growth < 64)}  export memory: RSS ${exp.before.toFixed(0)} → ${exp.peak.toFixed(0)} MB, ` +
      `+${exp.growth.toFixed(0)} MB (< 64 MB)`,
  );
  console.log(`\nDone in ${s(Date.now() - started)} (load average ${load()}).`);
  if (env.BENCH_JSON) {
    const out = { engine, at: new Date().toISOString(), applications, seedMs, export: exp, results };
    writeFileSync(env.BENCH_JSON, `${JSON.stringify(out, null, 2)}\n`);
    console.log(`Results written to ${env.BENCH_JSON}.`);
  }
}

try {
  await main();
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await cleanup();
}
