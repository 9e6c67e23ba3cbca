/**
 * Cofinança API entry point.
 *   node dist/apps/api/main.js            migrate, then serve the API and the back-office
 *   node dist/apps/api/main.js migrate    apply pending migrations and exit
 *   node dist/apps/api/main.js check-drift  exit 1 when entities and migrations disagree
 *   node dist/apps/api/main.js openapi <file>  write the OpenAPI document and exit
 *   node dist/apps/api/main.js seed       create the start-up admin and the demo users, then exit
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { ConfigError, loadConfig, type AppConfig } from './config/config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './database/embedded';
import { ensureDatabase } from './database/ensure-database';
import { pendingSchemaChanges, runMigrations } from './database/migrate';
import { buildOpenApi, createApp } from './app';

async function openDatabase(config: AppConfig): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  if (config.databaseUrl) {
    if (await ensureDatabase(config.databaseUrl)) console.log('The database did not exist: created it.');
    return { url: config.databaseUrl };
  }
  const embedded = await startEmbeddedDatabase(config.dataDir);
  return { url: embedded.url, embedded };
}

async function main(): Promise<void> {
  const [command, arg] = process.argv.slice(2);
  let config: AppConfig;
  try {
    config = loadConfig(
      command === 'openapi'
        ? { ...process.env, DATA_DIR: ':memory:', DATABASE_URL: '', SEED_DEMO: 'false', LOG_LEVEL: 'warn' }
        : process.env,
    );
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }

  const db = await openDatabase(config);
  const where = config.databaseUrl
    ? 'PostgreSQL (DATABASE_URL)'
    : `the embedded database in ${config.dataDir}`;
  const applied = await runMigrations(db.url);
  if (applied.length) console.log(`Migrations applied on ${where}: ${applied.join(', ')}`);

  if (command === 'migrate') {
    if (!applied.length) console.log(`No pending migrations on ${where}.`);
    await db.embedded?.stop();
    return;
  }
  if (command === 'check-drift') {
    const pending = await pendingSchemaChanges(db.url);
    await db.embedded?.stop();
    if (pending.length) {
      console.error(`Entities and migrations drift; a migration is missing for:\n${pending.join(';\n')}`);
      process.exit(1);
    }
    console.log('Entities and migrations agree.');
    return;
  }

  const app = await createApp(config, db.url);
  if (command === 'seed') {
    await app.close();
    await db.embedded?.stop();
    return;
  }
  if (command === 'openapi') {
    writeFileSync(arg ?? 'openapi.json', `${JSON.stringify(buildOpenApi(app), null, 2)}\n`);
    await app.close();
    await db.embedded?.stop();
    return;
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing requests and closing the database.`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app.close();
    await db.embedded?.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await app.listen(config.port, config.host);
  console.log(
    `Cofinança is serving on http://localhost:${config.port} (API /api/v1, docs /api/docs) on ${where}.`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
