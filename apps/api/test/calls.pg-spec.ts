/**
 * Races on calls that only a real PostgreSQL server shows (the embedded engine runs one statement at a time).
 */
import { CallClosingService } from '../src/modules/calls/call-closing.service';
import { insertCall } from './utils/fixtures';
import { bearer, createTestApp, unique, type TestApp } from './utils/test-app';

const DAY = 86_400_000;

describe('calls under concurrency (PostgreSQL)', () => {
  let t: TestApp;
  let officer: string;
  let officer2: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await t.user('officer')).token;
    officer2 = (await t.user('officer')).token;
  });
  afterAll(() => t.close());

  const auditActions = async (subjectId: string): Promise<string[]> => {
    const res = await t
      .http()
      .get('/api/v1/audit')
      .query({ subjectId, pageSize: 100 })
      .set(bearer(officer))
      .expect(200);
    return res.body.items.map((e: { action: string }) => e.action);
  };

  it('ten simultaneous creations of one code: one 201, the rest 409 DUPLICATE naming code', async () => {
    const code = unique('RACE').toUpperCase();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t
          .http()
          .post('/api/v1/calls')
          .set(bearer(i % 2 ? officer : officer2))
          .send({ code, year: 2026 }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = results.filter((r) => r.status !== 201);
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('DUPLICATE');
      expect(r.body.errors).toHaveProperty('code');
    }
  });

  it('ten simultaneous edits from the same version: one wins, the rest 409 STALE_VERSION', async () => {
    const created = await t
      .http()
      .post('/api/v1/calls')
      .set(bearer(officer))
      .send({ code: unique('EDIT').toUpperCase(), year: 2026 })
      .expect(201);
    const { id, version } = created.body;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t
          .http()
          .patch(`/api/v1/calls/${id}`)
          .set(bearer(i % 2 ? officer : officer2))
          .send({ version, budget: `${1000 + i}.00` }),
      ),
    );
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) expect(r.body.code).toBe('STALE_VERSION');
    const after = await t.http().get(`/api/v1/calls/${id}`).set(bearer(officer)).expect(200);
    expect(after.body).toMatchObject({ version: version + 1, budget: ok[0].body.budget });
    expect((await auditActions(id)).filter((a) => a === 'call.updated')).toHaveLength(1);
  });

  it('five simultaneous publications: one 200, the rest 409 INVALID_STATE, one audit event', async () => {
    const created = await t
      .http()
      .post('/api/v1/calls')
      .set(bearer(officer))
      .send({
        code: unique('PUB').toUpperCase(),
        year: 2026,
        budget: '100000.00',
        maxAmountPerApplication: '10000.00',
        opensAt: new Date(Date.now() - DAY).toISOString(),
        closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
      })
      .expect(201);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.http().post(`/api/v1/calls/${created.body.id}/publish`).set(bearer(officer)),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) expect(r.body.code).toBe('INVALID_STATE');
    expect((await auditActions(created.body.id)).filter((a) => a === 'call.published')).toHaveLength(1);
  });

  it('an officer closing while the scheduler closes (twice over): the call closes once', async () => {
    const closing = t.app.get(CallClosingService);
    const call = await insertCall(t, {
      opensAt: new Date(Date.now() - 10 * DAY),
      closesAt: new Date(Date.now() - 1000),
    });
    const [manual, auto1, auto2] = await Promise.all([
      t.http().post(`/api/v1/calls/${call.id}/close`).set(bearer(officer)),
      closing.closeDue(new Date()),
      closing.closeDue(new Date()),
    ]);
    const closedBySystem = [...auto1, ...auto2].filter((id) => id === call.id).length;
    expect(closedBySystem + (manual.status === 200 ? 1 : 0)).toBe(1);
    if (manual.status !== 200) expect(manual.body.code).toBe('INVALID_STATE');
    expect((await auditActions(call.id)).filter((a) => a === 'call.closed')).toHaveLength(1);
  });
});
