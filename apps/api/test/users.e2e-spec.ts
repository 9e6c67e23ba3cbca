import { insertEntity } from './utils/fixtures';
import { ROLES, type Role } from '@cofinanca/contracts';
import { ADMIN, bearer, createTestApp, unique, type TestApp, type TestUser } from './utils/test-app';

describe('users', () => {
  let t: TestApp;
  const people = {} as Record<Role, TestUser>;
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLES) people[role] = await t.user(role);
  });
  afterAll(() => t.close());

  const newUser = () => ({
    email: `${unique('n')}@test.cofinanca.cat`,
    name: 'Nova',
    roles: ['viewer'],
    password: 'Long-enough-pass-1',
  });

  describe('permissions: only admins reach user management', () => {
    it.each(ROLES.filter((r) => r !== 'admin'))(
      '%s gets 403 FORBIDDEN on every users route',
      async (role) => {
        const token = people[role].token;
        const target = people.viewer;
        const calls = [
          t.http().get('/api/v1/users').set(bearer(token)),
          t.http().get('/api/v1/users/export.csv').set(bearer(token)),
          t.http().get(`/api/v1/users/${target.id}`).set(bearer(token)),
          t.http().post('/api/v1/users').set(bearer(token)).send(newUser()),
          t
            .http()
            .patch(`/api/v1/users/${target.id}`)
            .set(bearer(token))
            .send({ version: target.version, name: 'x' }),
        ];
        for (const res of await Promise.all(calls)) {
          expect(res.status).toBe(403);
          expect(res.body.code).toBe('FORBIDDEN');
        }
      },
    );

    it('a viewer creating a user gets 403 FORBIDDEN and nothing is created', async () => {
      const body = newUser();
      const res = await t
        .http()
        .post('/api/v1/users')
        .set(bearer(people.viewer.token))
        .send(body)
        .expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
      const list = await t.http().get('/api/v1/users').query({ q: body.email }).set(bearer(t.adminToken));
      expect(list.body.total).toBe(0);
    });

    it('admin reaches every users route', async () => {
      const admin = people.admin.token;
      await t.http().get('/api/v1/users').set(bearer(admin)).expect(200);
      await t.http().get('/api/v1/users/export.csv').set(bearer(admin)).expect(200);
      await t.http().get(`/api/v1/users/${people.viewer.id}`).set(bearer(admin)).expect(200);
      const created = await t.http().post('/api/v1/users').set(bearer(admin)).send(newUser()).expect(201);
      await t
        .http()
        .patch(`/api/v1/users/${created.body.id}`)
        .set(bearer(admin))
        .send({ version: created.body.version, name: 'Renamed' })
        .expect(200);
    });
  });

  describe('listing', () => {
    it('pages, filters and sorts', async () => {
      const res = await t
        .http()
        .get('/api/v1/users')
        .query({ pageSize: 2, page: 1, sort: 'email' })
        .set(bearer(t.adminToken))
        .expect(200);
      expect(res.body).toMatchObject({ page: 1, pageSize: 2 });
      expect(res.body.items).toHaveLength(2);
      expect(res.body.total).toBeGreaterThanOrEqual(7);
      const emails = res.body.items.map((u: { email: string }) => u.email);
      expect([...emails].sort()).toEqual(emails);
      const desc = await t
        .http()
        .get('/api/v1/users')
        .query({ sort: '-email', pageSize: 200 })
        .set(bearer(t.adminToken));
      const all = desc.body.items.map((u: { email: string }) => u.email);
      expect([...all].sort().reverse()).toEqual(all);
      const finance = await t
        .http()
        .get('/api/v1/users')
        .query({ role: 'finance' })
        .set(bearer(t.adminToken));
      expect(finance.body.items.every((u: { roles: string[] }) => u.roles.includes('finance'))).toBe(true);
      const q = await t
        .http()
        .get('/api/v1/users')
        .query({ q: people.evaluator.email.slice(0, 14) })
        .set(bearer(t.adminToken));
      expect(q.body.items.map((u: { id: string }) => u.id)).toContain(people.evaluator.id);
    });

    it.each([
      [{ pageSize: 201 }, 'pageSize'],
      [{ page: 0 }, 'page'],
      [{ sort: 'passwordHash' }, 'sort'],
      [{ role: 'king' }, 'role'],
      [{ active: 'maybe' }, 'active'],
      [{ unknown: 1 }, 'unknown'],
    ])('refuses %p with 400 naming %s', async (query, field) => {
      const res = await t.http().get('/api/v1/users').query(query).set(bearer(t.adminToken)).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.errors)).toContain(field);
    });

    it('exports CSV for a Catalan spreadsheet: BOM, semicolons', async () => {
      const res = await t
        .http()
        .get('/api/v1/users/export.csv')
        .query({ role: 'evaluator' })
        .set(bearer(t.adminToken))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/csv/);
      const buf = res.body as Buffer;
      expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = buf.toString('utf8').slice(1);
      expect(text.split('\r\n')[0]).toBe("Adreça electrònica;Nom;Rols;Idioma;Estat;Data d'alta");
      expect(text).toContain(people.evaluator.email);
      expect(text).not.toContain(people.finance.email);
    });

    it('answers an unknown id with 404 and a malformed one with 400', async () => {
      await t
        .http()
        .get('/api/v1/users/00000000-0000-4000-8000-000000000000')
        .set(bearer(t.adminToken))
        .expect(404);
      await t.http().get('/api/v1/users/123').set(bearer(t.adminToken)).expect(400);
    });
  });

  describe('creating', () => {
    it('creates with a password, audited without the password', async () => {
      const body = newUser();
      const res = await t
        .http()
        .post('/api/v1/users')
        .set(bearer(t.adminToken))
        .send({ ...body, email: body.email.toUpperCase() })
        .expect(201);
      expect(res.body).toMatchObject({
        email: body.email,
        name: 'Nova',
        roles: ['viewer'],
        active: true,
        passwordSet: true,
        locale: 'ca',
        version: 1,
      });
      expect(res.body).not.toHaveProperty('passwordHash');
      const audit = await t
        .http()
        .get('/api/v1/audit')
        .query({ subjectType: 'user', subjectId: res.body.id, action: 'user.created' })
        .set(bearer(t.adminToken));
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0]).toMatchObject({
        actorEmail: ADMIN.email,
        actorRoles: ['admin'],
        after: { email: body.email },
      });
      expect(JSON.stringify(audit.body)).not.toMatch(/argon2|Long-enough-pass/);
      await t.login(body.email, body.password);
    });

    it('without a password, invites by e-mail in the user language; the link sets the password', async () => {
      const email = `${unique('inv')}@test.cofinanca.cat`;
      const res = await t
        .http()
        .post('/api/v1/users')
        .set(bearer(t.adminToken))
        .send({ email, name: 'Convidada', roles: ['evaluator'], locale: 'en' })
        .expect(201);
      expect(res.body.passwordSet).toBe(false);
      const mail = await t.http().get('/api/v1/outbox').query({ to: email }).set(bearer(t.adminToken));
      expect(mail.body.items).toHaveLength(1);
      expect(mail.body.items[0]).toMatchObject({
        locale: 'en',
        subject: 'You have been given access to Cofinança',
        status: 'pending',
      });
      const token = mail.body.items[0].text.match(/token=([A-Za-z0-9_-]+)/)[1];
      await t
        .http()
        .post('/api/v1/auth/password-reset/confirm')
        .send({ token, password: 'Chosen-password-1' })
        .expect(204);
      await t.login(email, 'Chosen-password-1');
    });

    it('sends the invitation again with a new link, only while no password is set', async () => {
      const email = `${unique('re')}@test.cofinanca.cat`;
      const created = await t
        .http()
        .post('/api/v1/users')
        .set(bearer(t.adminToken))
        .send({ email, name: 'Reinvitada', roles: ['viewer'] })
        .expect(201);
      const first = (
        await t.http().get('/api/v1/outbox').query({ to: email }).set(bearer(t.adminToken))
      ).body.items[0].text.match(/token=([A-Za-z0-9_-]+)/)[1];
      await t
        .http()
        .post(`/api/v1/users/${created.body.id}/invitation`)
        .set(bearer(t.adminToken))
        .expect(202);
      const mails = await t.http().get('/api/v1/outbox').query({ to: email }).set(bearer(t.adminToken));
      expect(mails.body.total).toBe(2);
      const second = mails.body.items[0].text.match(/token=([A-Za-z0-9_-]+)/)[1];
      expect(second).not.toBe(first);
      const old = await t
        .http()
        .post('/api/v1/auth/password-reset/confirm')
        .send({ token: first, password: 'Chosen-password-2' })
        .expect(400);
      expect(old.body.code).toBe('INVALID_TOKEN');
      await t
        .http()
        .post('/api/v1/auth/password-reset/confirm')
        .send({ token: second, password: 'Chosen-password-2' })
        .expect(204);
      const again = await t
        .http()
        .post(`/api/v1/users/${created.body.id}/invitation`)
        .set(bearer(t.adminToken))
        .expect(409);
      expect(again.body.code).toBe('INVALID_STATE');
      await t
        .http()
        .post('/api/v1/users/00000000-0000-4000-8000-000000000000/invitation')
        .set(bearer(t.adminToken))
        .expect(404);
    });

    it('refuses a taken e-mail with 409 DUPLICATE on the email field', async () => {
      const res = await t
        .http()
        .post('/api/v1/users')
        .set(bearer(t.adminToken))
        .send({ ...newUser(), email: people.finance.email })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'DUPLICATE', errors: { email: expect.any(Array) } });
    });

    it.each([
      [{ roles: [] }, 'roles'],
      [{ roles: ['king'] }, 'roles'],
      [{ roles: ['viewer', 'viewer'] }, 'roles'],
      [{ email: 'nope' }, 'email'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ password: 'short' }, 'password'],
      [{ locale: 'fr' }, 'locale'],
      [{ isAdmin: true }, 'isAdmin'],
      [{ entityId: '00000000-0000-4000-8000-000000000000' }, 'entityId'],
    ])('refuses %p with 400 naming %s, creating nothing', async (patch, field) => {
      const body = { ...newUser(), ...patch };
      const res = await t.http().post('/api/v1/users').set(bearer(t.adminToken)).send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.errors)).toContain(field);
      const list = await t.http().get('/api/v1/users').query({ q: body.email }).set(bearer(t.adminToken));
      expect(list.body.total).toBe(0);
    });
  });

  describe('an entity keeps an active user', () => {
    it('refuses to deactivate the last active user of an entity, or take away its entity role, with 409', async () => {
      const entity = await insertEntity(t);
      const only = await t.user('entity', { entityId: entity.id });
      const off = await t
        .http()
        .patch(`/api/v1/users/${only.id}`)
        .set(bearer(t.adminToken))
        .send({ version: only.version, active: false })
        .expect(409);
      expect(off.body).toMatchObject({ code: 'INVALID_STATE', errors: { active: expect.any(Array) } });
      const demoted = await t
        .http()
        .patch(`/api/v1/users/${only.id}`)
        .set(bearer(t.adminToken))
        .send({ version: only.version, roles: ['viewer'] })
        .expect(409);
      expect(demoted.body.errors).toHaveProperty('roles');
      const still = await t.http().get(`/api/v1/users/${only.id}`).set(bearer(t.adminToken)).expect(200);
      expect(still.body).toMatchObject({ active: true, roles: ['entity'] });
    });

    it('deactivates an entity user who has an active colleague', async () => {
      const entity = await insertEntity(t);
      const one = await t.user('entity', { entityId: entity.id });
      await t.user('entity', { entityId: entity.id });
      await t
        .http()
        .patch(`/api/v1/users/${one.id}`)
        .set(bearer(t.adminToken))
        .send({ version: one.version, active: false })
        .expect(200);
    });
  });

  describe('editing', () => {
    it('edits roles with the current version; a stale version gets 409 STALE_VERSION', async () => {
      const u = await t.user('viewer');
      const ok = await t
        .http()
        .patch(`/api/v1/users/${u.id}`)
        .set(bearer(t.adminToken))
        .send({ version: u.version, roles: ['officer'] })
        .expect(200);
      expect(ok.body).toMatchObject({ roles: ['officer'], version: u.version + 1 });
      const stale = await t
        .http()
        .patch(`/api/v1/users/${u.id}`)
        .set(bearer(t.adminToken))
        .send({ version: u.version, name: 'Late' })
        .expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      const audit = await t
        .http()
        .get('/api/v1/audit')
        .query({ subjectId: u.id, action: 'user.updated' })
        .set(bearer(t.adminToken));
      expect(audit.body.items[0]).toMatchObject({
        before: { roles: ['viewer'] },
        after: { roles: ['officer'] },
      });
      // A change of roles ends the sessions: the old token no longer works.
      await t.http().get('/api/v1/auth/me').set(bearer(u.token)).expect(401);
    });

    it('requires the version', async () => {
      const res = await t
        .http()
        .patch(`/api/v1/users/${people.viewer.id}`)
        .set(bearer(t.adminToken))
        .send({ name: 'No version' })
        .expect(400);
      expect(res.body.errors).toHaveProperty('version');
    });

    it('deactivates and reactivates, audited', async () => {
      const u = await t.user('finance');
      const off = await t
        .http()
        .patch(`/api/v1/users/${u.id}`)
        .set(bearer(t.adminToken))
        .send({ version: u.version, active: false })
        .expect(200);
      await t
        .http()
        .patch(`/api/v1/users/${u.id}`)
        .set(bearer(t.adminToken))
        .send({ version: off.body.version, active: true })
        .expect(200);
      const audit = await t.http().get('/api/v1/audit').query({ subjectId: u.id }).set(bearer(t.adminToken));
      const actions = audit.body.items.map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['user.deactivated', 'user.reactivated']));
      await t.login(u.email, u.password);
    });

    it('never deactivates or demotes the last active admin (409 LAST_ADMIN)', async () => {
      // Leave exactly one active admin: deactivate every other one.
      const admins = await t
        .http()
        .get('/api/v1/users')
        .query({ role: 'admin', active: true, pageSize: 200 })
        .set(bearer(t.adminToken));
      const me = await t.http().get('/api/v1/auth/me').set(bearer(t.adminToken));
      for (const a of admins.body.items.filter((x: { id: string }) => x.id !== me.body.id)) {
        await t
          .http()
          .patch(`/api/v1/users/${a.id}`)
          .set(bearer(t.adminToken))
          .send({ version: a.version, active: false })
          .expect(200);
      }
      const self = await t.http().get(`/api/v1/users/${me.body.id}`).set(bearer(t.adminToken));
      const off = await t
        .http()
        .patch(`/api/v1/users/${me.body.id}`)
        .set(bearer(t.adminToken))
        .send({ version: self.body.version, active: false })
        .expect(409);
      expect(off.body).toMatchObject({ code: 'LAST_ADMIN', errors: { active: expect.any(Array) } });
      const demote = await t
        .http()
        .patch(`/api/v1/users/${me.body.id}`)
        .set(bearer(t.adminToken))
        .send({ version: self.body.version, roles: ['officer'] })
        .expect(409);
      expect(demote.body.code).toBe('LAST_ADMIN');
      const still = await t.http().get(`/api/v1/users/${me.body.id}`).set(bearer(t.adminToken));
      expect(still.body).toMatchObject({ active: true, roles: ['admin'], version: self.body.version });

      // With a second active admin, the first may step down.
      const second = await t
        .http()
        .post('/api/v1/users')
        .set(bearer(t.adminToken))
        .send({ ...newUser(), roles: ['admin'] })
        .expect(201);
      await t
        .http()
        .patch(`/api/v1/users/${me.body.id}`)
        .set(bearer(t.adminToken))
        .send({ version: self.body.version, roles: ['admin', 'officer'] })
        .expect(200);
      expect(second.body.roles).toEqual(['admin']);
    });
  });
});
