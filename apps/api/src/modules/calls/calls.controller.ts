import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authorize, CurrentUser } from '../../common/decorators';
import { ProblemResponse } from '../../common/problem.response';
import type { AuthUser } from '../../common/request-context';
import {
  CallExportQuery,
  CallFromTemplateDto,
  CallIdParam,
  CallPage,
  CallQuery,
  CallResponse,
  CreateCallDto,
  ExtendCallDto,
  toCallResponse,
  toCallSummary,
  UpdateCallDto,
} from './calls.dto';
import { CallsService } from './calls.service';
import type { Request, Response } from 'express';
import { ApiExport, exportLocale, mapPages, sendExport, type ExportFormat } from '../../common/export';
import { CALL_COLUMNS } from './calls.export';

const SHEET = { ca: 'Convocatòries', es: 'Convocatorias', en: 'Calls' } as const;

@ApiTags('calls')
@Controller('v1/calls')
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Get()
  @Authorize(
    'calls.read',
    'Call summaries, paged, filtered and sorted (officers also see drafts); the rubric and texts come with GET /calls/:id',
  )
  @ApiOkResponse({ type: CallPage })
  async list(@Query() q: CallQuery, @CurrentUser() user: AuthUser): Promise<CallPage> {
    const page = await this.calls.list(q, user);
    return { ...page, items: page.items.map(toCallSummary) };
  }

  @Get('export.csv')
  @Authorize('calls.manage', 'Calls as CSV (UTF-8 with BOM, `;`), with the filters of the list')
  @ApiExport('csv')
  exportCsv(
    @Query() q: CallExportQuery,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentUser() user: AuthUser,
  ) {
    return this.export('csv', q, req, res, user);
  }

  @Get('export.xlsx')
  @Authorize('calls.manage', 'Calls as XLSX (typed cells), with the filters of the list')
  @ApiExport('xlsx')
  exportXlsx(
    @Query() q: CallExportQuery,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentUser() user: AuthUser,
  ) {
    return this.export('xlsx', q, req, res, user);
  }

  private export(format: ExportFormat, q: CallExportQuery, req: Request, res: Response, user: AuthUser) {
    const locale = exportLocale(req, user);
    return sendExport(res, {
      format,
      name: 'calls',
      sheet: SHEET[locale],
      columns: CALL_COLUMNS,
      locale,
      pages: mapPages(this.calls.rows(q, user), toCallSummary),
    });
  }

  @Get(':id')
  @Authorize('calls.read', 'One call with its rules, rubric and deadline (a draft only for officers)')
  @ApiOkResponse({ type: CallResponse })
  @ApiNotFoundResponse({
    description: 'NOT_FOUND (also a draft seen by a non-officer)',
    type: ProblemResponse,
  })
  async get(@Param() p: CallIdParam, @CurrentUser() user: AuthUser): Promise<CallResponse> {
    return toCallResponse(await this.calls.get(p.id, user));
  }

  @Post()
  @Authorize('calls.manage', 'Create a draft call; parameters not given come from the default template')
  @ApiCreatedResponse({ type: CallResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ProblemResponse })
  @ApiConflictResponse({ description: 'DUPLICATE (code)', type: ProblemResponse })
  async create(@Body() dto: CreateCallDto): Promise<CallResponse> {
    return toCallResponse(await this.calls.create(dto));
  }

  @Post('from-template')
  @Authorize('calls.manage', "A new draft call pre-filled with product.md's default rubric and parameters")
  @ApiCreatedResponse({ type: CallResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ProblemResponse })
  @ApiConflictResponse({ description: 'DUPLICATE (code)', type: ProblemResponse })
  async fromTemplate(@Body() dto: CallFromTemplateDto): Promise<CallResponse> {
    return toCallResponse(await this.calls.create({ code: dto.code, year: dto.year }));
  }

  @Patch(':id')
  @Authorize('calls.manage', 'Edit a draft call (send `version`; arrays replace the stored ones whole)')
  @ApiOkResponse({ type: CallResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ProblemResponse })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ProblemResponse })
  @ApiConflictResponse({
    description: 'INVALID_STATE (not a draft) · STALE_VERSION · DUPLICATE (code)',
    type: ProblemResponse,
  })
  async update(@Param() p: CallIdParam, @Body() dto: UpdateCallDto): Promise<CallResponse> {
    return toCallResponse(await this.calls.update(p.id, dto));
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Authorize('calls.manage', 'Publish a draft call after checking the whole of it')
  @ApiOkResponse({ type: CallResponse })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ProblemResponse })
  @ApiConflictResponse({ description: 'INVALID_STATE (not a draft)', type: ProblemResponse })
  @ApiUnprocessableEntityResponse({
    description: 'CALL_INCOMPLETE, `errors` naming every field to fix',
    type: ProblemResponse,
  })
  async publish(@Param() p: CallIdParam): Promise<CallResponse> {
    return toCallResponse(await this.calls.publish(p.id));
  }

  @Post(':id/close')
  @HttpCode(200)
  @Authorize('calls.manage', 'Close the application window of a published call now')
  @ApiOkResponse({ type: CallResponse })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ProblemResponse })
  @ApiConflictResponse({ description: 'INVALID_STATE (not published)', type: ProblemResponse })
  async close(@Param() p: CallIdParam): Promise<CallResponse> {
    return toCallResponse(await this.calls.close(p.id));
  }

  @Post(':id/extend')
  @HttpCode(200)
  @Authorize(
    'calls.manage',
    'Move the deadline of a published, still open call later, with a reason (e-mailed to entities with drafts)',
  )
  @ApiOkResponse({ type: CallResponse })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED (closesAt not later, no reason)',
    type: ProblemResponse,
  })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ProblemResponse })
  @ApiConflictResponse({
    description: 'INVALID_STATE (not published, or its deadline has passed)',
    type: ProblemResponse,
  })
  async extend(@Param() p: CallIdParam, @Body() dto: ExtendCallDto): Promise<CallResponse> {
    return toCallResponse(await this.calls.extend(p.id, dto));
  }
}
