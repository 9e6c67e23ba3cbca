import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { runPeriodically } from '../../common/periodic';

const HOUR = 60 * 60 * 1000;

/**
 * Keeps the auth tables small: sessions and e-mail tokens that ended more than 30 days ago, and sign-in failure
 * counters idle for a day, are deleted every hour. Their history stays in the audit log.
 */
@Injectable()
export class SessionCleanupService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionCleanupService.name);
  private stop?: () => void;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.stop = runPeriodically(() => this.purge(), {
      every: HOUR,
      logger: this.logger,
      what: 'auth clean-up',
    });
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }

  /** Deletes what has ended; returns how many rows of each kind went. */
  async purge(): Promise<{ sessions: number; tokens: number; loginAttempts: number }> {
    const [, sessions] = await this.dataSource.query(
      `DELETE FROM sessions WHERE coalesce(revoked_at, expires_at) < now() - interval '30 days'`,
    );
    const [, tokens] = await this.dataSource.query(
      `DELETE FROM user_tokens WHERE coalesce(used_at, expires_at) < now() - interval '30 days'`,
    );
    const [, loginAttempts] = await this.dataSource.query(
      `DELETE FROM login_attempts WHERE (locked_until IS NULL OR locked_until < now()) AND last_failure_at < now() - interval '1 day'`,
    );
    return {
      sessions: Number(sessions ?? 0),
      tokens: Number(tokens ?? 0),
      loginAttempts: Number(loginAttempts ?? 0),
    };
  }
}
