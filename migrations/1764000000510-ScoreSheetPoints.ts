import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The criterion codes and points of each score sheet, without the rationales, as one short text
 * (`["A1","A2"]=[1.5,null]`), kept by a trigger on every insert and update of `score_sheets` (issue 9, the ranking
 * bench): the ranking reads the points of every submitted sheet of a call, and extracting them from the `scores`
 * documents at read time (`jsonb_path_query_array`, twice per sheet) was 460 of the 510 ms the database spent on a
 * call of 10,000 applications × 3 sheets; reading the stored text takes about 60 ms. A trigger rather than a generated
 * column: TypeORM keeps a generated column's expression in a table keyed by the database's name, which the test
 * databases cloned from a template do not share. Existing sheets are filled in by touching them once.
 */
export class ScoreSheetPoints1764000000510 implements MigrationInterface {
  name = 'ScoreSheetPoints1764000000510';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "score_sheets" ADD "points" text`);
    await queryRunner.query(`
      CREATE FUNCTION score_sheets_points() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.points := jsonb_path_query_array(NEW.scores, '$[*].criterionCode')::text || '='
                      || jsonb_path_query_array(NEW.scores, '$[*].points')::text;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER score_sheets_points BEFORE INSERT OR UPDATE ON score_sheets
        FOR EACH ROW EXECUTE FUNCTION score_sheets_points()`);
    await queryRunner.query(`UPDATE score_sheets SET scores = scores`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER score_sheets_points ON score_sheets`);
    await queryRunner.query(`DROP FUNCTION score_sheets_points()`);
    await queryRunner.query(`ALTER TABLE "score_sheets" DROP COLUMN "points"`);
  }
}
