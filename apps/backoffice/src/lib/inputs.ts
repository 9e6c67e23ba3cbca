/**
 * What officers type in the editors (money, percentages, points, whole numbers) and what the API takes. A decimal
 * comma is accepted everywhere ("1234,56" and "1234.56" are the same amount); money and percentages go out as
 * decimal strings, points as JSON numbers with at most two decimals, counts as integers.
 */
import { MONEY_PATTERN, PERCENT_PATTERN } from '@cofinanca/domain';

/** Trims, drops spaces (also non-breaking ones) and turns a decimal comma into a point. */
export function normaliseDecimal(value: string): string {
  return value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
}

/** "1234,5" → "1234.5"; null for an empty input; the normalised text as typed when it is not an amount. */
export function moneyInput(value: string): string | null {
  const v = normaliseDecimal(value);
  return v === '' ? null : v;
}

export function isMoneyInput(value: string): boolean {
  return MONEY_PATTERN.test(normaliseDecimal(value));
}

export function isPercentInput(value: string): boolean {
  return PERCENT_PATTERN.test(normaliseDecimal(value));
}

const POINTS_PATTERN = /^\d{1,6}(\.\d{1,2})?$/;

export function isPointsInput(value: string): boolean {
  return POINTS_PATTERN.test(normaliseDecimal(value));
}

/** Points as a number ("7,5" → 7.5); NaN when not a non-negative number with at most two decimals. */
export function pointsInput(value: string): number {
  const v = normaliseDecimal(value);
  return POINTS_PATTERN.test(v) ? Number(v) : Number.NaN;
}

/** Optional points: null for an empty input. */
export function optionalPointsInput(value: string): number | null {
  return normaliseDecimal(value) === '' ? null : pointsInput(value);
}

/** A whole number ("12" → 12); NaN when not digits only. */
export function integerInput(value: string): number {
  const v = value.trim();
  return /^\d{1,9}$/.test(v) ? Number(v) : Number.NaN;
}

/** An optional whole number: null for an empty input. */
export function optionalIntegerInput(value: string): number | null {
  return value.trim() === '' ? null : integerInput(value);
}

/** A number or null shown in an input ("7.5" → "7.5"; null → ""). */
export function numberToInput(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}
