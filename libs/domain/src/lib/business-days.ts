/**
 * Business days (LPAC art. 30): periods in days count business days, starting the day after notification,
 * skipping Saturdays, Sundays and the holidays that apply (national, Catalan, and local holidays of the council's
 * municipality and of the given municipality). Holidays are data, never computed.
 */
import { addCalendarDays, dayOfWeek, isIsoDate } from './dates';

export const HOLIDAY_SCOPES = ['national', 'catalonia'] as const;
export const LOCAL_SCOPE_PATTERN = /^local:\d{5}$/;

export interface Holiday {
  date: string;
  scope: string;
}

/** True for `national`, `catalonia` and `local:<5-digit INE code>`. */
export function isHolidayScope(scope: string): boolean {
  return (HOLIDAY_SCOPES as readonly string[]).includes(scope) || LOCAL_SCOPE_PATTERN.test(scope);
}

/** The scopes whose holidays close the office for a procedure: national, Catalan, the council's and the municipality's. */
export function applicableScopes(councilMunicipality: string, municipality?: string): string[] {
  const scopes = new Set<string>([...HOLIDAY_SCOPES, `local:${councilMunicipality}`]);
  if (municipality) scopes.add(`local:${municipality}`);
  return [...scopes];
}

/** The set of dates that are holidays for the given scopes. */
export function holidayDates(holidays: readonly Holiday[], scopes: readonly string[]): Set<string> {
  const wanted = new Set(scopes);
  return new Set(holidays.filter((h) => wanted.has(h.scope)).map((h) => h.date));
}

export function isWeekend(date: string): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

export function isBusinessDay(date: string, holidays: ReadonlySet<string>): boolean {
  return !isWeekend(date) && !holidays.has(date);
}

/** Upper bound on a period in business days: beyond it the answer would leave the calendars kept as data. */
export const MAX_BUSINESS_DAYS = 366;

/**
 * The `days`-th business day after `from` (counted from the day after). With 0 days the answer is `from` itself.
 * Throws RangeError on a malformed date or a count outside 0..MAX_BUSINESS_DAYS.
 */
export function addBusinessDays(from: string, days: number, holidays: ReadonlySet<string>): string {
  if (!isIsoDate(from)) throw new RangeError(`Not a date (YYYY-MM-DD): ${String(from)}`);
  if (!Number.isInteger(days) || days < 0 || days > MAX_BUSINESS_DAYS) {
    throw new RangeError(`Business days must be an integer from 0 to ${MAX_BUSINESS_DAYS}`);
  }
  let current = from;
  let counted = 0;
  while (counted < days) {
    current = addCalendarDays(current, 1);
    if (isBusinessDay(current, holidays)) counted += 1;
  }
  return current;
}
