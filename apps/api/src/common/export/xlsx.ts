/**
 * XLSX with exceljs's streaming writer: each row is committed (and leaves memory) as soon as it is written. Real
 * number, money and date cells, a bold header row that stays in view (frozen) and carries the filter buttons.
 */
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { civilDate, councilWallClock, parseMoney } from '@cofinanca/domain';
import type { Locale } from '@cofinanca/contracts';
import { statusText, YES_NO, type CellValue, type Column } from './columns';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const NUM_FMT = {
  money: '#,##0.00 "€"',
  percent: '0.00',
  date: 'dd/mm/yyyy',
  instant: 'dd/mm/yyyy hh:mm:ss',
} as const;

/** A decimal string as a spreadsheet number (cells hold doubles; the amount is exact to the cent up to 2^53). */
function decimalNumber(value: string): number {
  return Number(parseMoney(value)) / 100;
}

/** The typed value of one cell. */
export function xlsxValue<R>(column: Column<R>, value: CellValue, locale: Locale): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (column.type) {
    case 'money':
    case 'percent':
      return decimalNumber(String(value));
    case 'number':
      return typeof value === 'number' ? value : Number(value);
    case 'date':
      return civilDate(String(value));
    case 'instant':
      return councilWallClock(value as string | Date);
    case 'boolean':
      return YES_NO[value ? 'true' : 'false'][locale];
    case 'status':
      return statusText(column as Column<unknown>, value, locale);
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}

const DEFAULT_WIDTH: Record<Column<unknown>['type'], number> = {
  text: 24,
  number: 10,
  money: 16,
  percent: 10,
  date: 12,
  instant: 20,
  status: 18,
  boolean: 8,
};

export interface XlsxSheet<R> {
  addRow(row: R): void;
  /** Closes the sheet and the workbook; resolves once everything has been handed to the stream. */
  finish(): Promise<void>;
}

/** Starts a one-sheet workbook streamed into `stream`. */
export function startXlsx<R>(
  stream: Writable,
  sheetName: string,
  columns: readonly Column<R>[],
  locale: Locale,
): XlsxSheet<R> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
    autoFilter: { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } },
  } as Partial<ExcelJS.AddWorksheetOptions>);
  sheet.columns = columns.map((c) => ({
    key: c.key,
    width: c.width ?? DEFAULT_WIDTH[c.type],
    style: c.type in NUM_FMT ? { numFmt: NUM_FMT[c.type as keyof typeof NUM_FMT] } : {},
  }));
  const header = sheet.addRow(columns.map((c) => c.header[locale]));
  header.font = { bold: true };
  header.commit();
  return {
    addRow(row: R) {
      sheet.addRow(columns.map((c) => xlsxValue(c, c.value(row, locale), locale))).commit();
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
