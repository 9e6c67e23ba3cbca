import { ApiProperty, ApiPropertyOptional, OmitType, PartialType, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsCountryCode } from '../../common/codelist-validators';
import { DATE_MAX_LENGTH, UUID_LENGTH } from '../../common/lengths';
import { MaxItems, NestedObject } from '../../common/nested';
import { PageMeta, PageQuery } from '../../common/pagination';
import { rule } from '../../common/validation';
import { lower, trim } from '../../common/transforms';
import {
  iban,
  IsIban,
  IsMunicipalityCodeOfAddress,
  IsNif,
  IsPastIsoDate,
  IsPersonalId,
  IsPostcodeOfAddress,
  taxId,
} from './entity-validators';
import {
  ENTITY_DOCUMENT_TYPES,
  ENTITY_STATUSES,
  IBAN_STATUSES,
  type EntityDocumentType,
  type EntityStatus,
  type IbanStatus,
} from '@cofinanca/domain';
import { type LegalRepresentative, type NgoEntity, type PostalAddress } from './ngo.entity';

// ---------------------------------------------------------------------------------------------------------------
// Responses

export class AddressResponse implements PostalAddress {
  @ApiProperty() street: string;
  @ApiProperty({ nullable: true, type: String }) number: string | null;
  @ApiProperty() postcode: string;
  @ApiProperty() town: string;
  @ApiProperty({ description: '5-digit INE municipality code in Spain (Lleida 25120)', example: '25120' })
  municipalityCode: string;
  @ApiProperty() province: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'ES' }) countryCode: string;
}

export class LegalRepresentativeResponse implements LegalRepresentative {
  @ApiProperty() name: string;
  @ApiProperty({ description: 'DNI or NIE' }) idNumber: string;
  @ApiProperty() position: string;
}

export class EntityResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() legalName: string;
  @ApiProperty({ description: 'NIF of the legal person, normalised', example: 'G25012345' }) nif: string;
  @ApiProperty({ nullable: true, type: String, description: 'Number in the registry of associations' })
  registryNumber: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) foundedOn: string | null;
  @ApiProperty({ type: AddressResponse }) address: AddressResponse;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) website: string | null;
  @ApiProperty({ description: 'The IBAN as last declared, normalised' }) iban: string;
  @ApiProperty({
    enum: IBAN_STATUSES,
    description: '`pending` until an officer validates `iban`; payments only ever go to `validatedIban`',
  })
  ibanStatus: IbanStatus;
  @ApiProperty({ nullable: true, type: String, description: 'The last IBAN an officer validated' })
  validatedIban: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The bank-ownership certificate (a document of this entity) backing the pending IBAN',
  })
  ibanCertificateId: string | null;
  @ApiProperty({ type: LegalRepresentativeResponse }) legalRepresentative: LegalRepresentativeResponse;
  @ApiProperty({ enum: ENTITY_STATUSES }) status: EntityStatus;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was rejected or suspended' })
  statusReason: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) privacyAcceptedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) validatedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() version: number;
}

/**
 * An entity as the officers' list shows it: no address but its town, no contact, bank or representative data —
 * those come with `GET /entities/:id`. Selected column by column (`ENTITY_SUMMARY_SELECT`).
 */
export class EntitySummary extends PickType(EntityResponse, [
  'id',
  'legalName',
  'nif',
  'status',
  'ibanStatus',
  'createdAt',
  'version',
] as const) {
  @ApiProperty({ description: 'The town of its address' }) town: string;
}

export class EntityPage extends PageMeta {
  @ApiProperty({ type: [EntitySummary] }) items: EntitySummary[];
}

/** What a summary reads (alias `e`). */
export const ENTITY_SUMMARY_SELECT = [
  'e.id',
  'e.legalName',
  'e.nif',
  'e.address',
  'e.status',
  'e.ibanStatus',
  'e.createdAt',
  'e.version',
];

/** What the export reads (alias `e`): the summary's columns and the export's own. */
export const ENTITY_EXPORT_SELECT = [
  ...ENTITY_SUMMARY_SELECT,
  'e.registryNumber',
  'e.email',
  'e.phone',
  'e.validatedAt',
];

export function toEntitySummary(
  e: Pick<
    NgoEntity,
    'id' | 'legalName' | 'nif' | 'address' | 'status' | 'ibanStatus' | 'createdAt' | 'version'
  >,
): EntitySummary {
  return {
    id: e.id,
    legalName: e.legalName,
    nif: e.nif,
    town: e.address.town,
    status: e.status,
    ibanStatus: e.ibanStatus,
    createdAt: e.createdAt.toISOString(),
    version: e.version,
  };
}

export function toEntityResponse(e: NgoEntity): EntityResponse {
  return {
    id: e.id,
    legalName: e.legalName,
    nif: e.nif,
    registryNumber: e.registryNumber,
    foundedOn: e.foundedOn,
    address: {
      street: e.address.street,
      number: e.address.number ?? null,
      postcode: e.address.postcode,
      town: e.address.town,
      municipalityCode: e.address.municipalityCode,
      province: e.address.province,
      countryCode: e.address.countryCode,
    },
    email: e.email,
    phone: e.phone,
    website: e.website,
    iban: e.iban,
    ibanStatus: e.ibanStatus,
    validatedIban: e.validatedIban,
    ibanCertificateId: e.ibanCertificateId,
    legalRepresentative: {
      name: e.legalRepresentative.name,
      idNumber: e.legalRepresentative.idNumber,
      position: e.legalRepresentative.position,
    },
    status: e.status,
    statusReason: e.statusReason,
    privacyAcceptedAt: e.privacyAcceptedAt?.toISOString() ?? null,
    validatedAt: e.validatedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    version: e.version,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

export class AddressDto {
  @ApiProperty({ maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  street: string;

  @ApiPropertyOptional({
    maxLength: 20,
    nullable: true,
    type: String,
    description: 'Street number, floor, door',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(20)
  number?: string | null;

  @ApiProperty({
    maxLength: 10,
    description: 'In Spain 5 digits of the municipality’s province (25xxx for Lleida)',
    example: '25007',
  })
  @Transform(trim)
  @IsString()
  @MaxLength(10)
  @IsPostcodeOfAddress()
  postcode: string;

  @ApiProperty({ maxLength: 100 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  town: string;

  @ApiProperty({ maxLength: 10, description: 'In Spain the 5-digit INE municipality code', example: '25120' })
  @Transform(trim)
  @IsString()
  @MaxLength(10)
  @IsMunicipalityCodeOfAddress()
  municipalityCode: string;

  @ApiProperty({ maxLength: 100 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  province: string;

  @ApiProperty({ maxLength: 2, description: 'ISO 3166-1 alpha-2, upper case', example: 'ES' })
  @IsCountryCode()
  countryCode: string;
}

export class LegalRepresentativeDto {
  @ApiProperty({ maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ maxLength: 20, description: 'DNI or NIE with its control letter', example: '12345678Z' })
  @Transform(taxId)
  @IsPersonalId()
  idNumber: string;

  @ApiProperty({ maxLength: 100, example: 'Presidenta' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  position: string;
}

/** An entity's profile as an officer creates it, or as it comes with a self-registration. */
export class CreateEntityDto {
  @ApiProperty({ maxLength: 300 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  legalName: string;

  @ApiProperty({
    maxLength: 20,
    description: 'NIF of the legal person (separators and lower case accepted)',
    example: 'G25012345',
  })
  @Transform(taxId)
  @IsNif()
  nif: string;

  @ApiPropertyOptional({ maxLength: 60, nullable: true, type: String })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(60)
  registryNumber?: string | null;

  @ApiPropertyOptional({ maxLength: DATE_MAX_LENGTH, format: 'date', nullable: true, type: String })
  @IsOptional()
  @IsPastIsoDate()
  foundedOn?: string | null;

  @ApiProperty({ type: AddressDto })
  @NestedObject(() => AddressDto)
  address: AddressDto;

  @ApiProperty({ format: 'email', maxLength: 254, description: 'The entity’s contact address' })
  @Transform(lower)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ maxLength: 30, nullable: true, type: String })
  @IsOptional()
  @Transform(trim)
  @Matches(/^\+?[0-9][0-9 ().-]{5,28}$/, { context: rule('INVALID_PHONE') })
  phone?: string | null;

  @ApiPropertyOptional({ maxLength: 300, nullable: true, type: String })
  @IsOptional()
  @Transform(trim)
  @IsUrl({ protocols: ['http', 'https'] })
  @MaxLength(300)
  website?: string | null;

  @ApiProperty({
    maxLength: 42,
    description: 'IBAN (spaces and lower case accepted)',
    example: 'ES91 2100 0418 4502 0005 1332',
  })
  @Transform(iban)
  @IsIban()
  iban: string;

  @ApiProperty({ type: LegalRepresentativeDto })
  @NestedObject(() => LegalRepresentativeDto)
  legalRepresentative: LegalRepresentativeDto;
}

/**
 * A profile edit: any field of the profile (objects replace the stored one whole) and the `version` read. Only an
 * officer may correct the NIF. A new IBAN of a validated entity needs `ibanCertificateId`.
 */
export class UpdateEntityDto extends PartialType(CreateEntityDto, { skipNullProperties: false }) {
  @ApiProperty({ description: 'The version read; a stale one answers 409 STALE_VERSION' })
  @IsInt()
  version: number;

  @ApiPropertyOptional({
    maxLength: UUID_LENGTH,
    format: 'uuid',
    description:
      'With a new `iban` of a validated entity: the `bank_certificate` document uploaded first to POST /entities/:id/documents',
  })
  @IsOptional()
  @IsUUID()
  ibanCertificateId?: string;
}

export class UploadEntityDocumentDto {
  @ApiProperty({ enum: ENTITY_DOCUMENT_TYPES })
  @IsIn(ENTITY_DOCUMENT_TYPES)
  type: EntityDocumentType;
}

export class EntityQuery extends PageQuery {
  @ApiPropertyOptional({ maxLength: 200, description: 'Part of the legal name, NIF or e-mail' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ENTITY_STATUSES })
  @IsOptional()
  @IsIn(ENTITY_STATUSES)
  status?: EntityStatus;

  @ApiPropertyOptional({ enum: IBAN_STATUSES, description: '`pending`: IBANs waiting for validation' })
  @IsOptional()
  @IsIn(IBAN_STATUSES)
  ibanStatus?: IbanStatus;
}

export class EntityExportQuery extends OmitType(EntityQuery, ['page', 'pageSize'] as const) {}

export class EntityIdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id: string;
}

export class EntityDocumentParam extends EntityIdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID() docId: string;
}

/** An active entity as other NGOs may see it to name it as a partner: no personal or bank data. */
export class EntityDirectoryItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() legalName: string;
  @ApiProperty() town: string;
}

export class EntityDirectoryResponse {
  @ApiProperty({ type: [EntityDirectoryItem] }) items: EntityDirectoryItem[];
}

export class EntityDirectoryQuery {
  @ApiPropertyOptional({ maxLength: 200, description: 'Part of the legal name (at least 2 characters)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    description: 'Ids to look up (comma-separated, at most 20): the partners already chosen',
    type: String,
    maxLength: 20 * (UUID_LENGTH + 1) - 1,
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsArray()
  @MaxItems(20)
  @IsUUID('all', { each: true })
  ids?: string[];
}
