import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The migrated template; `TEST_TEMPLATE_DB` names another, so that two checkouts can test on one server at once. */
export const TEMPLATE_DB = process.env['TEST_TEMPLATE_DB'] ?? 'cofinanca_t_template';

export function serverUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export interface TestDatabase {
  url: string;
  engine: 'postgresql' | 'embedded';
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file: a clone of the template on a server, or an in-memory PGlite. */
export async function freshDatabase(): Promise<TestDatabase> {
  const server = process.env['DATABASE_URL'];
  if (server) {
    const name = `cofinanca_t_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: serverUrl(server, 'postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
    await admin.end();
    return {
      url: serverUrl(server, name),
      engine: 'postgresql',
      async drop() {
        const c = new Client({ connectionString: serverUrl(server, 'postgres') });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const { startEmbeddedDatabase } = await import('../../src/database/embedded');
  const { runMigrations } = await import('../../src/database/migrate');
  const embedded = await startEmbeddedDatabase(':memory:');
  await runMigrations(embedded.url);
  return { url: embedded.url, engine: 'embedded', drop: () => embedded.stop() };
}
