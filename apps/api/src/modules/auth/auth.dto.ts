import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { LOCALES, PERMISSIONS, ROLES, type Locale, type Permission, type Role } from '@cofinanca/contracts';
import { lower, trim } from '../../common/transforms';

export class LoginDto {
  @ApiProperty({ format: 'email', maxLength: 254 })
  @Transform(lower)
  @IsEmail()
  @MaxLength(254)
  email: string;
  @ApiProperty({ maxLength: 128 }) @IsString() @MinLength(1) @MaxLength(128) password: string;
}

export class MeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ enum: PERMISSIONS, isArray: true, description: 'What these roles allow (libs/contracts)' })
  permissions: Permission[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) entityId: string | null;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
}

export class LoginResponse {
  @ApiProperty({ description: 'Bearer token; the same session is also set as an httpOnly cookie' })
  accessToken: string;
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn: number;
  @ApiProperty({ type: MeResponse }) user: MeResponse;
}

export class UpdateMeDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional({ enum: LOCALES }) @IsOptional() @IsIn(LOCALES) locale?: Locale;
}

export class ChangePasswordDto {
  @ApiProperty({ maxLength: 128 }) @IsString() @MinLength(1) @MaxLength(128) currentPassword: string;
  @ApiProperty({ minLength: 10, maxLength: 128 })
  @IsString()
  @MinLength(10)
  @MaxLength(128)
  newPassword: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ format: 'email', maxLength: 254 })
  @Transform(lower)
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ maxLength: 200, description: 'The token from the e-mailed link' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  token: string;
  @ApiProperty({ minLength: 10, maxLength: 128 }) @IsString() @MinLength(10) @MaxLength(128) password: string;
}
