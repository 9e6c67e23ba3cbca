import type { Problem } from '@cofinanca/contracts';
import { MAX_BUDGET_LINES } from '../src/modules/applications/application.dto';
import { bodyLimitErrors, defaultBodyLimits } from '../src/common/body-limits';
import { largestMaxItems } from '../src/common/nested';
import { insertCall } from './utils/fixtures';
import { fullApplication, newApplicant } from './utils/submission-fixtures';
import { bearer, createTestApp, unique, type TestApp } from './utils/test-app';

/**
 * One client cannot stall the rest (issue 8 §3): every list has a maximum size stated in the OpenAPI document, and
 * a body beyond what any DTO takes is refused before validation, cheaply, naming the field.
 */
describe('input bounds', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const codes = (problem: Problem) =>
    Object.fromEntries(Object.entries(problem.errors ?? {}).map(([k, v]) => [k, v.map((e) => e.code)]));

  /** Milliseconds an async call takes. */
  async function timed<T>(fn: () => PromiseLike<T>): Promise<{ ms: number; value: T }> {
    const start = performance.now();
    const value = await fn();
    return { ms: performance.now() - start, value };
  }

  describe('a 300 KB anonymous registration with a 100,000-item array', () => {
    const huge = { entity: new Array(100_000).fill(0), user: {}, privacyAccepted: true };

    it('is refused naming the field, and a concurrent /api/health answers promptly', async () => {
      expect(JSON.stringify(huge).length).toBeGreaterThan(200_000);
      const register = timed(() => t.http().post('/api/v1/auth/register').send(huge));
      // The health check goes out while the big body is on its way or being checked.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const health = timed(() => t.http().get('/api/health'));
      const [refused, healthy] = await Promise.all([register, health]);

      expect(healthy.value.status).toBe(200);
      // Validating it used to take about 6 s, with /api/health waiting; generous bounds for a busy 2-core machine.
      expect(healthy.ms).toBeLessThan(3_000);
      expect(refused.ms).toBeLessThan(3_000);
      expect(refused.value.status).toBe(400);
      expect(refused.value.body.code).toBe('VALIDATION_FAILED');
      expect(refused.value.body.errors).toEqual({
        entity: [
          {
            code: 'TOO_MANY',
            params: { max: largestMaxItems() },
            message: `El nombre d'elements ha de ser com a màxim ${largestMaxItems()}.`,
          },
        ],
      });
    });

    it('is found by one cheap pass over the parsed JSON, before class-transformer and class-validator', () => {
      const start = performance.now();
      expect(bodyLimitErrors(huge, defaultBodyLimits())).toEqual({
        entity: [{ code: 'TOO_MANY', params: { max: largestMaxItems() } }],
      });
      expect(performance.now() - start).toBeLessThan(100);
    });
  });

  it.each([
    [
      'too deep',
      { entity: { address: JSON.parse(`${'['.repeat(20)}${']'.repeat(20)}`) } },
      'entity.address[0][0][0][0][0][0][0][0]',
      'TOO_DEEP',
    ],
    [
      'an object with too many properties',
      { entity: Object.fromEntries([...Array(500).keys()].map((i) => [`k${i}`, i])) },
      'entity.k100',
      'TOO_MANY',
    ],
  ])('%s: 400 naming where the limit was crossed', async (_what, body, path, code) => {
    const res = await t.http().post('/api/v1/auth/register').send(body).expect(400);
    expect(codes(res.body)).toEqual({ [path]: [code] });
  });

  it('too many values in all: 400 naming the value past the limit', async () => {
    // 150 lists of 200 items: every list within the limit, 30,000 values in all.
    const body = {
      entity: Object.fromEntries([...Array(150).keys()].map((i) => [`k${i}`, new Array(200).fill(1)])),
    };
    const res = await t.http().post('/api/v1/auth/register').send(body).expect(400);
    const [path, list] = Object.entries(res.body.errors as Problem['errors'] & object)[0];
    expect(path).toMatch(/^entity\.k\d+(\[\d+\])?$/);
    expect(list.map((e) => e.code)).toEqual(['TOO_MANY']);
  });

  it("below the pre-check's limits, a list's own maximum answers (sectors at most 50)", async () => {
    const applicant = await newApplicant(t);
    const call = await insertCall(t);
    const sectors = [...Array(51).keys()].map(() => ({ code: '15170', percent: '1.00' }));
    const res = await t
      .http()
      .post(`/api/v1/calls/${call.id}/applications`)
      .set(bearer(applicant.user.token))
      .send({ sectors })
      .expect(400);
    expect(codes(res.body)['sectors']).toContain('TOO_MANY');
    expect(res.body.errors.sectors.find((e: { code: string }) => e.code === 'TOO_MANY').params).toEqual({
      max: 50,
    });
  });

  describe('the largest legitimate bodies still pass', () => {
    it(`a full application with ${MAX_BUDGET_LINES} budget lines`, async () => {
      const applicant = await newApplicant(t);
      const call = await insertCall(t);
      const budgetLines = [...Array(MAX_BUDGET_LINES).keys()].map((i) => ({
        code: `L${i + 1}`,
        category: 'Personal local i expatriat',
        description: 'D'.repeat(2000),
        amount: '125.00',
        requestedAmount: '90.00',
      }));
      const body = {
        ...fullApplication(),
        totalCost: '25000.00',
        budgetLines,
        locations: [...Array(50).keys()].map((i) => `Lloc ${i}`),
        cofunding: [...Array(50).keys()].map((i) => ({
          funder: `Fons ${i}`,
          amount: '100.00',
          status: 'requested',
        })),
      };
      const res = await t
        .http()
        .post(`/api/v1/calls/${call.id}/applications`)
        .set(bearer(applicant.user.token))
        .send(body);
      expect(res.status).toBe(201);
      expect(res.body.budgetLines).toHaveLength(MAX_BUDGET_LINES);
    });

    it('a call with the largest rubric (30 blocks × 50 criteria), 50 documents and 20 score bands', async () => {
      const officer = await t.user('officer');
      const name = (s: string) => ({ ca: `${s} ca`, es: `${s} es`, en: `${s} en` });
      const body = {
        code: unique('BIG').toUpperCase(),
        year: 2027,
        rubric: {
          blocks: [...Array(30).keys()].map((b) => ({
            code: `B${b}`,
            name: name(`Bloc ${b}`),
            criteria: [...Array(50).keys()].map((c) => ({
              code: `B${b}C${c}`,
              name: name(`Criteri ${c}`),
              guidance: 'Com puntuar aquest criteri.',
              maxPoints: 1,
            })),
          })),
        },
        requiredDocuments: [...Array(50).keys()].map((d) => ({
          code: `doc_${d}`,
          name: name(`Doc ${d}`),
          required: d < 5,
        })),
        allocationMethod: 'score_bands',
        scoreBands: [...Array(20).keys()].map((i) => ({ minScore: i * 10, percent: '50.00' })),
      };
      const res = await t.http().post('/api/v1/calls').set(bearer(officer.token)).send(body);
      expect(res.status).toBe(201);
      expect(res.body.rubricTotal).toBe(1500);
    });
  });

  describe('the OpenAPI document states every bound of what a client sends', () => {
    type Schema = Record<string, unknown> & {
      $ref?: string;
      type?: string;
      properties?: Record<string, Schema>;
      items?: Schema;
      allOf?: Schema[];
      oneOf?: Schema[];
      anyOf?: Schema[];
    };
    let doc: {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { in: string; name: string; schema: Schema }[];
            requestBody?: { content: Record<string, { schema: Schema }> };
          }
        >
      >;
      components: { schemas: Record<string, Schema> };
    };
    beforeAll(async () => {
      doc = (await t.http().get('/api/docs-json').expect(200)).body;
    });

    /** Every array and string reachable from the request bodies and query parameters, by path. */
    function inputs(): { where: string; schema: Schema }[] {
      const out: { where: string; schema: Schema }[] = [];
      const seen = new Set<string>();
      const walk = (schema: Schema | undefined, where: string): void => {
        if (!schema) return;
        if (schema.$ref) {
          const name = schema.$ref.replace('#/components/schemas/', '');
          if (seen.has(name)) return;
          seen.add(name);
          return walk(doc.components.schemas[name], name);
        }
        for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])])
          walk(part, where);
        if (schema.type === 'array' || (schema.type === 'string' && schema['format'] !== 'binary'))
          out.push({ where, schema });
        if (schema.type === 'array') walk(schema.items, `${where}[]`);
        for (const [key, property] of Object.entries(schema.properties ?? {}))
          walk(property, `${where}.${key}`);
      };
      for (const [path, operations] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(operations)) {
          for (const p of op.parameters ?? [])
            if (p.in === 'query') walk(p.schema, `${method} ${path} ?${p.name}`);
          for (const content of Object.values(op.requestBody?.content ?? {}))
            walk(content.schema, `${method} ${path}`);
        }
      }
      return out;
    }

    it('every array has maxItems, the largest being the pre-check’s limit', () => {
      const arrays = inputs().filter((i) => i.schema.type === 'array');
      expect(arrays.length).toBeGreaterThan(10);
      expect(arrays.filter((a) => typeof a.schema['maxItems'] !== 'number').map((a) => a.where)).toEqual([]);
      expect(Math.max(...arrays.map((a) => a.schema['maxItems'] as number))).toBe(largestMaxItems());
    });

    it('every string has maxLength (or is one of an enum)', () => {
      const strings = inputs().filter((i) => i.schema.type === 'string' && !i.schema['enum']);
      expect(strings.length).toBeGreaterThan(50);
      expect(strings.filter((s) => typeof s.schema['maxLength'] !== 'number').map((s) => s.where)).toEqual(
        [],
      );
    });
  });
});
