#!/usr/bin/env node
// The ranking bench (issue 9): seeds PostgreSQL with a call of 10,000 evaluated applications × 3 submitted score
// sheets (SQL only), starts the built API and times `GET /calls/:id/ranking` and `POST /calls/:id/allocation/simulate`
// beside one SQL query that computes the same per-application totals (criterion means rounded half-up to two
// decimals, summed), all in the same run; prints the ratio and PASS/FAIL against the targets (under 1 s each, at most
// 3× the query). Run by hand after `npm run build` (never in CI): `npm run bench:ranking`.
// Parameters (environment): BENCH_APPLICATIONS in the call (10000), BENCH_EVALUATORS sheets per application (3),
// BENCH_RUNS timed requests of each (10, after 2 untimed), BENCH_PG_URL, BENCH_KEEP=1 keeps the database,
// BENCH_NODE_ARGS flags for the API's node, BENCH_JSON=<file> also writes the results.
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { hash } from '@node-rs/argon2';
import {
  cleanup,
  cleanUpOnSignals,
  freePort,
  freshDatabase,
  login,
  ms,
  pass,
  rssMb,
  run,
  s,
  startChild,
  waitFor,
} from './lib.mjs';
import { OFFICER_EMAIL, PASSWORD, seed, seededId } from './seed.mjs';

const root = new URL('..', import.meta.url).pathname;
const mainJs = join(root, 'dist/apps/api/main.js');
if (!existsSync(mainJs)) {
  console.error(
    'dist/apps/api/main.js is missing: run `npm run build` first (the bench measures the built API).',
  );
  process.exit(2);
}

const env = process.env;
const num = (name, fallback) => {
  const value = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
};
const inCall = num('BENCH_APPLICATIONS', 10_000);
const evaluators = num('BENCH_EVALUATORS', 3);
const runs = num('BENCH_RUNS', 10);
const pgServer = (env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, '');
const keep = env.BENCH_KEEP === '1';
const callId = seededId('bench-call-1');

cleanUpOnSignals();

/** Evaluator `k`'s id and e-mail. */
const evaluatorEmail = (k) => `avaluador${k}@bench.cofinanca.test`;

/**
 * After the general seed: every application of the call evaluated by `evaluators`
 * evaluators each, every sheet submitted with points for every criterion of the call's rubric (two decimals at
 * most, spread so that totals differ and some applications diverge) and a rationale.
 */
function evaluationStatements(passwordHash) {
  const hashSql = passwordHash.replace(/'/g, "''");
  return [
    [
      'evaluators',
      `INSERT INTO users (id, email, name, password_hash, roles, entity_id, locale, active, email_verified_at, version)
       SELECT overlay(overlay(md5('bench-evaluator-' || k) placing '4' from 13) placing '8' from 17)::uuid,
         'avaluador' || k || '@bench.cofinanca.test', 'Avaluadora ' || k, '${hashSql}', '{evaluator}'::text[],
         NULL::uuid, 'ca', true, now() - interval '1 year', 1
       FROM generate_series(1, ${evaluators}) k`,
    ],
    [
      'applications of the call evaluated',
      `UPDATE applications SET status = 'evaluated', status_reason = NULL WHERE call_id = '${callId}'`,
    ],
    [
      'assignments (submitted)',
      `INSERT INTO assignments (call_id, application_id, evaluator_id, status, conflict_of_interest, declared_at,
         submitted_at, created_at, updated_at, version)
       SELECT a.call_id, a.id, u.id, 'submitted', false, a.submitted_at + interval '20 days',
         a.submitted_at + interval '30 days', a.submitted_at + interval '15 days', a.submitted_at + interval '30 days', 2
       FROM applications a
       CROSS JOIN users u
       WHERE a.call_id = '${callId}' AND a.status = 'evaluated' AND u.email LIKE 'avaluador%@bench.cofinanca.test'`,
    ],
    [
      'score sheets',
      `INSERT INTO score_sheets (assignment_id, scores, updated_at, version)
       SELECT s.id, (
           SELECT jsonb_agg(jsonb_build_object(
             'criterionCode', cr->>'code',
             'points', round((abs(hashtext(s.id::text || (cr->>'code'))) % 10001) / 10000.0
                             * (cr->>'maxPoints')::numeric, 2),
             'comment', 'La proposta justifica el criteri ' || (cr->>'code') || ' amb dades del context i de la població participant.'
           ) ORDER BY b.n, c.n)
           FROM calls k,
             jsonb_array_elements(k.rubric->'blocks') WITH ORDINALITY b(block, n),
             jsonb_array_elements(b.block->'criteria') WITH ORDINALITY c(cr, n)
           WHERE k.id = s.call_id
         ), s.submitted_at, 3
       FROM assignments s
       WHERE s.call_id = '${callId}'`,
    ],
    ['vacuum analyze', 'VACUUM ANALYZE'],
  ];
}

/** The per-application totals in one query: what the ranking route computes before it ranks and allocates. */
const TOTALS_SQL = `
  SELECT per_criterion.application_id, sum(per_criterion.mean) AS total
  FROM (
    SELECT s.application_id, score->>'criterionCode' AS criterion,
      round(avg((score->>'points')::numeric), 2) AS mean
    FROM assignments s
    JOIN score_sheets sheet ON sheet.assignment_id = s.id
    CROSS JOIN LATERAL jsonb_array_elements(sheet.scores) AS score
    WHERE s.call_id = $1 AND s.status = 'submitted'
    GROUP BY s.application_id, score->>'criterionCode'
  ) per_criterion
  GROUP BY per_criterion.application_id
  ORDER BY total DESC`;

/** `runs` timings of `fn` after two untimed ones: median and slowest in ms, and the last result. */
async function time(fn) {
  let last;
  for (let i = 0; i < 2; i++) last = await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor((times.length - 1) / 2)], max: times[times.length - 1], last };
}

async function main() {
  const started = Date.now();
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  console.log(
    `Cofinança ranking bench — ${new Date().toISOString()} — a call of ${inCall.toLocaleString('en')} applications × ` +
      `${evaluators} sheets, ${runs} timed runs each — ${availableParallelism()} cores, load average ${load()}.`,
  );

  const apiEnv = { ...env, SEED_DEMO: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  delete apiEnv.DATA_DIR;
  apiEnv.DATABASE_URL = await freshDatabase(pgServer, `cofinanca_bench_ranking_${process.pid}`, keep);
  await run([mainJs, 'migrate'], apiEnv);
  const passwordHash = await hash(PASSWORD);
  const client = new pg.Client({ connectionString: apiEnv.DATABASE_URL });
  await client.connect();
  let seedMs;
  try {
    await client.query('SET jit = off');
    const others = Math.max(10, Math.round(inCall / 10));
    seedMs = await seed([client], {
      applications: inCall + others,
      calls: 2,
      entities: Math.max(10, Math.round(inCall / 20)),
      bigCall: inCall,
      passwordHash,
    });
    const t = performance.now();
    for (const [label, sql] of evaluationStatements(passwordHash)) {
      const u = performance.now();
      const res = await client.query(sql);
      console.log(`  ${label}: ${res.rowCount ?? '-'} rows in ${s(performance.now() - u)}`);
    }
    seedMs += performance.now() - t;
  } catch (err) {
    await client.end();
    throw err;
  }
  const [{ evaluated, sheets }] = (
    await client.query(
      `SELECT (SELECT count(*)::int FROM applications WHERE call_id = $1 AND status = 'evaluated') AS evaluated,
              (SELECT count(*)::int FROM score_sheets) AS sheets`,
      [callId],
    )
  ).rows;
  console.log(
    `Seeded in ${s(seedMs)}: ${evaluated.toLocaleString('en')} evaluated applications, ` +
      `${sheets.toLocaleString('en')} submitted sheets${keep ? ` — kept: ${apiEnv.DATABASE_URL}` : ''}.`,
  );

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const nodeArgs = (env.BENCH_NODE_ARGS || '').split(/\s+/).filter(Boolean);
  const api = startChild([...nodeArgs, mainJs], {
    ...apiEnv,
    PORT: String(port),
    HOST: '127.0.0.1',
    JWT_SECRET: randomBytes(48).toString('base64url'),
    LOG_LEVEL: env.BENCH_LOG_LEVEL || 'info',
  });
  await waitFor(`${base}/api/health`, api);
  const headers = { authorization: `Bearer ${await login(base, OFFICER_EMAIL)}` };
  const call = await (await fetch(`${base}/api/v1/calls/${callId}`, { headers })).json();
  const halfBudget = (Math.floor(Number(call.budget) * 50) / 100).toFixed(2);

  const request = async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
    return { bytes: Buffer.byteLength(text), json: JSON.parse(text) };
  };

  console.log(`API up on ${base} (pid ${api.pid}, RSS ${rssMb(api.pid)?.toFixed(0)} MB). Timing…`);
  const sql = await time(() => client.query(TOTALS_SQL, [callId]));
  const ranking = await time(() => request('GET', `/api/v1/calls/${callId}/ranking`));
  const simulate = await time(() =>
    request('POST', `/api/v1/calls/${callId}/allocation/simulate`, { budget: halfBudget }),
  );
  await client.end();

  const rows = ranking.last.json.items.length;
  const changes = simulate.last.json.changes?.length ?? 0;
  const line = (name, r, extra) =>
    `  ${name.padEnd(34)} median ${ms(r.median).padStart(8)} ms  slowest ${ms(r.max).padStart(8)} ms${extra}`;
  console.log('');
  console.log(line('SQL: per-application totals', sql, `  (${sql.last.rowCount} rows)`));
  console.log(line('GET /calls/:id/ranking', ranking, `  (${rows} rows, ${ranking.last.bytes} bytes)`));
  console.log(line(`POST …/allocation/simulate (${halfBudget} €)`, simulate, `  (${changes} changes)`));
  const ratio = (r) => r.median / sql.median;
  console.log(`\nRSS of the API after the runs: ${rssMb(api.pid)?.toFixed(0)} MB.`);
  console.log('Targets:');
  console.log(`  ${pass(ranking.median < 1000)}  ranking under 1 s (${ms(ranking.median)} ms)`);
  console.log(`  ${pass(simulate.median < 1000)}  simulator under 1 s (${ms(simulate.median)} ms)`);
  console.log(
    `  ${pass(ratio(ranking) <= 3)}  ranking at most 3× the SQL query (${ratio(ranking).toFixed(2)}×)`,
  );
  console.log(
    `  ${pass(ratio(simulate) <= 3)}  simulator at most 3× the SQL query (${ratio(simulate).toFixed(2)}×)`,
  );
  console.log(
    `  ${pass(rows === evaluated)}  the ranking lists every evaluated application (${rows} of ${evaluated})`,
  );
  if (env.BENCH_JSON) {
    writeFileSync(
      env.BENCH_JSON,
      JSON.stringify(
        {
          inCall,
          evaluators,
          runs,
          seedMs,
          ...Object.fromEntries(
            Object.entries({ sql, ranking, simulate }).map(([k, r]) => [k, { median: r.median, max: r.max }]),
          ),
          rows,
          changes,
        },
        null,
        2,
      ),
    );
  }
  console.log(`\nDone in ${s(Date.now() - started)} (load average ${load()}).`);
}

try {
  await main();
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await cleanup();
}
