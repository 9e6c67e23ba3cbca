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
import { DATE_MAX_LENGTH } from '../../common/lengths';
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
  @ApiProperty({ format: 'date', maxLength: DATE_MAX_LENGTH }) @Validate(IsCalendarDate) date: string;
  @ApiProperty({
    maxLength: 20,
    example: 'local:25120',
    description: 'national, catalonia or local:<INE code>',
  })
  @Validate(IsScope)
  scope: string;
  @ApiProperty({ maxLength: 200 }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) name: string;
}

export class HolidayIdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id: string;
}

export class BusinessDaysQuery {
  @ApiProperty({
    maxLength: DATE_MAX_LENGTH,
    format: 'date',
    description: 'The day of notification; counting starts the day after',
  })
  @Validate(IsCalendarDate)
  from: string;

  @ApiProperty({ minimum: 0, maximum: MAX_BUSINESS_DAYS })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_BUSINESS_DAYS)
  days: number;

  @ApiPropertyOptional({ maxLength: 5, description: "5-digit INE municipality code; default: the council's" })
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

export class ImportHolidaysDto {
  @ApiProperty({
    maxLength: 100_000,
    description:
      'One holiday per line: `date;name` (with `scope`) or `date;scope;name`; `;`, tab or `,` separated (a CSV file saved by a spreadsheet); dates YYYY-MM-DD or DD/MM/YYYY. Blank lines, `#` comments and a header line are skipped. A refused line is named in errors.text ("line 3: …") and nothing is stored.',
    example: "2027-01-01;Cap d'Any\n2027-01-06;Reis\n2027-05-11;local:25120;Sant Anastasi",
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100_000)
  text: string;

  @ApiPropertyOptional({
    maxLength: 20,
    example: 'catalonia',
    description: 'Scope of the lines without one; default catalonia',
  })
  @IsOptional()
  @Validate(IsScope)
  scope?: string;

  @ApiPropertyOptional({ example: 2027, description: 'When given, every date must be in this year' })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2200)
  year?: number;
}

export class CalendarYearStatus {
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty({ description: 'Holidays of every scope entered for the year' }) holidays: number;
  @ApiProperty({ description: 'At least one national or Catalan holiday: deadlines can be computed into it' })
  hasCalendar: boolean;
}

export class CalendarStatusResponse {
  @ApiProperty({ format: 'date', description: "The server's today in Europe/Madrid" }) today: string;
  @ApiProperty({
    format: 'date',
    description: 'From this day on, a missing calendar of next year is warned about',
  })
  warnFrom: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Next year, from warnFrom on, while it has no calendar; else null',
  })
  missingYear: number | null;
  @ApiProperty({ type: [CalendarYearStatus], description: 'This year and next year' })
  years: CalendarYearStatus[];
}
