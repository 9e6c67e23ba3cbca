import { ApiProperty, ApiPropertyOptional, OmitType, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import type { EntityManager } from 'typeorm';
import { isSdgTarget } from '@cofinanca/contracts';
import {
  APPLICATION_STATUSES,
  applicationTotals,
  COFUNDING_STATUSES,
  isIsoDate,
  MARKER_SIGNIFICANCES,
  MODALITIES,
  MONEY_PATTERN,
  normaliseOptionalMoney,
  PERCENT_PATTERN,
  type ApplicationStatus,
  type ApplicationTotals,
  type CofundingStatus,
  type Modality,
} from '@cofinanca/domain';
import { IsCountryCode, IsPolicyMarkerCode, IsSectorCode } from '../../common/codelist-validators';
import { DATE_MAX_LENGTH, MONEY_MAX_LENGTH, PERCENT_MAX_LENGTH, UUID_LENGTH } from '../../common/lengths';
import { MaxItems, NestedList, NestedObject, UniqueBy } from '../../common/nested';
import { PageMeta, PageQuery } from '../../common/pagination';
import { rule } from '../../common/validation';
import { trim } from '../../common/transforms';
import type { ApplicationEntity } from './application.entity';
import { loadCallAndEntity } from './application-access';
import { RequirementEntity } from './requirement.entity';

/** Money and percentages out: always two decimals. */
const money = normaliseOptionalMoney;

/** The most budget lines an application may have: the largest list any request carries. */
export const MAX_BUDGET_LINES = 200;

// ---------------------------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------------------------

export class CofundingResponse {
  @ApiProperty() funder: string;
  @ApiProperty({ example: '5000.00' }) amount: string;
  @ApiProperty({ enum: COFUNDING_STATUSES }) status: CofundingStatus;
}

export class BudgetLineResponse {
  @ApiProperty() code: string;
  @ApiProperty() category: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: '12000.00' }) amount: string;
  @ApiProperty({ example: '9000.00' }) requestedAmount: string;
}

export class SectorShareResponse {
  @ApiProperty({ example: '15170', description: 'OECD DAC 5-digit purpose code' }) code: string;
  @ApiProperty({ example: '100.00' }) percent: string;
}

export class SdgSelectionResponse {
  @ApiProperty({ minimum: 1, maximum: 17 }) goal: number;
  @ApiProperty({ type: [String], example: ['5.1', '5.2'] }) targets: string[];
}

export class PolicyMarkerSelectionResponse {
  @ApiProperty({ example: '1', description: 'IATI policy marker code (1 = gender equality)' }) code: string;
  @ApiProperty({ enum: MARKER_SIGNIFICANCES }) significance: number;
}

export class BeneficiaryCountsResponse {
  @ApiProperty() women: number;
  @ApiProperty() men: number;
  @ApiProperty({ description: 'Other or not stated' }) other: number;
}

export class BeneficiariesByAgeResponse {
  @ApiPropertyOptional({ type: BeneficiaryCountsResponse, name: '0-17' }) '0-17'?: BeneficiaryCountsResponse;
  @ApiPropertyOptional({ type: BeneficiaryCountsResponse, name: '18-29' })
  '18-29'?: BeneficiaryCountsResponse;
  @ApiPropertyOptional({ type: BeneficiaryCountsResponse, name: '30-64' })
  '30-64'?: BeneficiaryCountsResponse;
  @ApiPropertyOptional({ type: BeneficiaryCountsResponse, name: '65+' }) '65+'?: BeneficiaryCountsResponse;
}

export class BeneficiaryGroupResponse extends BeneficiaryCountsResponse {
  @ApiPropertyOptional({ type: BeneficiariesByAgeResponse, nullable: true })
  byAge?: BeneficiariesByAgeResponse | null;
}

export class BeneficiariesResponse {
  @ApiProperty({ type: BeneficiaryGroupResponse }) direct: BeneficiaryGroupResponse;
  @ApiProperty({ type: BeneficiaryGroupResponse }) indirect: BeneficiaryGroupResponse;
}

export class CounterpartResponse {
  @ApiProperty() name: string;
  @ApiProperty({ example: 'SN' }) countryCode: string;
  @ApiProperty() description: string;
}

export class LocalisedTextResponse {
  @ApiProperty() ca: string;
  @ApiProperty() es: string;
  @ApiProperty() en: string;
}

export class ApplicationCallSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ type: LocalisedTextResponse }) title: LocalisedTextResponse;
}

export class ApplicationEntitySummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() legalName: string;
  @ApiProperty() nif: string;
}

/** The totals computed by `applicationTotals()` of libs/domain (the same function the form uses live). */
export class ApplicationTotalsResponse implements ApplicationTotals {
  @ApiProperty({ example: '25000.00', description: 'Σ budget line amounts' }) budgetLinesTotal: string;
  @ApiProperty({ example: '18000.00', description: 'Σ budget line requested amounts' })
  budgetLinesRequested: string;
  @ApiProperty({ example: '5000.00', description: 'Σ co-funding amounts' }) cofundingTotal: string;
  @ApiProperty({ example: '25000.00', description: 'requestedAmount + Σ cofunding + ownContribution' })
  fundingTotal: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '72.00',
    description: 'requestedAmount / totalCost × 100, rounded down; null without a positive total cost',
  })
  cofinancingPercent: string | null;
  @ApiProperty({ example: '100.00', description: 'Σ sector percentages' }) sectorsPercent: string;
  @ApiProperty({ description: 'Every budget check of the submission holds' }) budgetBalanced: boolean;
}

export class ApplicationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty({ format: 'uuid' }) entityId: string;
  @ApiProperty({ type: String, nullable: true, example: 'REG-2026-000001' }) registryNumber: string | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Due date of the open correction request, if any',
  })
  openRequirementDueDate: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ enum: APPLICATION_STATUSES, enumName: 'ApplicationStatus' }) status: ApplicationStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Reason of the last decision' })
  statusReason: string | null;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String, nullable: true }) summary: string | null;
  @ApiProperty({ type: String, nullable: true, enum: MODALITIES })
  modality: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'SN' }) countryCode: string | null;
  @ApiProperty({ type: [String] }) locations: string[];
  @ApiProperty({ type: String, format: 'date', nullable: true }) startDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate: string | null;
  @ApiProperty({ type: String, nullable: true, example: '25000.00' }) totalCost: string | null;
  @ApiProperty({ type: String, nullable: true, example: '18000.00' }) requestedAmount: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2000.00' }) ownContribution: string | null;
  @ApiProperty({ type: [CofundingResponse] }) cofunding: CofundingResponse[];
  @ApiProperty({ type: [BudgetLineResponse] }) budgetLines: BudgetLineResponse[];
  @ApiProperty({ type: [SectorShareResponse] }) sectors: SectorShareResponse[];
  @ApiProperty({ type: [SdgSelectionResponse] }) sdgs: SdgSelectionResponse[];
  @ApiProperty({ type: [PolicyMarkerSelectionResponse] }) policyMarkers: PolicyMarkerSelectionResponse[];
  @ApiProperty({ type: BeneficiariesResponse, nullable: true }) beneficiaries: BeneficiariesResponse | null;
  @ApiProperty({ type: CounterpartResponse, nullable: true }) counterpart: CounterpartResponse | null;
  @ApiProperty({ type: [String], format: 'uuid' }) partnerEntityIds: string[];
  @ApiProperty({ type: ApplicationCallSummary }) call: ApplicationCallSummary;
  @ApiProperty({ type: ApplicationEntitySummary }) entity: ApplicationEntitySummary;
  @ApiProperty({ type: ApplicationTotalsResponse }) totals: ApplicationTotalsResponse;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() version: number;
}

/** The application's own columns that a summary reads and answers as they are. */
const APPLICATION_SUMMARY_COLUMNS = [
  'id',
  'callId',
  'entityId',
  'registryNumber',
  'submittedAt',
  'status',
  'title',
  'modality',
  'countryCode',
  'totalCost',
  'requestedAmount',
  'createdAt',
  'updatedAt',
  'version',
] as const satisfies readonly (keyof ApplicationEntity & keyof ApplicationResponse)[];

/**
 * An application as the lists show it (the admissibility queue, the NGO's list and home, the exports): no summary
 * text, budget, sectors, beneficiaries or counterpart — those come with `GET /applications/:id`. Selected column by
 * column (`APPLICATION_SUMMARY_SELECT`).
 */
export class ApplicationSummary extends PickType(ApplicationResponse, [
  ...APPLICATION_SUMMARY_COLUMNS,
  'openRequirementDueDate',
  'call',
  'entity',
] as const) {}

export class ApplicationPage extends PageMeta {
  @ApiProperty({ type: [ApplicationSummary] }) items: ApplicationSummary[];
}

/**
 * What a summary reads, for a query on applications `a` joined with its call `c`, its entity `e` and its open
 * correction request `r`: nothing else leaves the database for a list.
 */
export const APPLICATION_SUMMARY_SELECT = [
  ...APPLICATION_SUMMARY_COLUMNS.map((c) => `a.${c}`),
  'c.id',
  'c.code',
  'c.title',
  'e.id',
  'e.legalName',
  'e.nif',
  'r.id',
  'r.dueDate',
];

/** The list view of an application read with `APPLICATION_SUMMARY_SELECT`. */
export function toApplicationSummary(app: ApplicationEntity): ApplicationSummary {
  if (!app.call || !app.entity)
    throw new Error('toApplicationSummary needs app.call and app.entity selected');
  return {
    id: app.id,
    callId: app.callId,
    entityId: app.entityId,
    registryNumber: app.registryNumber,
    openRequirementDueDate: app.openRequirement?.dueDate ?? null,
    submittedAt: app.submittedAt ? app.submittedAt.toISOString() : null,
    status: app.status,
    title: app.title,
    modality: app.modality,
    countryCode: app.countryCode,
    totalCost: money(app.totalCost),
    requestedAmount: money(app.requestedAmount),
    call: { id: app.call.id, code: app.call.code, title: app.call.title },
    entity: { id: app.entity.id, legalName: app.entity.legalName, nif: app.entity.nif },
    createdAt: app.createdAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
    version: app.version,
  };
}

/**
 * The API view of an application. `app.call` and `app.entity` must be loaded (join them, or use
 * `ApplicationsService.response(m, app)` / `loadApplicationRelations(m, app)`), for the call and entity summaries:
 * the summary and the rest.
 */
export function toApplicationResponse(app: ApplicationEntity): ApplicationResponse {
  if (!app.call || !app.entity) {
    throw new Error(
      'toApplicationResponse needs app.call and app.entity loaded (see loadApplicationRelations)',
    );
  }
  return {
    ...toApplicationSummary(app),
    statusReason: app.statusReason,
    summary: app.summary,
    locations: app.locations ?? [],
    startDate: app.startDate,
    endDate: app.endDate,
    ownContribution: money(app.ownContribution),
    cofunding: (app.cofunding ?? []).map((c) => ({ ...c, amount: money(c.amount) ?? '' })),
    budgetLines: (app.budgetLines ?? []).map((l) => ({
      ...l,
      amount: money(l.amount) ?? '',
      requestedAmount: money(l.requestedAmount) ?? '',
    })),
    sectors: (app.sectors ?? []).map((s) => ({ ...s, percent: money(s.percent) ?? '' })),
    sdgs: app.sdgs ?? [],
    policyMarkers: app.policyMarkers ?? [],
    beneficiaries: app.beneficiaries ?? null,
    counterpart: app.counterpart ?? null,
    partnerEntityIds: app.partnerEntityIds ?? [],
    totals: applicationTotals(app),
  };
}

/** Loads `app.call` and `app.entity` when they are not loaded yet, so that `toApplicationResponse(app)` works. */
export async function loadApplicationRelations(
  m: EntityManager,
  app: ApplicationEntity,
): Promise<ApplicationEntity> {
  await loadCallAndEntity(m, app);
  if (app.openRequirement === undefined) {
    app.openRequirement = await m
      .getRepository(RequirementEntity)
      .findOneBy({ applicationId: app.id, status: 'open' });
  }
  return app;
}

/** `toApplicationResponse` after loading what it needs. */
export async function applicationResponse(
  m: EntityManager,
  app: ApplicationEntity,
): Promise<ApplicationResponse> {
  return toApplicationResponse(await loadApplicationRelations(m, app));
}

// ---------------------------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------------------------

const MONEY_MESSAGE = { context: rule('MAX_DECIMALS', { max: 2 }) };
const PERCENT_MESSAGE = { context: rule('INVALID_PERCENT') };

/** A real calendar date written YYYY-MM-DD. */
function IsIsoDateString(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isIsoDateString',
      target: object.constructor,
      propertyName,
      options,
      validator: { validate: (value: unknown) => typeof value === 'string' && isIsoDate(value) },
    });
}

/** Every target belongs to the goal of the same selection (`5.2` under goal 5). */
function AreTargetsOfGoal(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'areTargetsOfGoal',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const goal = (args.object as { goal?: unknown }).goal;
          return Array.isArray(value) && value.every((t) => isSdgTarget(goal, t));
        },
      },
    });
}

export class CofundingDto {
  @ApiProperty({ maxLength: 300 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  funder: string;

  @ApiProperty({ maxLength: MONEY_MAX_LENGTH, example: '5000.00' })
  @Matches(MONEY_PATTERN, MONEY_MESSAGE)
  amount: string;

  @ApiProperty({ enum: COFUNDING_STATUSES })
  @IsIn(COFUNDING_STATUSES)
  status: CofundingStatus;
}

export class BudgetLineDto {
  @ApiProperty({ maxLength: 40, example: 'A.1' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  code: string;

  @ApiProperty({ maxLength: 200, example: 'Personal local' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  category: string;

  @ApiProperty({ maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  description: string;

  @ApiProperty({ maxLength: MONEY_MAX_LENGTH, example: '12000.00', description: 'Cost of the line' })
  @Matches(MONEY_PATTERN, MONEY_MESSAGE)
  amount: string;

  @ApiProperty({
    maxLength: MONEY_MAX_LENGTH,
    example: '9000.00',
    description: 'Part asked of the council (≤ amount: checked on submission)',
  })
  @Matches(MONEY_PATTERN, MONEY_MESSAGE)
  requestedAmount: string;
}

export class SectorShareDto {
  @ApiProperty({ maxLength: 5, example: '15170', description: 'OECD DAC 5-digit purpose code' })
  @IsSectorCode()
  code: string;

  @ApiProperty({ maxLength: PERCENT_MAX_LENGTH, example: '100.00' })
  @Matches(PERCENT_PATTERN, PERCENT_MESSAGE)
  percent: string;
}

export class SdgSelectionDto {
  @ApiProperty({ minimum: 1, maximum: 17 })
  @IsInt()
  @Min(1)
  @Max(17)
  goal: number;

  @ApiProperty({ type: 'array', items: { type: 'string', maxLength: 4 }, example: ['5.1', '5.2'] })
  @IsArray()
  @MaxItems(30)
  @ArrayUnique()
  @AreTargetsOfGoal()
  targets: string[];
}

export class PolicyMarkerSelectionDto {
  @ApiProperty({ maxLength: 10, example: '1', description: 'IATI policy marker code (1 = gender equality)' })
  @IsPolicyMarkerCode()
  code: string;

  @ApiProperty({
    enum: MARKER_SIGNIFICANCES,
    description: '0 not targeted, 1 significant, 2 principal objective',
  })
  @IsIn(MARKER_SIGNIFICANCES)
  significance: 0 | 1 | 2;
}

export class BeneficiaryCountsDto {
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(1_000_000_000) women: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(1_000_000_000) men: number;
  @ApiProperty({ minimum: 0, description: 'Other or not stated' })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  other: number;
}

export class BeneficiariesByAgeDto {
  @ApiPropertyOptional({ type: BeneficiaryCountsDto, name: '0-17' })
  @IsOptional()
  @NestedObject(() => BeneficiaryCountsDto)
  '0-17'?: BeneficiaryCountsDto;

  @ApiPropertyOptional({ type: BeneficiaryCountsDto, name: '18-29' })
  @IsOptional()
  @NestedObject(() => BeneficiaryCountsDto)
  '18-29'?: BeneficiaryCountsDto;

  @ApiPropertyOptional({ type: BeneficiaryCountsDto, name: '30-64' })
  @IsOptional()
  @NestedObject(() => BeneficiaryCountsDto)
  '30-64'?: BeneficiaryCountsDto;

  @ApiPropertyOptional({ type: BeneficiaryCountsDto, name: '65+' })
  @IsOptional()
  @NestedObject(() => BeneficiaryCountsDto)
  '65+'?: BeneficiaryCountsDto;
}

export class BeneficiaryGroupDto extends BeneficiaryCountsDto {
  @ApiPropertyOptional({ type: BeneficiariesByAgeDto, description: 'The same people by age band' })
  @IsOptional()
  @NestedObject(() => BeneficiariesByAgeDto)
  byAge?: BeneficiariesByAgeDto;
}

export class BeneficiariesDto {
  @ApiProperty({ type: BeneficiaryGroupDto })
  @NestedObject(() => BeneficiaryGroupDto)
  direct: BeneficiaryGroupDto;

  @ApiProperty({ type: BeneficiaryGroupDto })
  @NestedObject(() => BeneficiaryGroupDto)
  indirect: BeneficiaryGroupDto;
}

export class CounterpartDto {
  @ApiProperty({ maxLength: 300 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @ApiProperty({ maxLength: 2, example: 'SN' })
  @IsCountryCode()
  countryCode: string;

  @ApiProperty({ maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  description: string;
}

/**
 * The editable content of an application. Every field is optional; `null` clears it (an array: empties it).
 * Arrays replace the stored array whole.
 */
export class ApplicationContentDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 300 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  title?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  summary?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, enum: MODALITIES })
  @IsOptional()
  @IsIn(MODALITIES)
  modality?: Modality | null;

  @ApiPropertyOptional({
    maxLength: 2,
    type: String,
    nullable: true,
    example: 'SN',
    description: 'ISO 3166-1 alpha-2',
  })
  @IsOptional()
  @IsCountryCode()
  countryCode?: string | null;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', maxLength: 200 },
    nullable: true,
    description: 'Places where the project runs',
  })
  @IsOptional()
  @IsArray()
  @MaxItems(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  locations?: string[] | null;

  @ApiPropertyOptional({ maxLength: DATE_MAX_LENGTH, type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsIsoDateString()
  startDate?: string | null;

  @ApiPropertyOptional({
    maxLength: DATE_MAX_LENGTH,
    type: String,
    format: 'date',
    nullable: true,
    description: 'On or after startDate',
  })
  @IsOptional()
  @IsIsoDateString()
  endDate?: string | null;

  @ApiPropertyOptional({ maxLength: MONEY_MAX_LENGTH, type: String, nullable: true, example: '25000.00' })
  @IsOptional()
  @Matches(MONEY_PATTERN, MONEY_MESSAGE)
  totalCost?: string | null;

  @ApiPropertyOptional({ maxLength: MONEY_MAX_LENGTH, type: String, nullable: true, example: '18000.00' })
  @IsOptional()
  @Matches(MONEY_PATTERN, MONEY_MESSAGE)
  requestedAmount?: string | null;

  @ApiPropertyOptional({ maxLength: MONEY_MAX_LENGTH, type: String, nullable: true, example: '2000.00' })
  @IsOptional()
  @Matches(MONEY_PATTERN, MONEY_MESSAGE)
  ownContribution?: string | null;

  @ApiPropertyOptional({ type: [CofundingDto], nullable: true })
  @NestedList(() => CofundingDto, { max: 50, optional: true })
  cofunding?: CofundingDto[] | null;

  @ApiPropertyOptional({ type: [BudgetLineDto], nullable: true })
  @NestedList(() => BudgetLineDto, { max: MAX_BUDGET_LINES, optional: true })
  budgetLines?: BudgetLineDto[] | null;

  @ApiPropertyOptional({ type: [SectorShareDto], nullable: true, description: 'Unique codes' })
  @NestedList(() => SectorShareDto, { max: 50, optional: true })
  @UniqueBy((s: SectorShareDto) => s.code)
  sectors?: SectorShareDto[] | null;

  @ApiPropertyOptional({ type: [SdgSelectionDto], nullable: true, description: 'Unique goals' })
  @NestedList(() => SdgSelectionDto, { max: 17, optional: true })
  @UniqueBy((s: SdgSelectionDto) => s.goal)
  sdgs?: SdgSelectionDto[] | null;

  @ApiPropertyOptional({ type: [PolicyMarkerSelectionDto], nullable: true, description: 'Unique codes' })
  @NestedList(() => PolicyMarkerSelectionDto, { max: 20, optional: true })
  @UniqueBy((p: PolicyMarkerSelectionDto) => p.code)
  policyMarkers?: PolicyMarkerSelectionDto[] | null;

  @ApiPropertyOptional({ type: BeneficiariesDto, nullable: true })
  @IsOptional()
  @NestedObject(() => BeneficiariesDto)
  beneficiaries?: BeneficiariesDto | null;

  @ApiPropertyOptional({ type: CounterpartDto, nullable: true })
  @IsOptional()
  @NestedObject(() => CounterpartDto)
  counterpart?: CounterpartDto | null;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', format: 'uuid', maxLength: UUID_LENGTH },
    nullable: true,
    description: 'Other active entities of a joint project (never the applicant itself)',
  })
  @IsOptional()
  @IsArray()
  @MaxItems(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  partnerEntityIds?: string[] | null;
}

export class UpdateApplicationDto extends ApplicationContentDto {
  @ApiProperty({ description: 'The version read; a stale one answers 409 STALE_VERSION' })
  @IsInt()
  version: number;
}

export class CreateApplicationDto extends ApplicationContentDto {
  @ApiPropertyOptional({
    maxLength: UUID_LENGTH,
    format: 'uuid',
    description: 'Officers only: the entity the draft is for (an entity user always applies for its own)',
  })
  @IsOptional()
  @IsUUID()
  entityId?: string;
}

export class ApplicationQuery extends PageQuery {
  @ApiPropertyOptional({ maxLength: UUID_LENGTH, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  callId?: string;

  @ApiPropertyOptional({
    type: String,
    description: 'One status or several separated by commas, e.g. `submitted,correction_requested`',
    maxLength: APPLICATION_STATUSES.join(',').length,
    example: 'submitted,correction_requested',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value))
  @IsArray()
  @MaxItems(APPLICATION_STATUSES.length)
  @IsIn(APPLICATION_STATUSES, { each: true })
  status?: ApplicationStatus[];

  @ApiPropertyOptional({ maxLength: UUID_LENGTH, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  entityId?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'Part of the title, registry number or entity legal name',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class ApplicationExportQuery extends OmitType(ApplicationQuery, ['page', 'pageSize'] as const) {}

export class ApplicationIdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id: string;
}

export class CallIdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID() callId: string;
}

export class DocumentIdParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() docId: string;
}

export class UploadDocumentDto {
  @ApiProperty({
    maxLength: 60,
    description: 'A required-document code of the call, `attachment` or `correction`',
    example: 'project_document',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  type: string;
}
