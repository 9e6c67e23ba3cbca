import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { LOCALES, type Locale } from '@cofinanca/contracts';
import { ApplicationIdParam } from './application.dto';
import { REQUIREMENT_STATUSES, type RequirementStatus } from '@cofinanca/domain';
import type { RequirementEntity } from './requirement.entity';
import { MaxItems, NestedList } from '../../common/nested';
import { DATE_MAX_LENGTH } from '../../common/lengths';
import { trim } from '../../common/transforms';
import { rule } from '../../common/validation';

// ---------------------------------------------------------------------------------------------------------------
// Parameters and queries

export class RequirementIdParam extends ApplicationIdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID() requirementId: string;
}

export class ReceiptQuery {
  @ApiPropertyOptional({ enum: LOCALES, description: "Language of the receipt; default: the reader's own" })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

export class RequirementItemDto {
  @ApiProperty({ maxLength: 2000, example: 'Aporteu el pressupost signat per la sòcia local.' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  description: string;
}

export class CreateRequirementDto {
  @ApiProperty({ type: [RequirementItemDto] })
  @NestedList(() => RequirementItemDto, { min: 1, max: 50 })
  items: RequirementItemDto[];

  @ApiPropertyOptional({
    maxLength: DATE_MAX_LENGTH,
    format: 'date',
    description:
      'Date of notification (Europe/Madrid), from the submission date to today; default today. The due date is ' +
      "the call's `correctionDays` business days after it.",
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: rule('INVALID_DATE') })
  @IsISO8601({ strict: true })
  notifiedOn?: string;
}

export class RequirementResponseDto {
  @ApiProperty({ maxLength: 10000, description: "The entity's answer" })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  message: string;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', format: 'uuid', maxLength: 36 },
    description: 'Documents uploaded to the application beforehand (…/documents) and not yet locked',
  })
  @IsOptional()
  @IsArray()
  @MaxItems(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  documentIds?: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Responses

export class RequirementItemResponse {
  @ApiProperty() description: string;
}

/** Any JSON value, null included (a field's value in a version of the application). */
const JSON_VALUE = {
  oneOf: [
    { type: 'string', nullable: true },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'array', items: {} },
    { type: 'object', additionalProperties: true },
  ],
};

export class ContentChangeResponse {
  @ApiProperty({
    example: 'budgetLines[0].amount',
    description:
      'The field as the API names it (`title`, `budgetLines[1].amount`, `beneficiaries.direct.women`); ' +
      '`documents` for a document added or removed; a list item added or removed whole is `budgetLines[2]`',
  })
  path: string;
  @ApiProperty({ ...JSON_VALUE, description: 'The value in the submitted version (JSON); null when absent' })
  before: unknown;
  @ApiProperty({ ...JSON_VALUE, description: 'The value when the entity answered (JSON); null when absent' })
  after: unknown;
}

export class RequirementResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ type: [RequirementItemResponse] }) items: RequirementItemResponse[];
  @ApiProperty({ format: 'date' }) notifiedOn: string;
  @ApiProperty({ format: 'date', description: 'Last day to answer (inclusive); computed once and stored' })
  dueDate: string;
  @ApiProperty({ enum: REQUIREMENT_STATUSES, enumName: 'RequirementStatus' }) status: RequirementStatus;
  @ApiProperty({ type: String, nullable: true }) responseMessage: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) responseDocumentIds: string[];
  @ApiProperty({
    type: [ContentChangeResponse],
    nullable: true,
    description:
      'What the application differed from its version as submitted when the entity answered (content and ' +
      'documents); null while unanswered, or for an application whose submitted version was not kept',
  })
  responseChanges: ContentChangeResponse[] | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) respondedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export function toRequirementResponse(r: RequirementEntity): RequirementResponse {
  return {
    id: r.id,
    applicationId: r.applicationId,
    items: r.items.map((i) => ({ description: i.description })),
    notifiedOn: r.notifiedOn,
    dueDate: r.dueDate,
    status: r.status,
    responseMessage: r.responseMessage,
    responseDocumentIds: r.responseDocumentIds ?? [],
    responseChanges: r.responseChanges ?? null,
    respondedAt: r.respondedAt ? r.respondedAt.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
  };
}

export class ApplicationHistoryEvent {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ example: 'application.submitted' }) action: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Who did it; null for the system' })
  actorName: string | null;
  @ApiProperty({ type: [String] }) actorRoles: string[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  before: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  after: Record<string, unknown> | null;
}

export class ApplicationHistoryResponse {
  @ApiProperty({ type: [ApplicationHistoryEvent], description: 'Oldest first' })
  items: ApplicationHistoryEvent[];
}
