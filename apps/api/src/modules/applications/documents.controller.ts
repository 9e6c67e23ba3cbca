import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { MAX_DOCUMENT_BYTES } from '@cofinanca/domain';
import { Authorize, CurrentUser } from '../../common/decorators';
import { ProblemResponse } from '../../common/problem.response';
import type { AuthUser } from '../../common/request-context';
import { toDocumentResponse, type UploadedFileLike } from '../documents/documents.service';
import { DocumentResponse } from '../documents/document.response';
import { ApplicationIdParam, DocumentIdParams, UploadDocumentDto } from './application.dto';
import { ApplicationsService } from './applications.service';

/**
 * Multer without a storage option keeps the file in memory; its limit is one byte over the maximum so that the
 * service answers 413 itself for a file just over it, and multer (→ 413 too) for anything larger. Browsers send
 * file names as raw UTF-8 in the part headers.
 */
const UPLOAD_OPTIONS = {
  limits: { fileSize: MAX_DOCUMENT_BYTES + 1, files: 1, fields: 5 },
  defParamCharset: 'utf8',
} as MulterOptions;

@ApiTags('applications')
@Controller('v1/applications/:id/documents')
export class ApplicationDocumentsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @Authorize(
    'applications.apply',
    'Upload a document (its entity, in draft or correction_requested): PDF, image or office document, ≤ 20 MB',
  )
  @UseInterceptors(FileInterceptor('file', UPLOAD_OPTIONS))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'type'],
      properties: {
        file: { type: 'string', format: 'binary' },
        type: {
          type: 'string',
          maxLength: 60,
          description: 'A required-document code of the call, `attachment` or `correction`',
        },
      },
    },
  })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (type, file)', type: ProblemResponse })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ProblemResponse })
  @ApiConflictResponse({ description: 'INVALID_STATE', type: ProblemResponse })
  @ApiPayloadTooLargeResponse({ description: 'PAYLOAD_TOO_LARGE: over 20 MB', type: ProblemResponse })
  @ApiUnsupportedMediaTypeResponse({
    description: 'UNSUPPORTED_MEDIA_TYPE: the content is not a PDF, an image or an office document',
    type: ProblemResponse,
  })
  async upload(
    @CurrentUser() user: AuthUser,
    @Param() p: ApplicationIdParam,
    @Body() dto: UploadDocumentDto,
    @UploadedFile() file: UploadedFileLike | undefined,
  ): Promise<DocumentResponse> {
    return toDocumentResponse(await this.applications.uploadDocument(user, p.id, dto.type, file));
  }

  @Get()
  @Authorize(
    ['applications.read', 'applications.apply', 'evaluations.score'],
    'The documents of an application (staff, its entity, or an evaluator assigned to it once it declared no conflict)',
  )
  @ApiOkResponse({ type: [DocumentResponse] })
  @ApiForbiddenResponse({ description: 'DECLARATION_REQUIRED', type: ProblemResponse })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ProblemResponse })
  async list(@CurrentUser() user: AuthUser, @Param() p: ApplicationIdParam): Promise<DocumentResponse[]> {
    return (await this.applications.listDocuments(user, p.id)).map(toDocumentResponse);
  }

  @Get(':docId/content')
  @Authorize(
    ['applications.read', 'applications.apply', 'evaluations.score'],
    'Download a document (its detected type, as an attachment)',
  )
  @ApiForbiddenResponse({ description: 'DECLARATION_REQUIRED', type: ProblemResponse })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The bytes, as uploaded', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ProblemResponse })
  async content(@CurrentUser() user: AuthUser, @Param() p: DocumentIdParams): Promise<StreamableFile> {
    return this.applications.documentContent(user, p.id, p.docId);
  }

  @Delete(':docId')
  @HttpCode(204)
  @Authorize(
    'applications.apply',
    'Delete a document (its entity: in draft, or in correction_requested one not yet submitted)',
  )
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ProblemResponse })
  @ApiConflictResponse({
    description: 'INVALID_STATE: submitted (locked) or not editable',
    type: ProblemResponse,
  })
  async remove(@CurrentUser() user: AuthUser, @Param() p: DocumentIdParams): Promise<void> {
    await this.applications.removeDocument(user, p.id, p.docId);
  }
}
