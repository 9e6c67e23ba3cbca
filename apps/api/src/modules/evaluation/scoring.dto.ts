/**
 * Declarations, score sheets, the evaluation of an application, consensus, severity, the ranking and the simulator
 * (api.md "Evaluation"): requests and responses.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  ALLOCATION_METHODS,
  ASSIGNMENT_STATUSES,
  MONEY_PATTERN,
  PERCENT_PATTERN,
  type AllocationMethod,
  type AssignmentStatus,
} from '@cofinanca/domain';
import { MONEY_MAX_LENGTH, PERCENT_MAX_LENGTH } from '../../common/lengths';
import { NestedList } from '../../common/nested';
import { trim } from '../../common/transforms';
import { rule } from '../../common/validation';
import { ScoreBandDto } from '../calls/calls.dto';
import { IsPoints, MAX_POINTS } from '../calls/call-validators';

/** Criteria a sheet or a consensus may list (a rubric has far fewer). */
export const MAX_SHEET_LINES = 100;
/** A rationale per criterion (LPAC art. 35: the resolution is reasoned). */
export const COMMENT_MAX_LENGTH = 5000;
export const CRITERION_CODE_MAX_LENGTH = 40;
/** Score bands a simulation may set. */
export const MAX_BANDS = 20;

// ---------------------------------------------------------------------------------------------------------------
// Declaration

export class DeclarationDto {
  @ApiProperty({
    description: 'True: the evaluator has a conflict of interest and abstains (Llei 40/2015 art. 23)',
  })
  @IsBoolean()
  conflictOfInterest: boolean;

  @ApiPropertyOptional({
    type: String,
    maxLength: 2000,
    nullable: true,
    description: 'Kept for the committee minutes',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Score sheet

export class ScoreLineDto {
  @ApiProperty({ maxLength: CRITERION_CODE_MAX_LENGTH, example: 'A1' })
  @IsString()
  @MaxLength(CRITERION_CODE_MAX_LENGTH)
  criterionCode: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    description: "0..the criterion's maxPoints, two decimals at most; null while not scored",
  })
  @ValidateIf((_o, v) => v !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  points: number | null;

  @ApiPropertyOptional({ maxLength: COMMENT_MAX_LENGTH, description: 'The rationale (required to submit)' })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_MAX_LENGTH)
  comment?: string;
}

export class UpdateScoresDto {
  @ApiProperty({ type: [ScoreLineDto], description: 'The whole sheet: it replaces the stored draft' })
  @NestedList(() => ScoreLineDto, { max: MAX_SHEET_LINES })
  scores: ScoreLineDto[];

  @ApiProperty({ minimum: 0, description: 'The version read (a stale one → 409 with the current sheet)' })
  @IsInt()
  @Min(0)
  version: number;
}

export class SheetLineResponse {
  @ApiProperty() criterionCode: string;
  @ApiProperty({ type: Number, nullable: true }) points: number | null;
  @ApiProperty() comment: string;
}

export class ScoreSheetResponse {
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) status: AssignmentStatus;
  @ApiProperty({
    type: [SheetLineResponse],
    description: 'One line per criterion of the rubric, in rubric order',
  })
  scores: SheetLineResponse[];
  @ApiProperty({ description: 'The sum of the points given' }) total: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
  @ApiProperty({ description: '0 before the declaration (no sheet yet)' }) version: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Consensus

export class ConsensusLineDto {
  @ApiProperty({ maxLength: CRITERION_CODE_MAX_LENGTH })
  @IsString()
  @MaxLength(CRITERION_CODE_MAX_LENGTH)
  criterionCode: string;

  @ApiProperty({
    type: Number,
    minimum: 0,
    description: "0..the criterion's maxPoints, two decimals at most",
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  points: number;
}

export class ConsensusDto {
  @ApiProperty({ type: [ConsensusLineDto], description: 'Points for every criterion of the rubric' })
  @NestedList(() => ConsensusLineDto, { max: MAX_SHEET_LINES })
  scores: ConsensusLineDto[];

  @ApiProperty({ maxLength: COMMENT_MAX_LENGTH })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(COMMENT_MAX_LENGTH)
  rationale: string;
}

// ---------------------------------------------------------------------------------------------------------------
// The evaluation of an application

export class EvaluationCriterionResponse {
  @ApiProperty() code: string;
  @ApiProperty() max: number;
  @ApiProperty({ type: Number, nullable: true }) mean: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The consensus when recorded, else the mean' })
  points: number | null;
}

export class EvaluationBlockResponse {
  @ApiProperty() code: string;
  @ApiProperty() points: number;
  @ApiPropertyOptional() minPoints?: number;
  @ApiProperty() reached: boolean;
}

export class ConsensusScoreResponse {
  @ApiProperty() criterionCode: string;
  @ApiProperty() points: number;
}

export class ConsensusResponse {
  @ApiProperty({ type: [ConsensusScoreResponse] }) scores: ConsensusScoreResponse[];
  @ApiProperty() rationale: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The officer (officers only)' }) by?: string;
  @ApiPropertyOptional({ description: 'Officers only' }) byName?: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class EvaluationSheetResponse {
  @ApiPropertyOptional({ format: 'uuid', description: 'Officers only' }) evaluatorId?: string;
  @ApiPropertyOptional({ description: 'Officers only' }) evaluatorName?: string;
  @ApiPropertyOptional({
    description: "For an evaluator: true on its own sheet (the others' carry no name and no id)",
  })
  own?: boolean;
  @ApiProperty() total: number;
  @ApiProperty({ type: [SheetLineResponse] }) scores: SheetLineResponse[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
}

export class ApplicationEvaluationResponse {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty() status: string;
  @ApiProperty({ description: 'Assignments not declined for a conflict' }) assigned: number;
  @ApiProperty() submitted: number;
  @ApiProperty({ type: [EvaluationCriterionResponse] }) criteria: EvaluationCriterionResponse[];
  @ApiProperty({ type: [EvaluationBlockResponse] }) blocks: EvaluationBlockResponse[];
  @ApiProperty() total: number;
  @ApiProperty() spread: number;
  @ApiProperty() divergent: boolean;
  @ApiPropertyOptional({ type: ConsensusResponse }) consensus?: ConsensusResponse;
  @ApiProperty() fundable: boolean;
  @ApiProperty({ type: [String], example: ['BELOW_BLOCK_MINIMUM:D'] }) reasons: string[];
  @ApiProperty({
    type: [EvaluationSheetResponse],
    description: 'Submitted sheets (names and ids for officers only)',
  })
  sheets: EvaluationSheetResponse[];
}

// ---------------------------------------------------------------------------------------------------------------
// Severity

export class EvaluatorStatsItem {
  @ApiProperty({ format: 'uuid' }) evaluatorId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Its submitted sheets in the call' }) submitted: number;
  @ApiProperty({ type: Number, nullable: true }) meanTotal: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Mean over its submitted sheets of (its total − the mean total of the other submitted sheets of the application); negative: harsher',
  })
  meanDeviation: number | null;
  @ApiProperty({
    description: 'The sheets meanDeviation rests on (a sheet alone on its application is left out)',
  })
  deviationSheets: number;
  @ApiProperty({ description: 'Its divergent applications' }) divergent: number;
}

export class EvaluatorStatsResponse {
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty({ type: [EvaluatorStatsItem] }) items: EvaluatorStatsItem[];
}

// ---------------------------------------------------------------------------------------------------------------
// Ranking and simulator

const OUTCOMES = ['provisionally_granted', 'waitlisted', 'below_threshold', 'pending'] as const;

export class RankingBlockResponse extends EvaluationBlockResponse {}

export class RankingItemResponse {
  @ApiProperty() rank: number;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ type: String, nullable: true }) registryNumber: string | null;
  @ApiProperty() entityName: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty() total: number;
  @ApiProperty({ type: [RankingBlockResponse] }) blocks: RankingBlockResponse[];
  @ApiProperty() fundable: boolean;
  @ApiProperty({ type: [String], example: ['BELOW_MINIMUM_TOTAL'] }) reasons: string[];
  @ApiProperty({ example: '12000.00' }) eligibleAmount: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '80.00',
    description: 'score_bands: the band applied',
  })
  bandPercent: string | null;
  @ApiProperty({ type: String, nullable: true, example: '12000.00' }) award: string | null;
  @ApiProperty({ enum: OUTCOMES }) outcome: (typeof OUTCOMES)[number];
  @ApiProperty({ description: 'A partial award: the entity must reformulate' }) partial: boolean;
  @ApiProperty() divergent: boolean;
  @ApiProperty() consensus: boolean;
  @ApiProperty() evaluated: boolean;
}

export class RankingResponse {
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty({ enum: ALLOCATION_METHODS }) allocationMethod: AllocationMethod;
  @ApiProperty({ example: '150000.00' }) budget: string;
  @ApiProperty({ example: '120000.00' }) allocated: string;
  @ApiProperty({ example: '30000.00' }) remaining: string;
  @ApiProperty({ description: 'Every application evaluated and every required consensus recorded' })
  complete: boolean;
  @ApiProperty({ type: [RankingItemResponse] }) items: RankingItemResponse[];
}

export class RankingRowSummaryResponse {
  @ApiProperty() rank: number;
  @ApiProperty({ enum: OUTCOMES }) outcome: (typeof OUTCOMES)[number];
  @ApiProperty({ type: String, nullable: true }) award: string | null;
  @ApiProperty() partial: boolean;
}

export class RankingChangeResponse {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ type: String, nullable: true }) registryNumber: string | null;
  @ApiProperty() entityName: string;
  @ApiProperty({ type: RankingRowSummaryResponse, nullable: true }) before: RankingRowSummaryResponse | null;
  @ApiProperty({ type: RankingRowSummaryResponse, nullable: true }) after: RankingRowSummaryResponse | null;
}

export class SimulationResponse extends RankingResponse {
  @ApiProperty({ type: [RankingChangeResponse], description: 'Applications whose outcome or award differs' })
  changes: RankingChangeResponse[];
}

export class SimulateDto {
  @ApiPropertyOptional({ maxLength: MONEY_MAX_LENGTH, example: '100000.00' })
  @IsOptional()
  @IsString()
  @Matches(MONEY_PATTERN, { context: rule('MAX_DECIMALS', { max: 2 }) })
  budget?: string;

  @ApiPropertyOptional({ enum: ALLOCATION_METHODS })
  @IsOptional()
  @IsIn(ALLOCATION_METHODS)
  allocationMethod?: AllocationMethod;

  @ApiPropertyOptional({ type: [ScoreBandDto], description: 'For score_bands (else the call’s bands)' })
  @NestedList(() => ScoreBandDto, { max: MAX_BANDS, optional: true })
  scoreBands?: ScoreBandDto[];

  @ApiPropertyOptional({ maxLength: PERCENT_MAX_LENGTH, example: '50.00' })
  @IsOptional()
  @IsString()
  @Matches(PERCENT_PATTERN, { context: rule('INVALID_PERCENT') })
  minPartialAwardPercent?: string;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: MAX_POINTS, example: 50 })
  @IsOptional()
  @IsPoints()
  minimumTotalScore?: number;
}
