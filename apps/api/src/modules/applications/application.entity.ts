import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { APPLICATION_STATUSES, type ApplicationStatus } from '@cofinanca/domain';
import type {
  BudgetLine,
  Cofunding,
  PolicyMarkerSelection,
  SdgSelection,
  SectorShare,
  ApplicationContent,
  ApplicationVersion,
} from '@cofinanca/domain';
import { CallEntity } from '../calls/call.entity';
import { NgoEntity } from '../entities/ngo.entity';
import type { RequirementEntity } from './requirement.entity';

type Beneficiaries = NonNullable<ApplicationContent['beneficiaries']>;
type Counterpart = NonNullable<ApplicationContent['counterpart']>;

/** An application (sol·licitud) of an entity to a call. Money is numeric(14,2), read as strings. */
@Entity({ name: 'applications' })
@Index('IDX_applications_call_status_created', ['callId', 'status', 'createdAt', 'id'])
// The list indexes of migration 1764000000400 (the trigram ones are SQL only: TypeORM leaves them alone).
@Index('IDX_applications_created', ['createdAt', 'id'])
@Index('IDX_applications_submitted', ['submittedAt', 'id'])
@Index('IDX_applications_title', ['title', 'id'])
@Index('IDX_applications_requested', ['requestedAmount', 'id'])
@Index('IDX_applications_status_created', ['status', 'createdAt', 'id'])
@Index('IDX_applications_call_created', ['callId', 'createdAt', 'id'])
@Index('IDX_applications_entity_created', ['entityId', 'createdAt', 'id'])
@Index('IDX_applications_title_trgm', { synchronize: false })
@Index('IDX_applications_registry_trgm', { synchronize: false })
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => CallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'FK_applications_call' })
  call?: Relation<CallEntity>;

  @Index('IDX_applications_entity')
  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @ManyToOne(() => NgoEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entity_id', foreignKeyConstraintName: 'FK_applications_entity' })
  entity?: Relation<NgoEntity>;

  /** REG-<year>-<6 digits>, assigned on submission; never reused. */
  @Index('UQ_applications_registry_number', { unique: true })
  @Column({ name: 'registry_number', type: 'varchar', length: 20, nullable: true })
  registryNumber: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'enum', enum: APPLICATION_STATUSES, default: 'draft' })
  status: ApplicationStatus;

  /** The reason of the last decision (inadmissible, withdrawn). */
  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  title: string | null;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  modality: string | null;

  @Column({ name: 'country_code', type: 'varchar', length: 2, nullable: true })
  countryCode: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  locations: string[];

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate: string | null;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ name: 'total_cost', type: 'numeric', precision: 14, scale: 2, nullable: true })
  totalCost: string | null;

  @Column({ name: 'requested_amount', type: 'numeric', precision: 14, scale: 2, nullable: true })
  requestedAmount: string | null;

  @Column({ name: 'own_contribution', type: 'numeric', precision: 14, scale: 2, nullable: true })
  ownContribution: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  cofunding: Cofunding[];

  @Column({ name: 'budget_lines', type: 'jsonb', default: () => "'[]'" })
  budgetLines: BudgetLine[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  sectors: SectorShare[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  sdgs: SdgSelection[];

  @Column({ name: 'policy_markers', type: 'jsonb', default: () => "'[]'" })
  policyMarkers: PolicyMarkerSelection[];

  @Column({ type: 'jsonb', nullable: true })
  beneficiaries: Beneficiaries | null;

  @Column({ type: 'jsonb', nullable: true })
  counterpart: Counterpart | null;

  @Column({ name: 'partner_entity_ids', type: 'uuid', array: true, default: () => "'{}'" })
  partnerEntityIds: string[];

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  /**
   * The content and documents as submitted, stored by the submission and never changed afterwards (the database
   * refuses it); null before submission, and for applications submitted before it was kept that were corrected.
   */
  @Column({ name: 'submitted_version', type: 'jsonb', nullable: true })
  submittedVersion: ApplicationVersion | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'integer' })
  version: number;

  /** Not a column: the open correction request, when a query maps it (lists, detail). */
  openRequirement?: RequirementEntity | null;
}
