import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1764000000000 implements MigrationInterface {
  name = 'Init1764000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_email" character varying(254), "actor_roles" text array NOT NULL DEFAULT '{}', "action" character varying(100) NOT NULL, "subject_type" character varying(50) NOT NULL, "subject_id" character varying(100), "before" jsonb, "after" jsonb, "request_id" character varying(100), CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_audit_events_at" ON "audit_events"  ("at") `);
    await queryRunner.query(`CREATE INDEX "IDX_audit_events_actor_id" ON "audit_events"  ("actor_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_audit_events_action" ON "audit_events"  ("action") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_events_subject" ON "audit_events"  ("subject_type", "subject_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "login_attempts" ("email" character varying(254) NOT NULL, "failures" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP WITH TIME ZONE, "last_failure_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0aedff58b23995504f9dc99f75d" PRIMARY KEY ("email"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "name" character varying(200) NOT NULL, "password_hash" character varying(255), "roles" text array NOT NULL DEFAULT '{}', "entity_id" uuid, "locale" character varying(2) NOT NULL DEFAULT 'ca', "active" boolean NOT NULL DEFAULT true, "email_verified_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_users_email" ON "users"  ("email") `);
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_sessions_user_id" ON "sessions"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "user_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" character varying(32) NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_63764db9d9aaa4af33e07b2f4bf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_user_tokens_user_id" ON "user_tokens"  ("user_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_tokens_token_hash" ON "user_tokens"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "holidays" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "date" date NOT NULL, "scope" character varying(20) NOT NULL, "name" character varying(200) NOT NULL, CONSTRAINT "PK_3646bdd4c3817d954d830881dfe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_holidays_date_scope" ON "holidays"  ("date", "scope") `);
    await queryRunner.query(
      `CREATE TABLE "outbox_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "to_address" character varying(254) NOT NULL, "locale" character varying(2) NOT NULL, "template" character varying(100) NOT NULL, "subject" character varying(300) NOT NULL, "text" text NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "locked_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_outbox_messages_to" ON "outbox_messages"  ("to_address") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_outbox_messages_due" ON "outbox_messages"  ("status", "next_attempt_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_tokens" ADD CONSTRAINT "FK_user_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_tokens" DROP CONSTRAINT "FK_user_tokens_user"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_sessions_user"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_outbox_messages_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_outbox_messages_to"`);
    await queryRunner.query(`DROP TABLE "outbox_messages"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_holidays_date_scope"`);
    await queryRunner.query(`DROP TABLE "holidays"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_user_tokens_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_user_tokens_user_id"`);
    await queryRunner.query(`DROP TABLE "user_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sessions_user_id"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_users_email"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "login_attempts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_events_subject"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_events_action"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_events_actor_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_events_at"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
  }
}
