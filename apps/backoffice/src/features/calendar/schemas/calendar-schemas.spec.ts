import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/problem';
import { calendarMissingYear } from './calendar-schemas';

describe('calendarMissingYear', () => {
  it('reads the year of a 422 CALENDAR_MISSING', () => {
    const error = new ApiError(422, {
      code: 'CALENDAR_MISSING',
      detail: 'The holiday calendar of 2027 has not been entered: no deadline can be computed into 2027.',
    });
    expect(calendarMissingYear(error)).toBe(2027);
  });

  it('is null for any other error', () => {
    expect(
      calendarMissingYear(new ApiError(422, { code: 'DEADLINE_NOT_PASSED', detail: 'ends on 2026-12-18' })),
    ).toBeNull();
    expect(calendarMissingYear(new Error('2027'))).toBeNull();
    expect(calendarMissingYear(null)).toBeNull();
  });
});
