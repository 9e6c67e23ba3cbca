import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { runPeriodically } from '../../common/periodic';

const MINUTE = 60 * 1000;

/** The filters the counts answer: a call, statuses, or both (the staff's list without a search or an entity). */
export interface CountFilter {
  callId?: string;
  status?: readonly string[];
}

/**
 * The number of applications per call and status (migration `ApplicationCounts`): triggers on `applications` append
 * signed deltas; this folds them every minute and sums them for a list's `total`, exact at every instant.
 */
@Injectable()
export class ApplicationCountsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ApplicationCountsService.name);
  private stop?: () => void;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.stop = runPeriodically(() => this.compact(), {
      every: MINUTE,
      logger: this.logger,
      what: 'application counts compaction',
    });
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }

  /** How many applications match `filter`: a sum over at most a few rows per call and status. */
  async total(filter: CountFilter): Promise<number> {
    const qb = this.dataSource
      .createQueryBuilder()
      .from('application_counts', 'k')
      .select('coalesce(sum(k.n), 0)::int', 'total');
    if (filter.callId) qb.andWhere('k.call_id = :callId', { callId: filter.callId });
    if (filter.status?.length) qb.andWhere('k.status IN (:...statuses)', { statuses: filter.status });
    const row = await qb.getRawOne<{ total: number }>();
    return row?.total ?? 0;
  }

  /**
   * Folds the rows of each call and status into one (and drops those summing to zero), in one statement: a reader
   * sees the rows before or after, never a part. Two instances compacting at once stay right: the second deletes
   * only what the first left. Returns the rows left.
   */
  async compact(): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH gone AS (DELETE FROM application_counts RETURNING call_id, status, n)
       INSERT INTO application_counts (call_id, status, n)
       SELECT call_id, status, sum(n) FROM gone GROUP BY call_id, status HAVING sum(n) <> 0
       RETURNING 1`,
    );
    return rows.length;
  }
}
