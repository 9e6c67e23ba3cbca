import {
  formatMoney,
  normaliseMoney,
  normaliseOptionalMoney,
  parseMoney,
  sumCents,
  MONEY_PATTERN,
} from './money';

describe(parseMoney.name, () => {
  it.each([
    ['0', 0n],
    ['1', 100n],
    ['1.5', 150n],
    ['1.05', 105n],
    ['12000.00', 1200000n],
    ['999999999999.99', 99999999999999n],
  ])('parses %s as %p cents', (input, cents) => {
    expect(parseMoney(input)).toBe(cents);
  });

  it.each(['', '-1', '1.234', '1,00', '1e3', ' 1', '1.', '.5', '1234567890123', 'abc'])(
    'rejects %p',
    (input) => {
      expect(() => parseMoney(input)).toThrow(RangeError);
    },
  );

  it('rejects non-strings', () => {
    expect(() => parseMoney(12 as unknown as string)).toThrow(RangeError);
  });
});

describe(formatMoney.name, () => {
  it.each([
    [0n, '0.00'],
    [5n, '0.05'],
    [150n, '1.50'],
    [1200000n, '12000.00'],
    [-150n, '-1.50'],
  ])('formats %p as %s', (cents, text) => {
    expect(formatMoney(cents)).toBe(text);
  });
});

describe(normaliseMoney.name, () => {
  it('always gives two decimals', () => {
    expect(normaliseMoney('12')).toBe('12.00');
    expect(normaliseMoney('12.5')).toBe('12.50');
  });
});

describe(sumCents.name, () => {
  it('adds exactly where floats would not', () => {
    expect(formatMoney(sumCents([parseMoney('0.1'), parseMoney('0.2')]))).toBe('0.30');
    expect(sumCents([])).toBe(0n);
  });
});

describe('MONEY_PATTERN', () => {
  it('matches the api.md contract', () => {
    expect(MONEY_PATTERN.test('100.10')).toBe(true);
    expect(MONEY_PATTERN.test('100.100')).toBe(false);
  });
});

describe(normaliseOptionalMoney.name, () => {
  it.each([
    [null, null],
    [undefined, null],
    ['12', '12.00'],
    ['0.5', '0.50'],
    ['175823.4', '175823.40'],
  ])('%p → %p', (input, expected) => {
    expect(normaliseOptionalMoney(input)).toBe(expected);
  });
});
