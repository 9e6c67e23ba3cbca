/**
 * Server-only proofs (`*.pg-spec.ts`, run when DATABASE_URL names a PostgreSQL server): simultaneous requests on
 * the same entity. The embedded engine serialises every statement on one session, so only a real server shows
 * whether the row locks and unique indexes hold.
 */
import { dataSource, entityProfile, entityUser, insertEntity, randomNif } from './utils/fixtures';
import { bearer, createTestApp, unique, type TestApp, type TestUser } from './utils/test-app';

const PASSWORD = 'Long-enough-pass-1';

function registration(nif = randomNif()) {
  return {
    entity: entityProfile({ nif }),
    user: { email: `${unique('first')}@test.cofinanca.cat`, name: 'Anna Serra', password: PASSWORD },
    privacyAccepted: true,
  };
}

async function count(t: TestApp, sql: string, params: unknown[]): Promise<number> {
  const [row] = await dataSource(t).query(sql, params);
  return Number(row.count);
}

describe('entities under simultaneous requests (PostgreSQL)', () => {
  let t: TestApp;
  let officer: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user('officer');
  });
  afterAll(() => t.close());

  it('the same NIF registered twice at the same moment: one entity, the other 409 DUPLICATE on entity.nif', async () => {
    for (let round = 0; round < 3; round++) {
      const nif = randomNif();
      const results = await Promise.all(
        [0, 1].map(() => t.http().post('/api/v1/auth/register').send(registration(nif))),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const conflict = results.find((r) => r.status === 409);
      expect(conflict?.body).toMatchObject({
        code: 'DUPLICATE',
        errors: { 'entity.nif': expect.any(Array) },
      });
      expect(await count(t, 'SELECT count(*) FROM entities WHERE nif = $1', [nif])).toBe(1);
    }
  });

  it('two simultaneous removals never leave an entity without an active user', async () => {
    const pairs = await Promise.all(
      [0, 1, 2, 3].map(async () => {
        const entity = await insertEntity(t);
        return { entity, users: [await entityUser(t, entity.id), await entityUser(t, entity.id)] };
      }),
    );
    const results = await Promise.all(
      pairs.flatMap(({ entity, users }) =>
        users.map((u) =>
          t.http().delete(`/api/v1/entities/${entity.id}/members/${u.id}`).set(bearer(officer.token)),
        ),
      ),
    );
    for (const [i, { entity }] of pairs.entries()) {
      const statuses = results.slice(2 * i, 2 * i + 2).map((r) => r.status);
      expect(statuses.sort()).toEqual([204, 409]);
      expect(await count(t, 'SELECT count(*) FROM users WHERE entity_id = $1 AND active', [entity.id])).toBe(
        1,
      );
    }
  });

  it('two officers deciding at the same moment: one decision wins, the other gets 409 INVALID_STATE', async () => {
    for (let round = 0; round < 3; round++) {
      const entity = await insertEntity(t, {
        status: 'pending_validation',
        ibanStatus: 'pending',
        validatedIban: null,
        validatedAt: null,
      });
      const user = await entityUser(t, entity.id);
      await dataSource(t).query('UPDATE users SET email_verified_at = now() WHERE id = $1', [user.id]);
      const results = await Promise.all([
        t.http().post(`/api/v1/entities/${entity.id}/validate`).set(bearer(officer.token)),
        t
          .http()
          .post(`/api/v1/entities/${entity.id}/reject`)
          .set(bearer(officer.token))
          .send({ reason: 'Documentació incompleta' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200)?.body;
      const [row] = await dataSource(t).query('SELECT status FROM entities WHERE id = $1', [entity.id]);
      expect(row.status).toBe(winner.status);
      expect(
        await count(
          t,
          `SELECT count(*) FROM audit_events WHERE subject_id = $1 AND action IN ('entity.validated', 'entity.rejected')`,
          [entity.id],
        ),
      ).toBe(1);
    }
  });

  it('two edits with the same version: one is saved, the other gets 409 STALE_VERSION', async () => {
    const entity = await insertEntity(t);
    const user = await entityUser(t, entity.id);
    const results = await Promise.all(
      ['973000001', '973000002'].map((phone) =>
        t
          .http()
          .patch(`/api/v1/entities/${entity.id}`)
          .set(bearer(user.token))
          .send({ version: entity.version, phone }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.code).toBe('STALE_VERSION');
    const [row] = await dataSource(t).query('SELECT phone, version FROM entities WHERE id = $1', [entity.id]);
    expect(row).toEqual({
      phone: results.find((r) => r.status === 200)?.body.phone,
      version: entity.version + 1,
    });
  });

  it('an admin deactivating one of the last two users while a colleague removes the other: one wins, one 409, no deadlock', async () => {
    for (let round = 0; round < 5; round++) {
      const entity = await insertEntity(t);
      const a = await entityUser(t, entity.id);
      const b = await entityUser(t, entity.id);
      const [byAdmin, byColleague] = await Promise.all([
        t
          .http()
          .patch(`/api/v1/users/${a.id}`)
          .set(bearer(t.adminToken))
          .send({ version: a.version, active: false }),
        t.http().delete(`/api/v1/entities/${entity.id}/members/${b.id}`).set(bearer(a.token)),
      ]);
      const statuses = [byAdmin.status, byColleague.status];
      // Whichever goes first wins (the colleague's request may also find itself signed out: 401).
      expect(statuses.filter((s) => s === 200 || s === 204)).toHaveLength(1);
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      expect(await count(t, 'SELECT count(*) FROM users WHERE entity_id = $1 AND active', [entity.id])).toBe(
        1,
      );
    }
  });
});
