import { describe, expect, it } from 'vitest';
import { moneyForInput, parseCountInput, parseMoneyInput, parsePercentInput } from './money-input';

describe('parseMoneyInput', () => {
  it.each([
    ['1234,56', '1234.56'],
    ['1234.56', '1234.56'],
    ['1234,5', '1234.50'],
    ['1234', '1234.00'],
    ['0', '0.00'],
    ['1.234,56', '1234.56'],
    ['1,234.56', '1234.56'],
    ['1.234.567', '1234567.00'],
    ['1.234', '1234.00'],
    [' 1 234,56 € ', '1234.56'],
    ['1\u00a0234,56', '1234.56'],
  ])('reads %j as %j', (raw, expected) => {
    expect(parseMoneyInput(raw)).toBe(expected);
  });

  it.each(['', '   ', 'abc', '-5', '12,345', '1,2,3.4.5', '12.3.4', '10e3', '1234567890123'])(
    'refuses %j',
    (raw) => {
      expect(parseMoneyInput(raw)).toBeNull();
    },
  );
});

describe('parsePercentInput', () => {
  it('reads a decimal comma or point and refuses more than 100', () => {
    expect(parsePercentInput('37,5')).toBe('37.50');
    expect(parsePercentInput('100')).toBe('100.00');
    expect(parsePercentInput('62.5 %')).toBe('62.50');
    expect(parsePercentInput('100,01')).toBeNull();
    expect(parsePercentInput('')).toBeNull();
    expect(parsePercentInput('x')).toBeNull();
  });
});

describe('moneyForInput', () => {
  it('shows the API amount with the language decimal separator', () => {
    expect(moneyForInput('1234.50', ',')).toBe('1234,50');
    expect(moneyForInput('1234.50', '.')).toBe('1234.50');
    expect(moneyForInput(null, ',')).toBe('');
  });
});

describe('parseCountInput', () => {
  it('reads whole numbers, with thousands dots, and refuses anything else', () => {
    expect(parseCountInput('120')).toBe(120);
    expect(parseCountInput('1.200')).toBe(1200);
    expect(parseCountInput('-1')).toBeNull();
    expect(parseCountInput('1,5')).toBeNull();
    expect(parseCountInput('')).toBeNull();
  });
});
