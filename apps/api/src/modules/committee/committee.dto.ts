import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
} from 'class-validator';
import { LOCALES, type Locale } from '@cofinanca/contracts';
import { COMMITTEE_ROLES, type CommitteeRole, type QuorumIssue } from '@cofinanca/domain';
import { DATE_MAX_LENGTH, UUID_LENGTH } from '../../common/lengths';
import { NestedList } from '../../common/nested';
import { trim } from '../../common/transforms';
import { IsCalendarDate } from '../calendar/calendar.dto';
import { RankingResponse } from '../evaluation/scoring.dto';
import type { MeetingStatus } from './committee-meeting.entity';
import { MEETING_STATUSES } from './committee-meeting.entity';

/** Members a committee may have (a municipal committee has a handful; this bounds the input). */
export const MAX_MEMBERS = 50;
/** Recusals one meeting may record. */
export const MAX_RECUSALS = 500;

export class MinutesQuery {
  @ApiPropertyOptional({ enum: LOCALES, description: "Language of the minutes; default: the reader's own" })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}

export class MeetingIdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id: string;
}

export class MemberDto {
  @ApiProperty({ maxLength: 200, description: 'Full name, as the minutes print it' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Position held, e.g. "Tècnica de cooperació"' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  position?: string;

  @ApiProperty({ enum: COMMITTEE_ROLES, description: 'Advisors attend without a vote' })
  @IsIn(COMMITTEE_ROLES)
  role: CommitteeRole;

  @ApiProperty({ description: 'Attended the meeting' })
  @IsBoolean()
  present: boolean;
}

export class RecusalDto {
  @ApiProperty({ maxLength: 200, description: 'A member of the meeting (its name)' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  memberName: string;

  @ApiProperty({ format: 'uuid', maxLength: UUID_LENGTH, description: 'An application of the agenda' })
  @IsUUID()
  applicationId: string;

  @ApiProperty({ maxLength: 1000, description: 'Why the member leaves for that item' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;
}

export class CreateMeetingDto {
  @ApiProperty({ format: 'date', maxLength: DATE_MAX_LENGTH, description: 'The day the committee meets' })
  @Validate(IsCalendarDate)
  heldOn: string;

  @ApiProperty({ maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  place: string;

  @ApiPropertyOptional({ type: [MemberDto] })
  @NestedList(() => MemberDto, { max: MAX_MEMBERS, optional: true })
  members?: MemberDto[];

  @ApiPropertyOptional({ type: [RecusalDto] })
  @NestedList(() => RecusalDto, { max: MAX_RECUSALS, optional: true })
  recusals?: RecusalDto[];
}

export class UpdateMeetingDto {
  @ApiPropertyOptional({ format: 'date', maxLength: DATE_MAX_LENGTH })
  @IsOptional()
  @Validate(IsCalendarDate)
  heldOn?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  place?: string;

  @ApiPropertyOptional({ type: [MemberDto], description: 'The whole list: it replaces the stored one' })
  @NestedList(() => MemberDto, { max: MAX_MEMBERS, optional: true })
  members?: MemberDto[];

  @ApiPropertyOptional({ type: [RecusalDto], description: 'The whole list: it replaces the stored one' })
  @NestedList(() => RecusalDto, { max: MAX_RECUSALS, optional: true })
  recusals?: RecusalDto[];

  @ApiProperty({ description: 'The version read', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version: number;
}

export class ApproveMeetingDto {
  @ApiProperty({ description: 'The version read (what the officer saw is what is approved)', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version: number;
}

/** A member of a meeting (named apart from the entity members' `MemberResponse`: one OpenAPI schema name each). */
export class CommitteeMemberResponse {
  @ApiProperty() name: string;
  @ApiProperty() position: string;
  @ApiProperty({ enum: COMMITTEE_ROLES }) role: CommitteeRole;
  @ApiProperty() present: boolean;
}

export class RecusalResponse {
  @ApiProperty() memberName: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty() reason: string;
}

export class QuorumResponse {
  @ApiProperty() reached: boolean;
  @ApiProperty({ description: 'Members with a vote (every role but advisor)' }) voting: number;
  @ApiProperty() votingPresent: number;
  @ApiProperty({ description: 'Voting members present needed: half of them, rounded up' }) required: number;
  @ApiProperty({
    enum: ['PRESIDENT_ABSENT', 'SECRETARY_ABSENT', 'TOO_FEW_VOTING_MEMBERS', 'NO_VOTING_MEMBERS'],
    isArray: true,
  })
  issues: QuorumIssue[];
}

export class MeetingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty({ format: 'date' }) heldOn: string;
  @ApiProperty() place: string;
  @ApiProperty({ type: [CommitteeMemberResponse] }) members: CommitteeMemberResponse[];
  @ApiProperty({ type: [RecusalResponse] }) recusals: RecusalResponse[];
  @ApiProperty() quorumReached: boolean;
  @ApiProperty({ type: QuorumResponse }) quorum: QuorumResponse;
  @ApiProperty({
    type: RankingResponse,
    description: 'The agenda: the live ranking while a draft, the ranking the approval froze afterwards',
  })
  agenda: RankingResponse;
  @ApiProperty({ enum: MEETING_STATUSES }) status: MeetingStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approvedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty() version: number;
}

/** A meeting in a call's list: no agenda. */
export class MeetingSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty({ format: 'date' }) heldOn: string;
  @ApiProperty() place: string;
  @ApiProperty() members: number;
  @ApiProperty() quorumReached: boolean;
  @ApiProperty({ enum: MEETING_STATUSES }) status: MeetingStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approvedAt: string | null;
  @ApiProperty() version: number;
}

export class MeetingList {
  @ApiProperty({ type: [MeetingSummary] }) items: MeetingSummary[];
}
