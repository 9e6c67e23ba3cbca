import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { Locale, Role } from '@cofinanca/contracts';
import { NgoEntity } from '../entities/ngo.entity';

@Entity({ name: 'users' })
// The list indexes of migration 1764000000400 (the trigram ones are SQL only: TypeORM leaves them alone).
@Index('IDX_users_created', ['createdAt', 'id'])
@Index('IDX_users_name', ['name', 'id'])
@Index('IDX_users_email_trgm', { synchronize: false })
@Index('IDX_users_name_trgm', { synchronize: false })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Index('UQ_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** argon2id hash; null until an invited user sets a password. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles: Role[];

  /** The entity (NGO) of an `entity` user. */
  @Column({ name: 'entity_id', type: 'uuid', nullable: true })
  entityId: string | null;

  @ManyToOne(() => NgoEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entity_id', foreignKeyConstraintName: 'FK_users_entity' })
  entity?: Relation<NgoEntity> | null;

  @Column({ type: 'varchar', length: 2, default: 'ca' })
  locale: Locale;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'integer' })
  version: number;
}
