import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { toCsv } from '../../common/csv';
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
  UpdateApplicationDto,
} from './application.dto';
import { ApplicationsService } from './applications.service';

const READ = ['applications.read', 'applications.apply'] as const;

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
  @Authorize(READ, 'Applications, paged, filtered and sorted (staff: all; an entity: its own)')
  @ApiOkResponse({ type: ApplicationPage })
  async list(@CurrentUser() user: AuthUser, @Query() q: ApplicationQuery): Promise<ApplicationPage> {
    const page = await this.applications.list(user, q);
    return { ...page, items: page.items.map(toApplicationResponse) };
  }

  @Get('applications/export.csv')
  @Authorize(READ, 'Applications as CSV (UTF-8 with BOM, `;`), with the filters of the list')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="applications.csv"')
  async export(@CurrentUser() user: AuthUser, @Query() q: ApplicationExportQuery): Promise<string> {
    const rows = await this.applications.all(user, q);
    return toCsv(
      [
        'registryNumber',
        'submittedAt',
        'status',
        'call',
        'entity',
        'nif',
        'title',
        'countryCode',
        'totalCost',
        'requestedAmount',
      ],
      rows.map((row) => {
        const a = toApplicationResponse(row);
        return [
          a.registryNumber,
          a.submittedAt,
          a.status,
          a.call.code,
          a.entity.legalName,
          a.entity.nif,
          a.title,
          a.countryCode,
          a.totalCost,
          a.requestedAmount,
        ];
      }),
    );
  }

  @Get('applications/:id')
  @Authorize(READ, 'One application (staff, or its own entity)')
  @ApiOkResponse({ type: ApplicationResponse })
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
