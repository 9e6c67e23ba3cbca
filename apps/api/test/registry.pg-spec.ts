/**
 * The registry sequence under simultaneous submissions, which only a real PostgreSQL server shows (the embedded
 * engine runs one statement at a time): unique, gapless, and no number without a submission.
 */
import { registryNumber, registryYear } from '@cofinanca/domain';
import { dataSource, insertCall } from './utils/fixtures';
import { fullApplication, readyDraft, submit, type ReadyDraft } from './utils/submission-fixtures';
import { bearer, createTestApp, type TestApp } from './utils/test-app';

describe('registry numbers under concurrency (PostgreSQL)', () => {
  let t: TestApp;
  const year = registryYear(new Date());

  beforeAll(async () => {
    t = await createTestApp();
    // Once the number is taken, every submission lingers 50 ms inside its transaction (while it holds the year's
    // row lock), so that the simultaneous ones really queue behind it; titles starting with CRASH fail right there.
    await dataSource(t).query(`
      CREATE FUNCTION test_slow_or_crash() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'submitted' AND OLD.status = 'draft' THEN
          PERFORM pg_sleep(0.05);
          IF NEW.title LIKE 'CRASH%' THEN
            RAISE EXCEPTION 'simulated crash in the middle of a submission';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await dataSource(t).query(
      `CREATE TRIGGER test_slow_or_crash BEFORE UPDATE ON applications FOR EACH ROW EXECUTE FUNCTION test_slow_or_crash()`,
    );
  });
  afterAll(() => t.close());

  const lastValue = async (): Promise<number> => {
    const rows = await dataSource(t).query('SELECT last_value FROM registry_sequences WHERE year = $1', [
      year,
    ]);
    return rows.length ? Number(rows[0].last_value) : 0;
  };

  async function drafts(n: number, title: (i: number) => string): Promise<ReadyDraft[]> {
    const call = await insertCall(t);
    const out: ReadyDraft[] = [];
    for (let i = 0; i < n; i++) {
      out.push(await readyDraft(t, { call, body: { ...fullApplication(), title: title(i) } }));
    }
    return out;
  }

  it('20 simultaneous submissions get 20 distinct, consecutive numbers from 1', async () => {
    const ready = await drafts(20, (i) => `Projecte ${i}`);
    const results = await Promise.all(ready.map((d) => submit(t, d.applicant.user.token, d.id)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const numbers = results.map((r) => r.body.registryNumber as string).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => registryNumber(year, i + 1)));
    expect(await lastValue()).toBe(20);
    // Each number is stored on its own application.
    const stored: { registry_number: string }[] = await dataSource(t).query(
      `SELECT registry_number FROM applications WHERE id = ANY($1) ORDER BY registry_number`,
      [ready.map((d) => d.id)],
    );
    expect(stored.map((r) => r.registry_number)).toEqual(numbers);
  });

  it('crashes in the middle of simultaneous submissions give their numbers back: still gapless', async () => {
    const before = await lastValue();
    const crashing = new Set([1, 4, 7, 12, 15, 19]);
    const ready = await drafts(20, (i) => (crashing.has(i) ? `CRASH ${i}` : `Projecte ${i}`));
    const results = await Promise.all(ready.map((d) => submit(t, d.applicant.user.token, d.id)));
    results.forEach((r, i) => expect(r.status).toBe(crashing.has(i) ? 500 : 200));

    const numbers = results.filter((r) => r.status === 200).map((r) => r.body.registryNumber as string);
    expect(numbers.sort()).toEqual(
      Array.from({ length: 14 }, (_, i) => registryNumber(year, before + i + 1)),
    );
    expect(await lastValue()).toBe(before + 14);

    // The crashed ones are drafts without a number, their documents still unlocked; nothing was e-mailed to them.
    for (const i of crashing) {
      const d = ready[i];
      const app = await t
        .http()
        .get(`/api/v1/applications/${d.id}`)
        .set(bearer(d.applicant.user.token))
        .expect(200);
      expect(app.body).toMatchObject({ status: 'draft', registryNumber: null, submittedAt: null });
      const locked = await dataSource(t).query(
        'SELECT count(*)::int AS n FROM documents WHERE application_id = $1 AND locked_at IS NOT NULL',
        [d.id],
      );
      expect(locked[0].n).toBe(0);
      const mails = await dataSource(t).query(
        'SELECT count(*)::int AS n FROM outbox_messages WHERE to_address = $1',
        [d.applicant.user.email],
      );
      expect(mails[0].n).toBe(0);
    }
    // No number exists without its submission.
    const orphans = await dataSource(t).query(
      `SELECT count(*)::int AS n FROM applications WHERE registry_number IS NOT NULL AND status = 'draft'`,
    );
    expect(orphans[0].n).toBe(0);
    const total = await dataSource(t).query(
      `SELECT count(*)::int AS n FROM applications WHERE registry_number LIKE $1`,
      [`REG-${year}-%`],
    );
    expect(total[0].n).toBe(await lastValue());
  });
});
