import { StartupService } from '../src/modules/seed/startup.service';
import { DEMO_CALL_BUDGET } from '../src/modules/seed/demo-grants';
import { dataSource } from './utils/fixtures';
import { bearer, createTestApp, type TestApp } from './utils/test-app';

/** What the demo holds, counted straight from the database. */
async function demoCounts(t: TestApp) {
  const [row] = await dataSource(t).query(
    `SELECT
       (SELECT count(*)::int FROM entities WHERE nif IN ('G25123456', 'G25401878', 'G25619321', 'G25773045')) AS entities,
       (SELECT count(*)::int FROM users WHERE email LIKE '%@demo.cofinanca.cat') AS users,
       (SELECT count(*)::int FROM applications) AS applications,
       (SELECT count(*)::int FROM registry_receipts) AS receipts,
       (SELECT count(*)::int FROM documents) AS documents,
       (SELECT count(*)::int FROM audit_events) AS audit,
       (SELECT count(*)::int FROM outbox_messages) AS outbox`,
  );
  return row as Record<string, number>;
}

describe('the demo data (SEED_DEMO)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ SEED_DEMO: 'true' });
  });
  afterAll(() => t.close());

  const officer = () => t.login('officer@demo.cofinanca.cat', 'Cofinanca-officer-2026');

  it('holds four active demo NGOs, each with an entity user who signs in', async () => {
    const ngos: { nif: string; status: string; iban_status: string; id: string }[] = await dataSource(
      t,
    ).query(`SELECT id, nif, status, iban_status FROM entities WHERE legal_name LIKE '%(demo)' ORDER BY nif`);
    expect(ngos.map((n) => n.nif)).toEqual(['G25123456', 'G25401878', 'G25619321', 'G25773045']);
    expect(ngos.every((n) => n.status === 'active' && n.iban_status === 'validated')).toBe(true);
    for (const [i, suffix] of ['', '2', '3', '4'].entries()) {
      const token = await t.login(`entity${suffix}@demo.cofinanca.cat`, `Cofinanca-entity${suffix}-2026`);
      const me = await t.http().get('/api/v1/auth/me').set(bearer(token));
      expect(me.status).toBe(200);
      expect(me.body.entityId).toBe(ngos[i].id);
    }
  });

  it('has three demo evaluators, one with a register line (membership of a demo NGO) saved by itself', async () => {
    const token = await officer();
    const list = await t.http().get('/api/v1/evaluators?pageSize=100').set(bearer(token));
    expect(list.status).toBe(200);
    const emails = (list.body.items as { email: string }[]).map((e) => e.email).sort();
    expect(emails).toEqual([
      'evaluator2@demo.cofinanca.cat',
      'evaluator3@demo.cofinanca.cat',
      'evaluator@demo.cofinanca.cat',
    ]);
    const conflicted = (list.body.items as { id: string; email: string }[]).find(
      (e) => e.email === 'evaluator3@demo.cofinanca.cat',
    );
    const register = await t.http().get(`/api/v1/evaluators/${conflicted?.id}/interests`).set(bearer(token));
    expect(register.status).toBe(200);
    expect(register.body.items).toEqual([
      expect.objectContaining({
        entityName: 'Fundació Segre per la Cooperació (demo)',
        relation: 'membership',
      }),
    ]);
    const [event] = await dataSource(t).query(
      `SELECT actor_email FROM audit_events WHERE action = 'evaluator.interests_updated' AND subject_id = $1`,
      [conflicted?.id],
    );
    expect(event.actor_email).toBe('evaluator3@demo.cofinanca.cat');
  });

  it('has six admitted applications on the open demo call, from four NGOs, submitted with receipts', async () => {
    const token = await officer();
    const calls = await t
      .http()
      .get('/api/v1/calls?status=published&q=DEMO-&pageSize=100')
      .set(bearer(token));
    const call = (calls.body.items as { id: string; code: string; budget: string }[]).find((c) =>
      /^DEMO-\d{4}$/.test(c.code),
    );
    expect(call?.budget).toBe(DEMO_CALL_BUDGET);
    const apps = await t
      .http()
      .get(`/api/v1/applications?callId=${call?.id}&pageSize=100`)
      .set(bearer(token));
    expect(apps.status).toBe(200);
    const items = apps.body.items as {
      id: string;
      status: string;
      registryNumber: string | null;
      entityId: string;
      requestedAmount: string;
    }[];
    expect(items).toHaveLength(6);
    expect(items.every((a) => a.status === 'admitted')).toBe(true);
    expect(items.every((a) => /^REG-\d{4}-\d{6}$/.test(a.registryNumber ?? ''))).toBe(true);
    expect(new Set(items.map((a) => a.entityId)).size).toBe(4);
    // Together they ask for more than the budget: the ranking will have a partial award and a waiting list.
    const asked = items.reduce((sum, a) => sum + Number(a.requestedAmount), 0);
    expect(asked).toBeGreaterThan(Number(DEMO_CALL_BUDGET));

    const receipts: { application_id: string }[] = await dataSource(t).query(
      `SELECT DISTINCT application_id FROM registry_receipts`,
    );
    expect(receipts).toHaveLength(6);
    const events: { action: string; actor_email: string }[] = await dataSource(t).query(
      `SELECT action, actor_email FROM audit_events WHERE subject_type = 'application' AND action IN
         ('application.submitted', 'application.admitted')`,
    );
    expect(events.filter((e) => e.action === 'application.submitted')).toHaveLength(6);
    expect(
      events
        .filter((e) => e.action === 'application.submitted')
        .every((e) => /^entity\d?@demo/.test(e.actor_email)),
    ).toBe(true);
    expect(events.filter((e) => e.action === 'application.admitted').map((e) => e.actor_email)).toEqual(
      Array(6).fill('officer@demo.cofinanca.cat'),
    );
    // The receipts' e-mails go to the demo NGOs' users, nobody else.
    const outbox: { to_address: string }[] = await dataSource(t).query(
      `SELECT to_address FROM outbox_messages`,
    );
    expect(outbox.length).toBeGreaterThan(0);
    expect(outbox.every((o) => o.to_address.endsWith('@demo.cofinanca.cat'))).toBe(true);
  });

  it('changes nothing when it runs again', async () => {
    const before = await demoCounts(t);
    await t.app.get(StartupService).run();
    expect(await demoCounts(t)).toEqual(before);
  });
});
