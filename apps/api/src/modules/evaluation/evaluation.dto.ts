import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  ASSIGNMENT_STATUSES,
  INTEREST_RELATIONS,
  type AssignmentStatus,
  type InterestRelation,
} from '@cofinanca/domain';
import { UUID_LENGTH } from '../../common/lengths';
import { MaxItems, NestedList, UniqueBy } from '../../common/nested';
import { PageMeta, PageQuery } from '../../common/pagination';
import { trim } from '../../common/transforms';
import { MAX_EVALUATORS_PER_APPLICATION } from '../calls/calls.dto';

/** Lines a register of interests may hold (an evaluator linked to more entities than this is not an evaluator). */
export const MAX_INTEREST_ITEMS = 200;
/** Evaluators one automatic assignment may be restricted to. */
export const MAX_POOL = 500;

const boolQuery = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

// ---------------------------------------------------------------------------------------------------------------
// Parameters

export class EvaluatorIdParam {
  @ApiProperty({ format: 'uuid', description: 'The evaluator (a user with the evaluator role)' })
  @IsUUID()
  userId: string;
}

export class AssignmentIdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Register of interests

export class InterestItemDto {
  @ApiProperty({ format: 'uuid', maxLength: UUID_LENGTH, description: 'An entity of the directory' })
  @IsUUID()
  entityId: string;

  @ApiProperty({ enum: INTEREST_RELATIONS })
  @IsIn(INTEREST_RELATIONS)
  relation: InterestRelation;

  @ApiPropertyOptional({
    type: String,
    maxLength: 500,
    nullable: true,
    description: 'E.g. the position held, the relative',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

export class UpdateInterestsDto {
  @ApiProperty({ type: [InterestItemDto], description: 'The whole register: it replaces the stored one' })
  @NestedList(() => InterestItemDto, { max: MAX_INTEREST_ITEMS })
  @UniqueBy((i: InterestItemDto) => i.entityId)
  items: InterestItemDto[];

  @ApiProperty({ description: 'The version read (0 for a register never saved)', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  version: number;
}

export class InterestItemResponse {
  @ApiProperty({ format: 'uuid' }) entityId: string;
  @ApiProperty() entityName: string;
  @ApiProperty({ enum: INTEREST_RELATIONS }) relation: InterestRelation;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class InterestsResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ type: [InterestItemResponse] }) items: InterestItemResponse[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
  @ApiProperty({ description: '0 while the register has never been saved' }) version: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluators (the officers' workload view)

export class EvaluatorQuery extends PageQuery {
  @ApiPropertyOptional({ maxLength: 200, description: 'Part of the name or e-mail' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', maxLength: UUID_LENGTH, description: 'Only the loads in this call' })
  @IsOptional()
  @IsUUID()
  callId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Active users only (default) or inactive ones' })
  @IsOptional()
  @Transform(boolQuery)
  @IsBoolean()
  active?: boolean;
}

export class EvaluatorCallLoad {
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty() callCode: string;
  @ApiProperty({ description: 'Assignments not submitted yet (pending declaration or in progress)' })
  open: number;
  @ApiProperty() submitted: number;
  @ApiProperty({ description: 'Assignments the evaluator declined for a conflict of interest' })
  conflictDeclared: number;
}

export class EvaluatorSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Entities in its register of interests' }) interests: number;
  @ApiProperty({ type: [EvaluatorCallLoad] }) calls: EvaluatorCallLoad[];
}

export class EvaluatorPage extends PageMeta {
  @ApiProperty({ type: [EvaluatorSummary] }) items: EvaluatorSummary[];
}

// ---------------------------------------------------------------------------------------------------------------
// Assignments

export class CreateAssignmentDto {
  @ApiProperty({
    format: 'uuid',
    maxLength: UUID_LENGTH,
    description: 'An application under evaluation in the call',
  })
  @IsUUID()
  applicationId: string;

  @ApiProperty({
    format: 'uuid',
    maxLength: UUID_LENGTH,
    description: 'An active user with the evaluator role',
  })
  @IsUUID()
  evaluatorId: string;
}

export class AutoAssignDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_EVALUATORS_PER_APPLICATION,
    description: "Evaluators per application (default: the call's evaluatorsPerApplication)",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_EVALUATORS_PER_APPLICATION)
  evaluatorsPerApplication?: number;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', format: 'uuid', maxLength: UUID_LENGTH },
    description: 'Only these evaluators (default: every active evaluator)',
  })
  @IsOptional()
  @IsArray()
  @MaxItems(MAX_POOL)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  evaluatorIds?: string[];
}

export class CallAssignmentQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', maxLength: UUID_LENGTH })
  @IsOptional()
  @IsUUID()
  evaluatorId?: string;

  @ApiPropertyOptional({ format: 'uuid', maxLength: UUID_LENGTH })
  @IsOptional()
  @IsUUID()
  applicationId?: string;

  @ApiPropertyOptional({ enum: ASSIGNMENT_STATUSES })
  @IsOptional()
  @IsIn(ASSIGNMENT_STATUSES)
  status?: AssignmentStatus;
}

export class AssignmentQuery extends PageQuery {
  @ApiPropertyOptional({
    type: Boolean,
    description: "Only the caller's own assignments (an evaluator always gets only its own)",
  })
  @IsOptional()
  @Transform(boolQuery)
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ format: 'uuid', maxLength: UUID_LENGTH })
  @IsOptional()
  @IsUUID()
  callId?: string;

  @ApiPropertyOptional({ enum: ASSIGNMENT_STATUSES })
  @IsOptional()
  @IsIn(ASSIGNMENT_STATUSES)
  status?: AssignmentStatus;
}

export class DeclarationResponse {
  @ApiProperty() conflictOfInterest: boolean;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) declaredAt: string;
}

/** What an evaluator may know of an application before declaring: enough to judge a conflict, nothing more. */
export class AssignedApplicationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) registryNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ format: 'uuid' }) entityId: string;
  @ApiProperty() entityName: string;
  @ApiProperty({ type: [String], description: 'The legal names of its partner entities' })
  partnerNames: string[];
}

export class AssignmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) evaluatorId: string;
  @ApiProperty() evaluatorName: string;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) status: AssignmentStatus;
  @ApiPropertyOptional({ type: DeclarationResponse }) declaration?: DeclarationResponse;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: AssignedApplicationResponse }) application: AssignedApplicationResponse;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() version: number;
}

export class AssignmentPage extends PageMeta {
  @ApiProperty({ type: [AssignmentResponse] }) items: AssignmentResponse[];
}

export class AssignmentStatusCounts {
  @ApiProperty() pending_declaration: number;
  @ApiProperty() conflict_declared: number;
  @ApiProperty() in_progress: number;
  @ApiProperty() submitted: number;
}

export class CallAssignmentSummary {
  @ApiProperty({
    type: AssignmentStatusCounts,
    description: 'Assignments per status (with the filters but status)',
  })
  byStatus: AssignmentStatusCounts;
  @ApiProperty({ description: 'Applications under evaluation in the call' }) applications: number;
  @ApiProperty({
    description:
      'Applications under evaluation with fewer evaluators (not counting declared conflicts) than the call asks',
  })
  uncovered: number;
}

/** A pair the board must not assign: the evaluator's register lists the application's entity or a partner. */
export class AssignmentConflict {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) evaluatorId: string;
  @ApiProperty({
    type: [String],
    description: "The entities of the register that cause it (the applicant's or partners'), by name",
  })
  entityNames: string[];
}

export class CallAssignmentPage extends AssignmentPage {
  @ApiProperty({ type: CallAssignmentSummary }) summary: CallAssignmentSummary;
  @ApiProperty({
    type: [AssignmentConflict],
    description:
      'Every conflict of interest between an application under evaluation and an evaluator (the filters by ' +
      'evaluator and application apply; not paged): the pairs the API refuses to assign',
  })
  conflicts: AssignmentConflict[];
}

export class EvaluatorLoad {
  @ApiProperty({ format: 'uuid' }) evaluatorId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Its assignments in the call afterwards, declared conflicts not counted' })
  load: number;
  @ApiProperty({ description: 'Of which new' }) added: number;
}

export class AutoAssignResponse {
  @ApiProperty({ description: 'Assignments created' }) created: number;
  @ApiProperty({ type: [AssignmentResponse] }) items: AssignmentResponse[];
  @ApiProperty({ type: [EvaluatorLoad] }) loads: EvaluatorLoad[];
}
