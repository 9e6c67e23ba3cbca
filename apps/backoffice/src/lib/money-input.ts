import { isPercent, MONEY_PATTERN, normaliseMoney } from '@cofinanca/domain';

/**
 * Money typed by a person: "1234,56", "1234.56", "1.234,56", "1 234,56 €" → "1234.56" (what the API takes), or
 * null when it is not an amount with at most two decimals. An empty text is not an amount either: callers decide
 * whether empty means "not given".
 */
export function parseMoneyInput(raw: string): string | null {
  const text = raw.replace(/[\s\u00a0\u202f€]/g, '');
  if (text === '') return null;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  let decimal: string | null = null;
  let group: string | null = null;
  if (lastComma >= 0 && lastDot >= 0) {
    // Both separators: the last one is the decimal separator, the other groups thousands.
    decimal = lastComma > lastDot ? ',' : '.';
    group = decimal === ',' ? '.' : ',';
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const count = text.split(sep).length - 1;
    // Several separators group thousands ("1.234.567"); so does one dot before exactly three digits ("1.234", a
    // Catalan or Spanish thousand, never an amount with three decimals); otherwise it is the decimal separator.
    if (count > 1 || (sep === '.' && /^\d{1,3}\.\d{3}$/.test(text))) group = sep;
    else decimal = sep;
  }
  let units = text;
  let cents: string | undefined;
  if (decimal !== null) {
    const at = text.lastIndexOf(decimal);
    units = text.slice(0, at);
    cents = text.slice(at + 1);
  }
  if (group !== null && units.includes(group)) {
    const grouped = new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`);
    if (!grouped.test(units)) return null;
    units = units.split(group).join('');
  }
  const candidate = cents === undefined ? units : `${units}.${cents}`;
  if (!MONEY_PATTERN.test(candidate)) return null;
  return normaliseMoney(candidate);
}

/** A percentage typed by a person ("37,5" or "37.5") → "37.50", or null when it is not one from 0 to 100. */
export function parsePercentInput(raw: string): string | null {
  const text = raw.replace(/[\s\u00a0%]/g, '').replace(',', '.');
  if (text === '' || !isPercent(text)) return null;
  return normaliseMoney(text);
}

/** A decimal string from the API shown for editing with the language's decimal separator: "1234.50" → "1234,50". */
export function moneyForInput(value: string | null | undefined, decimalSeparator: string): string {
  if (value === null || value === undefined) return '';
  return decimalSeparator === ',' ? value.replace('.', ',') : value;
}

/** A count of people typed by a person: a whole number from 0, or null. */
export function parseCountInput(raw: string): number | null {
  const text = raw.replace(/[\s\u00a0.]/g, '');
  if (!/^\d{1,10}$/.test(text)) return null;
  const n = Number(text);
  return n <= 1_000_000_000 ? n : null;
}
