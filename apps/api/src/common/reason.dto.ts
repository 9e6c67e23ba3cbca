import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { trim } from './transforms';

/** The reason of a decision (rejection, suspension, inadmissibility, desistiment) that the entity is told. */
export class ReasonDto {
  @ApiProperty({ maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reason: string;
}
