import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { CSV_CONTENT_TYPE } from './csv';
import { XLSX_CONTENT_TYPE } from './xlsx';
import type { ExportFormat } from './export';

/** OpenAPI of an export route: what it produces and that it answers a file. */
export function ApiExport(format: ExportFormat) {
  return format === 'csv'
    ? applyDecorators(
        ApiProduces('text/csv'),
        ApiOkResponse({
          description: `CSV: UTF-8 with a BOM, \`;\`, CRLF; headers and statuses in the caller's language, dates and instants in Europe/Madrid, a decimal comma for ca/es (${CSV_CONTENT_TYPE})`,
          schema: { type: 'string' },
        }),
      )
    : applyDecorators(
        ApiProduces(XLSX_CONTENT_TYPE),
        ApiOkResponse({
          description:
            'XLSX (one sheet): a bold, frozen, filtered header row; numbers, money (`#,##0.00 "€"`) and dates as typed cells (Europe/Madrid)',
          schema: { type: 'string', format: 'binary' },
        }),
      );
}
