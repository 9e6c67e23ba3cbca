import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { isHolidayScope, isIsoDate, MAX_BUSINESS_DAYS } from '@cofinanca/domain';
import type { HolidayEntity } from './holiday.entity';
import { trim } from '../../common/transforms';
import { rule } from '../../common/validation';

@ValidatorConstraint({ name: 'isCalendarDate' })
export class IsCalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'string' && isIsoDate(value);
  }
}

@ValidatorConstraint({ name: 'isHolidayScope' })
class IsScope implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'string' && isHolidayScope(value);
  }
}

export class HolidayResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ example: 'local:25120' }) scope: string;
  @ApiProperty() name: string;
}

export function toHolidayResponse(h: HolidayEntity): HolidayResponse {
  return { id: h.id, date: h.date, scope: h.scope, name: h.name };
}

export class HolidayQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2200)
  year?: number;
}

export class CreateHolidayDto {
  @ApiProperty({ format: 'date' }) @Validate(IsCalendarDate) date: string;
  @ApiProperty({ example: 'local:25120', description: 'national, catalonia or local:<INE code>' })
  @Validate(IsScope)
  scope: string;
  @ApiProperty({ maxLength: 200 }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) name: string;
}

export class HolidayIdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id: string;
}

export class BusinessDaysQuery {
  @ApiProperty({ format: 'date', description: 'The day of notification; counting starts the day after' })
  @Validate(IsCalendarDate)
  from: string;

  @ApiProperty({ minimum: 0, maximum: MAX_BUSINESS_DAYS })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_BUSINESS_DAYS)
  days: number;

  @ApiPropertyOptional({ description: "5-digit INE municipality code; default: the council's" })
  @IsOptional()
  @Matches(/^\d{5}$/, { context: rule('INVALID_MUNICIPALITY') })
  municipality?: string;
}

export class BusinessDaysResponse {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty() days: number;
  @ApiProperty() municipality: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
}
