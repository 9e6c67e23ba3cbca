/**
 * Races on assignments that only a real PostgreSQL server shows (the embedded engine runs one statement at a time):
 * officers assigning at once never create the same pair twice nor break the balance, and the registers of
 * interests keep one writer at a time.
 */
import { assignmentsOf, evaluatingCall, evaluators, loadsOf } from './utils/evaluation-fixtures';
import { insertEntity } from './utils/fixtures';
import { bearer, createTestApp, type TestApp, type TestUser } from './utils/test-app';

describe('assignments under concurrency (PostgreSQL)', () => {
  let t: TestApp;
  let officers: TestUser[];

  beforeAll(async () => {
    t = await createTestApp();
    officers = [await t.user('officer'), await t.user('officer')];
  }, 60_000);
  afterAll(() => t?.close());

  it('six automatic assignments at once: each application gets exactly N, no pair twice, loads balanced', async () => {
    const { call, apps } = await evaluatingCall(t, 8);
    const pool = await evaluators(t, 5);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t
          .http()
          .post(`/api/v1/calls/${call.id}/assignments/auto`)
          .set(bearer(officers[i % 2].token))
          .send({ evaluatorIds: pool.map((u) => u.id) }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(200));
    // The first one (whichever it was) did the whole job; the others found nothing left.
    expect(results.map((r) => r.body.created).sort((a, b) => b - a)).toEqual([16, 0, 0, 0, 0, 0]);
    const rows = await assignmentsOf(t, call.id);
    expect(rows).toHaveLength(16);
    const pairs = rows.map((r) => `${r.application_id}:${r.evaluator_id}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const app of apps) expect(rows.filter((r) => r.application_id === app.id)).toHaveLength(2);
    const loads = await loadsOf(
      t,
      call.id,
      pool.map((u) => u.id),
    );
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it('ten officers assigning the same pair at once: one 201, the rest 409 DUPLICATE', async () => {
    const { call, apps } = await evaluatingCall(t, 1);
    const [evaluator] = await evaluators(t, 1);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t
          .http()
          .post(`/api/v1/calls/${call.id}/assignments`)
          .set(bearer(officers[i % 2].token))
          .send({ applicationId: apps[0].id, evaluatorId: evaluator.id }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('DUPLICATE');
    }
    expect(await assignmentsOf(t, call.id)).toHaveLength(1);
  });

  it('manual assignments racing an automatic one: no pair twice, every application covered', async () => {
    const { call, apps } = await evaluatingCall(t, 4);
    const pool = await evaluators(t, 3);
    const results = await Promise.all([
      t
        .http()
        .post(`/api/v1/calls/${call.id}/assignments/auto`)
        .set(bearer(officers[0].token))
        .send({ evaluatorIds: pool.map((u) => u.id) }),
      ...apps.map((app, i) =>
        t
          .http()
          .post(`/api/v1/calls/${call.id}/assignments`)
          .set(bearer(officers[1].token))
          .send({ applicationId: app.id, evaluatorId: pool[i % 3].id }),
      ),
    ]);
    expect(results[0].status).toBe(200);
    for (const r of results.slice(1)) expect([201, 409]).toContain(r.status);
    const rows = await assignmentsOf(t, call.id);
    const pairs = rows.map((r) => `${r.application_id}:${r.evaluator_id}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const app of apps)
      expect(rows.filter((r) => r.application_id === app.id).length).toBeGreaterThanOrEqual(2);
  });

  it('two first saves of one register at once: one wins, the other is 409 STALE_VERSION', async () => {
    const [evaluator] = await evaluators(t, 1);
    const entity = await insertEntity(t);
    const results = await Promise.all(
      [evaluator, officers[0]].map((u) =>
        t
          .http()
          .put(`/api/v1/evaluators/${evaluator.id}/interests`)
          .set(bearer(u.token))
          .send({ version: 0, items: [{ entityId: entity.id, relation: 'employment' }] }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.code).toBe('STALE_VERSION');
  });
});
