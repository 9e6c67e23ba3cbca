import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Counts the recent e-mails of one kind to one address (the per-recipient limit of reset and verification e-mails). */
export class OutboxRecipientIndex1764000000450 implements MigrationInterface {
  name = 'OutboxRecipientIndex1764000000450';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_outbox_messages_recipient" ON "outbox_messages"  ("to_address", "template", "created_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_outbox_messages_recipient"`);
  }
}
