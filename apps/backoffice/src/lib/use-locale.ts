import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, COUNTRY_CODES, isLocale, type Locale } from '@cofinanca/contracts';
import { INTL_LOCALE } from '../i18n';

/** The current language as a Locale. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : 'ca';
}

/** A text given in the three languages, in the current one (Catalan when that one is empty). */
export function useLocalized() {
  const locale = useLocale();
  return useCallback(
    (text: { ca: string; es: string; en: string } | null | undefined) =>
      text ? text[locale]?.trim() || text.ca : '',
    [locale],
  );
}

/** Translates our i18n keys (validation.*, portal.*, grants.*) and leaves any other text (the API's) as it is. */
export function useMessage() {
  const { t } = useTranslation();
  return useCallback(
    (message: string | undefined) => {
      if (!message) return undefined;
      return /^(validation|portal|grants|errors)\./.test(message)
        ? t(message, { min: 10, max: 128 })
        : message;
    },
    [t],
  );
}

/** The countries of the IATI list, named in the current language and sorted for it. */
export function useCountries(): { code: string; name: string }[] {
  const locale = useLocale();
  return useMemo(() => {
    const tag = INTL_LOCALE[locale];
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([tag], { type: 'region' });
    } catch {
      names = null;
    }
    const english = new Map(COUNTRIES.map((c) => [c.code, c.name]));
    const collator = new Intl.Collator(tag);
    return COUNTRY_CODES.map((code) => {
      let name: string | undefined;
      try {
        name = names?.of(code);
      } catch {
        name = undefined;
      }
      return { code, name: name && name !== code ? name : (english.get(code) ?? code) };
    }).sort((a, b) => collator.compare(a.name, b.name));
  }, [locale]);
}

/** One country's name in the current language. */
export function useCountryName() {
  const countries = useCountries();
  const byCode = useMemo(() => new Map(countries.map((c) => [c.code, c.name])), [countries]);
  return useCallback((code: string | null | undefined) => (code ? (byCode.get(code) ?? code) : ''), [byCode]);
}

/** A file size for people: 1,2 MB. */
export function useFileSize() {
  const locale = useLocale();
  return useCallback(
    (bytes: number) => {
      const fmt = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 1 });
      if (bytes < 1024) return `${fmt.format(bytes)} B`;
      if (bytes < 1024 * 1024) return `${fmt.format(bytes / 1024)} KB`;
      return `${fmt.format(bytes / (1024 * 1024))} MB`;
    },
    [locale],
  );
}

/** A percentage string from the API ("80.00") in the language's format: 80 %, 72,5 %. */
export function usePercent() {
  const locale = useLocale();
  return useCallback(
    (value: string | null | undefined) => {
      if (value === null || value === undefined || value === '') return '';
      const fmt = new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'percent', maximumFractionDigits: 2 });
      return fmt.format(Number(value) / 100);
    },
    [locale],
  );
}
