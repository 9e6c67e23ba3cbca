import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole schema of evaluation (issue 9): the call's `evaluators_per_application` and `consensus_required`, the
 * evaluators' registers of interests, assignments (with the declaration on conflicts, one per application and
 * evaluator), score sheets, and consensus scores.
 */
export class Evaluation1764000000500 implements MigrationInterface {
  name = 'Evaluation1764000000500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "calls" ADD "evaluators_per_application" integer NOT NULL DEFAULT '2'`,
    );
    await queryRunner.query(`ALTER TABLE "calls" ADD "consensus_required" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(
      `ALTER TABLE "calls" ADD CONSTRAINT "CHK_calls_evaluators_per_application" CHECK ("evaluators_per_application" >= 1)`,
    );
    await queryRunner.query(
      `CREATE TABLE "evaluator_interests" ("user_id" uuid NOT NULL, "items" jsonb NOT NULL DEFAULT '[]', "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_evaluator_interests" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."assignments_status_enum" AS ENUM('pending_declaration', 'conflict_declared', 'in_progress', 'submitted')`,
    );
    await queryRunner.query(
      `CREATE TABLE "assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "application_id" uuid NOT NULL, "evaluator_id" uuid NOT NULL, "status" "public"."assignments_status_enum" NOT NULL DEFAULT 'pending_declaration', "conflict_of_interest" boolean, "declaration_note" text, "declared_at" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE, "assigned_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_assignments" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_assignments_application_evaluator" ON "assignments"  ("application_id", "evaluator_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_assignments_call_evaluator" ON "assignments"  ("call_id", "evaluator_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_assignments_evaluator_status" ON "assignments"  ("evaluator_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "score_sheets" ("assignment_id" uuid NOT NULL, "scores" jsonb NOT NULL DEFAULT '[]', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_score_sheets" PRIMARY KEY ("assignment_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "consensus_scores" ("application_id" uuid NOT NULL, "scores" jsonb NOT NULL, "rationale" text NOT NULL, "decided_by" uuid NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_consensus_scores" PRIMARY KEY ("application_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "evaluator_interests" ADD CONSTRAINT "FK_evaluator_interests_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "FK_assignments_call" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "FK_assignments_application" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "FK_assignments_evaluator" FOREIGN KEY ("evaluator_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "score_sheets" ADD CONSTRAINT "FK_score_sheets_assignment" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consensus_scores" ADD CONSTRAINT "FK_consensus_scores_application" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consensus_scores" ADD CONSTRAINT "FK_consensus_scores_decided_by" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "consensus_scores" DROP CONSTRAINT "FK_consensus_scores_decided_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "consensus_scores" DROP CONSTRAINT "FK_consensus_scores_application"`,
    );
    await queryRunner.query(`ALTER TABLE "score_sheets" DROP CONSTRAINT "FK_score_sheets_assignment"`);
    await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_assignments_evaluator"`);
    await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_assignments_application"`);
    await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_assignments_call"`);
    await queryRunner.query(
      `ALTER TABLE "evaluator_interests" DROP CONSTRAINT "FK_evaluator_interests_user"`,
    );
    await queryRunner.query(`DROP TABLE "consensus_scores"`);
    await queryRunner.query(`DROP TABLE "score_sheets"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_assignments_evaluator_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_assignments_call_evaluator"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_assignments_application_evaluator"`);
    await queryRunner.query(`DROP TABLE "assignments"`);
    await queryRunner.query(`DROP TYPE "public"."assignments_status_enum"`);
    await queryRunner.query(`DROP TABLE "evaluator_interests"`);
    await queryRunner.query(`ALTER TABLE "calls" DROP CONSTRAINT "CHK_calls_evaluators_per_application"`);
    await queryRunner.query(`ALTER TABLE "calls" DROP COLUMN "consensus_required"`);
    await queryRunner.query(`ALTER TABLE "calls" DROP COLUMN "evaluators_per_application"`);
  }
}
