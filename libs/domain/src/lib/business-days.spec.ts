import {
  addBusinessDays,
  applicableScopes,
  CalendarMissingError,
  calendarYearsOf,
  missingCalendarYear,
  parseHolidayLines,
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

describe('deadlines across a year without a calendar', () => {
  const years = calendarYearsOf(HOLIDAYS);

  it('knows the years with an official calendar, not those with local holidays only', () => {
    expect([...years].sort()).toEqual([2025, 2026]);
    expect(calendarYearsOf([{ date: '2027-05-11', scope: 'local:25120' }])).toEqual(new Set());
    expect(calendarYearsOf([{ date: '2027-01-01', scope: 'national' }])).toEqual(new Set([2027]));
  });

  it('refuses 22/12/2026 + 10 business days: the count steps into 2027, which has no calendar', () => {
    expect(() => addBusinessDays('2026-12-22', 10, lleida, years)).toThrow(CalendarMissingError);
    try {
      addBusinessDays('2026-12-22', 10, lleida, years);
    } catch (e) {
      expect((e as CalendarMissingError).year).toBe(2027);
    }
  });

  it('counts into the next year once its calendar exists (6 January is skipped)', () => {
    const with2027 = new Set([...lleida, '2027-01-01', '2027-01-06']);
    expect(addBusinessDays('2026-12-22', 10, with2027, new Set([2026, 2027]))).toBe('2027-01-08');
  });

  it('computes within a year that has a calendar, up to its last day', () => {
    expect(addBusinessDays('2026-04-30', 10, lleida, years)).toBe('2026-05-18');
    expect(addBusinessDays('2026-12-30', 1, lleida, years)).toBe('2026-12-31');
    expect(() => addBusinessDays('2026-12-31', 1, lleida, years)).toThrow(CalendarMissingError);
    expect(addBusinessDays('2026-12-31', 0, lleida, years)).toBe('2026-12-31');
  });

  it('also refuses a start in a year without a calendar', () => {
    expect(() => addBusinessDays('2024-06-03', 1, lleida, years)).toThrow(
      expect.objectContaining({ year: 2024 }),
    );
  });
});

describe(missingCalendarYear.name, () => {
  it('warns about next year from 1 October on, while it has no calendar', () => {
    const years = new Set([2026]);
    expect(missingCalendarYear('2026-09-30', years)).toBeNull();
    expect(missingCalendarYear('2026-10-01', years)).toBe(2027);
    expect(missingCalendarYear('2026-12-31', years)).toBe(2027);
    expect(missingCalendarYear('2026-12-31', new Set([2026, 2027]))).toBeNull();
    expect(missingCalendarYear('2027-01-01', years)).toBeNull();
  });

  it('refuses a malformed date', () => {
    expect(() => missingCalendarYear('01/10/2026', new Set())).toThrow(RangeError);
  });
});

describe(parseHolidayLines.name, () => {
  it('reads date;name and date;scope;name lines, ISO or DD/MM/YYYY, skipping a header, blanks and comments', () => {
    const text = [
      'data;nom',
      "2027-01-01;Cap d'Any",
      '',
      '# festes locals',
      '06/01/2027;Reis',
      '11/5/2027;local:25120;Sant Anastasi',
    ].join('\r\n');
    expect(parseHolidayLines(text, { year: 2027 })).toEqual({
      holidays: [
        { line: 2, date: '2027-01-01', scope: 'catalonia', name: "Cap d'Any" },
        { line: 5, date: '2027-01-06', scope: 'catalonia', name: 'Reis' },
        { line: 6, date: '2027-05-11', scope: 'local:25120', name: 'Sant Anastasi' },
      ],
      errors: [],
    });
  });

  it('reads a spreadsheet CSV with commas, quotes and a byte-order mark', () => {
    const { holidays, errors } = parseHolidayLines(
      '\uFEFF"2027-06-24","Sant Joan"\n2027-09-11,national,Diada',
    );
    expect(errors).toEqual([]);
    expect(holidays.map((h) => [h.date, h.scope, h.name])).toEqual([
      ['2027-06-24', 'catalonia', 'Sant Joan'],
      ['2027-09-11', 'national', 'Diada'],
    ]);
  });

  it('names every refused line with the reason', () => {
    const text = [
      "2027-01-01;Cap d'Any",
      '2027-02-30;Impossible',
      '2026-12-25;Nadal',
      '2027-03-01;regional;Festa',
      '2027-03-02;',
      '2027-03-03',
      '2027-01-01;Repetit',
      `2027-03-04;${'x'.repeat(201)}`,
      '2027-03-05;a;b;c',
    ].join('\n');
    expect(parseHolidayLines(text, { year: 2027 }).errors).toEqual([
      { line: 2, code: 'INVALID_DATE' },
      { line: 3, code: 'WRONG_YEAR' },
      { line: 4, code: 'INVALID_SCOPE' },
      { line: 5, code: 'NAME_REQUIRED' },
      { line: 6, code: 'FIELDS' },
      { line: 7, code: 'DUPLICATE_LINE' },
      { line: 8, code: 'NAME_TOO_LONG' },
      { line: 9, code: 'FIELDS' },
    ]);
  });

  it('uses the given default scope', () => {
    expect(
      parseHolidayLines('2027-05-11;Sant Anastasi', { defaultScope: 'local:25120' }).holidays[0].scope,
    ).toBe('local:25120');
  });
});
