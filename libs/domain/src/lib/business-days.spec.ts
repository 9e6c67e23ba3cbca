import {
  addBusinessDays,
  applicableScopes,
  holidayDates,
  isBusinessDay,
  isHolidayScope,
  MAX_BUSINESS_DAYS,
  type Holiday,
} from './business-days';

// The official calendars of product.md (Catalonia includes the national holidays) and Lleida's local holidays.
const catalonia = (dates: string[]): Holiday[] => dates.map((date) => ({ date, scope: 'catalonia' }));
const HOLIDAYS: Holiday[] = [
  ...catalonia([
    '2025-01-01',
    '2025-01-06',
    '2025-04-18',
    '2025-04-21',
    '2025-05-01',
    '2025-06-24',
    '2025-08-15',
  ]),
  ...catalonia(['2025-09-11', '2025-11-01', '2025-12-06', '2025-12-08', '2025-12-25', '2025-12-26']),
  ...catalonia([
    '2026-01-01',
    '2026-01-06',
    '2026-04-03',
    '2026-04-06',
    '2026-05-01',
    '2026-06-24',
    '2026-08-15',
  ]),
  ...catalonia(['2026-09-11', '2026-10-12', '2026-12-08', '2026-12-25', '2026-12-26']),
  { date: '2025-05-12', scope: 'local:25120' },
  { date: '2025-09-29', scope: 'local:25120' },
  { date: '2026-05-11', scope: 'local:25120' },
  { date: '2026-09-29', scope: 'local:25120' },
  // Another municipality (Balaguer, 25040) with an invented local holiday for the tests.
  { date: '2026-05-05', scope: 'local:25040' },
];

const lleida = holidayDates(HOLIDAYS, applicableScopes('25120'));
const lleidaAndBalaguer = holidayDates(HOLIDAYS, applicableScopes('25120', '25040'));

describe(addBusinessDays.name, () => {
  it.each([
    // from, days, expected — Lleida
    ['2026-04-30', 10, '2026-05-18'], // 1 May and Sant Anastasi (11 May) skipped — the example
    ['2026-04-30', 1, '2026-05-04'], // 1 May is a Friday holiday, then the weekend
    ['2026-04-30', 0, '2026-04-30'],
    ['2026-05-08', 1, '2026-05-12'], // Friday → Monday 11 is Sant Anastasi
    ['2026-04-02', 1, '2026-04-07'], // Good Friday and Easter Monday
    ['2026-12-23', 3, '2026-12-29'], // 24 Thu, 25 Fri, 26 Sat, 27 Sun, 28 Mon, 29 Tue
    ['2025-05-09', 1, '2025-05-13'], // 2025: Sant Anastasi moved to Monday 12 May
    ['2026-09-28', 1, '2026-09-30'], // Sant Miquel
    ['2026-09-10', 1, '2026-09-14'], // la Diada (Fri 11 Sep)
    ['2025-12-31', 2, '2026-01-05'], // crosses a year: 1 Jan holiday, weekend, then 2 Jan and 5 Jan
    ['2026-06-19', 5, '2026-06-29'], // Sant Joan (Wed 24 Jun)
    ['2026-01-03', 1, '2026-01-05'], // counting starts the day after, even from a Saturday
  ])('from %s plus %i business days is %s in Lleida', (from, days, expected) => {
    expect(addBusinessDays(from, days, lleida)).toBe(expected);
  });

  it('also skips the local holidays of the given municipality', () => {
    expect(addBusinessDays('2026-05-04', 1, lleida)).toBe('2026-05-05');
    expect(addBusinessDays('2026-05-04', 1, lleidaAndBalaguer)).toBe('2026-05-06');
  });

  it('skips only weekends with an empty calendar', () => {
    expect(addBusinessDays('2026-11-27', 5, new Set())).toBe('2026-12-04');
  });

  it.each([
    ['2026-02-30', 1],
    ['30/04/2026', 1],
    ['2026-04-30', -1],
    ['2026-04-30', 1.5],
    ['2026-04-30', MAX_BUSINESS_DAYS + 1],
  ])('rejects from=%p days=%p', (from, days) => {
    expect(() => addBusinessDays(from as string, days as number, lleida)).toThrow(RangeError);
  });

  it('accepts the maximum', () => {
    expect(addBusinessDays('2026-01-01', MAX_BUSINESS_DAYS, new Set())).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe(isBusinessDay.name, () => {
  it.each([
    ['2026-05-11', false],
    ['2026-05-12', true],
    ['2026-05-16', false],
    ['2026-05-17', false],
    ['2026-10-12', false],
  ])('%s → %p', (date, expected) => expect(isBusinessDay(date, lleida)).toBe(expected));
});

describe(applicableScopes.name, () => {
  it('includes national, Catalan and both local scopes without duplicates', () => {
    expect(applicableScopes('25120', '25120').sort()).toEqual(['catalonia', 'local:25120', 'national']);
    expect(applicableScopes('25120', '08019').sort()).toEqual([
      'catalonia',
      'local:08019',
      'local:25120',
      'national',
    ]);
  });
});

describe(isHolidayScope.name, () => {
  it.each([
    ['national', true],
    ['catalonia', true],
    ['local:25120', true],
    ['local:2512', false],
    ['local:', false],
    ['regional', false],
  ])('%s → %p', (scope, expected) => expect(isHolidayScope(scope)).toBe(expected));
});
