import { describe, expect, it } from 'vitest';
import { isoToMadrid, madridToIso, windowInstant } from './madrid-time';

describe('madridToIso', () => {
  it.each([
    ['2026-03-02', '09:00', '2026-03-02T09:00:00+01:00'],
    ['2026-07-01', '23:59', '2026-07-01T23:59:00+02:00'],
    ['2026-10-25', '01:30', '2026-10-25T01:30:00+02:00'], // the last hour before the autumn change
    ['2026-10-25', '04:00', '2026-10-25T04:00:00+01:00'],
    ['2026-12-31', '23:59:59', '2026-12-31T23:59:59+01:00'],
  ])('%s %s in Lleida is %s', (date, time, iso) => {
    expect(madridToIso(date, time)).toBe(iso);
  });

  it('moves a time in the spring-forward gap one hour later', () => {
    expect(madridToIso('2026-03-29', '02:30')).toBe('2026-03-29T03:30:00+02:00');
  });

  it('refuses dates and times that do not exist', () => {
    expect(madridToIso('2026-02-30', '10:00')).toBeNull();
    expect(madridToIso('2026-02-10', '24:00')).toBeNull();
    expect(madridToIso('', '10:00')).toBeNull();
    expect(madridToIso('2026-02-10', '9:00')).toBeNull();
  });
});

describe('isoToMadrid', () => {
  it.each([
    ['2026-03-02T08:00:00Z', '2026-03-02', '09:00'],
    ['2026-03-02T09:00:00+01:00', '2026-03-02', '09:00'],
    ['2026-06-30T22:30:00.000Z', '2026-07-01', '00:30'],
    ['2026-12-31T22:59:59Z', '2026-12-31', '23:59:59'],
  ])('%s is %s %s in Lleida', (iso, date, time) => {
    expect(isoToMadrid(iso)).toEqual({ date, time });
  });

  it('gives empty fields for nothing or garbage', () => {
    expect(isoToMadrid(null)).toEqual({ date: '', time: '' });
    expect(isoToMadrid('not a date')).toEqual({ date: '', time: '' });
  });

  it('round-trips with madridToIso', () => {
    for (const iso of ['2026-01-15T10:15:00+01:00', '2026-08-15T18:45:00+02:00']) {
      const { date, time } = isoToMadrid(iso);
      expect(madridToIso(date, time)).toBe(iso);
    }
  });
});

describe('windowInstant', () => {
  it('is null when nothing was typed, and undefined when only a time was', () => {
    expect(windowInstant('', '', '00:00')).toBeNull();
    expect(windowInstant('', '10:00', '00:00')).toBeUndefined();
  });

  it('uses the default time for a date alone', () => {
    expect(windowInstant('2026-04-30', '', '23:59:59')).toBe('2026-04-30T23:59:59+02:00');
    expect(windowInstant('2026-02-01', ' ', '00:00')).toBe('2026-02-01T00:00:00+01:00');
  });

  it('is undefined for an invalid date', () => {
    expect(windowInstant('2026-13-01', '10:00', '00:00')).toBeUndefined();
  });
});
