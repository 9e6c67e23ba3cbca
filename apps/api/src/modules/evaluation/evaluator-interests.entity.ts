import {
  Column,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import type { InterestItem } from '@cofinanca/domain';
import { UserEntity } from '../users/user.entity';

/**
 * An evaluator's register of interests: the entities it is linked to (work, board, membership, family ties). Read
 * and written whole (PUT replaces it, with `version`); it drives conflicts of interest at assignment. An evaluator
 * without a row has an empty register at version 0.
 */
@Entity({ name: 'evaluator_interests' })
export class EvaluatorInterestsEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'PK_evaluator_interests' })
  userId: string;

  @OneToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_evaluator_interests_user' })
  user?: Relation<UserEntity>;

  /** `[{ entityId, relation, note }]`, every entityId an entity of the directory when it was saved. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  items: InterestItem[];

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'integer' })
  version: number;
}
