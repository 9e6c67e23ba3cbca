import type { OutboxStatus } from '@cofinanca/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox: an e-mail is written in the same transaction as the change that causes it, and a worker
 * delivers it later. The row id is the message's Message-ID, so a retry after a crash is recognisable downstream.
 */
@Entity({ name: 'outbox_messages' })
@Index('IDX_outbox_messages_due', ['status', 'nextAttemptAt'])
@Index('IDX_outbox_messages_recipient', ['to', 'template', 'createdAt'])
@Index('IDX_outbox_messages_created', ['createdAt', 'id'])
@Index('IDX_outbox_messages_to_trgm', { synchronize: false })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_outbox_messages_to')
  @Column({ name: 'to_address', type: 'varchar', length: 254 })
  to: string;

  @Column({ type: 'varchar', length: 2 })
  locale: string;

  @Column({ type: 'varchar', length: 100 })
  template: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /** A worker holds the message until this instant while it sends it. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
