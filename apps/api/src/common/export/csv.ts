/**
 * CSV for spreadsheets in a Catalan or Spanish locale: UTF-8 with a BOM, `;` separators, CRLF line ends, RFC 4180
 * quotes where needed, and text cells that a spreadsheet would run as a formula neutralised with a leading apostrophe.
 */
import { formatDecimal, formatShortDate, formatShortInstant } from '@cofinanca/domain';
import type { Locale } from '@cofinanca/contracts';
import { statusText, YES_NO, type CellValue, type Column } from './columns';

export const CSV_BOM = '\uFEFF';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** One cell: `guard` (text cells) neutralises a leading =, +, -, @, tab or CR. */
export function csvCell(value: string | number | null | undefined, guard = true): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (guard && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, CRLF-terminated. */
export function csvLine(cells: readonly (string | number | null | undefined)[], guard = true): string {
  return `${cells.map((c) => csvCell(c, guard)).join(';')}\r\n`;
}

/** The text of one typed cell in the reader's language. */
export function csvValue<R>(column: Column<R>, value: CellValue, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '';
  switch (column.type) {
    case 'money':
    case 'percent':
      return formatDecimal(String(value), locale);
    case 'number':
      return locale === 'en' ? String(value) : String(value).replace('.', ',');
    case 'date':
      return formatShortDate(String(value));
    case 'instant':
      return formatShortInstant(value as string | Date);
    case 'boolean':
      return YES_NO[value ? 'true' : 'false'][locale];
    case 'status':
      return statusText(column as Column<unknown>, value, locale);
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}

const GUARDED = new Set(['text', 'status']);

/** The header line (BOM first) of a list. */
export function csvHeader<R>(columns: readonly Column<R>[], locale: Locale): string {
  return CSV_BOM + csvLine(columns.map((c) => c.header[locale]));
}

/** One row of a list. Only text cells are guarded: a negative number is a number, not a formula. */
export function csvRow<R>(columns: readonly Column<R>[], row: R, locale: Locale): string {
  return `${columns
    .map((c) => csvCell(csvValue(c, c.value(row, locale), locale), GUARDED.has(c.type)))
    .join(';')}\r\n`;
}

/** A whole CSV document from untyped cells (small lists and tests). */
export function toCsv(header: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  const line = (r: (string | number | boolean | null | undefined)[]) =>
    csvLine(r.map((v) => (typeof v === 'boolean' ? String(v) : v)));
  return CSV_BOM + [header, ...rows].map(line).join('');
}
