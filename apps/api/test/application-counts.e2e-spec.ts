/**
 * The staff's application list reads its `total` from the counts per call and status that triggers keep
 * (migration `ApplicationCounts`): after inserts, status changes of one row and of many in one statement, deletes,
 * a rollback and compaction, every total equals a `count(*)` of the same filter — through HTTP, on both engines.
 */
import { ApplicationCountsService } from '../src/modules/applications/application-counts.service';
import { ApplicationEntity } from '../src/modules/applications/application.entity';
import { dataSource, insertCall, insertEntity } from './utils/fixtures';
import { bearer, createTestApp, type TestApp, type TestUser } from './utils/test-app';

describe('Application counts (list totals)', () => {
  let t: TestApp;
  let officer: TestUser;
  let callA: string;
  let callB: string;
  let entityId: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user('officer');
    callA = (await insertCall(t)).id;
    callB = (await insertCall(t)).id;
    entityId = (await insertEntity(t)).id;
  });
  afterAll(() => t?.close());

  /** `n` applications in one INSERT statement: the trigger groups them. */
  const insert = (callId: string, status: ApplicationEntity['status'], n: number) =>
    dataSource(t).query(
      `INSERT INTO applications (call_id, entity_id, status, title, created_by, version)
       SELECT $1, $2, $3, 'Aigua', $4, 1 FROM generate_series(1, $5)`,
      [callId, entityId, status, officer.id, n],
    );

  /** Every filter the counts answer, each checked against count(*). */
  const filters: [string, string][] = [];
  const expectTotalsExact = async () => {
    for (const [query, where] of filters) {
      const res = await t.http().get(`/api/v1/applications?pageSize=1${query}`).set(bearer(officer.token));
      expect(res.status).toBe(200);
      const [{ n }] = await dataSource(t).query(`SELECT count(*)::int AS n FROM applications WHERE ${where}`);
      expect({ query, total: res.body.total }).toEqual({ query, total: n });
    }
  };

  beforeAll(() => {
    filters.push(
      ['', 'true'],
      [`&callId=${callA}`, `call_id = '${callA}'`],
      [`&callId=${callB}`, `call_id = '${callB}'`],
      ['&status=draft', `status = 'draft'`],
      ['&status=draft&status=submitted', `status IN ('draft', 'submitted')`],
      [`&callId=${callA}&status=submitted`, `call_id = '${callA}' AND status = 'submitted'`],
    );
  });

  it('counts what one statement inserts, many rows at once', async () => {
    await insert(callA, 'draft', 7);
    await insert(callB, 'submitted', 3);
    await insert(callA, 'submitted', 2);
    await expectTotalsExact();
    const res = await t.http().get('/api/v1/applications').set(bearer(officer.token));
    expect(res.body.total).toBe(12);
  });

  it('follows a status change of one row, of many in one statement, and ignores edits that change neither', async () => {
    const repo = dataSource(t).getRepository(ApplicationEntity);
    const one = await repo.findOneByOrFail({ callId: callA, status: 'draft' });
    await repo.update({ id: one.id }, { status: 'submitted' });
    await dataSource(t).query(
      `UPDATE applications SET status = 'admitted' WHERE call_id = $1 AND status = 'submitted'`,
      [callA],
    );
    const before = await dataSource(t).query(`SELECT count(*)::int AS n FROM application_counts`);
    await dataSource(t).query(`UPDATE applications SET title = 'Aigua i sanejament' WHERE call_id = $1`, [
      callA,
    ]);
    const after = await dataSource(t).query(`SELECT count(*)::int AS n FROM application_counts`);
    expect(after[0].n).toBe(before[0].n);
    filters.push(['&status=admitted', `status = 'admitted'`]);
    await expectTotalsExact();
  });

  it('follows deletes and a rolled-back change leaves nothing behind', async () => {
    await dataSource(t).query(`DELETE FROM applications WHERE call_id = $1 AND status = 'draft'`, [callA]);
    await dataSource(t)
      .transaction(async (m) => {
        await m.query(`DELETE FROM applications WHERE call_id = $1`, [callB]);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await expectTotalsExact();
    const res = await t.http().get(`/api/v1/applications?callId=${callB}`).set(bearer(officer.token));
    expect(res.body.total).toBe(3);
  });

  it('compaction folds each call and status into one row and keeps every total', async () => {
    const rows = await t.app.get(ApplicationCountsService).compact();
    const keys = await dataSource(t).query(
      `SELECT count(*)::int AS n FROM (SELECT DISTINCT call_id, status FROM applications) k`,
    );
    expect(rows).toBe(keys[0].n);
    await expectTotalsExact();
    // Compacting again changes nothing.
    expect(await t.app.get(ApplicationCountsService).compact()).toBe(rows);
    await expectTotalsExact();
  });

  it('a search, an entity filter and an entity user still count their rows directly', async () => {
    const other = await insertEntity(t);
    await insert(callB, 'draft', 1);
    await dataSource(t).query(
      `UPDATE applications SET entity_id = $1, title = 'Energia solar' WHERE id = (
      SELECT id FROM applications WHERE call_id = $2 AND status = 'draft' LIMIT 1)`,
      [other.id, callB],
    );
    const search = await t.http().get('/api/v1/applications?q=solar').set(bearer(officer.token));
    expect(search.body.total).toBe(1);
    const byEntity = await t
      .http()
      .get(`/api/v1/applications?entityId=${entityId}`)
      .set(bearer(officer.token));
    expect(byEntity.body.total).toBe(
      (
        await dataSource(t).query(`SELECT count(*)::int AS n FROM applications WHERE entity_id = $1`, [
          entityId,
        ])
      )[0].n,
    );
    const ngo = await t.user('entity', { entityId: other.id });
    const own = await t.http().get('/api/v1/applications').set(bearer(ngo.token));
    expect(own.body.total).toBe(1);
    await expectTotalsExact();
  });
});
