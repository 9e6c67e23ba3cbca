import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LOCALE, isLocale } from '@cofinanca/contracts';
import { INTL_LOCALE } from '../i18n';

/** Country names (ISO 3166-1 alpha-2) in the user's language, from Intl.DisplayNames. */
export function useCountryName(): (code: string | null | undefined) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const tag = INTL_LOCALE[isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE];
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([tag], { type: 'region' });
    } catch {
      names = null;
    }
    return (code) => {
      if (!code) return '';
      try {
        return names?.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    };
  }, [i18n.language]);
}
