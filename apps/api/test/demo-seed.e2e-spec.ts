import { StartupService } from '../src/modules/seed/startup.service';
import { DEMO_APPLICATIONS, DEMO_CALL_BUDGET, DEMO_ENTITIES } from '../src/modules/seed/demo-grants';
import { DEMO_USERS } from '../src/modules/seed/demo-users';

/** Empties a list of the demo's definitions, runs `fn`, and puts back what it had: the seed of an earlier version. */
async function withoutParts<T>(
  list: readonly T[],
  keep: (item: T) => boolean,
  fn: () => Promise<void>,
): Promise<void> {
  const all = (list as T[]).splice(0, list.length);
  (list as T[]).push(...all.filter(keep));
  try {
    await fn();
  } finally {
    (list as T[]).splice(0, list.length, ...all);
  }
}
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

  it('lets the officer close the demo call, start evaluation and assign two evaluators each, around the conflict', async () => {
    const token = await officer();
    const [call] = await dataSource(t).query(`SELECT id FROM calls WHERE code LIKE 'DEMO-%'`);
    expect((await t.http().post(`/api/v1/calls/${call.id}/close`).set(bearer(token)).send()).status).toBe(
      200,
    );
    const start = await t.http().post(`/api/v1/calls/${call.id}/start-evaluation`).set(bearer(token)).send();
    expect(start.status).toBe(200);
    const auto = await t.http().post(`/api/v1/calls/${call.id}/assignments/auto`).set(bearer(token)).send({});
    expect(auto.status).toBe(200);
    const rows: { evaluator: string; entity: string; n: number }[] = await dataSource(t).query(
      `SELECT u.email AS evaluator, e.nif AS entity, count(*)::int AS n
         FROM assignments s JOIN users u ON u.id = s.evaluator_id
         JOIN applications a ON a.id = s.application_id JOIN entities e ON e.id = a.entity_id
        WHERE s.call_id = $1 GROUP BY u.email, e.nif`,
      [call.id],
    );
    const load = (email: string) => rows.filter((r) => r.evaluator === email).reduce((n, r) => n + r.n, 0);
    expect(
      ['evaluator@demo.cofinanca.cat', 'evaluator2@demo.cofinanca.cat', 'evaluator3@demo.cofinanca.cat'].map(
        load,
      ),
    ).toEqual([4, 4, 4]);
    // The register line keeps evaluator 3 away from the NGO it is a member of.
    expect(
      rows.find((r) => r.evaluator === 'evaluator3@demo.cofinanca.cat' && r.entity === 'G25401878'),
    ).toBeUndefined();

    // A restart on a demo whose call is being evaluated adds nothing to it.
    const before = await demoCounts(t);
    await t.app.get(StartupService).run();
    expect(await demoCounts(t)).toEqual(before);
  });
});

describe('an installation with the earlier demo (one NGO, one evaluator, no applications)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ SEED_DEMO: 'false' });
  });
  afterAll(() => t.close());

  it('gets the new parts once, keeping what it had', async () => {
    const ds = dataSource(t);
    // The earlier demo, as its seed left it: the first NGO, the call, the one-per-role users.
    const startup = t.app.get(StartupService);
    // The app's one configuration object (APP_CONFIG): booted without the demo, SEED_DEMO is turned on now.
    t.config.seedDemo = true;
    const earlier = ['admin', 'officer', 'evaluator', 'finance', 'viewer', 'entity'].map(
      (r) => `${r}@demo.cofinanca.cat`,
    );
    await withoutParts(
      DEMO_USERS,
      (u) => earlier.includes(u.email),
      () =>
        withoutParts(
          DEMO_ENTITIES,
          (e) => e.nif === 'G25123456',
          () =>
            withoutParts(
              DEMO_APPLICATIONS,
              () => false,
              () => startup.run(),
            ),
        ),
    );
    expect(await demoCounts(t)).toMatchObject({ entities: 1, users: 6, applications: 0 });
    const [first] = await ds.query(`SELECT id FROM entities WHERE nif = 'G25123456'`);

    await startup.run();
    const [again] = await ds.query(`SELECT id FROM entities WHERE nif = 'G25123456'`);
    expect(again.id).toBe(first.id);
    const counts = await demoCounts(t);
    expect(counts).toMatchObject({ entities: 4, users: DEMO_USERS.length, applications: 6, receipts: 6 * 3 });
    const [entityUser] = await ds.query(
      `SELECT entity_id FROM users WHERE email = 'entity@demo.cofinanca.cat'`,
    );
    expect(entityUser.entity_id).toBe(first.id);

    await startup.run();
    expect(await demoCounts(t)).toEqual(counts);
  });
});
