import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { CommitteeMeetingEntity } from './committee-meeting.entity';

/**
 * The minutes (*acta*) of an approved committee meeting, one PDF per language, rendered once inside the approval and
 * served as stored ever after. The database refuses to update or delete a row.
 */
@Entity({ name: 'committee_minutes' })
export class CommitteeMinutesEntity {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid', primaryKeyConstraintName: 'PK_committee_minutes' })
  meetingId: string;

  @PrimaryColumn({ type: 'varchar', length: 2, primaryKeyConstraintName: 'PK_committee_minutes' })
  locale: string;

  @ManyToOne(() => CommitteeMeetingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'FK_committee_minutes_meeting' })
  meeting?: Relation<CommitteeMeetingEntity>;

  @Column({ type: 'bytea' })
  content: Buffer;

  /** Hex SHA-256 of `content`; the approval's audit event carries it. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
