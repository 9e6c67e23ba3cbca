import type { Role } from '@cofinanca/contracts';
import { entityUser, insertEntity } from './utils/fixtures';
import { bearer, createTestApp, unique, type TestApp, type TestUser } from './utils/test-app';

/** The directory NGOs use to name partner entities of a joint project. */
describe('entities: the partner directory', () => {
  let t: TestApp;
  let ngo: TestUser;
  let ownId: string;
  const tag = unique('xarxa');
  const ids = { active: '', pending: '' };

  beforeAll(async () => {
    t = await createTestApp();
    const own = await insertEntity(t, { legalName: `Pròpia ${tag}` });
    ownId = own.id;
    ngo = await entityUser(t, own.id);
    ids.active = (await insertEntity(t, { legalName: `Sòcia activa ${tag}` })).id;
    ids.pending = (
      await insertEntity(t, { legalName: `Pendent ${tag}`, status: 'pending_validation', validatedAt: null })
    ).id;
  });
  afterAll(() => t.close());

  const directory = (token: string, query: Record<string, string>) =>
    t.http().get('/api/v1/entities/directory').query(query).set(bearer(token));

  it('finds active entities by name, never the own one or one not validated, with no personal data', async () => {
    const res = await directory(ngo.token, { q: tag }).expect(200);
    expect(res.body.items).toEqual([{ id: ids.active, legalName: `Sòcia activa ${tag}`, town: 'Lleida' }]);
  });

  it('looks up chosen partners by id, still only active ones other than the own', async () => {
    const res = await directory(ngo.token, { ids: [ids.active, ids.pending, ownId].join(',') }).expect(200);
    expect(res.body.items.map((e: { id: string }) => e.id)).toEqual([ids.active]);
  });

  it('answers nothing without a search and 400 on a one-letter search or a bad id', async () => {
    expect((await directory(ngo.token, {}).expect(200)).body.items).toEqual([]);
    expect((await directory(ngo.token, { q: 'a' }).expect(400)).body.errors).toHaveProperty('q');
    expect((await directory(ngo.token, { ids: 'nope' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('is open to officers, NGO users and evaluators (for their registers of interests) only', async () => {
    const officer = await t.user('officer');
    await directory(officer.token, { q: tag }).expect(200);
    const evaluator = await t.user('evaluator');
    await directory(evaluator.token, { q: tag }).expect(200);
    for (const role of ['admin', 'finance', 'viewer'] as Role[]) {
      const u = await t.user(role);
      expect((await directory(u.token, { q: tag }).expect(403)).body.code).toBe('FORBIDDEN');
    }
    await t.http().get('/api/v1/entities/directory').query({ q: tag }).expect(401);
  });
});
