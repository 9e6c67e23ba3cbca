import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One row per year whose missing holiday calendar the admins have been e-mailed about: they are told once. */
export class CalendarReminders1764000000300 implements MigrationInterface {
  name = 'CalendarReminders1764000000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_reminders" ("year" integer NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_calendar_reminders_year" PRIMARY KEY ("year"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "calendar_reminders"`);
  }
}
