/**
 * Business days (LPAC art. 30): periods in days count business days, starting the day after notification,
 * skipping Saturdays, Sundays and the holidays that apply (national, Catalan, and local holidays of the council's
 * municipality and of the given municipality). Holidays are data, never computed.
 */
import { addCalendarDays, dayOfWeek, isIsoDate, yearOf } from './dates';

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
 * Throws RangeError on a malformed date or a count outside 0..MAX_BUSINESS_DAYS. With `calendarYears` (the years
 * whose holiday calendar has been entered, see `calendarYearsOf`) it throws CalendarMissingError as soon as the count
 * steps into a year outside it: a deadline is never computed over a year whose holidays are unknown.
 */
export function addBusinessDays(
  from: string,
  days: number,
  holidays: ReadonlySet<string>,
  calendarYears?: ReadonlySet<number>,
): string {
  if (!isIsoDate(from)) throw new RangeError(`Not a date (YYYY-MM-DD): ${String(from)}`);
  if (!Number.isInteger(days) || days < 0 || days > MAX_BUSINESS_DAYS) {
    throw new RangeError(`Business days must be an integer from 0 to ${MAX_BUSINESS_DAYS}`);
  }
  let current = from;
  let counted = 0;
  while (counted < days) {
    current = addCalendarDays(current, 1);
    if (calendarYears && !calendarYears.has(yearOf(current))) throw new CalendarMissingError(yearOf(current));
    if (isBusinessDay(current, holidays)) counted += 1;
  }
  return current;
}

/**
 * The scopes of the official calendar of a year: the Catalan calendar published each autumn includes the national
 * holidays. A year "has a calendar" when it holds at least one holiday of these scopes; local holidays alone are not
 * a calendar (they are two days, the other twelve would be missing).
 */
export const CALENDAR_SCOPES: readonly string[] = HOLIDAY_SCOPES;

/** A deadline would cross `year`, whose holiday calendar has not been entered (API: 422 CALENDAR_MISSING). */
export class CalendarMissingError extends Error {
  constructor(readonly year: number) {
    super(`The holiday calendar of ${year} has not been entered.`);
    this.name = 'CalendarMissingError';
  }
}

/** The years that have a calendar: those with at least one holiday of the official scopes (CALENDAR_SCOPES). */
export function calendarYearsOf(holidays: readonly Holiday[]): Set<number> {
  return new Set(holidays.filter((h) => CALENDAR_SCOPES.includes(h.scope)).map((h) => yearOf(h.date)));
}

/** From this day of the year (MM-DD) on, the next year's calendar is expected and its absence is warned about. */
export const CALENDAR_WARNING_FROM = '10-01';

/**
 * The year to warn about on `today` (YYYY-MM-DD, Europe/Madrid): the next year, from 1 October on, when it has no
 * calendar; else null.
 */
export function missingCalendarYear(today: string, calendarYears: ReadonlySet<number>): number | null {
  if (!isIsoDate(today)) throw new RangeError(`Not a date (YYYY-MM-DD): ${String(today)}`);
  const next = yearOf(today) + 1;
  if (today.slice(5) < CALENDAR_WARNING_FROM) return null;
  return calendarYears.has(next) ? null : next;
}

/** Why a line of a pasted or uploaded list of holidays is refused. */
export type HolidayLineError =
  | 'FIELDS'
  | 'INVALID_DATE'
  | 'WRONG_YEAR'
  | 'INVALID_SCOPE'
  | 'NAME_REQUIRED'
  | 'NAME_TOO_LONG'
  | 'DUPLICATE_LINE';

export interface HolidayLine extends Holiday {
  /** 1-based line number in the text. */
  line: number;
  name: string;
}

export const HOLIDAY_NAME_MAX = 200;

/** DD/MM/YYYY (or D/M/YYYY, with / - or .) as YYYY-MM-DD; YYYY-MM-DD as is; else null. */
function parseLineDate(value: string): string | null {
  const v = value.trim();
  if (isIsoDate(v)) return v;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (!m) return null;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

function splitLine(line: string): string[] {
  const sep = line.includes(';') ? ';' : line.includes('\t') ? '\t' : ',';
  return line.split(sep).map((f) =>
    f
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
}

/**
 * Parses holidays entered at once: one per line, `date;name` (scope `defaultScope`) or `date;scope;name`, separated
 * by `;`, a tab or `,` (a CSV saved by a spreadsheet). Dates YYYY-MM-DD or DD/MM/YYYY. Blank lines, lines starting
 * with `#` and a first line that is a header (its first field is not a date but a word like `data`) are skipped.
 * With `year`, every date must be in it. Each refused line is named by its number; the caller stores nothing unless
 * there are no errors.
 */
export function parseHolidayLines(
  text: string,
  options: { defaultScope?: string; year?: number } = {},
): { holidays: HolidayLine[]; errors: { line: number; code: HolidayLineError }[] } {
  const defaultScope = options.defaultScope ?? 'catalonia';
  const holidays: HolidayLine[] = [];
  const errors: { line: number; code: HolidayLineError }[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const fields = splitLine(trimmed);
    if (holidays.length === 0 && errors.length === 0 && /^[^\d]+$/.test(fields[0]) && fields.length >= 2) {
      return; // a header line such as "data;nom"
    }
    if (fields.length < 2 || fields.length > 3) return void errors.push({ line, code: 'FIELDS' });
    const date = parseLineDate(fields[0]);
    if (!date) return void errors.push({ line, code: 'INVALID_DATE' });
    if (options.year !== undefined && yearOf(date) !== options.year) {
      return void errors.push({ line, code: 'WRONG_YEAR' });
    }
    const scope = fields.length === 3 ? fields[1] : defaultScope;
    if (!isHolidayScope(scope)) return void errors.push({ line, code: 'INVALID_SCOPE' });
    const name = fields[fields.length - 1];
    if (!name) return void errors.push({ line, code: 'NAME_REQUIRED' });
    if (name.length > HOLIDAY_NAME_MAX) return void errors.push({ line, code: 'NAME_TOO_LONG' });
    const key = `${date}|${scope}`;
    if (seen.has(key)) return void errors.push({ line, code: 'DUPLICATE_LINE' });
    seen.add(key);
    holidays.push({ line, date, scope, name });
  });
  return { holidays, errors };
}
