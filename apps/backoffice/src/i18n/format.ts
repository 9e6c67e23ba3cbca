import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LOCALE, isLocale } from '@cofinanca/contracts';
import { formatAmount, formatShortDate, MONEY_PATTERN } from '@cofinanca/domain';
import { INTL_LOCALE } from './index';

/**
 * Formats dates, instants, numbers and money with Intl in the active language. Money and civil dates are written by
 * the same functions as the e-mails, the registry receipt and the exports (`@cofinanca/domain`'s format module).
 */
export function createFormatters(language: string) {
  const locale = isLocale(language) ? language : DEFAULT_LOCALE;
  const tag = INTL_LOCALE[locale];
  const longDateFmt = new Intl.DateTimeFormat(tag, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const instantFmt = new Intl.DateTimeFormat(tag, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: 'Europe/Madrid',
  });
  const numberFmt = new Intl.NumberFormat(tag);
  const moneyFmt = new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' });

  const toUtcDate = (value: string) => {
    const [y, m, d] = value.slice(0, 10).split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  };

  return {
    /** A calendar date `YYYY-MM-DD` → e.g. 18/05/2026. */
    date: (value: string | null | undefined) => (value ? formatShortDate(value) : ''),
    longDate: (value: string | null | undefined) => (value ? longDateFmt.format(toUtcDate(value)) : ''),
    /** An ISO 8601 instant, shown in Europe/Madrid. */
    instant: (value: string | null | undefined) => (value ? instantFmt.format(new Date(value)) : ''),
    number: (value: number) => numberFmt.format(value),
    /** A decimal string such as "1234.56" → 1.234,56 € (no floating point on the way). */
    money: (value: string | number) =>
      typeof value === 'string' && MONEY_PATTERN.test(value)
        ? formatAmount(value, locale)
        : moneyFmt.format(typeof value === 'string' ? (value as Intl.StringNumericLiteral) : value),
  };
}

export type Formatters = ReturnType<typeof createFormatters>;

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => createFormatters(i18n.language), [i18n.language]);
}
