import { Client } from 'pg';
import { serverUrl, TEMPLATE_DB } from './databases';

export default async function globalTeardown(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url) return;
  const admin = new Client({ connectionString: serverUrl(url, 'postgres') });
  await admin.connect();
  try {
    const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'cofinanca_t_%'`);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
