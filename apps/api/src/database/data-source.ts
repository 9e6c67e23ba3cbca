/**
 * One data-source definition for the app, the tests and the TypeORM CLI. Never `synchronize`: the schema comes
 * only from the migrations in /migrations.
 */
import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@cofinanca/migrations';
import { isEmbeddedUrl } from './embedded-registry';
import { ENTITIES } from './entities';

export function dataSourceOptions(url: string, extra: { poolMax?: number } = {}): DataSourceOptions {
  // The embedded engine serves one session: one connection, and requests wait their turn for it (see
  // embedded-registry.ts). A server gets a pool of ten.
  const embedded = isEmbeddedUrl(url);
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    extra: {
      max: embedded ? 1 : (extra.poolMax ?? 10),
      connectionTimeoutMillis: embedded ? 60_000 : 5000,
    },
  };
}

/** For the TypeORM CLI (`npm run db:migrate`, drift check): DATABASE_URL is required there. */
export default new DataSource(
  dataSourceOptions(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/cofinanca'),
);
