import type { Logger } from '@nestjs/common';

export interface PeriodicOptions {
  /** Milliseconds between runs. */
  every: number;
  /** A first run this long after start-up (for what came due while the server was down); none when absent. */
  firstAfter?: number;
  /** Where a failed run is logged (a failure never stops the next run). */
  logger: Logger;
  /** What the job does, for the log line of a failure. */
  what: string;
}

/**
 * Runs `job` every `every` ms while the process is up (the timers never keep it alive) and returns the function
 * that stops it — for `onApplicationShutdown`. The one scheduler of the API's background jobs (closing due calls,
 * the calendar reminder, the auth clean-up): each job is then only its work.
 */
export function runPeriodically(job: () => Promise<unknown>, options: PeriodicOptions): () => void {
  const run = () => {
    job().catch((err: unknown) => options.logger.warn({ err }, `${options.what} failed`));
  };
  const timer = setInterval(run, options.every);
  timer.unref();
  const first = options.firstAfter === undefined ? undefined : setTimeout(run, options.firstAfter);
  first?.unref();
  return () => {
    clearInterval(timer);
    if (first) clearTimeout(first);
  };
}
