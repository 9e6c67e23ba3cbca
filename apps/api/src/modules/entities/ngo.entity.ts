import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

import { ENTITY_STATUSES, IBAN_STATUSES, type EntityStatus, type IbanStatus } from '@cofinanca/domain';

export interface PostalAddress {
  street: string;
  number: string | null;
  postcode: string;
  town: string;
  /** 5-digit INE municipality code (Lleida 25120). */
  municipalityCode: string;
  province: string;
  countryCode: string;
}

export interface LegalRepresentative {
  name: string;
  /** DNI or NIE. */
  idNumber: string;
  position: string;
}

/** An NGO or other entity that applies for grants (table `entities`). */
@Entity({ name: 'entities' })
// The list indexes of migration 1764000000400 (the trigram ones are SQL only: TypeORM leaves them alone).
@Index('IDX_entities_created', ['createdAt', 'id'])
@Index('IDX_entities_legal_name', ['legalName', 'id'])
@Index('IDX_entities_iban_status', ['ibanStatus'])
@Index('IDX_entities_legal_name_trgm', { synchronize: false })
@Index('IDX_entities_nif_trgm', { synchronize: false })
@Index('IDX_entities_email_trgm', { synchronize: false })
export class NgoEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'legal_name', type: 'varchar', length: 300 })
  legalName: string;

  /** NIF of the legal person, normalised (upper case, no separators); unique. */
  @Index('UQ_entities_nif', { unique: true })
  @Column({ type: 'varchar', length: 9 })
  nif: string;

  /** Number in the registry of associations or foundations. */
  @Column({ name: 'registry_number', type: 'varchar', length: 60, nullable: true })
  registryNumber: string | null;

  @Column({ name: 'founded_on', type: 'date', nullable: true })
  foundedOn: string | null;

  @Column({ type: 'jsonb' })
  address: PostalAddress;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  /** The IBAN as the entity last declared it (normalised). */
  @Column({ type: 'varchar', length: 34 })
  iban: string;

  /** `pending` after an active entity changes its IBAN, until an officer re-validates it. */
  @Column({ name: 'iban_status', type: 'enum', enum: IBAN_STATUSES, default: 'pending' })
  ibanStatus: IbanStatus;

  /** The last IBAN an officer validated: the only one payments may ever go to. */
  @Column({ name: 'validated_iban', type: 'varchar', length: 34, nullable: true })
  validatedIban: string | null;

  /** The bank-ownership certificate (a document) backing the pending IBAN. */
  @Column({ name: 'iban_certificate_id', type: 'uuid', nullable: true })
  ibanCertificateId: string | null;

  @Column({ name: 'legal_representative', type: 'jsonb' })
  legalRepresentative: LegalRepresentative;

  @Index('IDX_entities_status')
  @Column({ type: 'enum', enum: ENTITY_STATUSES, default: 'pending_validation' })
  status: EntityStatus;

  /** Why it was rejected or suspended. */
  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ name: 'privacy_accepted_at', type: 'timestamptz', nullable: true })
  privacyAcceptedAt: Date | null;

  @Column({ name: 'validated_at', type: 'timestamptz', nullable: true })
  validatedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'integer' })
  version: number;
}
