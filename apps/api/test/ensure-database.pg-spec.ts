import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { ensureDatabase } from '../src/database/ensure-database';

/** A server-only test (`*.pg-spec.ts`): jest.config.cjs runs it when DATABASE_URL names a PostgreSQL server. */
const server = process.env['DATABASE_URL'];

describe('ensureDatabase on a PostgreSQL server', () => {
  it('creates a missing database once, and leaves an existing one alone', async () => {
    const name = `cofinanca_t_ensure_${randomBytes(4).toString('hex')}`;
    const url = new URL(server!);
    url.pathname = `/${name}`;
    try {
      expect(await ensureDatabase(url.toString())).toBe(true);
      expect(await ensureDatabase(url.toString())).toBe(false);
      const c = new Client({ connectionString: url.toString() });
      await c.connect();
      const { rows } = await c.query('SELECT current_database() AS db');
      await c.end();
      expect(rows[0].db).toBe(name);
    } finally {
      const admin = new URL(server!);
      admin.pathname = '/postgres';
      const c = new Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    }
  });

  it('refuses a database name that is not a plain identifier', async () => {
    const url = new URL(server!);
    url.pathname = '/bad%22name';
    await expect(ensureDatabase(url.toString())).rejects.toThrow(/Refusing|does not exist/);
  });
});
