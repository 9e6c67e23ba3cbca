import { MONEY_PATTERN, PERCENT_PATTERN } from '@cofinanca/domain';
import { MONEY_MAX_LENGTH, PERCENT_MAX_LENGTH } from './lengths';

describe('the maximum lengths the OpenAPI document states', () => {
  it.each([
    ['money', MONEY_PATTERN, MONEY_MAX_LENGTH, `${'9'.repeat(12)}.99`],
    ['percent', PERCENT_PATTERN, PERCENT_MAX_LENGTH, '100.00'],
  ])('%s: the longest value the pattern accepts is exactly the maximum', (_kind, pattern, max, longest) => {
    expect(longest).toHaveLength(max);
    expect(pattern.test(longest)).toBe(true);
    expect(pattern.test(`9${longest}`)).toBe(false);
  });
});
