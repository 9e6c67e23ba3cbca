import { ROLES, type Role } from '@cofinanca/contracts';
import { bearer, createTestApp, type TestApp, type TestUser } from './utils/test-app';

describe('calendar', () => {
  let t: TestApp;
  const people = {} as Record<Role, TestUser>;
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLES) people[role] = await t.user(role);
  });
  afterAll(() => t.close());

  describe('business days (LPAC art. 30)', () => {
    it.each(ROLES)('10 business days after 2026-04-30 in Lleida is 2026-05-18 (as %s)', async (role) => {
      const res = await t
        .http()
        .get('/api/v1/calendar/business-days')
        .query({ from: '2026-04-30', days: 10 })
        .set(bearer(people[role].token))
        .expect(200);
      expect(res.body).toEqual({
        from: '2026-04-30',
        days: 10,
        municipality: '25120',
        dueDate: '2026-05-18',
      });
    });

    it('also skips the local holidays of the given municipality', async () => {
      const admin = people.admin.token;
      await t
        .http()
        .post('/api/v1/calendar/holidays')
        .set(bearer(admin))
        .send({ date: '2026-07-06', scope: 'local:25040', name: 'Festa local de prova' })
        .expect(201);
      const lleida = await t
        .http()
        .get('/api/v1/calendar/business-days')
        .query({ from: '2026-07-03', days: 1 })
        .set(bearer(admin));
      expect(lleida.body.dueDate).toBe('2026-07-06');
      const balaguer = await t
        .http()
        .get('/api/v1/calendar/business-days')
        .query({ from: '2026-07-03', days: 1, municipality: '25040' })
        .set(bearer(admin));
      expect(balaguer.body).toMatchObject({ municipality: '25040', dueDate: '2026-07-07' });
    });

    it.each([
      [{ from: '2026-02-30', days: 1 }, 'from'],
      [{ from: '30/04/2026', days: 1 }, 'from'],
      [{ from: '2026-04-30', days: -1 }, 'days'],
      [{ from: '2026-04-30', days: 'ten' }, 'days'],
      [{ from: '2026-04-30', days: 367 }, 'days'],
      [{ from: '2026-04-30', days: 1, municipality: 'Lleida' }, 'municipality'],
      [{ days: 1 }, 'from'],
    ])('refuses %p with 400 naming %s', async (query, field) => {
      const res = await t
        .http()
        .get('/api/v1/calendar/business-days')
        .query(query)
        .set(bearer(people.viewer.token))
        .expect(400);
      expect(Object.keys(res.body.errors)).toContain(field);
    });

    it('needs a session', async () => {
      await t
        .http()
        .get('/api/v1/calendar/business-days')
        .query({ from: '2026-04-30', days: 10 })
        .expect(401);
    });
  });

  describe('holidays', () => {
    it('holds the Catalan 2026 calendar and Lleida local holidays as reference data', async () => {
      const res = await t
        .http()
        .get('/api/v1/calendar/holidays')
        .query({ year: 2026 })
        .set(bearer(people.entity.token))
        .expect(200);
      const catalonia = res.body
        .filter((h: { scope: string }) => h.scope === 'catalonia')
        .map((h: { date: string }) => h.date);
      expect(catalonia).toEqual([
        '2026-01-01',
        '2026-01-06',
        '2026-04-03',
        '2026-04-06',
        '2026-05-01',
        '2026-06-24',
        '2026-08-15',
        '2026-09-11',
        '2026-10-12',
        '2026-12-08',
        '2026-12-25',
        '2026-12-26',
      ]);
      const lleida = res.body
        .filter((h: { scope: string }) => h.scope === 'local:25120')
        .map((h: { date: string }) => h.date);
      expect(lleida).toEqual(['2026-05-11', '2026-09-29']);
      const y2025 = await t
        .http()
        .get('/api/v1/calendar/holidays')
        .query({ year: 2025 })
        .set(bearer(people.viewer.token));
      expect(y2025.body.filter((h: { scope: string }) => h.scope === 'catalonia')).toHaveLength(13);
      expect(y2025.body.map((h: { date: string }) => h.date)).toContain('2025-05-12');
    });

    it('an admin adds and deletes a holiday, audited, and the count follows it', async () => {
      const admin = people.admin.token;
      const before = await t
        .http()
        .get('/api/v1/calendar/business-days')
        .query({ from: '2026-11-27', days: 1 })
        .set(bearer(admin));
      expect(before.body.dueDate).toBe('2026-11-30');
      const created = await t
        .http()
        .post('/api/v1/calendar/holidays')
        .set(bearer(admin))
        .send({ date: '2026-11-30', scope: 'local:25120', name: 'Festa de prova' })
        .expect(201);
      expect(created.body).toMatchObject({
        id: expect.any(String),
        date: '2026-11-30',
        scope: 'local:25120',
        name: 'Festa de prova',
      });
      const during = await t
        .http()
        .get('/api/v1/calendar/business-days')
        .query({ from: '2026-11-27', days: 1 })
        .set(bearer(admin));
      expect(during.body.dueDate).toBe('2026-12-01');
      const dup = await t
        .http()
        .post('/api/v1/calendar/holidays')
        .set(bearer(admin))
        .send({ date: '2026-11-30', scope: 'local:25120', name: 'Again' })
        .expect(409);
      expect(dup.body.code).toBe('DUPLICATE');
      await t.http().delete(`/api/v1/calendar/holidays/${created.body.id}`).set(bearer(admin)).expect(204);
      await t.http().delete(`/api/v1/calendar/holidays/${created.body.id}`).set(bearer(admin)).expect(404);
      const after = await t
        .http()
        .get('/api/v1/calendar/business-days')
        .query({ from: '2026-11-27', days: 1 })
        .set(bearer(admin));
      expect(after.body.dueDate).toBe('2026-11-30');
      const audit = await t
        .http()
        .get('/api/v1/audit')
        .query({ subjectType: 'holiday', subjectId: created.body.id })
        .set(bearer(admin));
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
        'holiday.deleted',
        'holiday.created',
      ]);
      expect(audit.body.items[0].before).toMatchObject({ date: '2026-11-30', scope: 'local:25120' });
    });

    it.each([
      [{ date: '2026-13-01', scope: 'catalonia', name: 'x' }, 'date'],
      [{ date: '2026-12-01', scope: 'regional', name: 'x' }, 'scope'],
      [{ date: '2026-12-01', scope: 'local:251', name: 'x' }, 'scope'],
      [{ date: '2026-12-01', scope: 'catalonia', name: '' }, 'name'],
      [{ date: '2026-12-01', scope: 'catalonia', name: 'x', extra: 1 }, 'extra'],
    ])('refuses %p with 400 naming %s', async (body, field) => {
      const res = await t
        .http()
        .post('/api/v1/calendar/holidays')
        .set(bearer(people.admin.token))
        .send(body)
        .expect(400);
      expect(Object.keys(res.body.errors)).toContain(field);
    });

    it.each(ROLES.filter((r) => r !== 'admin'))(
      '%s may read but not keep the calendar (403)',
      async (role) => {
        const token = people[role].token;
        await t.http().get('/api/v1/calendar/holidays').query({ year: 2026 }).set(bearer(token)).expect(200);
        const post = await t
          .http()
          .post('/api/v1/calendar/holidays')
          .set(bearer(token))
          .send({ date: '2026-12-02', scope: 'catalonia', name: 'x' })
          .expect(403);
        expect(post.body.code).toBe('FORBIDDEN');
        const list = await t.http().get('/api/v1/calendar/holidays').query({ year: 2026 }).set(bearer(token));
        await t.http().delete(`/api/v1/calendar/holidays/${list.body[0].id}`).set(bearer(token)).expect(403);
      },
    );
  });
});
