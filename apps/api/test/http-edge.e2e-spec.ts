import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, bearer, createTestApp, unique, type TestApp } from './utils/test-app';

/** Password resets from one client, each with a different forged X-Forwarded-For: how many are let through. */
async function resetsWithRotatingForwardedFor(t: TestApp, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const res = await t
      .http()
      .post('/api/v1/auth/password-reset')
      .set('X-Forwarded-For', `203.0.113.${i + 1}`)
      .send({ email: `${unique('nobody')}@test.cofinanca.cat` });
    statuses.push(res.status);
  }
  return statuses;
}

const login = (t: TestApp, headers: Record<string, string> = {}) =>
  t.http().post('/api/v1/auth/login').set(headers).send({ email: ADMIN.email, password: ADMIN.password });

describe('the edge: default configuration (no trusted proxy, plain http)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A stand-in for the built back-office, shaped as Vite writes it.
    const staticDir = mkdtempSync(join(tmpdir(), 'cofinanca-static-'));
    writeFileSync(
      join(staticDir, 'index.html'),
      '<!doctype html><html><head><title>Cofinança</title><link rel="stylesheet" href="/assets/index.css"></head><body><div id="root"></div></body></html>',
    );
    t = await createTestApp({ PUBLIC_URL: 'http://localhost:3000', STATIC_DIR: staticDir });
  });
  afterAll(() => t.close());

  it('limits rotating X-Forwarded-For from one client as one address (10 resets a minute)', async () => {
    const statuses = await resetsWithRotatingForwardedFor(t, 12);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(202));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('sends no HSTS and no Secure cookie over plain http, whatever an untrusted X-Forwarded-Proto says', async () => {
    for (const headers of [{}, { 'X-Forwarded-Proto': 'https' }] as Record<string, string>[]) {
      const res = await login(t, headers).expect(200);
      expect(res.headers['strict-transport-security']).toBeUndefined();
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/cofinanca_session=/);
      expect(cookie).not.toMatch(/;\s*Secure/i);
      const health = await t.http().get('/api/health').set(headers).expect(200);
      expect(health.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('marks every API answer Cache-Control: no-store, errors included; the codelists keep their short cache', async () => {
    const me = await t.http().get('/api/v1/auth/me').set(bearer(t.adminToken)).expect(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const users = await t.http().get('/api/v1/users').set(bearer(t.adminToken)).expect(200);
    expect(users.headers['cache-control']).toBe('no-store');
    const anonymous = await t.http().get('/api/v1/users').expect(401);
    expect(anonymous.headers['cache-control']).toBe('no-store');
    expect((await t.http().get('/api/health').expect(200)).headers['cache-control']).toBe('no-store');
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: ADMIN.email, password: ADMIN.password })
      .expect(200);
    expect(login.headers['cache-control']).toBe('no-store');
    const codelist = await t.http().get('/api/v1/codelists/sectors').set(bearer(t.adminToken)).expect(200);
    expect(codelist.headers['cache-control']).toBe('private, max-age=3600');
  });

  it("allows styles from the app's own origin only (no 'unsafe-inline', no https:), except on the API docs page", async () => {
    const csp = (await t.http().get('/api/health').expect(200)).headers['content-security-policy'] as string;
    const styles = csp.split(';').find((d) => d.trim().startsWith('style-src'));
    expect(styles?.trim()).toBe("style-src 'self'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    const docs = (await t.http().get('/api/docs/').expect(200)).headers['content-security-policy'] as string;
    expect(docs).toMatch(/style-src 'self' 'unsafe-inline'(;|$)/);
    expect(docs).toMatch(/script-src 'self'(;|$)/);
  });

  it("gives the back-office page a fresh style nonce instead of 'unsafe-inline', in its policy and in a meta tag", async () => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const page = await t.http().get('/applications').set('Accept', 'text/html').expect(200);
      const nonce = (page.text as string).match(
        /<meta property="csp-nonce" nonce="([A-Za-z0-9+/=]{24})" \/>/,
      )?.[1];
      expect(nonce).toBeDefined();
      const csp = page.headers['content-security-policy'] as string;
      const styles = csp.split(';').find((d) => d.startsWith('style-src'));
      expect(styles).toBe(`style-src 'self' 'nonce-${nonce}'`);
      expect(csp).not.toContain('unsafe-inline');
      expect(page.headers['cache-control']).toBe('no-cache');
      nonces.push(nonce!);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});

describe('the edge: behind a proxy TRUST_PROXY names', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      TRUST_PROXY: '127.0.0.1',
      PUBLIC_URL: 'http://localhost:3000',
      AUTH_MAIL_LIMIT: '3',
    });
  });
  afterAll(() => t.close());

  it("limits by the client address the proxy forwards, not by the proxy's", async () => {
    expect(await resetsWithRotatingForwardedFor(t, 12)).toEqual(Array(12).fill(202));
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t
        .http()
        .post('/api/v1/auth/password-reset')
        .set('X-Forwarded-For', '198.51.100.7')
        .send({ email: `${unique('nobody')}@test.cofinanca.cat` });
      statuses.push(res.status);
    }
    expect(statuses.at(-1)).toBe(429);
  });

  it('queues at most AUTH_MAIL_LIMIT reset e-mails to one address, whatever the client address, across restarts', async () => {
    const viewer = await t.user('viewer');
    const reset = (i: number) =>
      t
        .http()
        .post('/api/v1/auth/password-reset')
        .set('X-Forwarded-For', `192.0.2.${i}`)
        .send({ email: viewer.email })
        .expect(202); // the same neutral answer past the limit
    const queued = async () => {
      const res = await t.http().get('/api/v1/outbox').query({ to: viewer.email }).set(bearer(t.adminToken));
      return (res.body.items as { subject: string }[]).length;
    };
    for (let i = 1; i <= 4; i++) await reset(i);
    expect(await queued()).toBe(3);

    // Another instance (or a restart) counts the same outbox.
    await t.app.close();
    const again = await createTestApp({ TRUST_PROXY: '127.0.0.1', AUTH_MAIL_LIMIT: '3' }, t.db);
    t = { ...again, db: t.db };
    await reset(5);
    expect(await queued()).toBe(3);
  });

  it('sends HSTS and a Secure cookie when the proxy says the client came over https, and only then', async () => {
    const https = await login(t, { 'X-Forwarded-Proto': 'https' }).expect(200);
    expect(https.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(https.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    const http = await login(t, { 'X-Forwarded-Proto': 'http' }).expect(200);
    expect(http.headers['strict-transport-security']).toBeUndefined();
    expect(String(http.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
  });
});

describe('the edge: PUBLIC_URL on https', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://cofinanca.example.org' });
  });
  afterAll(() => t.close());

  it('sends HSTS on every answer and marks the session cookie Secure', async () => {
    const health = await t.http().get('/api/health').expect(200);
    expect(health.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const res = await login(t).expect(200);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(res.headers['set-cookie'])).toMatch(/;\s*Secure/i);
  });
});
