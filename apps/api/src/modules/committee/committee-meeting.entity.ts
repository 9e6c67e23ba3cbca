import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import type { CommitteeMember, Recusal } from '@cofinanca/domain';
import { CallEntity } from '../calls/call.entity';
import { UserEntity } from '../users/user.entity';
import type { RankingResponse } from '../evaluation/scoring.dto';

export const MEETING_STATUSES = ['draft', 'approved'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** A committee member as stored: its name, its position (e.g. "Tècnica de cooperació") and role, and attendance. */
export interface StoredMember extends CommitteeMember {
  position: string;
}

/**
 * A meeting of a call's evaluation committee (*comissió de valoració*): date, place, members with role and
 * attendance, recusals per application. A draft follows the live ranking; approving it (quorum and a complete
 * ranking) freezes the ranking it shows in `ranking`, never changed afterwards: a later change of scores needs a
 * new meeting.
 */
@Entity({ name: 'committee_meetings' })
@Index('IDX_committee_meetings_call', ['callId', 'createdAt'])
@Check(
  'CHK_committee_meetings_status',
  `"status" IN ('draft', 'approved') AND ("status" = 'draft') = ("ranking" IS NULL)`,
)
export class CommitteeMeetingEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_committee_meetings' })
  id: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => CallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'FK_committee_meetings_call' })
  call?: Relation<CallEntity>;

  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Column({ type: 'varchar', length: 200 })
  place: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  members: StoredMember[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  recusals: Recusal[];

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: MeetingStatus;

  /** The ranking the approval froze (null while a draft). */
  @Column({ type: 'jsonb', nullable: true })
  ranking: RankingResponse | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'approved_by', foreignKeyConstraintName: 'FK_committee_meetings_approved_by' })
  approver?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'integer' })
  version: number;
}
