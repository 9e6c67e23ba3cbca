import { addCalendarDays, dateInTimeZone, dayOfWeek, isIsoDate, yearOf } from './dates';

describe(isIsoDate.name, () => {
  it.each(['2026-01-01', '2024-02-29', '2026-12-31'])('accepts %s', (d) => expect(isIsoDate(d)).toBe(true));
  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-1-1', '26-01-01', '2026-01-01T00:00', '', 'x'])(
    'rejects %p',
    (d) => expect(isIsoDate(d)).toBe(false),
  );
});

describe(addCalendarDays.name, () => {
  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-28', 2, '2026-03-30'],
  ])('%s + %i = %s', (from, n, to) => expect(addCalendarDays(from, n)).toBe(to));
  it('throws on a bad date', () => expect(() => addCalendarDays('2026-02-30', 1)).toThrow(RangeError));
});

describe(dayOfWeek.name, () => {
  it('knows 2026-05-01 is a Friday', () => expect(dayOfWeek('2026-05-01')).toBe(5));
});

describe(dateInTimeZone.name, () => {
  it('gives the Madrid date of an instant late in the UTC day', () => {
    expect(dateInTimeZone(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(dateInTimeZone(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(dateInTimeZone(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
  it('accepts another zone', () =>
    expect(dateInTimeZone(new Date('2026-06-30T22:30:00Z'), 'UTC')).toBe('2026-06-30'));
});

describe(yearOf.name, () => {
  it('reads the year', () => expect(yearOf('2025-12-31')).toBe(2025));
});
