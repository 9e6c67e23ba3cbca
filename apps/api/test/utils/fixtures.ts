/**
 * Factories that put rows straight into the database, for tests of *other* features (the entities and calls
 * suites exercise their own routes through HTTP). Every call gives unique data.
 */
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dateInTimeZone, defaultCallTemplate } from '@cofinanca/domain';
import { CallEntity } from '../../src/modules/calls/call.entity';
import { NgoEntity } from '../../src/modules/entities/ngo.entity';
import { unique, type TestApp, type TestUser } from './test-app';

/** A valid NIF of a legal person (association, letter G) with a random number. */
export function randomNif(letter = 'G'): string {
  const digits = String(randomInt(0, 10_000_000)).padStart(7, '0');
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const n = Number(digits[i]);
    if (i % 2 === 0) {
      const doubled = n * 2;
      sum += Math.floor(doubled / 10) + (doubled % 10);
    } else sum += n;
  }
  return `${letter}${digits}${(10 - (sum % 10)) % 10}`;
}

export const VALID_IBAN = 'ES9121000418450200051332';

/** An address in Lleida, as the API takes it. */
export const LLEIDA_ADDRESS = {
  street: 'Carrer Major',
  postcode: '25007',
  town: 'Lleida',
  municipalityCode: '25120',
  province: 'Lleida',
  countryCode: 'ES',
};

/** An entity's profile as registration takes it: what is required, with a unique name, NIF and e-mail. */
export function entityProfile(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    legalName: `Associació ${unique('n')}`,
    nif: randomNif(),
    address: { ...LLEIDA_ADDRESS },
    email: `${unique('ngo')}@test.cofinanca.cat`,
    iban: VALID_IBAN,
    legalRepresentative: { name: 'Maria Puig', idNumber: '12345678Z', position: 'Presidenta' },
    ...overrides,
  };
}

export function dataSource(t: TestApp): DataSource {
  return t.app.get(DataSource);
}

/** An entity row (default: active, IBAN validated). */
export async function insertEntity(t: TestApp, overrides: Partial<NgoEntity> = {}): Promise<NgoEntity> {
  const repo = dataSource(t).getRepository(NgoEntity);
  return repo.save(
    repo.create({
      legalName: `Associació ${unique('e')}`,
      nif: randomNif(),
      registryNumber: '12345',
      foundedOn: '2001-05-14',
      address: {
        street: 'Carrer Major',
        number: '31',
        postcode: '25007',
        town: 'Lleida',
        municipalityCode: '25120',
        province: 'Lleida',
        countryCode: 'ES',
      },
      email: `${unique('entity')}@test.cofinanca.cat`,
      phone: '973700000',
      website: null,
      iban: VALID_IBAN,
      ibanStatus: 'validated',
      validatedIban: VALID_IBAN,
      ibanCertificateId: null,
      legalRepresentative: { name: 'Maria Puig', idNumber: '12345678Z', position: 'Presidenta' },
      status: 'active',
      statusReason: null,
      privacyAcceptedAt: new Date(),
      validatedAt: new Date(),
      ...overrides,
    }),
  );
}

/** An entity user of that entity, created through the admin API and signed in. */
export function entityUser(t: TestApp, entityId: string): Promise<TestUser> {
  return t.user('entity', { entityId });
}

/** A call row built from the template (default: published, open since yesterday, closing in 30 days). */
export async function insertCall(t: TestApp, overrides: Partial<CallEntity> = {}): Promise<CallEntity> {
  const tpl = defaultCallTemplate();
  const repo = dataSource(t).getRepository(CallEntity);
  const day = 86_400_000;
  return repo.save(
    repo.create({
      ...tpl,
      code: unique('CALL').toUpperCase(),
      year: new Date().getFullYear(),
      budget: '150000.00',
      maxAmountPerApplication: '20000.00',
      opensAt: new Date(Date.now() - day),
      closesAt: new Date(Date.now() + 30 * day),
      minimumTotalScore: String(tpl.minimumTotalScore),
      divergenceThreshold: String(tpl.divergenceThreshold),
      status: 'published',
      publishedAt: new Date(),
      closedAt: null,
      ...overrides,
    }),
  );
}

/**
 * Stand-in holiday calendars for this year and the next (1 January, a holiday in every Spanish calendar) when the
 * test database has none: suites that count business days from today (correction requests notified today) keep
 * passing at the end of December and in years whose official calendar is not seeded. Suites that test
 * `CALENDAR_MISSING` itself do not call it. Returns the years it entered.
 */
export async function standInCalendarsAroundToday(t: TestApp): Promise<number[]> {
  const year = Number(dateInTimeZone(new Date()).slice(0, 4));
  const entered: number[] = [];
  for (const y of [year, year + 1]) {
    const [{ count }] = await dataSource(t).query(
      `SELECT count(*)::int AS count FROM holidays
        WHERE scope IN ('national', 'catalonia') AND date BETWEEN $1::date AND $2::date`,
      [`${y}-01-01`, `${y}-12-31`],
    );
    if (count > 0) continue;
    await dataSource(t).query(`INSERT INTO holidays (date, scope, name) VALUES ($1, 'national', $2)`, [
      `${y}-01-01`,
      "Cap d'Any (calendari provisional de les proves)",
    ]);
    entered.push(y);
  }
  return entered;
}
