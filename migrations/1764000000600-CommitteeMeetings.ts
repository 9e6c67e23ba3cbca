import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The evaluation committee's meetings (issue 10): date, place, members (name, position, role, attendance) and
 * recusals as documents of the meeting, its status, and the ranking its approval froze. A check keeps the status
 * to the two the API writes.
 */
export class CommitteeMeetings1764000000600 implements MigrationInterface {
  name = 'CommitteeMeetings1764000000600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "committee_meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "held_on" date NOT NULL, "place" character varying(200) NOT NULL, "members" jsonb NOT NULL DEFAULT '[]', "recusals" jsonb NOT NULL DEFAULT '[]', "status" character varying(20) NOT NULL DEFAULT 'draft', "ranking" jsonb, "approved_at" TIMESTAMP WITH TIME ZONE, "approved_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_committee_meetings" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "committee_meetings" ADD CONSTRAINT "CHK_committee_meetings_status" CHECK ("status" IN ('draft', 'approved') AND ("status" = 'draft') = ("ranking" IS NULL))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_committee_meetings_call" ON "committee_meetings" ("call_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "committee_meetings" ADD CONSTRAINT "FK_committee_meetings_call" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "committee_meetings" ADD CONSTRAINT "FK_committee_meetings_approved_by" FOREIGN KEY ("approved_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "committee_meetings" DROP CONSTRAINT "FK_committee_meetings_approved_by"`,
    );
    await queryRunner.query(`ALTER TABLE "committee_meetings" DROP CONSTRAINT "FK_committee_meetings_call"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_committee_meetings_call"`);
    await queryRunner.query(`DROP TABLE "committee_meetings"`);
  }
}
