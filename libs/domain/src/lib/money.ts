/**
 * Money as integer cents (bigint), never floating point. The API speaks decimal strings with two decimals.
 */

/** What the API accepts as a money or percentage input (api.md). */
export const MONEY_PATTERN = /^\d{1,12}(\.\d{1,2})?$/;

export type Cents = bigint;

/** Parses a decimal string such as "12000.5" into cents; throws on anything that is not MONEY_PATTERN. */
export function parseMoney(value: string): Cents {
  if (typeof value !== 'string' || !MONEY_PATTERN.test(value)) {
    throw new RangeError(`Not a money amount: ${String(value)}`);
  }
  const [units, decimals = ''] = value.split('.');
  return BigInt(units) * 100n + BigInt(decimals.padEnd(2, '0'));
}

/** Formats cents as a decimal string with exactly two decimals: 1200050n → "12000.50". */
export function formatMoney(cents: Cents): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const units = abs / 100n;
  const rest = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${units.toString()}.${rest}`;
}

/** Normalises a money string from the database or input to two decimals ("12" → "12.00"). */
export function normaliseMoney(value: string): string {
  return formatMoney(parseMoney(value));
}

/** `normaliseMoney` for a value that may be absent (a nullable column or an optional field). */
export function normaliseOptionalMoney(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : normaliseMoney(value);
}

/** Sum of several amounts in cents. */
export function sumCents(values: readonly Cents[]): Cents {
  return values.reduce((acc, v) => acc + v, 0n);
}
