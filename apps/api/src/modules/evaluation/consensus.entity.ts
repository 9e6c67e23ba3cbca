import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { ApplicationEntity } from '../applications/application.entity';
import { UserEntity } from '../users/user.entity';

/** One criterion of a consensus score (points with at most two decimals). */
export interface ConsensusScore {
  criterionCode: string;
  points: number;
}

/**
 * The consensus score an officer records for a divergent application, with its rationale: it replaces the mean of
 * the evaluators' sheets for the ranking. A later consensus (after an accepted allegation) replaces it; the audit log
 * keeps every one.
 */
@Entity({ name: 'consensus_scores' })
export class ConsensusEntity {
  @PrimaryColumn({ name: 'application_id', type: 'uuid', primaryKeyConstraintName: 'PK_consensus_scores' })
  applicationId: string;

  @OneToOne(() => ApplicationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_consensus_scores_application' })
  application?: Relation<ApplicationEntity>;

  @Column({ type: 'jsonb' })
  scores: ConsensusScore[];

  @Column({ type: 'text' })
  rationale: string;

  @Column({ name: 'decided_by', type: 'uuid' })
  decidedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'FK_consensus_scores_decided_by' })
  decider?: Relation<UserEntity>;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'integer' })
  version: number;
}
