import { containsPattern } from './sql';

describe(containsPattern.name, () => {
  it.each([
    ['Lleida', '%Lleida%'],
    ['50%', '%50\\%%'],
    ['a_b', '%a\\_b%'],
    ['c:\\x', '%c:\\\\x%'],
  ])('%p → %p', (text, pattern) => {
    expect(containsPattern(text)).toBe(pattern);
  });
});
