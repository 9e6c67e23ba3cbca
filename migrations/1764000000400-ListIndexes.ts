import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for what the lists filter and sort by. Every sort is `column dir, id dir`, so one b-tree (column, id) walks
 * both directions and a page stops after offset + pageSize rows instead of sorting the whole table; a filter with
 * the default order (a call's applications, an entity's own) gets (filter, created_at, id). `q` searches with
 * ILIKE '%…%' use pg_trgm GIN indexes (PGlite loads the extension too: `database/embedded.ts`). The calls table
 * (tens of rows) is read whole faster than through any index and gets none for its search.
 * The trigram indexes are declared `synchronize: false` on the entities (TypeORM cannot express them).
 */
export class ListIndexes1764000000400 implements MigrationInterface {
  name = 'ListIndexes1764000000400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    for (const sql of INDEXES) await queryRunner.query(sql);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [...INDEXES].reverse()) {
      const name = /INDEX "([^"]+)"/.exec(sql)?.[1];
      await queryRunner.query(`DROP INDEX "public"."${name}"`);
    }
  }
}

const INDEXES = [
  // applications: the sorts, the call and entity filters with the default order, the search
  `CREATE INDEX "IDX_applications_created" ON "applications" ("created_at", "id") `,
  `CREATE INDEX "IDX_applications_submitted" ON "applications" ("submitted_at", "id") `,
  `CREATE INDEX "IDX_applications_title" ON "applications" ("title", "id") `,
  `CREATE INDEX "IDX_applications_requested" ON "applications" ("requested_amount", "id") `,
  `CREATE INDEX "IDX_applications_status_created" ON "applications" ("status", "created_at", "id") `,
  `CREATE INDEX "IDX_applications_call_created" ON "applications" ("call_id", "created_at", "id") `,
  `CREATE INDEX "IDX_applications_entity_created" ON "applications" ("entity_id", "created_at", "id") `,
  `CREATE INDEX "IDX_applications_title_trgm" ON "applications" USING gin ("title" gin_trgm_ops)`,
  `CREATE INDEX "IDX_applications_registry_trgm" ON "applications" USING gin ("registry_number" gin_trgm_ops)`,
  // entities
  `CREATE INDEX "IDX_entities_created" ON "entities" ("created_at", "id") `,
  `CREATE INDEX "IDX_entities_legal_name" ON "entities" ("legal_name", "id") `,
  `CREATE INDEX "IDX_entities_iban_status" ON "entities" ("iban_status") `,
  `CREATE INDEX "IDX_entities_legal_name_trgm" ON "entities" USING gin ("legal_name" gin_trgm_ops)`,
  `CREATE INDEX "IDX_entities_nif_trgm" ON "entities" USING gin ("nif" gin_trgm_ops)`,
  `CREATE INDEX "IDX_entities_email_trgm" ON "entities" USING gin ("email" gin_trgm_ops)`,
  // calls: the sorts
  `CREATE INDEX "IDX_calls_created" ON "calls" ("created_at", "id") `,
  `CREATE INDEX "IDX_calls_closes" ON "calls" ("closes_at", "id") `,
  `CREATE INDEX "IDX_calls_year" ON "calls" ("year", "id") `,
  // users
  `CREATE INDEX "IDX_users_created" ON "users" ("created_at", "id") `,
  `CREATE INDEX "IDX_users_name" ON "users" ("name", "id") `,
  `CREATE INDEX "IDX_users_email_trgm" ON "users" USING gin ("email" gin_trgm_ops)`,
  `CREATE INDEX "IDX_users_name_trgm" ON "users" USING gin ("name" gin_trgm_ops)`,
  // audit and outbox: newest first
  `CREATE INDEX "IDX_audit_events_at_id" ON "audit_events" ("at", "id") `,
  `CREATE INDEX "IDX_outbox_messages_created" ON "outbox_messages" ("created_at", "id") `,
  `CREATE INDEX "IDX_outbox_messages_to_trgm" ON "outbox_messages" USING gin ("to_address" gin_trgm_ops)`,
];
