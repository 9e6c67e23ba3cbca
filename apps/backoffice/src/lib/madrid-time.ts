/**
 * A call's window is a pair of instants that officers think of as a date and a time in Lleida (Europe/Madrid). The
 * editor shows a date and a time input; the API takes ISO 8601 instants with their offset
 * ("2026-03-02T09:00:00+01:00"). These helpers convert both ways whatever the browser's own time zone is.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { COUNCIL_TIME_ZONE, dateInTimeZone, isIsoDate } from '@cofinanca/domain';

export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$/;

export interface MadridDateTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm (or HH:mm:ss when the instant has seconds) */
  time: string;
}

export function isTime(value: string): boolean {
  return TIME_PATTERN.test(value);
}

/**
 * The instant of a wall-clock date and time in Europe/Madrid, as ISO 8601 with the offset of that day (+01:00 in
 * winter, +02:00 in summer). Null when the date or time is not valid. A time inside the spring-forward gap moves
 * forward one hour, as a clock would.
 */
export function madridToIso(date: string, time: string): string | null {
  if (!isIsoDate(date) || !isTime(time)) return null;
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm, ss = 0] = time.split(':').map(Number);
  const instant = new TZDate(y, m - 1, d, hh, mm, ss, COUNCIL_TIME_ZONE);
  return format(instant, "yyyy-MM-dd'T'HH:mm:ssXXX");
}

/** The date and time in Europe/Madrid of an ISO instant (seconds shown only when not zero). */
export function isoToMadrid(iso: string | null | undefined): MadridDateTime {
  if (!iso) return { date: '', time: '' };
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return { date: '', time: '' };
  const local = new TZDate(ms, COUNCIL_TIME_ZONE);
  const seconds = local.getSeconds();
  return {
    date: format(local, 'yyyy-MM-dd'),
    time: format(local, seconds === 0 ? 'HH:mm' : 'HH:mm:ss'),
  };
}

/**
 * The instant of a date+time pair typed in the editor: empty date → null; a date without a time takes `defaultTime`
 * (the start of the day for an opening, 23:59:59 for a closing: api.md "a window that closes on a date closes at
 * 23:59:59"). Returns `undefined` when what was typed is not a valid date or time.
 */
export function windowInstant(date: string, time: string, defaultTime: string): string | null | undefined {
  if (date.trim() === '') return time.trim() === '' ? null : undefined;
  const iso = madridToIso(date.trim(), time.trim() === '' ? defaultTime : time.trim());
  return iso ?? undefined;
}

export const OPENS_DEFAULT_TIME = '00:00';
export const CLOSES_DEFAULT_TIME = '23:59:59';

/** Today's date in Lleida (the default notification date of a correction request, the first day of a call). */
export function todayInMadrid(now: Date = new Date()): string {
  return dateInTimeZone(now);
}
