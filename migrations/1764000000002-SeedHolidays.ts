import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reference data present in every mode: the official Catalan calendars of 2025 and 2026 (they include the
 * national holidays, so they are seeded with scope `catalonia`) and Lleida's local holidays (INE 25120).
 * Source: product.md (DOGC labour calendars; Ajuntament de Lleida local holidays).
 */
const HOLIDAYS: [string, string, string][] = [
  ['2025-01-01', 'catalonia', "Cap d'Any"],
  ['2025-01-06', 'catalonia', 'Reis'],
  ['2025-04-18', 'catalonia', 'Divendres Sant'],
  ['2025-04-21', 'catalonia', 'Dilluns de Pasqua Florida'],
  ['2025-05-01', 'catalonia', 'Festa del Treball'],
  ['2025-06-24', 'catalonia', 'Sant Joan'],
  ['2025-08-15', 'catalonia', "L'Assumpció"],
  ['2025-09-11', 'catalonia', 'Diada Nacional de Catalunya'],
  ['2025-11-01', 'catalonia', 'Tots Sants'],
  ['2025-12-06', 'catalonia', 'Dia de la Constitució'],
  ['2025-12-08', 'catalonia', 'La Immaculada'],
  ['2025-12-25', 'catalonia', 'Nadal'],
  ['2025-12-26', 'catalonia', 'Sant Esteve'],
  ['2025-05-12', 'local:25120', 'Sant Anastasi (traslladat)'],
  ['2025-09-29', 'local:25120', 'Sant Miquel'],
  ['2026-01-01', 'catalonia', "Cap d'Any"],
  ['2026-01-06', 'catalonia', 'Reis'],
  ['2026-04-03', 'catalonia', 'Divendres Sant'],
  ['2026-04-06', 'catalonia', 'Dilluns de Pasqua Florida'],
  ['2026-05-01', 'catalonia', 'Festa del Treball'],
  ['2026-06-24', 'catalonia', 'Sant Joan'],
  ['2026-08-15', 'catalonia', "L'Assumpció"],
  ['2026-09-11', 'catalonia', 'Diada Nacional de Catalunya'],
  ['2026-10-12', 'catalonia', 'Festa Nacional d’Espanya'],
  ['2026-12-08', 'catalonia', 'La Immaculada'],
  ['2026-12-25', 'catalonia', 'Nadal'],
  ['2026-12-26', 'catalonia', 'Sant Esteve'],
  ['2026-05-11', 'local:25120', 'Sant Anastasi'],
  ['2026-09-29', 'local:25120', 'Sant Miquel'],
];

export class SeedHolidays1764000000002 implements MigrationInterface {
  name = 'SeedHolidays1764000000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [date, scope, name] of HOLIDAYS) {
      await queryRunner.query(
        `INSERT INTO "holidays" ("date", "scope", "name") VALUES ($1, $2, $3) ON CONFLICT ("date", "scope") DO NOTHING`,
        [date, scope, name],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [date, scope] of HOLIDAYS) {
      await queryRunner.query(`DELETE FROM "holidays" WHERE "date" = $1 AND "scope" = $2`, [date, scope]);
    }
  }
}
