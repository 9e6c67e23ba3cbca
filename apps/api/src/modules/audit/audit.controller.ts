import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../common/decorators';
import { toCsv } from '../../common/csv';
import { AuditEventPage, AuditExportQuery, AuditQuery, toAuditEventResponse } from './audit.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Authorize('audit.read', 'Audit events, newest first')
  @ApiOkResponse({ type: AuditEventPage })
  async list(@Query() q: AuditQuery): Promise<AuditEventPage> {
    const page = await this.audit.list(q);
    return { ...page, items: page.items.map(toAuditEventResponse) };
  }

  @Get('export.csv')
  @Authorize('audit.read', 'Audit events as CSV (UTF-8 with BOM, `;`)')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="audit.csv"')
  async export(@Query() q: AuditExportQuery): Promise<string> {
    const rows = await this.audit.all(q);
    return toCsv(
      [
        'at',
        'actorEmail',
        'actorRoles',
        'action',
        'subjectType',
        'subjectId',
        'before',
        'after',
        'requestId',
      ],
      rows.map((e) => [
        e.at.toISOString(),
        e.actorEmail,
        e.actorRoles.join(','),
        e.action,
        e.subjectType,
        e.subjectId,
        e.before ? JSON.stringify(e.before) : '',
        e.after ? JSON.stringify(e.after) : '',
        e.requestId,
      ]),
    );
  }
}
