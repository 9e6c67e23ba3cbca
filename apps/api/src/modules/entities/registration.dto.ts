import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Equals, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { LOCALES, type Locale } from '@cofinanca/contracts';
import { NestedObject } from '../../common/nested';
import { lower, trim } from '../../common/transforms';
import { rule } from '../../common/validation';
import { CreateEntityDto, EntityResponse } from './entities.dto';

export class RegisterUserDto {
  @ApiProperty({
    format: 'email',
    maxLength: 254,
    description: 'Their own sign-in address, verified by a link',
  })
  @Transform(lower)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ minLength: 10, maxLength: 128 })
  @IsString()
  @MinLength(10)
  @MaxLength(128)
  password: string;
}

/** NGO self-registration: the entity, its first user, and the privacy notice accepted. */
export class RegisterDto {
  @ApiProperty({ type: CreateEntityDto })
  @NestedObject(() => CreateEntityDto)
  entity: CreateEntityDto;

  @ApiProperty({ type: RegisterUserDto })
  @NestedObject(() => RegisterUserDto)
  user: RegisterUserDto;

  @ApiProperty({ enum: [true], description: 'The privacy notice must be accepted: only `true` is accepted' })
  @Equals(true, { context: rule('MUST_ACCEPT') })
  privacyAccepted: true;

  @ApiPropertyOptional({ enum: LOCALES, default: 'ca', description: 'The new user’s language' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class RegisteredUserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
}

export class RegistrationResponse {
  @ApiProperty({ type: EntityResponse, description: 'In `pending_validation`, its IBAN pending' })
  entity: EntityResponse;
  @ApiProperty({ type: RegisteredUserResponse, description: 'Can sign in at once' })
  user: RegisteredUserResponse;
}

export class VerifyEmailDto {
  @ApiProperty({ maxLength: 200, description: 'The token from the e-mailed link' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  token: string;
}
