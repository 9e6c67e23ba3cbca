import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

const secret = 'x'.repeat(40);

describe(loadConfig.name, () => {
  it('has the documented defaults', () => {
    const c = loadConfig({ JWT_SECRET: secret });
    expect(c).toMatchObject({
      port: 3000,
      defaultLocale: 'ca',
      councilMunicipality: '25120',
      seedDemo: true, // embedded database
      accessTokenTtl: 28800,
      publicUrl: 'http://localhost:3000',
      loginMaxFailures: 5,
      loginLockSeconds: 900,
    });
    expect(c.databaseUrl).toBeUndefined();
  });

  it('turns demo data off by default on a PostgreSQL server', () => {
    expect(loadConfig({ JWT_SECRET: secret, DATABASE_URL: 'postgres://u@h:5432/db' }).seedDemo).toBe(false);
    expect(
      loadConfig({ JWT_SECRET: secret, DATABASE_URL: 'postgres://u@h:5432/db', SEED_DEMO: 'true' }).seedDemo,
    ).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ ADMIN_EMAIL: 'admin@x.cat' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_EMAIL: 'nope', ADMIN_PASSWORD: 'long-enough-1' }, 'ADMIN_EMAIL'],
    [{ SEED_DEMO: 'perhaps' }, 'SEED_DEMO'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ DEFAULT_LOCALE: 'fr' }, 'DEFAULT_LOCALE'],
    [{ COUNCIL_MUNICIPALITY: 'Lleida' }, 'COUNCIL_MUNICIPALITY'],
    [{ ACCESS_TOKEN_TTL: '5' }, 'ACCESS_TOKEN_TTL'],
    [{ TRUST_PROXY: 'everyone; drop' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '1' }, 'TRUST_PROXY'], // a hop count names no proxy: any client would do
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.1, 300.1.1.1' }, 'TRUST_PROXY'],
  ])('refuses %p naming %s', (env, name) => {
    try {
      loadConfig({ JWT_SECRET: secret, ...env });
      throw new Error('accepted');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.join('\n')).toContain(name);
    }
  });

  it('trusts no proxy unless TRUST_PROXY names them (addresses, ranges, keywords)', () => {
    expect(loadConfig({ JWT_SECRET: secret }).trustProxy).toEqual([]);
    expect(loadConfig({ JWT_SECRET: secret, TRUST_PROXY: 'uniquelocal' }).trustProxy).toEqual([
      'uniquelocal',
    ]);
    expect(
      loadConfig({ JWT_SECRET: secret, TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1 , fd00::/8' }).trustProxy,
    ).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']);
  });

  it('lists every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', DEFAULT_LOCALE: 'fr', JWT_SECRET: secret })).toThrow(
      /PORT[\s\S]*DEFAULT_LOCALE|DEFAULT_LOCALE[\s\S]*PORT/,
    );
  });

  it('generates JWT_SECRET once and keeps it under DATA_DIR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cofinanca-config-'));
    const first = loadConfig({ DATA_DIR: dir }).jwtSecret;
    const second = loadConfig({ DATA_DIR: dir }).jwtSecret;
    expect(first).toHaveLength(64);
    expect(second).toBe(first);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8').trim()).toBe(first);
    expect(statSync(join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
  });
});
