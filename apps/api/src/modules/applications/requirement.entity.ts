import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { REQUIREMENT_STATUSES, type ContentChange, type RequirementStatus } from '@cofinanca/domain';
import { ApplicationEntity } from './application.entity';

/** A correction request (requeriment d'esmena) sent to the entity about a submitted application. */
@Entity({ name: 'requirements' })
export class RequirementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_requirements_application')
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_requirements_application' })
  application?: Relation<ApplicationEntity>;

  @Column({ type: 'jsonb' })
  items: { description: string }[];

  /** The notification date (Europe/Madrid); counting starts the next day. */
  @Column({ name: 'notified_on', type: 'date' })
  notifiedOn: string;

  /** `correctionDays` business days after notifiedOn, computed once and stored. */
  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  /**
   * `expired` once desistiment is declared on it; `closed` when the application left the procedure otherwise while
   * it was open (withdrawn by the entity, declared inadmissible).
   */
  @Column({ type: 'enum', enum: REQUIREMENT_STATUSES, default: 'open' })
  status: RequirementStatus;

  @Column({ name: 'response_message', type: 'text', nullable: true })
  responseMessage: string | null;

  @Column({ name: 'response_document_ids', type: 'uuid', array: true, default: () => "'{}'" })
  responseDocumentIds: string[];

  /**
   * What the application's content and documents differed from the submitted version when the entity answered;
   * null while unanswered, or when the submitted version was not kept (applications submitted before it was).
   */
  @Column({ name: 'response_changes', type: 'jsonb', nullable: true })
  responseChanges: ContentChange[] | null;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ name: 'responded_by', type: 'uuid', nullable: true })
  respondedBy: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
