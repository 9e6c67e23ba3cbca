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
import { ApplicationEntity } from '../applications/application.entity';
import { NgoEntity } from '../entities/ngo.entity';

/**
 * An uploaded file: an application's document (per required-document type or a free attachment) or an entity's own
 * document (the bank-ownership certificate of a new IBAN). The bytes live in the document storage under `storageKey`.
 */
@Entity({ name: 'documents' })
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The entity that owns it: access is checked against it. */
  @Index('IDX_documents_entity')
  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @ManyToOne(() => NgoEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entity_id', foreignKeyConstraintName: 'FK_documents_entity' })
  entity?: Relation<NgoEntity>;

  @Index('IDX_documents_application')
  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId: string | null;

  /** Deleting a draft application deletes its documents' rows (the service removes the files). */
  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_documents_application' })
  application?: Relation<ApplicationEntity>;

  /** A required-document code of the call, `attachment`, `correction` or `bank_certificate`. */
  @Column({ type: 'varchar', length: 60 })
  type: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  /** Detected from the content, never from the name. */
  @Column({ name: 'mime_type', type: 'varchar', length: 120 })
  mimeType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 200 })
  storageKey: string;

  /** Set when the application is submitted or a correction answered: it can no longer be deleted. */
  @Column({ name: 'locked_at', type: 'timestamptz', nullable: true })
  lockedAt: Date | null;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
