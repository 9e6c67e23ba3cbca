import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed sign-ins in a row per e-mail address (known or not), for the lock after too many failures. */
@Entity({ name: 'login_attempts' })
export class LoginAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'integer', default: 0 })
  failures: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_failure_at', type: 'timestamptz', nullable: true })
  lastFailureAt: Date | null;
}
