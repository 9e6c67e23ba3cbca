import { describe, expect, it } from 'vitest';
import {
  integerInput,
  isMoneyInput,
  isPercentInput,
  isPointsInput,
  moneyInput,
  normaliseDecimal,
  numberToInput,
  optionalIntegerInput,
  optionalPointsInput,
  pointsInput,
} from './inputs';

describe('office inputs', () => {
  it('accept a decimal comma or point and send a point', () => {
    expect(normaliseDecimal(' 1 234,56 ')).toBe('1234.56');
    expect(moneyInput('1234,56')).toBe('1234.56');
    expect(moneyInput('1234.56')).toBe('1234.56');
    expect(moneyInput('  ')).toBeNull();
    expect(isMoneyInput('150000')).toBe(true);
    expect(isMoneyInput('12,345')).toBe(false);
    expect(isMoneyInput('-5')).toBe(false);
  });

  it('check percentages from 0 to 100 with two decimals', () => {
    expect(isPercentInput('80')).toBe(true);
    expect(isPercentInput('37,5')).toBe(true);
    expect(isPercentInput('100.00')).toBe(true);
    expect(isPercentInput('100.01')).toBe(false);
    expect(isPercentInput('')).toBe(false);
  });

  it('read points as numbers with at most two decimals', () => {
    expect(pointsInput('7,5')).toBe(7.5);
    expect(pointsInput('10')).toBe(10);
    expect(pointsInput('1.234')).toBeNaN();
    expect(pointsInput('')).toBeNaN();
    expect(isPointsInput('0')).toBe(true);
    expect(optionalPointsInput('')).toBeNull();
    expect(optionalPointsInput('10,25')).toBe(10.25);
  });

  it('read whole numbers', () => {
    expect(integerInput(' 12 ')).toBe(12);
    expect(integerInput('1.5')).toBeNaN();
    expect(integerInput('-1')).toBeNaN();
    expect(optionalIntegerInput('')).toBeNull();
    expect(optionalIntegerInput('2')).toBe(2);
  });

  it('show numbers in inputs', () => {
    expect(numberToInput(null)).toBe('');
    expect(numberToInput(7.5)).toBe('7.5');
    expect(numberToInput('80.00')).toBe('80.00');
  });
});
