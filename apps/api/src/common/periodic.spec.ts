import type { Logger } from '@nestjs/common';
import { runPeriodically } from './periodic';

describe('runPeriodically', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const logger = () => ({ warn: jest.fn() }) as unknown as Logger & { warn: jest.Mock };

  it('runs first after firstAfter, then every `every`, until stopped', async () => {
    const job = jest.fn(async () => undefined);
    const stop = runPeriodically(job, { every: 1000, firstAfter: 100, logger: logger(), what: 'job' });
    await jest.advanceTimersByTimeAsync(99);
    expect(job).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(job).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(900);
    expect(job).toHaveBeenCalledTimes(2);
    stop();
    await jest.advanceTimersByTimeAsync(5000);
    expect(job).toHaveBeenCalledTimes(2);
  });

  it('has no early run without firstAfter, and logs a failure without stopping', async () => {
    const log = logger();
    const job = jest.fn(async () => {
      throw new Error('down');
    });
    const stop = runPeriodically(job, { every: 1000, logger: log, what: 'the clean-up' });
    await jest.advanceTimersByTimeAsync(999);
    expect(job).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(2001);
    expect(job).toHaveBeenCalledTimes(3);
    expect(log.warn).toHaveBeenCalledTimes(3);
    expect(log.warn).toHaveBeenLastCalledWith({ err: expect.any(Error) }, 'the clean-up failed');
    stop();
  });
});
