import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { ApplicationEntity } from './application.entity';

/**
 * The registry receipt (justificant de registre) of a submitted application, one PDF per language, rendered once
 * inside the submission and served as stored ever after. The database refuses to update or delete a row.
 */
@Entity({ name: 'registry_receipts' })
export class RegistryReceiptEntity {
  @PrimaryColumn({ name: 'application_id', type: 'uuid', primaryKeyConstraintName: 'PK_registry_receipts' })
  applicationId: string;

  @PrimaryColumn({ type: 'varchar', length: 2, primaryKeyConstraintName: 'PK_registry_receipts' })
  locale: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_registry_receipts_application' })
  application?: Relation<ApplicationEntity>;

  @Column({ type: 'bytea' })
  content: Buffer;

  /** Hex SHA-256 of `content`; the submission's audit event carries it. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
