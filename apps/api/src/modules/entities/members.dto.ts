import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { LOCALES, type Locale } from '@cofinanca/contracts';
import { lower, trim } from '../../common/transforms';
import type { UserEntity } from '../users/user.entity';
import { EntityIdParam } from './entities.dto';

/** A user of an entity, as the entity's colleagues and the officers see them. */
export class MemberResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty({ description: 'False once removed from the entity (they can no longer sign in)' })
  active: boolean;
  @ApiProperty({ description: 'True once they confirmed their e-mail address' }) emailVerified: boolean;
  @ApiProperty({ description: 'False until an invited member has chosen a password' }) passwordSet: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export function toMemberResponse(u: UserEntity): MemberResponse {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    locale: u.locale,
    active: u.active,
    emailVerified: u.emailVerifiedAt !== null,
    passwordSet: !!u.passwordHash,
    createdAt: u.createdAt.toISOString(),
  };
}

export class InviteMemberDto {
  @ApiProperty({ format: 'email', maxLength: 254 })
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

  @ApiPropertyOptional({
    enum: LOCALES,
    default: 'ca',
    description: 'The language of their e-mails and screens',
  })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class EntityMemberParam extends EntityIdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID() userId: string;
}
