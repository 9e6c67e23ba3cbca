import {
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
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '@cofinanca/domain';
import { ApplicationEntity } from '../applications/application.entity';
import { CallEntity } from '../calls/call.entity';
import { UserEntity } from '../users/user.entity';

/**
 * An evaluator assigned to an application of a call under evaluation. One per (application, evaluator): the unique
 * index is what keeps two officers assigning at once from creating the same pair twice. The declaration on
 * conflicts (Llei 40/2015 art. 23–24) is kept on the row for the committee minutes.
 */
@Entity({ name: 'assignments' })
@Index('UQ_assignments_application_evaluator', ['applicationId', 'evaluatorId'], { unique: true })
@Index('IDX_assignments_call_evaluator', ['callId', 'evaluatorId'])
@Index('IDX_assignments_evaluator_status', ['evaluatorId', 'status'])
export class AssignmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_assignments' })
  id: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => CallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'FK_assignments_call' })
  call?: Relation<CallEntity>;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_assignments_application' })
  application?: Relation<ApplicationEntity>;

  @Column({ name: 'evaluator_id', type: 'uuid' })
  evaluatorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evaluator_id', foreignKeyConstraintName: 'FK_assignments_evaluator' })
  evaluator?: Relation<UserEntity>;

  @Column({ type: 'enum', enum: ASSIGNMENT_STATUSES, default: 'pending_declaration' })
  status: AssignmentStatus;

  /** The declaration: null until the evaluator declares. */
  @Column({ name: 'conflict_of_interest', type: 'boolean', nullable: true })
  conflictOfInterest: boolean | null;

  @Column({ name: 'declaration_note', type: 'text', nullable: true })
  declarationNote: string | null;

  @Column({ name: 'declared_at', type: 'timestamptz', nullable: true })
  declaredAt: Date | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** The officer who assigned it (manually or by the automatic assignment). */
  @Column({ name: 'assigned_by', type: 'uuid', nullable: true })
  assignedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'integer' })
  version: number;
}
