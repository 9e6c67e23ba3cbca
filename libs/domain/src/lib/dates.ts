/**
 * Calendar dates as 'YYYY-MM-DD' strings. Legal deadlines are dates in Europe/Madrid (api.md).
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const COUNCIL_TIME_ZONE = 'Europe/Madrid';

/** True when the string is a real calendar date in the form YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  if (typeof value !== 'string' || !ISO_DATE_PATTERN.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function toUtc(value: string): Date {
  if (!isIsoDate(value)) throw new RangeError(`Not a date (YYYY-MM-DD): ${String(value)}`);
  const [y, m, d] = value.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The date `days` calendar days after `value` (negative goes back). */
export function addCalendarDays(value: string, days: number): string {
  const date = toUtc(value);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtc(date);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(value: string): number {
  return toUtc(value).getUTCDay();
}

/** The calendar date of an instant in a time zone (default Europe/Madrid). */
export function dateInTimeZone(instant: Date, timeZone: string = COUNCIL_TIME_ZONE): string {
  return format(new TZDate(instant.getTime(), timeZone), 'yyyy-MM-dd');
}

/** The year of a calendar date. */
export function yearOf(value: string): number {
  return toUtc(value).getUTCFullYear();
}
