/**
 * Fuzz test driven by the OpenAPI document the application builds (issue 8): for every operation with a request body
 * or query parameters, fast-check generates inputs from its schema, valid-looking ones and bad ones (wrong types,
 * missing required and unknown fields, huge strings, NUL characters, lone surrogates, deep nesting,
 * `__proto__`/`constructor` keys, 3-decimal and negative money, dates out of range, large arrays), and sends them over
 * HTTP as a role allowed to call the operation, with real ids in the path. Properties: never a 5xx; every 4xx is
 * problem+json with a stable code; no internals (stack traces, SQL, error class names, file paths) in any body.
 *
 * CI runs a fixed seed and a bounded number of runs per operation; `npm run fuzz` runs longer with a new seed
 * (`FUZZ_RUNS`, default 200 there; `FUZZ_SEED`). A failure prints the seed and the counterexample to replay it.
 */
import fc from 'fast-check';
import type { OpenAPIObject } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { ERROR_CODES, permissionsFor, ROLES, type Permission, type Role } from '@cofinanca/contracts';
import { buildOpenApi } from '../src/app';
import { dataSource, insertCall, insertEntity } from './utils/fixtures';
import { applicationUnderEvaluation, evaluatingCall } from './utils/scoring-fixtures';
import { submittedApplication } from './utils/submission-fixtures';
import { bearer, createTestApp, type TestApp } from './utils/test-app';

/** `FUZZ_SEED=random` (what `npm run fuzz` passes unless told a seed) explores new inputs on every run. */
const SEED =
  process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20261203);
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const FUZZ_TIMEOUT = Number(process.env.FUZZ_TIMEOUT_MS ?? 600_000);

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  example?: unknown;
  additionalProperties?: boolean | Schema;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  method: string;
  path: string;
  id: string;
  body?: Schema;
  query: Parameter[];
  pathParams: string[];
  roles: (Role | 'anonymous')[];
}

type Caller = Role | 'anonymous';

/** Markers of internals that must never leave the API. */
const INTERNALS =
  /QueryFailedError|EntityNotFoundError|TypeORMError|TypeError|RangeError|ReferenceError|SyntaxError|\bat [\w.<>]+ \(|node_modules|\/src\/|\.ts:\d+|\.js:\d+|\bSELECT\b|\bINSERT INTO\b|\bUPDATE "|\bDELETE FROM\b|violates|relation "|column "|syntax error|invalid input syntax|"stack"/;

// ----------------------------------------------------------------------------------------------------------------
// Bad values, whatever the schema says
// ----------------------------------------------------------------------------------------------------------------

function deepObject(levels: number): unknown {
  let v: unknown = {};
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
}
function deepArray(levels: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

const NASTY_STRINGS = [
  'a\u0000b',
  '\u0000',
  '\ud800@x.test',
  'x\udc00',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  '',
  ' ',
  "'; DROP TABLE users; --",
  '%00',
  '\u202e\u200b',
  '😀'.repeat(50),
];
const BAD_MONEY = [
  '1.234',
  '-5.00',
  '-0.01',
  '0.001',
  '1e3',
  'NaN',
  'Infinity',
  '99999999999999999999.99',
  '12,50',
  ' 1.00',
  '1.',
];
const BAD_DATES = [
  '0000-01-01',
  '9999-12-31',
  '+275760-09-13',
  '-000001-01-01',
  '2026-02-30',
  '2026-13-01',
  '1900-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '2026-01-01T25:00:00Z',
  '0001-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.999+14:00',
];

const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    2 ** 53 + 1,
    [],
    {},
    [[]],
    [{}],
    [null],
    {
      '': 1,
    },
  ),
  fc.constantFrom(...NASTY_STRINGS),
  fc.constantFrom(...BAD_MONEY),
  fc.constantFrom(...BAD_DATES),
  fc.constant('x'.repeat(200_000)),
  fc.constant(deepObject(2_000)),
  fc.constant(deepArray(2_000)),
  fc.constant(Array.from({ length: 5_000 }, () => 'x')),
  fc.constant(Array.from({ length: 2_000 }, () => ({}))),
  fc.constant(Array.from({ length: 2_000 }, () => [])),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double(),
);

const BAD_QUERY = [
  ...NASTY_STRINGS.filter((s) => s.length < 100),
  '-constructor',
  '-1',
  '0',
  '1e309',
  '99999999999',
  '1.5',
  'NaN',
  'true',
  'x'.repeat(3_000),
  ...BAD_DATES,
  ...BAD_MONEY,
  'a,b,,c',
  ',,,',
  'not-a-uuid',
  '%',
];

// ----------------------------------------------------------------------------------------------------------------
// Valid-looking values from a schema
// ----------------------------------------------------------------------------------------------------------------

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

class SchemaArbitraries {
  constructor(
    private readonly doc: OpenAPIObject,
    private readonly uuids: string[],
  ) {}

  resolve(schema: Schema): Schema {
    let s = schema;
    for (let i = 0; s.$ref && i < 20; i++) {
      const name = s.$ref.replace('#/components/schemas/', '');
      s = { ...(this.doc.components?.schemas?.[name] as Schema), ...(s.nullable ? { nullable: true } : {}) };
    }
    if (s.allOf) {
      const parts = s.allOf.map((p) => this.resolve(p));
      const merged: Schema = { ...s, allOf: undefined };
      for (const p of parts) {
        merged.type ??= p.type;
        merged.properties = { ...merged.properties, ...p.properties };
        merged.required = [...(merged.required ?? []), ...(p.required ?? [])];
        merged.enum ??= p.enum;
        merged.items ??= p.items;
      }
      return merged;
    }
    return s;
  }

  value(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    const base = this.nonNull(s, depth);
    return s.nullable
      ? fc.oneof({ weight: 6, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) })
      : base;
  }

  private nonNull(s: Schema, depth: number): fc.Arbitrary<unknown> {
    if (s.enum?.length) return fc.constantFrom(...s.enum);
    const alternatives = s.oneOf ?? s.anyOf;
    if (alternatives?.length) return fc.oneof(...alternatives.map((a) => this.value(a, depth)));
    const type = s.type ?? (s.properties ? 'object' : s.items ? 'array' : undefined);
    switch (type) {
      case 'string':
        return this.string(s);
      case 'integer':
      case 'number': {
        const min = s.minimum ?? -5;
        const max = Math.max(min, s.maximum ?? 1_000);
        return fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, 2 ** 31)) });
      }
      case 'boolean':
        return fc.boolean();
      case 'array': {
        if (depth > 4 || !s.items) return fc.constant([]);
        const minLength = Math.min(s.minItems ?? 0, 3);
        return fc.array(this.value(s.items, depth + 1), {
          minLength,
          maxLength: Math.max(minLength, Math.min(s.maxItems ?? 3, 3)),
        });
      }
      case 'object': {
        if (!s.properties || depth > 5) return fc.constant({});
        const props: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, v] of Object.entries(s.properties)) props[k] = this.value(v, depth + 1);
        return fc.record(props, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  }

  private string(s: Schema): fc.Arbitrary<string> {
    if (s.format === 'uuid') return fc.constantFrom(...this.uuids, randomUUID());
    if (s.format === 'date')
      return fc
        .date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
        .map(isoDate);
    if (s.format === 'date-time')
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString());
    if (s.format === 'email')
      return fc.stringMatching(/^[a-z][a-z0-9]{2,10}$/).map((u) => `${u}@fuzz.cofinanca.test`);
    if (typeof s.example === 'string' && /^-?\d+(\.\d+)?$/.test(s.example)) {
      // Money and percentages are decimal strings (`25000.00`).
      return fc
        .tuple(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 99 }))
        .map(([units, cents]) => `${units}.${String(cents).padStart(2, '0')}`);
    }
    const maxLength = Math.min(s.maxLength ?? 30, 30);
    const minLength = Math.min(s.minLength ?? 0, maxLength);
    const plain = fc.string({ minLength, maxLength });
    if (s.pattern) {
      try {
        return fc.oneof(fc.stringMatching(new RegExp(s.pattern)), plain);
      } catch {
        return plain;
      }
    }
    return typeof s.example === 'string' ? fc.oneof(fc.constant(s.example), plain) : plain;
  }
}

// ----------------------------------------------------------------------------------------------------------------
// Mutations of a valid-looking value
// ----------------------------------------------------------------------------------------------------------------

type PathStep = string | number;

function containers(value: unknown, path: PathStep[] = [], out: PathStep[][] = []): PathStep[][] {
  if (value !== null && typeof value === 'object' && path.length < 8) {
    out.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => containers(v, [...path, i], out));
    else for (const [k, v] of Object.entries(value)) containers(v, [...path, k], out);
  }
  return out;
}

function at(root: unknown, path: PathStep[]): Record<PathStep, unknown> {
  let v = root as Record<PathStep, unknown>;
  for (const step of path) v = v[step] as Record<PathStep, unknown>;
  return v;
}

/** Sets an own enumerable property, `__proto__` included (an assignment would change the prototype instead). */
function setOwn(target: object, key: PathStep, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

type Mutation = 'replace' | 'delete' | 'unknown' | 'protoKey' | 'whole';

function mutate(valid: unknown, kind: Mutation, pick: number, bad: unknown, key: string): unknown {
  if (kind === 'whole') return bad;
  const root = structuredClone(valid);
  const spots = containers(root);
  if (!spots.length) return bad;
  const target = at(root, spots[pick % spots.length]);
  const keys = Object.keys(target);
  if (kind === 'replace' && keys.length) setOwn(target, keys[pick % keys.length], bad);
  else if (kind === 'delete' && keys.length) delete target[keys[pick % keys.length]];
  else if (kind === 'protoKey' && !Array.isArray(target)) setOwn(target, key, bad);
  else if (Array.isArray(target)) target.push(bad);
  else setOwn(target, `fuzz${pick % 7}`, bad);
  return root;
}

const mutation = fc.record({
  kind: fc.constantFrom<Mutation>('replace', 'replace', 'replace', 'delete', 'unknown', 'protoKey', 'whole'),
  pick: fc.nat(),
  bad: badValue,
  key: fc.constantFrom('__proto__', 'constructor', 'prototype'),
});

/** A counterexample, short: huge strings, deep nesting and large arrays summarised. */
function describeInput(input: unknown): string {
  const seen = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return v.length > 80 ? `<string of ${v.length}>` : v;
    if (Array.isArray(v))
      return depth > 6
        ? '<deep array>'
        : v.length > 10
          ? `<array of ${v.length}>`
          : v.map((x) => seen(x, depth + 1));
    if (v && typeof v === 'object') {
      if (depth > 6) return '<deep object>';
      return Object.fromEntries(
        Object.keys(v).map((k) => [k, seen((v as Record<string, unknown>)[k], depth + 1)]),
      );
    }
    return v;
  };
  return JSON.stringify(seen(input, 0)).slice(0, 1_500);
}

function encodeQueryValue(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    // A lone surrogate has no UTF-8 form: send what a sloppy client would (the replacement character's bytes).
    return [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
}

function queryString(query: Record<string, string | string[]>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    for (const one of Array.isArray(v) ? v : [v])
      parts.push(`${encodeQueryValue(k)}=${encodeQueryValue(one)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

// ----------------------------------------------------------------------------------------------------------------
// Operations and callers from the document
// ----------------------------------------------------------------------------------------------------------------

function operationsOf(doc: OpenAPIObject): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = item[method] as
        | {
            operationId: string;
            parameters?: Parameter[];
            requestBody?: { content?: Record<string, { schema?: Schema }> };
            security?: unknown[];
            description?: string;
            'x-permission'?: Permission | Permission[];
          }
        | undefined;
      if (!op) continue;
      const body = op.requestBody?.content?.['application/json']?.schema;
      const query = (op.parameters ?? []).filter((p) => p.in === 'query');
      if (!body && !query.length) continue;
      const permission = op['x-permission'];
      const wanted = permission === undefined ? [] : Array.isArray(permission) ? permission : [permission];
      const roles: Caller[] = !op.security?.length
        ? ['anonymous']
        : wanted.length
          ? ROLES.filter((r) => wanted.some((p) => permissionsFor([r]).has(p)))
          : [...ROLES];
      ops.push({
        method,
        path,
        id: op.operationId,
        body,
        query,
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        roles,
      });
    }
  }
  return ops;
}

describe('fuzz: bad and valid-looking input on every operation with a body or a query', () => {
  let t: TestApp;
  let doc: OpenAPIObject;
  let ops: Operation[];
  const tokens = new Map<Caller, string>();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    doc = buildOpenApi(t.app);
    ops = operationsOf(doc);

    tokens.set('admin', t.adminToken);
    const entity = await insertEntity(t);
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      tokens.set(role, (await t.user(role, role === 'entity' ? { entityId: entity.id } : {})).token);
    }
    const call = await insertCall(t);
    const draftCall = await insertCall(t, { status: 'draft', publishedAt: null });
    const draft = await t
      .http()
      .post(`/api/v1/calls/${call.id}/applications`)
      .set(bearer(tokens.get('entity') as string))
      .send({})
      .expect(201);
    const submitted = await submittedApplication(t);
    const other = await insertEntity(t);
    const victim = await t.user('viewer');
    // An evaluator's assignment in progress on a call being evaluated: the sheet's validation is reached.
    const evaluator = await t
      .http()
      .get('/api/v1/auth/me')
      .set(bearer(tokens.get('evaluator') as string));
    const evaluating = await evaluatingCall(t);
    const scored = await applicationUnderEvaluation(t, evaluating);
    const [assignment] = (await dataSource(t).query(
      `INSERT INTO assignments (call_id, application_id, evaluator_id, status, conflict_of_interest, declared_at, version)
       VALUES ($1, $2, $3, 'in_progress', false, now(), 1) RETURNING id`,
      [evaluating.id, scored.id, evaluator.body.id],
    )) as { id: string }[];
    await dataSource(t).query(
      `INSERT INTO score_sheets (assignment_id, scores, version) VALUES ($1, '[]', 1)`,
      [assignment.id],
    );
    Object.assign(ids, {
      assignment: assignment.id,
      user: victim.id,
      entity: entity.id,
      otherEntity: other.id,
      call: call.id,
      draftCall: draftCall.id,
      draft: draft.body.id,
      submitted: submitted.id,
    });
  }, 120_000);
  afterAll(() => t?.close());

  /** Real ids for the path: the caller's own resources, a victim user, a submitted application for officers' acts. */
  function pathOf(op: Operation): string {
    return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name === 'callId') return ids.call;
      if (name === 'userId') return ids.user;
      if (name === 'list') return 'sectors';
      if (name !== 'id') return randomUUID();
      if (op.path.startsWith('/api/v1/users/')) return ids.user;
      if (op.path.startsWith('/api/v1/assignments/')) return ids.assignment;
      if (op.path.startsWith('/api/v1/entities/'))
        return /reject|suspend/.test(op.path) ? ids.otherEntity : ids.entity;
      if (op.path.startsWith('/api/v1/calls/')) return op.method === 'patch' ? ids.draftCall : ids.call;
      if (op.path.startsWith('/api/v1/applications/'))
        return op.method === 'patch' ? ids.draft : ids.submitted;
      return randomUUID();
    });
  }

  function inputOf(op: Operation, arbs: SchemaArbitraries) {
    const body: fc.Arbitrary<unknown> = op.body
      ? fc.oneof(
          { weight: 1, arbitrary: arbs.value(op.body) },
          {
            weight: 3,
            arbitrary: fc
              .tuple(arbs.value(op.body), mutation)
              .map(([v, m]) => mutate(v, m.kind, m.pick, m.bad, m.key)),
          },
        )
      : fc.constant(undefined);
    const validQuery = fc.record(
      Object.fromEntries(
        op.query.map((p) => [p.name, arbs.value(p.schema ?? { type: 'string' }).map((v) => String(v))]),
      ) as Record<string, fc.Arbitrary<string>>,
      { requiredKeys: op.query.filter((p) => p.required).map((p) => p.name) },
    );
    const query: fc.Arbitrary<Record<string, string | string[]>> = op.query.length
      ? fc.oneof(
          validQuery,
          fc
            .tuple(
              validQuery,
              fc.constantFrom(...op.query.map((p) => p.name), 'constructor', '__proto__', 'fuzz'),
              fc.oneof(fc.constantFrom(...BAD_QUERY), fc.constant(['a', 'b'])),
            )
            .map(([q, name, bad]) => {
              const out: Record<string, string | string[]> = { ...q };
              setOwn(out, name, bad);
              return out;
            }),
        )
      : fc.constant({});
    return fc.record({ body, query, caller: fc.constantFrom(...op.roles) });
  }

  function violation(status: number, type: string | undefined, text: string): string | undefined {
    if (status >= 500) return `answered ${status}`;
    if (INTERNALS.test(text)) return `internals in the body: ${text.match(INTERNALS)?.[0]}`;
    if (status >= 400) {
      if (!/^application\/problem\+json/.test(type ?? ''))
        return `a ${status} that is not problem+json (${type})`;
      let body: { code?: string; status?: number };
      try {
        body = JSON.parse(text);
      } catch {
        return `a ${status} whose body is not JSON`;
      }
      if (!(ERROR_CODES as readonly string[]).includes(body.code ?? ''))
        return `a ${status} without a stable code (${body.code})`;
      if (body.status !== status) return `a ${status} whose body says ${body.status}`;
    }
    return undefined;
  }

  it(
    'never a 5xx, every 4xx a problem+json with a stable code, no internals in any body',
    async () => {
      const arbs = new SchemaArbitraries(doc, Object.values(ids));
      expect(ops.length).toBeGreaterThan(20);
      const failures: string[] = [];
      for (const op of ops) {
        const path = pathOf(op);
        const property = fc.asyncProperty(inputOf(op, arbs), async ({ body, query, caller }) => {
          const req = t.http()[op.method as 'get'](`${path}${queryString(query)}`);
          const token = tokens.get(caller);
          if (token) req.set(bearer(token));
          if (body !== undefined) req.set('Content-Type', 'application/json').send(JSON.stringify(body));
          const res = await req.buffer(true).parse((r, cb) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => cb(null, Buffer.concat(chunks)));
          });
          const text = (res.body as Buffer).toString('utf8');
          const problem = violation(res.status, res.headers['content-type'], text);
          if (problem) throw new Error(`${caller}: ${problem}\n${text.slice(0, 500)}`);
        });
        const out = await fc.check(property, { seed: SEED, numRuns: RUNS, endOnFailure: true });
        if (out.failed) {
          const [example] = out.counterexample ?? [];
          failures.push(
            `${op.method.toUpperCase()} ${op.path} (${op.id}) after ${out.numRuns} run(s), ` +
              `seed ${out.seed}, path "${out.counterexamplePath}":\n` +
              `  ${String((out.errorInstance as Error)?.message ?? out.errorInstance).slice(0, 600)}\n` +
              `  input: ${describeInput(example)}`,
          );
        }
      }
      if (failures.length) {
        throw new Error(
          `${failures.length} operation(s) failed (replay: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npm run fuzz)\n\n` +
            failures.join('\n\n'),
        );
      }
    },
    FUZZ_TIMEOUT,
  );
});
