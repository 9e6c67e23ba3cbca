import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import {
  ALLOCATION_METHODS,
  CALL_STATUSES,
  MODALITIES,
  MONEY_PATTERN,
  normaliseMoney,
  normaliseOptionalMoney,
  PERCENT_PATTERN,
  rubricTotal,
  RESERVED_DOCUMENT_CODES,
  type AllocationMethod,
  type CallStatus,
  type Modality,
} from '@cofinanca/domain';
import { MaxItems, NestedList, NestedObject } from '../../common/nested';
import { INSTANT_MAX_LENGTH, MONEY_MAX_LENGTH, PERCENT_MAX_LENGTH } from '../../common/lengths';
import { PageMeta, PageQuery } from '../../common/pagination';
import { rule } from '../../common/validation';
import { trim } from '../../common/transforms';
import type { CallEntity } from './call.entity';
import { IsAfterField, IsIsoInstant, IsPoints, MAX_POINTS } from './call-validators';

/** Document types the platform uses itself; a call's required document cannot take these codes. */
export const DOCUMENT_CODE_PATTERN = /^[a-z0-9_]{1,60}$/;
export const CALL_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;

/** Present means not null: for fields the database cannot leave empty (absent leaves them as they are). */
const IsPresentNotNull = (options?: ValidationOptions) =>
  ValidateIf((_o: unknown, value: unknown) => value !== undefined, options);

/** More evaluators than this per application is a typing mistake (a committee has a handful of members). */
export const MAX_EVALUATORS_PER_APPLICATION = 20;

const MONEY_MESSAGE = { context: rule('MAX_DECIMALS', { max: 2 }) };
const PERCENT_MESSAGE = { context: rule('INVALID_PERCENT') };

// ---------------------------------------------------------------------------------------------------------------
// Nested parts (request and response alike)

export class LocalisedText {
  @ApiProperty({ maxLength: 300, description: 'Catalan; may be empty while the call is a draft' })
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  ca: string;

  @ApiProperty({ maxLength: 300 }) @Transform(trim) @IsString() @MaxLength(300) es: string;
  @ApiProperty({ maxLength: 300 }) @Transform(trim) @IsString() @MaxLength(300) en: string;
}

export class LocalisedLongText {
  @ApiProperty({ maxLength: 20000, description: 'Catalan; may be empty while the call is a draft' })
  @Transform(trim)
  @IsString()
  @MaxLength(20000)
  ca: string;

  @ApiProperty({ maxLength: 20000 }) @Transform(trim) @IsString() @MaxLength(20000) es: string;
  @ApiProperty({ maxLength: 20000 }) @Transform(trim) @IsString() @MaxLength(20000) en: string;
}

export class RubricCriterionDto {
  @ApiProperty({ maxLength: 20, example: 'A1' }) @Transform(trim) @IsString() @MaxLength(20) code: string;

  @ApiProperty({ type: LocalisedText })
  @NestedObject(() => LocalisedText)
  name: LocalisedText;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000, description: 'For the evaluators' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  guidance?: string | null;

  @ApiProperty({
    type: Number,
    minimum: 0,
    maximum: MAX_POINTS,
    description: 'At most two decimals; publishing requires more than 0',
    example: 5,
  })
  @IsPoints()
  maxPoints: number;
}

export class RubricBlockDto {
  @ApiProperty({ maxLength: 20, example: 'A' }) @Transform(trim) @IsString() @MaxLength(20) code: string;

  @ApiProperty({ type: LocalisedText })
  @NestedObject(() => LocalisedText)
  name: LocalisedText;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: MAX_POINTS,
    description: 'A project scoring less in this block is not funded',
  })
  @IsOptional()
  @IsPoints()
  minPoints?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    description: 'Ties are broken by the block with order 1, then 2…',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  tieBreakOrder?: number | null;

  @ApiProperty({ type: [RubricCriterionDto] })
  @NestedList(() => RubricCriterionDto, { max: 50 })
  criteria: RubricCriterionDto[];
}

export class RubricDto {
  @ApiProperty({ type: [RubricBlockDto] })
  @NestedList(() => RubricBlockDto, { max: 30 })
  blocks: RubricBlockDto[];
}

export class RequiredDocumentDto {
  @ApiProperty({
    maxLength: 60,
    pattern: DOCUMENT_CODE_PATTERN.source,
    description: `Not ${RESERVED_DOCUMENT_CODES.join(', ')} (used by the platform)`,
    example: 'project_document',
  })
  @IsString()
  @Matches(DOCUMENT_CODE_PATTERN, { context: rule('INVALID_CODE', { max: 60, symbols: '_' }) })
  @IsNotIn(RESERVED_DOCUMENT_CODES)
  code: string;

  @ApiProperty({ type: LocalisedText })
  @NestedObject(() => LocalisedText)
  name: LocalisedText;

  @ApiProperty() @IsBoolean() required: boolean;
}

export class ScoreBandDto {
  @ApiProperty({ type: Number, minimum: 0, maximum: MAX_POINTS, description: 'Points, two decimals at most' })
  @IsPoints()
  minScore: number;

  @ApiProperty({ maxLength: PERCENT_MAX_LENGTH, example: '80.00', description: 'Of the requested amount' })
  @IsString()
  @Matches(PERCENT_PATTERN, PERCENT_MESSAGE)
  percent: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

/** Every parameter of a call, each optional: a create fills the missing ones from the template, a PATCH keeps them. */
export class CallFieldsDto {
  @ApiPropertyOptional({ type: LocalisedText })
  @IsPresentNotNull()
  @NestedObject(() => LocalisedText)
  title?: LocalisedText;

  @ApiPropertyOptional({ type: LocalisedLongText })
  @IsPresentNotNull()
  @NestedObject(() => LocalisedLongText)
  description?: LocalisedLongText;

  @ApiPropertyOptional({ enum: MODALITIES, isArray: true })
  @IsPresentNotNull()
  @IsArray()
  @MaxItems(MODALITIES.length)
  @ArrayUnique()
  @IsIn(MODALITIES, { each: true })
  modalities?: Modality[];

  @ApiPropertyOptional({ default: true }) @IsPresentNotNull() @IsBoolean() requiresGenderMarker?: boolean;

  @ApiPropertyOptional({ maxLength: MONEY_MAX_LENGTH, type: String, nullable: true, example: '150000.00' })
  @IsOptional()
  @IsString()
  @Matches(MONEY_PATTERN, MONEY_MESSAGE)
  budget?: string | null;

  @ApiPropertyOptional({ maxLength: MONEY_MAX_LENGTH, type: String, nullable: true, example: '20000.00' })
  @IsOptional()
  @IsString()
  @Matches(MONEY_PATTERN, MONEY_MESSAGE)
  maxAmountPerApplication?: string | null;

  @ApiPropertyOptional({
    maxLength: PERCENT_MAX_LENGTH,
    example: '80.00',
    description: 'Of the total project cost',
  })
  @IsPresentNotNull()
  @IsString()
  @Matches(PERCENT_PATTERN, PERCENT_MESSAGE)
  maxCofinancingPercent?: string;

  @ApiPropertyOptional({
    maxLength: INSTANT_MAX_LENGTH,
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-03-02T09:00:00+01:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { context: rule('INVALID_INSTANT') })
  @IsIsoInstant()
  @MaxLength(INSTANT_MAX_LENGTH)
  opensAt?: string | null;

  @ApiPropertyOptional({
    maxLength: INSTANT_MAX_LENGTH,
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-03-31T23:59:59+02:00',
    description: 'After opensAt',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { context: rule('INVALID_INSTANT') })
  @IsIsoInstant()
  @MaxLength(INSTANT_MAX_LENGTH)
  @IsAfterField('opensAt')
  closesAt?: string | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 120 })
  @IsPresentNotNull()
  @IsInt()
  @Min(0)
  @Max(120)
  maxExecutionMonths?: number;

  @ApiPropertyOptional({
    maxLength: PERCENT_MAX_LENGTH,
    example: '50.00',
    description: 'Paid on final resolution',
  })
  @IsPresentNotNull()
  @IsString()
  @Matches(PERCENT_PATTERN, PERCENT_MESSAGE)
  advancePercent?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 60, description: 'Months after the end of execution' })
  @IsPresentNotNull()
  @IsInt()
  @Min(0)
  @Max(60)
  justificationMonths?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 365, description: 'Business days' })
  @IsPresentNotNull()
  @IsInt()
  @Min(0)
  @Max(365)
  correctionDays?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 365, description: 'Business days' })
  @IsPresentNotNull()
  @IsInt()
  @Min(0)
  @Max(365)
  allegationDays?: number;

  @ApiPropertyOptional({
    maxLength: PERCENT_MAX_LENGTH,
    example: '20.00',
    description: 'Per budget line, without approval',
  })
  @IsPresentNotNull()
  @IsString()
  @Matches(PERCENT_PATTERN, PERCENT_MESSAGE)
  budgetDeviationPercent?: string;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: MAX_POINTS, example: 50 })
  @IsPresentNotNull()
  @IsPoints()
  minimumTotalScore?: number;

  @ApiPropertyOptional({
    type: Number,
    minimum: 0,
    maximum: MAX_POINTS,
    example: 20,
    description: 'Points between two evaluators that call for a review',
  })
  @IsPresentNotNull()
  @IsPoints()
  divergenceThreshold?: number;

  @ApiPropertyOptional({ enum: ALLOCATION_METHODS })
  @IsPresentNotNull()
  @IsIn(ALLOCATION_METHODS)
  allocationMethod?: AllocationMethod;

  @ApiPropertyOptional({ maxLength: PERCENT_MAX_LENGTH, example: '50.00' })
  @IsPresentNotNull()
  @IsString()
  @Matches(PERCENT_PATTERN, PERCENT_MESSAGE)
  minPartialAwardPercent?: string;

  @ApiPropertyOptional({
    type: [ScoreBandDto],
    nullable: true,
    description: 'For allocationMethod score_bands',
  })
  @NestedList(() => ScoreBandDto, { max: 20, optional: true })
  scoreBands?: ScoreBandDto[] | null;

  @ApiPropertyOptional({ type: RubricDto })
  @IsPresentNotNull()
  @NestedObject(() => RubricDto)
  rubric?: RubricDto;

  @ApiPropertyOptional({ type: [RequiredDocumentDto] })
  @IsPresentNotNull()
  @NestedList(() => RequiredDocumentDto, { max: 50 })
  requiredDocuments?: RequiredDocumentDto[];

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_EVALUATORS_PER_APPLICATION,
    default: 2,
    description: 'Evaluators each application under evaluation gets (automatic assignment tops up to it)',
  })
  @IsPresentNotNull()
  @IsInt()
  @Min(1)
  @Max(MAX_EVALUATORS_PER_APPLICATION)
  evaluatorsPerApplication?: number;

  @ApiPropertyOptional({
    default: true,
    description: 'A divergent application needs a consensus score before the ranking can be proposed',
  })
  @IsPresentNotNull()
  @IsBoolean()
  consensusRequired?: boolean;
}

export class CallFromTemplateDto {
  @ApiProperty({ pattern: CALL_CODE_PATTERN.source, maxLength: 40, example: 'COOP-2026' })
  @Transform(trim)
  @IsString()
  @Matches(CALL_CODE_PATTERN, { context: rule('INVALID_CODE', { max: 40, symbols: '. _ / -' }) })
  code: string;

  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

/** A new call: its code and year (as from the template) and any parameter (the others from the template). */
export class CreateCallDto extends IntersectionType(CallFromTemplateDto, CallFieldsDto) {}

export class UpdateCallDto extends CallFieldsDto {
  @ApiProperty({ description: 'The version read; a stale one answers 409 STALE_VERSION' })
  @IsInt()
  version: number;

  @ApiPropertyOptional({ pattern: CALL_CODE_PATTERN.source, maxLength: 40 })
  @IsPresentNotNull()
  @Transform(trim)
  @IsString()
  @Matches(CALL_CODE_PATTERN, { context: rule('INVALID_CODE', { max: 40, symbols: '. _ / -' }) })
  code?: string;

  @ApiPropertyOptional({ minimum: 2000, maximum: 2100 })
  @IsPresentNotNull()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class ExtendCallDto {
  @ApiProperty({
    maxLength: INSTANT_MAX_LENGTH,
    format: 'date-time',
    example: '2026-04-15T23:59:59+02:00',
    description: 'Later than the current closesAt',
  })
  @IsISO8601({ strict: true, strictSeparator: true }, { context: rule('INVALID_INSTANT') })
  @IsIsoInstant()
  @MaxLength(INSTANT_MAX_LENGTH)
  closesAt: string;

  @ApiProperty({
    minLength: 1,
    maxLength: 2000,
    description: 'Told to the entities and kept in the audit log',
  })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}

export class CallQuery extends PageQuery {
  @ApiPropertyOptional({ minimum: 2000, maximum: 2100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: CALL_STATUSES })
  @IsOptional()
  @IsIn(CALL_STATUSES)
  status?: CallStatus;

  @ApiPropertyOptional({ maxLength: 200, description: 'Part of the code or of the title in any language' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class CallExportQuery extends OmitType(CallQuery, ['page', 'pageSize'] as const) {}

export class CallIdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Responses

export class CallResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: LocalisedText }) title: LocalisedText;
  @ApiProperty({ type: LocalisedLongText }) description: LocalisedLongText;
  @ApiProperty({ enum: MODALITIES, isArray: true }) modalities: Modality[];
  @ApiProperty() requiresGenderMarker: boolean;
  @ApiProperty({ type: String, nullable: true, example: '150000.00' }) budget: string | null;
  @ApiProperty({ type: String, nullable: true, example: '20000.00' }) maxAmountPerApplication: string | null;
  @ApiProperty({ example: '80.00' }) maxCofinancingPercent: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) opensAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closesAt: string | null;
  @ApiProperty() maxExecutionMonths: number;
  @ApiProperty({ example: '50.00' }) advancePercent: string;
  @ApiProperty() justificationMonths: number;
  @ApiProperty() correctionDays: number;
  @ApiProperty() allegationDays: number;
  @ApiProperty({ example: '20.00' }) budgetDeviationPercent: string;
  @ApiProperty({ example: 50 }) minimumTotalScore: number;
  @ApiProperty({ example: 20 }) divergenceThreshold: number;
  @ApiProperty({ enum: ALLOCATION_METHODS }) allocationMethod: AllocationMethod;
  @ApiProperty({ example: '50.00' }) minPartialAwardPercent: string;
  @ApiProperty({ type: [ScoreBandDto], nullable: true }) scoreBands: ScoreBandDto[] | null;
  @ApiProperty({ type: RubricDto }) rubric: RubricDto;
  @ApiProperty({ description: 'The points the rubric can give (sum of every criterion)', example: 100 })
  rubricTotal: number;
  @ApiProperty({ type: [RequiredDocumentDto] }) requiredDocuments: RequiredDocumentDto[];
  @ApiProperty({ example: 2 }) evaluatorsPerApplication: number;
  @ApiProperty({ example: true }) consensusRequired: boolean;
  @ApiProperty({ enum: CALL_STATUSES }) status: CallStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() version: number;
}

/** The columns a summary reads (alias `c`): nothing else leaves the database for a list. */
export const CALL_SUMMARY_COLUMNS = [
  'id',
  'code',
  'year',
  'title',
  'modalities',
  'budget',
  'maxAmountPerApplication',
  'maxCofinancingPercent',
  'opensAt',
  'closesAt',
  'status',
  'publishedAt',
  'closedAt',
  'createdAt',
  'updatedAt',
  'version',
] as const satisfies readonly (keyof CallEntity & keyof CallResponse)[];

/**
 * A call as the lists show it (the office's and the portal's, the pickers, the exports): no description, rubric or
 * required documents — those come with `GET /calls/:id`. Selected column by column (`CALL_SUMMARY_COLUMNS`).
 */
export class CallSummary extends PickType(CallResponse, CALL_SUMMARY_COLUMNS) {}

export class CallPage extends PageMeta {
  @ApiProperty({ type: [CallSummary] }) items: CallSummary[];
}

export type CallSummaryRow = Pick<CallEntity, (typeof CALL_SUMMARY_COLUMNS)[number]>;

export function toCallSummary(c: CallSummaryRow): CallSummary {
  return {
    id: c.id,
    code: c.code,
    year: c.year,
    title: c.title,
    modalities: c.modalities,
    budget: money(c.budget),
    maxAmountPerApplication: money(c.maxAmountPerApplication),
    maxCofinancingPercent: normaliseMoney(c.maxCofinancingPercent),
    opensAt: c.opensAt?.toISOString() ?? null,
    closesAt: c.closesAt?.toISOString() ?? null,
    status: c.status,
    publishedAt: c.publishedAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

const money = normaliseOptionalMoney;

export function toCallResponse(c: CallEntity): CallResponse {
  return {
    ...toCallSummary(c),
    description: c.description,
    requiresGenderMarker: c.requiresGenderMarker,
    maxExecutionMonths: c.maxExecutionMonths,
    advancePercent: normaliseMoney(c.advancePercent),
    justificationMonths: c.justificationMonths,
    correctionDays: c.correctionDays,
    allegationDays: c.allegationDays,
    budgetDeviationPercent: normaliseMoney(c.budgetDeviationPercent),
    minimumTotalScore: Number(c.minimumTotalScore),
    divergenceThreshold: Number(c.divergenceThreshold),
    allocationMethod: c.allocationMethod,
    minPartialAwardPercent: normaliseMoney(c.minPartialAwardPercent),
    scoreBands:
      c.scoreBands?.map((b) => ({ minScore: b.minScore, percent: normaliseMoney(b.percent) })) ?? null,
    rubric: c.rubric,
    rubricTotal: rubricTotal(c.rubric),
    requiredDocuments: c.requiredDocuments,
    evaluatorsPerApplication: c.evaluatorsPerApplication,
    consensusRequired: c.consensusRequired,
  };
}
