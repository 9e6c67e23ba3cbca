import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The minutes (*acta*) of approved committee meetings, one PDF per language, rendered once in the approval's
 * transaction. Like the registry receipts, the database refuses to change or delete them: a legal document is
 * generated once and never changes.
 */
export class CommitteeMinutes1764000000610 implements MigrationInterface {
  name = 'CommitteeMinutes1764000000610';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "committee_minutes" ("meeting_id" uuid NOT NULL, "locale" character varying(2) NOT NULL, "content" bytea NOT NULL, "sha256" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_committee_minutes" PRIMARY KEY ("meeting_id", "locale"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "committee_minutes" ADD CONSTRAINT "FK_committee_minutes_meeting" FOREIGN KEY ("meeting_id") REFERENCES "committee_meetings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`
      CREATE FUNCTION committee_minutes_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'committee minutes never change' USING ERRCODE = 'insufficient_privilege';
      END;
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER committee_minutes_no_update BEFORE UPDATE OR DELETE ON "committee_minutes" FOR EACH ROW EXECUTE FUNCTION committee_minutes_immutable()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER committee_minutes_no_truncate BEFORE TRUNCATE ON "committee_minutes" FOR EACH STATEMENT EXECUTE FUNCTION committee_minutes_immutable()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER committee_minutes_no_truncate ON "committee_minutes"`);
    await queryRunner.query(`DROP TRIGGER committee_minutes_no_update ON "committee_minutes"`);
    await queryRunner.query(`DROP FUNCTION committee_minutes_immutable()`);
    await queryRunner.query(`ALTER TABLE "committee_minutes" DROP CONSTRAINT "FK_committee_minutes_meeting"`);
    await queryRunner.query(`DROP TABLE "committee_minutes"`);
  }
}
