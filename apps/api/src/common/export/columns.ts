import type { Locale } from '@cofinanca/contracts';

/** Words in the three languages (a header, a status). */
export type Words = Readonly<Record<Locale, string>>;

/**
 * What a cell holds, which decides how each format writes it:
 * - `text`: a string as it is (CSV guards it against formula injection);
 * - `number`: a JSON number (an integer or a score);
 * - `money`: a decimal string ("1234.50"): CSV "1234,50" (ca/es), XLSX a number with `#,##0.00 "€"`;
 * - `percent`: a decimal string ("80.00"): like money without the euro sign;
 * - `date`: a civil date "YYYY-MM-DD": CSV "18/05/2026", XLSX a date cell;
 * - `instant`: a Date or ISO instant: CSV "18/05/2026 12:00:00" in Europe/Madrid, XLSX a date-time cell on that clock;
 * - `status`: a code (or a list of codes) written with its words in the reader's language (`labels`);
 * - `boolean`: yes / no in the reader's language.
 */
export type ColumnType = 'text' | 'number' | 'money' | 'percent' | 'date' | 'instant' | 'status' | 'boolean';

export type CellValue = string | number | boolean | Date | readonly string[] | null | undefined;

export interface Column<R> {
  /** A stable machine key (also the XLSX column key). */
  key: string;
  header: Words;
  type: ColumnType;
  /** The raw value of the row; `locale` for values that are themselves localised (a call's title). */
  value: (row: R, locale: Locale) => CellValue;
  /** For `status`: the words of each code (an unknown code is written as it is). */
  labels?: Readonly<Record<string, Words>>;
  /** XLSX column width in characters. */
  width?: number;
}

/** The columns of one exported list. */
export type Columns<R> = readonly Column<R>[];

export const YES_NO: Readonly<Record<'true' | 'false', Words>> = {
  true: { ca: 'Sí', es: 'Sí', en: 'Yes' },
  false: { ca: 'No', es: 'No', en: 'No' },
};

/** The words of a status (or list of statuses) cell. */
export function statusText(column: Column<unknown>, value: CellValue, locale: Locale): string {
  if (value === null || value === undefined) return '';
  const codes = Array.isArray(value) ? value : [String(value)];
  return codes.map((c) => column.labels?.[c]?.[locale] ?? c).join(', ');
}
