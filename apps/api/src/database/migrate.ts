import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';

/**
 * Runs the pending migrations on one connection holding a PostgreSQL advisory lock, so that two instances
 * starting together never migrate at the same time. Returns the names of the migrations applied.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource({ ...dataSourceOptions(url, { poolMax: 1 }), logging: false });
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock(727274)');
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await ds.query('SELECT pg_advisory_unlock(727274)');
    }
  } finally {
    await ds.destroy();
  }
}

/** Statements that would bring the database in line with the entities: empty when migrations and entities agree. */
export async function pendingSchemaChanges(url: string): Promise<string[]> {
  const ds = new DataSource({ ...dataSourceOptions(url, { poolMax: 1 }), logging: false });
  await ds.initialize();
  try {
    const sql = await ds.driver.createSchemaBuilder().log();
    return sql.upQueries.map((q) => q.query);
  } finally {
    await ds.destroy();
  }
}
