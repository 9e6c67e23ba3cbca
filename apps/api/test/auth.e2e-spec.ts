import { JwtService } from '@nestjs/jwt';
import { sign } from 'jsonwebtoken';
import { DataSource } from 'typeorm';
import { SessionCleanupService } from '../src/modules/auth/session-cleanup.service';
import { ADMIN, bearer, createTestApp, unique, type TestApp } from './utils/test-app';

/** The reset link's token, read from the newest outbox message to that address. */
async function tokenFromOutbox(t: TestApp, email: string): Promise<string> {
  const res = await t.http().get('/api/v1/outbox').query({ to: email }).set(bearer(t.adminToken)).expect(200);
  const text: string = res.body.items[0].text;
  const match = text.match(/reset-password\?token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no token in: ${text}`);
  return match[1];
}

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '5', LOGIN_LOCK_SECONDS: '900' });
  });
  afterAll(() => t.close());

  describe('POST /api/v1/auth/login', () => {
    it('returns a bearer token, its lifetime and the user, and sets an httpOnly SameSite=Strict cookie', async () => {
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: ADMIN.email.toUpperCase(), password: ADMIN.password })
        .expect(200);
      expect(res.body).toMatchObject({ accessToken: expect.any(String), expiresIn: 8 * 3600 });
      expect(res.body.user).toMatchObject({ email: ADMIN.email, roles: ['admin'], locale: 'ca' });
      expect(res.body.user.permissions).toContain('users.manage');
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/cofinanca_session=/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
    });

    it('accepts the session cookie instead of the bearer token', async () => {
      const agent = t.http();
      const login = await agent
        .post('/api/v1/auth/login')
        .send({ email: ADMIN.email, password: ADMIN.password });
      const cookie = String(login.headers['set-cookie']).split(';')[0];
      const me = await t.http().get('/api/v1/auth/me').set('Cookie', cookie).expect(200);
      expect(me.body.email).toBe(ADMIN.email);
    });

    it('answers a wrong password with 401 INVALID_CREDENTIALS', async () => {
      const u = await t.user('viewer');
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: u.email, password: 'wrong-password' })
        .expect(401);
      expect(res.body.code).toBe('INVALID_CREDENTIALS');
    });

    it.each([
      [{ email: 'a@b.cat' }, 'password'],
      [{ email: 'not-an-email', password: 'x' }, 'email'],
      [{ email: 'a@b.cat', password: 'x', extra: true }, 'extra'],
      [{ email: 'a@b.cat', password: 'x'.repeat(129) }, 'password'],
      [{ email: 42, password: 'x' }, 'email'],
    ])('answers bad input %p with 400 naming %s', async (body, field) => {
      const res = await t.http().post('/api/v1/auth/login').send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.errors)).toContain(field);
    });

    it('locks an address for 15 minutes after 5 failures in a row, even with the right password', async () => {
      const u = await t.user('officer');
      for (let i = 0; i < 5; i++) {
        await t
          .http()
          .post('/api/v1/auth/login')
          .send({ email: u.email, password: `wrong-${i}` })
          .expect(401);
      }
      const locked = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: u.email, password: u.password })
        .expect(429);
      expect(locked.body.code).toBe('RATE_LIMITED');
      const retryAfter = Number(locked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(850);
      expect(retryAfter).toBeLessThanOrEqual(900);
      const audit = await t
        .http()
        .get('/api/v1/audit')
        .query({ action: 'auth.locked', subjectId: u.id })
        .set(bearer(t.adminToken));
      expect(audit.body.total).toBe(1);
    });

    it('resets the failure count after a successful sign-in', async () => {
      const u = await t.user('viewer');
      for (let i = 0; i < 4; i++)
        await t.http().post('/api/v1/auth/login').send({ email: u.email, password: 'nope-nope' }).expect(401);
      await t.http().post('/api/v1/auth/login').send({ email: u.email, password: u.password }).expect(200);
      for (let i = 0; i < 4; i++)
        await t.http().post('/api/v1/auth/login').send({ email: u.email, password: 'nope-nope' }).expect(401);
      await t.http().post('/api/v1/auth/login').send({ email: u.email, password: u.password }).expect(200);
    });

    it('locks unknown addresses too, so the answer does not reveal which exist', async () => {
      const email = `${unique('ghost')}@test.cofinanca.cat`;
      for (let i = 0; i < 5; i++)
        await t.http().post('/api/v1/auth/login').send({ email, password: 'whatever1' }).expect(401);
      await t.http().post('/api/v1/auth/login').send({ email, password: 'whatever1' }).expect(429);
    });
  });

  describe('tokens', () => {
    it('GET /auth/me returns the user with roles and permissions', async () => {
      const u = await t.user(['officer', 'viewer']);
      const res = await t.http().get('/api/v1/auth/me').set(bearer(u.token)).expect(200);
      expect(res.body).toMatchObject({
        id: u.id,
        email: u.email,
        roles: ['officer', 'viewer'],
        entityId: null,
        locale: 'ca',
      });
      expect(res.body.permissions).toEqual(expect.arrayContaining(['audit.read', 'calls.read']));
    });

    it('logout revokes the token', async () => {
      const u = await t.user('viewer');
      await t.http().post('/api/v1/auth/logout').set(bearer(u.token)).expect(204);
      const res = await t.http().get('/api/v1/auth/me').set(bearer(u.token)).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a tampered token', async () => {
      const u = await t.user('viewer');
      const [h, p, s] = u.token.split('.');
      const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
      const forged = [
        h,
        Buffer.from(JSON.stringify({ ...payload, sub: '00000000-0000-4000-8000-000000000000' })).toString(
          'base64url',
        ),
        s,
      ].join('.');
      await t.http().get('/api/v1/auth/me').set(bearer(forged)).expect(401);
      await t
        .http()
        .get('/api/v1/auth/me')
        .set(bearer(`${u.token.slice(0, -2)}xx`))
        .expect(401);
      await t.http().get('/api/v1/auth/me').set(bearer('garbage')).expect(401);
    });

    it('refuses a token signed with another secret, or with alg none', async () => {
      const u = await t.user('viewer');
      const payload = JSON.parse(Buffer.from(u.token.split('.')[1], 'base64url').toString());
      const other = sign(
        { sub: payload.sub, jti: payload.jti },
        'another-secret-another-secret-another-secret',
      );
      await t.http().get('/api/v1/auth/me').set(bearer(other)).expect(401);
      const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${u.token.split('.')[1]}.`;
      await t.http().get('/api/v1/auth/me').set(bearer(none)).expect(401);
    });

    it('refuses an expired token', async () => {
      const u = await t.user('viewer');
      const payload = JSON.parse(Buffer.from(u.token.split('.')[1], 'base64url').toString());
      const jwt = t.app.get(JwtService);
      const expired = await jwt.signAsync({
        sub: payload.sub,
        jti: payload.jti,
        exp: Math.floor(Date.now() / 1000) - 10,
      });
      const res = await t.http().get('/api/v1/auth/me').set(bearer(expired)).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('refuses the token of a deactivated user', async () => {
      const u = await t.user('officer');
      await t
        .http()
        .patch(`/api/v1/users/${u.id}`)
        .set(bearer(t.adminToken))
        .send({ version: u.version, active: false })
        .expect(200);
      await t.http().get('/api/v1/auth/me').set(bearer(u.token)).expect(401);
      const relogin = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: u.email, password: u.password });
      expect(relogin.status).toBe(401);
    });
  });

  describe('profile', () => {
    it('PATCH /auth/me changes name and language, audited', async () => {
      const u = await t.user('finance');
      const res = await t
        .http()
        .patch('/api/v1/auth/me')
        .set(bearer(u.token))
        .send({ name: 'Nova Persona', locale: 'es' })
        .expect(200);
      expect(res.body).toMatchObject({ name: 'Nova Persona', locale: 'es' });
      const audit = await t
        .http()
        .get('/api/v1/audit')
        .query({ subjectId: u.id, action: 'user.profile_updated' })
        .set(bearer(t.adminToken));
      expect(audit.body.items[0]).toMatchObject({
        before: { locale: 'ca' },
        after: { locale: 'es', name: 'Nova Persona' },
      });
    });

    it('PATCH /auth/me refuses roles (unknown field) and a bad locale', async () => {
      const u = await t.user('viewer');
      const res = await t
        .http()
        .patch('/api/v1/auth/me')
        .set(bearer(u.token))
        .send({ roles: ['admin'] })
        .expect(400);
      expect(res.body.errors).toHaveProperty('roles');
      await t.http().patch('/api/v1/auth/me').set(bearer(u.token)).send({ locale: 'fr' }).expect(400);
    });

    it('changes the password with the current one, ending other sessions', async () => {
      const u = await t.user('viewer');
      const other = await t.login(u.email, u.password);
      await t
        .http()
        .post('/api/v1/auth/change-password')
        .set(bearer(u.token))
        .send({ currentPassword: 'wrong', newPassword: 'A-new-password-1' })
        .expect(400);
      await t
        .http()
        .post('/api/v1/auth/change-password')
        .set(bearer(u.token))
        .send({ currentPassword: u.password, newPassword: 'short' })
        .expect(400);
      await t
        .http()
        .post('/api/v1/auth/change-password')
        .set(bearer(u.token))
        .send({ currentPassword: u.password, newPassword: 'A-new-password-1' })
        .expect(204);
      await t.http().get('/api/v1/auth/me').set(bearer(other)).expect(401);
      await t.http().get('/api/v1/auth/me').set(bearer(u.token)).expect(200);
      await t.login(u.email, 'A-new-password-1');
    });
  });

  describe('password reset', () => {
    it('always answers 202, and only a known address gets an e-mail in its language', async () => {
      const ghost = `${unique('ghost')}@test.cofinanca.cat`;
      await t.http().post('/api/v1/auth/password-reset').send({ email: ghost }).expect(202);
      const none = await t.http().get('/api/v1/outbox').query({ to: ghost }).set(bearer(t.adminToken));
      expect(none.body.total).toBe(0);

      const u = await t.user('viewer', { locale: 'es' });
      await t.http().post('/api/v1/auth/password-reset').send({ email: u.email }).expect(202);
      const mail = await t.http().get('/api/v1/outbox').query({ to: u.email }).set(bearer(t.adminToken));
      expect(mail.body.items[0]).toMatchObject({
        locale: 'es',
        status: 'pending',
        subject: expect.stringContaining('contraseña'),
      });
      expect(mail.body.items[0].text).toContain('http://cofinanca.test/reset-password?token=');
    });

    it('sets a new password once with the token; the token cannot be reused; old sessions end', async () => {
      const u = await t.user('officer');
      await t.http().post('/api/v1/auth/password-reset').send({ email: u.email }).expect(202);
      const token = await tokenFromOutbox(t, u.email);
      await t
        .http()
        .post('/api/v1/auth/password-reset/confirm')
        .send({ token, password: 'short' })
        .expect(400);
      await t
        .http()
        .post('/api/v1/auth/password-reset/confirm')
        .send({ token, password: 'Brand-new-password-9' })
        .expect(204);
      const again = await t
        .http()
        .post('/api/v1/auth/password-reset/confirm')
        .send({ token, password: 'Another-password-9' })
        .expect(400);
      expect(again.body.code).toBe('INVALID_TOKEN');
      await t.http().get('/api/v1/auth/me').set(bearer(u.token)).expect(401);
      await t.login(u.email, 'Brand-new-password-9');
      const res = await t.http().post('/api/v1/auth/login').send({ email: u.email, password: u.password });
      expect(res.status).toBe(401);
      const audit = await t
        .http()
        .get('/api/v1/audit')
        .query({ subjectId: u.id, action: 'auth.password_reset' })
        .set(bearer(t.adminToken));
      expect(audit.body.total).toBe(1);
      expect(JSON.stringify(audit.body)).not.toContain(token);
    });

    it('refuses an unknown token', async () => {
      const res = await t
        .http()
        .post('/api/v1/auth/password-reset/confirm')
        .send({ token: 'x'.repeat(43), password: 'Whatever-password-1' })
        .expect(400);
      expect(res.body).toMatchObject({ code: 'INVALID_TOKEN', errors: { token: expect.any(Array) } });
    });
  });
});

describe('auth clean-up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('deletes sessions, tokens and failure counters that ended long ago, and nothing current', async () => {
    const u = await t.user('viewer');
    const ds = t.app.get(DataSource);
    await t.http().post('/api/v1/auth/password-reset').send({ email: u.email }).expect(202);
    await t.http().post('/api/v1/auth/login').send({ email: u.email, password: 'wrong-one' }).expect(401);
    const old = await t.login(u.email, u.password);
    const oldJti = JSON.parse(Buffer.from(old.split('.')[1], 'base64url').toString()).jti;
    await ds.query(`UPDATE sessions SET revoked_at = now() - interval '31 days' WHERE id = $1`, [oldJti]);
    await ds.query(`UPDATE user_tokens SET expires_at = now() - interval '31 days' WHERE user_id = $1`, [
      u.id,
    ]);
    await ds.query(
      `INSERT INTO login_attempts (email, failures, last_failure_at) VALUES ('gone@x.cat', 2, now() - interval '2 days')`,
    );

    const purged = await t.app.get(SessionCleanupService).purge();
    expect(purged).toEqual({ sessions: 1, tokens: 1, loginAttempts: 1 });
    await t.http().get('/api/v1/auth/me').set(bearer(u.token)).expect(200);
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM sessions WHERE user_id = $1`, [
      u.id,
    ]);
    expect(count).toBe(1);
  });
});
