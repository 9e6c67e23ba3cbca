/**
 * With DATABASE_URL: one migrated template database, cloned per test file (CREATE DATABASE … TEMPLATE …).
 * Without: nothing to do — each test file starts its own in-memory embedded engine.
 */
import './paths';
import { Client } from 'pg';
import { serverUrl, TEMPLATE_DB } from './databases';

export default async function globalSetup(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url) return;
  const admin = new Client({ connectionString: serverUrl(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const { runMigrations } = await import('../../src/database/migrate');
  await runMigrations(serverUrl(url, TEMPLATE_DB));
}
