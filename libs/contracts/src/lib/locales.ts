import { LANGUAGES, type Language } from '@cofinanca/domain';

/** Languages of every screen, e-mail and document: Catalan first (the domain's LANGUAGES). */
export const LOCALES = LANGUAGES;
export type Locale = Language;
export const DEFAULT_LOCALE: Locale = 'ca';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
