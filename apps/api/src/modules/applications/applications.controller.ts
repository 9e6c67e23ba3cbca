import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authorize, CurrentUser } from '../../common/decorators';
import { ProblemResponse } from '../../common/problem.response';
import type { AuthUser } from '../../common/request-context';
import {
  ApplicationExportQuery,
  ApplicationIdParam,
  ApplicationPage,
  ApplicationQuery,
  ApplicationResponse,
  CallIdParam,
  CreateApplicationDto,
  toApplicationResponse,
  toApplicationSummary,
  UpdateApplicationDto,
} from './application.dto';
import { ApplicationsService } from './applications.service';
import type { Request, Response } from 'express';
import { ApiExport, exportLocale, mapPages, sendExport, type ExportFormat } from '../../common/export';
import { APPLICATION_COLUMNS } from './applications.export';

const SHEET = { ca: 'Sol·licituds', es: 'Solicitudes', en: 'Applications' } as const;

const READ = ['applications.read', 'applications.apply'] as const;
/** The list and one application: also an evaluator, on those assigned to it and declared without a conflict. */
const READ_ASSIGNED = ['applications.read', 'applications.apply', 'evaluations.score'] as const;

@ApiTags('applications')
@Controller('v1')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post('calls/:callId/applications')
  @Authorize(
    ['applications.apply', 'applications.manage'],
    'Create a draft application on an open call (an entity user for its own entity; an officer for `entityId`)',
  )
  @ApiCreatedResponse({ type: ApplicationResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ProblemResponse })
  @ApiNotFoundResponse({
    description: 'NOT_FOUND: no such call (or a draft call, for an entity)',
    type: ProblemResponse,
  })
  @ApiUnprocessableEntityResponse({ description: 'CALL_NOT_OPEN · DEADLINE_PASSED', type: ProblemResponse })
  async create(
    @CurrentUser() user: AuthUser,
    @Param() p: CallIdParam,
    @Body() dto: CreateApplicationDto,
  ): Promise<ApplicationResponse> {
    return toApplicationResponse(await this.applications.create(user, p.callId, dto));
  }

  @Get('applications')
  @Authorize(
    READ_ASSIGNED,
    'Application summaries, paged, filtered and sorted (staff: all; an entity: its own; an evaluator: those it declared on without a conflict); the content comes with GET /applications/:id',
  )
  @ApiOkResponse({ type: ApplicationPage })
  async list(@CurrentUser() user: AuthUser, @Query() q: ApplicationQuery): Promise<ApplicationPage> {
    const page = await this.applications.list(user, q);
    return { ...page, items: page.items.map(toApplicationSummary) };
  }

  @Get('applications/export.csv')
  @Authorize(READ, 'Applications as CSV (UTF-8 with BOM, `;`), with the filters of the list')
  @ApiExport('csv')
  exportCsv(
    @Query() q: ApplicationExportQuery,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentUser() user: AuthUser,
  ) {
    return this.export('csv', q, req, res, user);
  }

  @Get('applications/export.xlsx')
  @Authorize(READ, 'Applications as XLSX (typed cells), with the filters of the list')
  @ApiExport('xlsx')
  exportXlsx(
    @Query() q: ApplicationExportQuery,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentUser() user: AuthUser,
  ) {
    return this.export('xlsx', q, req, res, user);
  }

  private export(
    format: ExportFormat,
    q: ApplicationExportQuery,
    req: Request,
    res: Response,
    user: AuthUser,
  ) {
    const locale = exportLocale(req, user);
    return sendExport(res, {
      format,
      name: 'applications',
      sheet: SHEET[locale],
      columns: APPLICATION_COLUMNS,
      locale,
      pages: mapPages(this.applications.rows(user, q), toApplicationSummary),
    });
  }

  @Get('applications/:id')
  @Authorize(
    READ_ASSIGNED,
    'One application (staff, its own entity, or an evaluator assigned to it once it declared no conflict)',
  )
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiForbiddenResponse({
    description: 'DECLARATION_REQUIRED (an evaluator that has not declared on conflicts yet)',
    type: ProblemResponse,
  })
  @ApiNotFoundResponse({
    description: 'NOT_FOUND (also another entity’s application)',
    type: ProblemResponse,
  })
  async get(@CurrentUser() user: AuthUser, @Param() p: ApplicationIdParam): Promise<ApplicationResponse> {
    return toApplicationResponse(await this.applications.get(user, p.id));
  }

  @Patch('applications/:id')
  @Authorize(
    'applications.apply',
    'Edit the form (its entity, in draft or correction_requested; arrays replace; null clears)',
  )
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ProblemResponse })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ProblemResponse })
  @ApiConflictResponse({ description: 'INVALID_STATE · STALE_VERSION', type: ProblemResponse })
  async update(
    @CurrentUser() user: AuthUser,
    @Param() p: ApplicationIdParam,
    @Body() dto: UpdateApplicationDto,
  ): Promise<ApplicationResponse> {
    return toApplicationResponse(await this.applications.update(user, p.id, dto));
  }

  @Delete('applications/:id')
  @HttpCode(204)
  @Authorize('applications.apply', 'Delete a draft and its documents (its entity)')
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ProblemResponse })
  @ApiConflictResponse({ description: 'INVALID_STATE: not a draft', type: ProblemResponse })
  async remove(@CurrentUser() user: AuthUser, @Param() p: ApplicationIdParam): Promise<void> {
    await this.applications.remove(user, p.id);
  }
}
