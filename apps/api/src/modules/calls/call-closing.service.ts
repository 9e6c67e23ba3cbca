import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CALL_MACHINE, isCallDue } from '@cofinanca/domain';
import { AppException } from '../../common/app.exception';
import { runPeriodically } from '../../common/periodic';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { TransitionRunner } from '../workflow/transition-runner';
import { CallEntity } from './call.entity';
import { closingSnapshot } from './calls.service';

const MINUTE = 60 * 1000;

/**
 * Closes every published call whose `closesAt` has come, once a minute (and once at start-up, for what came while
 * the server was down). Each call closes in its own transaction under a row lock, so two instances, or an officer
 * closing by hand at the same moment, never close a call twice. Its `closedAt` is its `closesAt`: the moment the
 * window really ended, however late the check ran. Off in tests, which call `closeDue(now)` themselves.
 */
@Injectable()
export class CallClosingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CallClosingService.name);
  private stop?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runner: TransitionRunner,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.env === 'test') return;
    this.stop = runPeriodically(() => this.closeDue(new Date()), {
      every: MINUTE,
      firstAfter: 1000,
      logger: this.logger,
      what: 'closing due calls',
    });
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }

  /** Closes every published call with closesAt ≤ now; returns the ids it closed. */
  async closeDue(now: Date): Promise<string[]> {
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM calls WHERE status = 'published' AND closes_at <= $1 ORDER BY closes_at, id`,
      [now],
    );
    const closed: string[] = [];
    for (const { id } of due) {
      const done = await this.dataSource.transaction(async (m) => {
        const call = await m
          .getRepository(CallEntity)
          .createQueryBuilder('c')
          .setLock('pessimistic_write')
          .where('c.id = :id', { id })
          .getOne();
        // Closed by hand or extended meanwhile: nothing to do.
        if (!call || !isCallDue(call.status, call.closesAt, now)) return false;
        return this.runner.run(
          {
            machine: CALL_MACHINE,
            action: 'close',
            lock: () => Promise.resolve(call),
            invalidState: () => AppException.conflict('INVALID_STATE', 'The call is not published.'),
            apply: (_m, row) => {
              // The moment the window really ended, however late the check ran.
              row.closedAt = row.closesAt;
            },
            save: (tm, row) => tm.getRepository(CallEntity).save(row),
            audit: {
              action: 'call.closed',
              subjectType: 'call',
              subjectId: (row) => row.id,
              before: closingSnapshot,
              after: (saved) => ({ ...closingSnapshot(saved), automatic: true }),
              actor: null,
            },
            answer: () => true,
          },
          m,
        );
      });
      if (done) closed.push(id);
    }
    if (closed.length > 0) this.logger.log(`closed ${closed.length} call(s) at their deadline`);
    return closed;
  }
}
