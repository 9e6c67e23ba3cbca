import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { LOCALES } from '@cofinanca/contracts';
import { PageMeta, PageQuery } from '../../common/pagination';
import type { OutboxMessageEntity } from './outbox-message.entity';

import { OUTBOX_STATUSES as STATUSES } from '@cofinanca/domain';

export class OutboxQuery extends PageQuery {
  @ApiPropertyOptional({ maxLength: 254, description: 'Part of the recipient address' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  to?: string;
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: (typeof STATUSES)[number];
}

export class OutboxMessageResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() to: string;
  @ApiProperty({ enum: LOCALES }) locale: string;
  @ApiProperty() template: string;
  @ApiProperty() subject: string;
  @ApiProperty() text: string;
  @ApiProperty({ enum: STATUSES }) status: (typeof STATUSES)[number];
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt: string | null;
}

export class OutboxMessagePage extends PageMeta {
  @ApiProperty({ type: [OutboxMessageResponse] }) items: OutboxMessageResponse[];
}

export function toOutboxMessageResponse(m: OutboxMessageEntity): OutboxMessageResponse {
  return {
    id: m.id,
    to: m.to,
    locale: m.locale,
    template: m.template,
    subject: m.subject,
    text: m.text,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt ? m.sentAt.toISOString() : null,
  };
}
