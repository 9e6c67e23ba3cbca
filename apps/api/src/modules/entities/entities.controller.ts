import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { MAX_DOCUMENT_BYTES } from '@cofinanca/domain';
import { Authorize, CurrentUser } from '../../common/decorators';
import { ProblemResponse } from '../../common/problem.response';
import type { AuthUser } from '../../common/request-context';
import { DocumentResponse } from '../documents/document.response';
import { ENTITY_DOCUMENT_TYPES } from '@cofinanca/domain';
import { ReasonDto } from '../../common/reason.dto';
import { toDocumentResponse, type UploadedFileLike } from '../documents/documents.service';
import {
  CreateEntityDto,
  EntityDocumentParam,
  EntityExportQuery,
  EntityIdParam,
  EntityDirectoryQuery,
  EntityDirectoryResponse,
  EntityPage,
  EntityQuery,
  EntityResponse,
  toEntityResponse,
  toEntitySummary,
  UpdateEntityDto,
  UploadEntityDocumentDto,
} from './entities.dto';
import { EntitiesService } from './entities.service';
import { EntityStatusService } from './entity-status.service';
import type { Request, Response } from 'express';
import { ApiExport, exportLocale, sendExport, type ExportFormat } from '../../common/export';
import { ENTITY_COLUMNS } from './entities.export';

const SHEET = { ca: 'Entitats', es: 'Entidades', en: 'Entities' } as const;

const NOT_FOUND = { description: 'NOT_FOUND (also another entity’s)', type: ProblemResponse };
const INVALID_STATE = {
  description: 'INVALID_STATE: not allowed in the entity’s status',
  type: ProblemResponse,
};

@ApiTags('entities')
@Controller('v1/entities')
export class EntitiesController {
  constructor(
    private readonly entities: EntitiesService,
    private readonly status: EntityStatusService,
  ) {}

  @Get()
  @Authorize(
    ['entities.read', 'entities.own'],
    'Entity summaries, paged, filtered and sorted (an NGO user: only its own); the profile comes with GET /entities/:id',
  )
  @ApiOkResponse({ type: EntityPage })
  async list(@CurrentUser() user: AuthUser, @Query() q: EntityQuery): Promise<EntityPage> {
    const page = await this.entities.list(user, q);
    return { ...page, items: page.items.map(toEntitySummary) };
  }

  @Get('directory')
  @Authorize(
    ['entities.read', 'applications.apply', 'evaluations.score'],
    'Active entities to name as partners of a joint project or in a register of interests (id, name and town only; never the caller’s own)',
  )
  @ApiOkResponse({ type: EntityDirectoryResponse })
  async directory(
    @CurrentUser() user: AuthUser,
    @Query() q: EntityDirectoryQuery,
  ): Promise<EntityDirectoryResponse> {
    const found = await this.entities.directory(user, q);
    return { items: found.map((e) => ({ id: e.id, legalName: e.legalName, town: e.address.town })) };
  }

  @Get('export.csv')
  @Authorize('entities.read', 'Entities as CSV (UTF-8 with BOM, `;`), with the filters of the list')
  @ApiExport('csv')
  exportCsv(
    @Query() q: EntityExportQuery,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentUser() user: AuthUser,
  ) {
    return this.export('csv', q, req, res, user);
  }

  @Get('export.xlsx')
  @Authorize('entities.read', 'Entities as XLSX (typed cells), with the filters of the list')
  @ApiExport('xlsx')
  exportXlsx(
    @Query() q: EntityExportQuery,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentUser() user: AuthUser,
  ) {
    return this.export('xlsx', q, req, res, user);
  }

  private export(format: ExportFormat, q: EntityExportQuery, req: Request, res: Response, user: AuthUser) {
    const locale = exportLocale(req, user);
    return sendExport(res, {
      format,
      name: 'entities',
      sheet: SHEET[locale],
      columns: ENTITY_COLUMNS,
      locale,
      pages: this.entities.rows(user, q),
    });
  }

  @Post()
  @Authorize(
    'entities.manage',
    'Record an entity (in pending_validation, without users: invite them as members; validated once one has confirmed their e-mail)',
  )
  @ApiCreatedResponse({ type: EntityResponse })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED (e.g. nif, iban, address.postcode)',
    type: ProblemResponse,
  })
  @ApiConflictResponse({ description: 'DUPLICATE: the NIF is registered already', type: ProblemResponse })
  async create(@Body() dto: CreateEntityDto): Promise<EntityResponse> {
    return toEntityResponse(await this.entities.create(dto));
  }

  @Get(':id')
  @Authorize(['entities.read', 'entities.own'], 'One entity (an NGO user: only its own)')
  @ApiOkResponse({ type: EntityResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  async get(@CurrentUser() user: AuthUser, @Param() p: EntityIdParam): Promise<EntityResponse> {
    return toEntityResponse(await this.entities.get(user, p.id));
  }

  @Patch(':id')
  @Authorize(
    ['entities.manage', 'entities.own'],
    'Edit the profile (send `version`). Only an officer corrects the NIF; a new IBAN of a validated entity needs `ibanCertificateId` and waits for an officer',
  )
  @ApiOkResponse({ type: EntityResponse })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED (e.g. version missing, nif by an NGO user, ibanCertificateId missing)',
    type: ProblemResponse,
  })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({
    description:
      'STALE_VERSION · DUPLICATE (nif) · INVALID_STATE (an NGO user of a suspended or rejected entity)',
    type: ProblemResponse,
  })
  async update(
    @CurrentUser() user: AuthUser,
    @Param() p: EntityIdParam,
    @Body() dto: UpdateEntityDto,
  ): Promise<EntityResponse> {
    return toEntityResponse(await this.entities.update(user, p.id, dto));
  }

  @Post(':id/validate')
  @HttpCode(200)
  @Authorize('entities.manage', 'Validate a pending entity and its IBAN')
  @ApiOkResponse({ type: EntityResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(INVALID_STATE)
  @ApiUnprocessableEntityResponse({
    description: 'EMAIL_NOT_VERIFIED: none of its users has confirmed their e-mail',
    type: ProblemResponse,
  })
  async validate(@Param() p: EntityIdParam): Promise<EntityResponse> {
    return toEntityResponse(await this.status.change(p.id, 'validate'));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Authorize('entities.manage', 'Reject a pending entity, with a reason')
  @ApiOkResponse({ type: EntityResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(INVALID_STATE)
  async reject(@Param() p: EntityIdParam, @Body() dto: ReasonDto): Promise<EntityResponse> {
    return toEntityResponse(await this.status.change(p.id, 'reject', dto.reason));
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Authorize('entities.manage', 'Suspend an active entity, with a reason (its users may still read)')
  @ApiOkResponse({ type: EntityResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(INVALID_STATE)
  async suspend(@Param() p: EntityIdParam, @Body() dto: ReasonDto): Promise<EntityResponse> {
    return toEntityResponse(await this.status.change(p.id, 'suspend', dto.reason));
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @Authorize('entities.manage', 'Reactivate a suspended entity')
  @ApiOkResponse({ type: EntityResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(INVALID_STATE)
  async reactivate(@Param() p: EntityIdParam): Promise<EntityResponse> {
    return toEntityResponse(await this.status.change(p.id, 'reactivate'));
  }

  @Post(':id/validate-iban')
  @HttpCode(200)
  @Authorize(
    'entities.manage',
    'Validate the pending new IBAN of an active entity: payments go to it from now on',
  )
  @ApiOkResponse({ type: EntityResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({
    description: 'INVALID_STATE: not active, or no IBAN pending',
    type: ProblemResponse,
  })
  async validateIban(@Param() p: EntityIdParam): Promise<EntityResponse> {
    return toEntityResponse(await this.status.validateIban(p.id));
  }

  @Post(':id/documents')
  @Authorize(
    ['entities.manage', 'entities.own'],
    'Upload a document of the entity itself: the bank-ownership certificate of a new IBAN (PDF, image or office document, ≤ 20 MB)',
  )
  // Without a storage option multer keeps the file in memory; one byte over the limit lets the service answer 413
  // (a larger upload is cut off by multer, which Nest answers with 413 as well).
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: MAX_DOCUMENT_BYTES + 1, files: 1, fields: 5 } }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'type'],
      properties: {
        file: { type: 'string', format: 'binary' },
        type: { type: 'string', enum: [...ENTITY_DOCUMENT_TYPES] },
      },
    },
  })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(INVALID_STATE)
  @ApiPayloadTooLargeResponse({ description: 'PAYLOAD_TOO_LARGE: over 20 MB', type: ProblemResponse })
  @ApiUnsupportedMediaTypeResponse({
    description: 'UNSUPPORTED_MEDIA_TYPE: the content is not a PDF, an image or an office document',
    type: ProblemResponse,
  })
  async upload(
    @CurrentUser() user: AuthUser,
    @Param() p: EntityIdParam,
    @Body() dto: UploadEntityDocumentDto,
    @UploadedFile() file: UploadedFileLike | undefined,
  ): Promise<DocumentResponse> {
    return toDocumentResponse(await this.entities.upload(user, p.id, dto.type, file));
  }

  @Get(':id/documents/:docId/content')
  @Authorize(['entities.read', 'entities.own'], 'Download a document of the entity itself (as an attachment)')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The bytes, as uploaded', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse(NOT_FOUND)
  async content(@CurrentUser() user: AuthUser, @Param() p: EntityDocumentParam): Promise<StreamableFile> {
    return this.entities.documentContent(user, p.id, p.docId);
  }
}
