import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Locale } from '@cofinanca/contracts';
import { Authorize, CurrentUser } from '../../common/decorators';
import { ApiExport, exportLocale, sendExport, type ExportFormat } from '../../common/export';
import type { AuthUser } from '../../common/request-context';
import {
  AuditEventPage,
  AuditEventResponse,
  AuditExportQuery,
  AuditQuery,
  toAuditEventResponse,
} from './audit.dto';
import { AUDIT_COLUMNS } from './audit.export';
import { AuditService } from './audit.service';

const SHEET = { ca: 'Auditoria', es: 'Auditoría', en: 'Audit' } as const;

@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Authorize('audit.read', 'Audit events, newest first, each subject with what a person knows it by')
  @ApiOkResponse({ type: AuditEventPage })
  async list(
    @Query() q: AuditQuery,
    @Req() req: Request,
    @CurrentUser() user: AuthUser,
  ): Promise<AuditEventPage> {
    const page = await this.audit.list(q);
    const labels = await this.audit.subjectLabels(page.items, exportLocale(req, user));
    return { ...page, items: page.items.map((e) => toAuditEventResponse(e, labels)) };
  }

  @Get('export.csv')
  @Authorize('audit.read', 'Audit events as CSV (UTF-8 with BOM, `;`), with the filters of the list')
  @ApiExport('csv')
  exportCsv(
    @Query() q: AuditExportQuery,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentUser() user: AuthUser,
  ) {
    return this.export('csv', q, req, res, user);
  }

  @Get('export.xlsx')
  @Authorize('audit.read', 'Audit events as XLSX (typed cells), with the filters of the list')
  @ApiExport('xlsx')
  exportXlsx(
    @Query() q: AuditExportQuery,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentUser() user: AuthUser,
  ) {
    return this.export('xlsx', q, req, res, user);
  }

  private export(format: ExportFormat, q: AuditExportQuery, req: Request, res: Response, user: AuthUser) {
    const locale = exportLocale(req, user);
    return sendExport(res, {
      format,
      name: 'audit',
      sheet: SHEET[locale],
      columns: AUDIT_COLUMNS,
      locale,
      pages: this.labelled(q, locale),
    });
  }

  /** The events a page at a time, each page's subjects named in one query per subject type. */
  private async *labelled(q: AuditExportQuery, locale: Locale): AsyncGenerator<AuditEventResponse[]> {
    for await (const page of this.audit.pages(q)) {
      const labels = await this.audit.subjectLabels(page, locale);
      yield page.map((e) => toAuditEventResponse(e, labels));
    }
  }
}
