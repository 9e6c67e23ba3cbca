import { MigrationInterface, QueryRunner } from 'typeorm';

export class CallsEntitiesApplications1764000000003 implements MigrationInterface {
  name = 'CallsEntitiesApplications1764000000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."entities_iban_status_enum" AS ENUM('validated', 'pending')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."entities_status_enum" AS ENUM('pending_validation', 'active', 'suspended', 'rejected')`,
    );
    await queryRunner.query(
      `CREATE TABLE "entities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "legal_name" character varying(300) NOT NULL, "nif" character varying(9) NOT NULL, "registry_number" character varying(60), "founded_on" date, "address" jsonb NOT NULL, "email" character varying(254) NOT NULL, "phone" character varying(30), "website" character varying(300), "iban" character varying(34) NOT NULL, "iban_status" "public"."entities_iban_status_enum" NOT NULL DEFAULT 'pending', "validated_iban" character varying(34), "iban_certificate_id" uuid, "legal_representative" jsonb NOT NULL, "status" "public"."entities_status_enum" NOT NULL DEFAULT 'pending_validation', "status_reason" text, "privacy_accepted_at" TIMESTAMP WITH TIME ZONE, "validated_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_8640855ae82083455cbb806173d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_entities_nif" ON "entities"  ("nif") `);
    await queryRunner.query(`CREATE INDEX "IDX_entities_status" ON "entities"  ("status") `);
    await queryRunner.query(
      `CREATE TYPE "public"."calls_allocation_method_enum" AS ENUM('rank_order', 'score_bands')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."calls_status_enum" AS ENUM('draft', 'published', 'closed', 'evaluating', 'provisionally_resolved', 'resolved', 'archived')`,
    );
    await queryRunner.query(
      `CREATE TABLE "calls" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40) NOT NULL, "year" integer NOT NULL, "title" jsonb NOT NULL, "description" jsonb NOT NULL, "modalities" text array NOT NULL DEFAULT '{}', "requires_gender_marker" boolean NOT NULL DEFAULT true, "budget" numeric(14,2), "max_amount_per_application" numeric(14,2), "max_cofinancing_percent" numeric(5,2) NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE, "closes_at" TIMESTAMP WITH TIME ZONE, "max_execution_months" integer NOT NULL, "advance_percent" numeric(5,2) NOT NULL, "justification_months" integer NOT NULL, "correction_days" integer NOT NULL, "allegation_days" integer NOT NULL, "budget_deviation_percent" numeric(5,2) NOT NULL, "minimum_total_score" numeric(6,2) NOT NULL, "divergence_threshold" numeric(6,2) NOT NULL, "allocation_method" "public"."calls_allocation_method_enum" NOT NULL DEFAULT 'rank_order', "min_partial_award_percent" numeric(5,2) NOT NULL, "score_bands" jsonb, "rubric" jsonb NOT NULL, "required_documents" jsonb NOT NULL, "status" "public"."calls_status_enum" NOT NULL DEFAULT 'draft', "published_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_d9171d91f8dd1a649659f1b6a20" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_calls_code" ON "calls"  ("code") `);
    await queryRunner.query(`CREATE INDEX "IDX_calls_status" ON "calls"  ("status") `);
    await queryRunner.query(
      `CREATE TYPE "public"."applications_status_enum" AS ENUM('draft', 'submitted', 'correction_requested', 'admitted', 'inadmissible', 'withdrawn', 'under_evaluation', 'evaluated', 'below_threshold', 'provisionally_granted', 'waitlisted', 'provisionally_denied', 'granted', 'denied', 'renounced', 'in_execution', 'justification_submitted', 'justification_correction', 'justified', 'closed', 'loss_of_right', 'reimbursement')`,
    );
    await queryRunner.query(
      `CREATE TABLE "applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "entity_id" uuid NOT NULL, "registry_number" character varying(20), "submitted_at" TIMESTAMP WITH TIME ZONE, "status" "public"."applications_status_enum" NOT NULL DEFAULT 'draft', "status_reason" text, "title" character varying(300), "summary" text, "modality" character varying(20), "country_code" character varying(2), "locations" jsonb NOT NULL DEFAULT '[]', "start_date" date, "end_date" date, "total_cost" numeric(14,2), "requested_amount" numeric(14,2), "own_contribution" numeric(14,2), "cofunding" jsonb NOT NULL DEFAULT '[]', "budget_lines" jsonb NOT NULL DEFAULT '[]', "sectors" jsonb NOT NULL DEFAULT '[]', "sdgs" jsonb NOT NULL DEFAULT '[]', "policy_markers" jsonb NOT NULL DEFAULT '[]', "beneficiaries" jsonb, "counterpart" jsonb, "partner_entity_ids" uuid array NOT NULL DEFAULT '{}', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_938c0a27255637bde919591888f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_applications_entity" ON "applications"  ("entity_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_applications_registry_number" ON "applications"  ("registry_number") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_applications_call_status" ON "applications"  ("call_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "registry_sequences" ("year" integer NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_4064d67a528ff162c5c9f56a736" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."requirements_status_enum" AS ENUM('open', 'answered', 'expired', 'closed')`,
    );
    await queryRunner.query(
      `CREATE TABLE "requirements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "items" jsonb NOT NULL, "notified_on" date NOT NULL, "due_date" date NOT NULL, "status" "public"."requirements_status_enum" NOT NULL DEFAULT 'open', "response_message" text, "response_document_ids" uuid array NOT NULL DEFAULT '{}', "responded_at" TIMESTAMP WITH TIME ZONE, "responded_by" uuid, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4e966e20a0ebaf89e4c1ed664a4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_requirements_application" ON "requirements"  ("application_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entity_id" uuid NOT NULL, "application_id" uuid, "type" character varying(60) NOT NULL, "file_name" character varying(255) NOT NULL, "mime_type" character varying(120) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character(64) NOT NULL, "storage_key" character varying(200) NOT NULL, "locked_at" TIMESTAMP WITH TIME ZONE, "uploaded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_documents_entity" ON "documents"  ("entity_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_documents_application" ON "documents"  ("application_id") `);
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_users_entity" FOREIGN KEY ("entity_id") REFERENCES "entities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "FK_applications_call" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "FK_applications_entity" FOREIGN KEY ("entity_id") REFERENCES "entities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "requirements" ADD CONSTRAINT "FK_requirements_application" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "FK_documents_entity" FOREIGN KEY ("entity_id") REFERENCES "entities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "FK_documents_application" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "FK_documents_application"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "FK_documents_entity"`);
    await queryRunner.query(`ALTER TABLE "requirements" DROP CONSTRAINT "FK_requirements_application"`);
    await queryRunner.query(`ALTER TABLE "applications" DROP CONSTRAINT "FK_applications_entity"`);
    await queryRunner.query(`ALTER TABLE "applications" DROP CONSTRAINT "FK_applications_call"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_users_entity"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_documents_application"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_documents_entity"`);
    await queryRunner.query(`DROP TABLE "documents"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_requirements_application"`);
    await queryRunner.query(`DROP TABLE "requirements"`);
    await queryRunner.query(`DROP TYPE "public"."requirements_status_enum"`);
    await queryRunner.query(`DROP TABLE "registry_sequences"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_applications_call_status"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_applications_registry_number"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_applications_entity"`);
    await queryRunner.query(`DROP TABLE "applications"`);
    await queryRunner.query(`DROP TYPE "public"."applications_status_enum"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_calls_status"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_calls_code"`);
    await queryRunner.query(`DROP TABLE "calls"`);
    await queryRunner.query(`DROP TYPE "public"."calls_status_enum"`);
    await queryRunner.query(`DROP TYPE "public"."calls_allocation_method_enum"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_entities_status"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_entities_nif"`);
    await queryRunner.query(`DROP TABLE "entities"`);
    await queryRunner.query(`DROP TYPE "public"."entities_status_enum"`);
    await queryRunner.query(`DROP TYPE "public"."entities_iban_status_enum"`);
  }
}
