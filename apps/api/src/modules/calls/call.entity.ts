import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import {
  ALLOCATION_METHODS,
  CALL_STATUSES,
  type AllocationMethod,
  type CallStatus,
  type LocalisedText,
  type Modality,
  type RequiredDocument,
  type Rubric,
  type ScoreBand,
} from '@cofinanca/domain';

/** A call for applications (convocatòria). Money and percentages are numeric(14,2)/(5,2), read as strings. */
@Entity({ name: 'calls' })
// The sort indexes of migration 1764000000400.
@Index('IDX_calls_created', ['createdAt', 'id'])
@Index('IDX_calls_closes', ['closesAt', 'id'])
@Index('IDX_calls_year', ['year', 'id'])
@Check('CHK_calls_evaluators_per_application', '"evaluators_per_application" >= 1')
export class CallEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_calls_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'jsonb' })
  title: LocalisedText;

  @Column({ type: 'jsonb' })
  description: LocalisedText;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  modalities: Modality[];

  @Column({ name: 'requires_gender_marker', type: 'boolean', default: true })
  requiresGenderMarker: boolean;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  budget: string | null;

  @Column({ name: 'max_amount_per_application', type: 'numeric', precision: 14, scale: 2, nullable: true })
  maxAmountPerApplication: string | null;

  @Column({ name: 'max_cofinancing_percent', type: 'numeric', precision: 5, scale: 2 })
  maxCofinancingPercent: string;

  @Column({ name: 'opens_at', type: 'timestamptz', nullable: true })
  opensAt: Date | null;

  @Column({ name: 'closes_at', type: 'timestamptz', nullable: true })
  closesAt: Date | null;

  @Column({ name: 'max_execution_months', type: 'integer' })
  maxExecutionMonths: number;

  @Column({ name: 'advance_percent', type: 'numeric', precision: 5, scale: 2 })
  advancePercent: string;

  @Column({ name: 'justification_months', type: 'integer' })
  justificationMonths: number;

  @Column({ name: 'correction_days', type: 'integer' })
  correctionDays: number;

  @Column({ name: 'allegation_days', type: 'integer' })
  allegationDays: number;

  @Column({ name: 'budget_deviation_percent', type: 'numeric', precision: 5, scale: 2 })
  budgetDeviationPercent: string;

  /** Points, at most two decimals. */
  @Column({ name: 'minimum_total_score', type: 'numeric', precision: 6, scale: 2 })
  minimumTotalScore: string;

  @Column({ name: 'divergence_threshold', type: 'numeric', precision: 6, scale: 2 })
  divergenceThreshold: string;

  @Column({ name: 'allocation_method', type: 'enum', enum: ALLOCATION_METHODS, default: 'rank_order' })
  allocationMethod: AllocationMethod;

  @Column({ name: 'min_partial_award_percent', type: 'numeric', precision: 5, scale: 2 })
  minPartialAwardPercent: string;

  /** Evaluators each application under evaluation gets (automatic assignment tops up to it); at least 1. */
  @Column({ name: 'evaluators_per_application', type: 'integer', default: 2 })
  evaluatorsPerApplication: number;

  /** A divergent application needs an officer's consensus score before the ranking is complete. */
  @Column({ name: 'consensus_required', type: 'boolean', default: true })
  consensusRequired: boolean;

  @Column({ name: 'score_bands', type: 'jsonb', nullable: true })
  scoreBands: ScoreBand[] | null;

  @Column({ type: 'jsonb' })
  rubric: Rubric;

  @Column({ name: 'required_documents', type: 'jsonb' })
  requiredDocuments: RequiredDocument[];

  @Index('IDX_calls_status')
  @Column({ type: 'enum', enum: CALL_STATUSES, default: 'draft' })
  status: CallStatus;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'integer' })
  version: number;
}
