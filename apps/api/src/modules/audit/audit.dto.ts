import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageMeta, PageQuery } from '../../common/pagination';
import { DATE_MAX_LENGTH, UUID_LENGTH } from '../../common/lengths';
import { rule } from '../../common/validation';
import type { AuditEventEntity } from './audit-event.entity';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ maxLength: 50 }) @IsOptional() @IsString() @MaxLength(50) subjectType?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) subjectId?: string;
  @ApiPropertyOptional({ format: 'uuid', maxLength: UUID_LENGTH }) @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ example: 'user.created', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;
  @ApiPropertyOptional({ maxLength: DATE_MAX_LENGTH, format: 'date' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: rule('INVALID_DATE') })
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ maxLength: DATE_MAX_LENGTH, format: 'date' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: rule('INVALID_DATE') })
  @IsISO8601({ strict: true })
  to?: string;
}

export class AuditExportQuery extends OmitType(AuditQuery, ['page', 'pageSize'] as const) {}

export class AuditEventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorEmail: string | null;
  @ApiProperty({ type: [String] }) actorRoles: string[];
  @ApiProperty() action: string;
  @ApiProperty() subjectType: string;
  @ApiProperty({ nullable: true, type: String }) subjectId: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'What a person knows the subject by: an application’s registry number (its title while a draft), an entity’s name, a user’s e-mail, a call’s code and title; null when it no longer exists',
    example: 'REG-2026-000042',
  })
  subjectLabel: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true }) before: Record<
    string,
    unknown
  > | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true }) after: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
}

export class AuditEventPage extends PageMeta {
  @ApiProperty({ type: [AuditEventResponse] }) items: AuditEventResponse[];
}

export function toAuditEventResponse(e: AuditEventEntity, labels?: Map<string, string>): AuditEventResponse {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorEmail: e.actorEmail,
    actorRoles: e.actorRoles,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    subjectLabel: labels?.get(`${e.subjectType}:${e.subjectId}`) ?? null,
    before: e.before,
    after: e.after,
    requestId: e.requestId,
  };
}
