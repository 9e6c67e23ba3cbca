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
import { AssignmentEntity } from './assignment.entity';

/** One criterion of a score sheet: points 0..maxPoints with at most two decimals (null while not scored yet). */
export interface SheetScore {
  criterionCode: string;
  points: number | null;
  comment: string;
}

/**
 * The score sheet of an assignment: the evaluator's draft, saved on every change (`version`), locked when the
 * assignment is submitted. Removed with its assignment (only possible before submission).
 */
@Entity({ name: 'score_sheets' })
export class ScoreSheetEntity {
  @PrimaryColumn({ name: 'assignment_id', type: 'uuid', primaryKeyConstraintName: 'PK_score_sheets' })
  assignmentId: string;

  @OneToOne(() => AssignmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id', foreignKeyConstraintName: 'FK_score_sheets_assignment' })
  assignment?: Relation<AssignmentEntity>;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  scores: SheetScore[];

  /**
   * The criterion codes and points of `scores`, without the rationales, as `["A1","A2"]=[1.5,null]`: what the
   * ranking reads of 30,000 sheets (`loadCallEvaluation`). Written by a trigger of the database on every insert
   * and update (migration ScoreSheetPoints), never by the API, so that it cannot disagree with `scores`; extracting
   * it at read time was most of the ranking's database time (460 of 510 ms for 10,000 applications × 3 sheets).
   */
  @Column({ name: 'points', type: 'text', nullable: true, insert: false, update: false, select: false })
  points?: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'integer' })
  version: number;
}
