import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Legal records that never change: the registry receipt stored once per application and language (bytes and
 * SHA-256), the application's version as submitted, and what each correction answer changed against it.
 *
 * Existing data: the version as submitted is filled in for submitted applications that never had a correction
 * request (their content cannot have changed since submission: it is editable only in draft and
 * correction_requested); it stays null for the others, whose answers then record no changes (unknown baseline).
 * Receipts are not rendered here (SQL cannot render a PDF): the first request for the receipt of an application
 * submitted before this migration renders it once from the data of that moment, stores it under a row lock and
 * audits `application.receipt_stored`; every later request serves those bytes.
 */
/**
 * The version as submitted of the submitted applications that never had a correction request, built in SQL the way
 * `applicationVersion()` builds it at submission (exported for the test that compares the two).
 */
export const SUBMITTED_VERSION_BACKFILL = `      UPDATE "applications" a SET "submitted_version" = jsonb_build_object(
        'title', a.title, 'summary', a.summary, 'modality', a.modality, 'countryCode', a.country_code,
        'locations', a.locations, 'startDate', a.start_date::text, 'endDate', a.end_date::text,
        'totalCost', a.total_cost::text, 'requestedAmount', a.requested_amount::text,
        'ownContribution', a.own_contribution::text, 'cofunding', a.cofunding, 'budgetLines', a.budget_lines,
        'sectors', a.sectors, 'sdgs', a.sdgs, 'policyMarkers', a.policy_markers, 'beneficiaries', a.beneficiaries,
        'counterpart', a.counterpart, 'partnerEntityIds', to_jsonb(a.partner_entity_ids),
        'documents', COALESCE((
          SELECT jsonb_agg(jsonb_build_object('id', d.id, 'type', d.type, 'fileName', d.file_name,
                 'sizeBytes', d.size_bytes, 'sha256', d.sha256) ORDER BY d.created_at, d.id)
          FROM "documents" d
          WHERE d.application_id = a.id AND d.locked_at IS NOT NULL AND d.locked_at <= a.submitted_at
        ), '[]'::jsonb))
      WHERE a.submitted_at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "requirements" r WHERE r.application_id = a.id)`;

export class SubmittedRecords1764000000200 implements MigrationInterface {
  name = 'SubmittedRecords1764000000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "registry_receipts" ("application_id" uuid NOT NULL, "locale" character varying(2) NOT NULL, "content" bytea NOT NULL, "sha256" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_registry_receipts" PRIMARY KEY ("application_id", "locale"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "registry_receipts" ADD CONSTRAINT "FK_registry_receipts_application" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "applications" ADD "submitted_version" jsonb`);
    await queryRunner.query(`ALTER TABLE "requirements" ADD "response_changes" jsonb`);

    await queryRunner.query(`
      CREATE FUNCTION registry_receipts_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'registry receipts never change' USING ERRCODE = 'insufficient_privilege';
      END;
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER registry_receipts_no_update BEFORE UPDATE OR DELETE ON "registry_receipts" FOR EACH ROW EXECUTE FUNCTION registry_receipts_immutable()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER registry_receipts_no_truncate BEFORE TRUNCATE ON "registry_receipts" FOR EACH STATEMENT EXECUTE FUNCTION registry_receipts_immutable()`,
    );
    await queryRunner.query(`
      CREATE FUNCTION applications_submitted_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.submitted_version IS NOT NULL AND NEW.submitted_version IS DISTINCT FROM OLD.submitted_version THEN
          RAISE EXCEPTION 'the submitted version of an application never changes' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END;
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER applications_submitted_version_frozen BEFORE UPDATE ON "applications" FOR EACH ROW EXECUTE FUNCTION applications_submitted_version_immutable()`,
    );

    await queryRunner.query(SUBMITTED_VERSION_BACKFILL);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER applications_submitted_version_frozen ON "applications"`);
    await queryRunner.query(`DROP FUNCTION applications_submitted_version_immutable()`);
    await queryRunner.query(`DROP TRIGGER registry_receipts_no_truncate ON "registry_receipts"`);
    await queryRunner.query(`DROP TRIGGER registry_receipts_no_update ON "registry_receipts"`);
    await queryRunner.query(`DROP FUNCTION registry_receipts_immutable()`);
    await queryRunner.query(`ALTER TABLE "requirements" DROP COLUMN "response_changes"`);
    await queryRunner.query(`ALTER TABLE "applications" DROP COLUMN "submitted_version"`);
    await queryRunner.query(
      `ALTER TABLE "registry_receipts" DROP CONSTRAINT "FK_registry_receipts_application"`,
    );
    await queryRunner.query(`DROP TABLE "registry_receipts"`);
  }
}
