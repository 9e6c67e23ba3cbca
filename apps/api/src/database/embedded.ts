/**
 * The embedded PostgreSQL engine: PGlite (PostgreSQL compiled to WebAssembly) served over the PostgreSQL wire
 * protocol by pglite-socket on a free loopback port, so that the ordinary `pg` driver, TypeORM and the same
 * migrations work in both modes. Data persists under DATA_DIR/pglite (or stays in memory for tests).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { forgetEmbeddedUrl, registerEmbeddedUrl } from './embedded-registry';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  let db: PGlite;
  // pg_trgm backs the trigram indexes of the lists' searches (migration 1764000000400), as on a server.
  const extensions = { pg_trgm };
  if (dataDir === ':memory:') {
    db = await PGlite.create({ extensions });
  } else {
    mkdirSync(dataDir, { recursive: true });
    db = await PGlite.create({ dataDir: join(dataDir, 'pglite'), extensions });
  }
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 20 });
  await server.start();
  const conn = server.getServerConn();
  const port = conn.split(':').pop();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  registerEmbeddedUrl(url);
  return {
    url,
    async stop() {
      forgetEmbeddedUrl(url);
      await server.stop();
      await db.close();
    },
  };
}
