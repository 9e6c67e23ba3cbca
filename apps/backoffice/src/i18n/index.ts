import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '@cofinanca/contracts';
import ca from './ca.json';
import es from './es.json';
import en from './en.json';
import portalCa from './portal/ca.json';
import portalEs from './portal/es.json';
import portalEn from './portal/en.json';
import officeCa from './office/ca.json';
import officeEs from './office/es.json';
import officeEn from './office/en.json';
import evaluationCa from './evaluation/ca.json';
import evaluationEs from './evaluation/es.json';
import evaluationEn from './evaluation/en.json';
import committeeCa from './committee/ca.json';
import committeeEs from './committee/es.json';
import committeeEn from './committee/en.json';

export const LOCALE_STORAGE_KEY = 'cofinanca.locale';

/**
 * One catalogue per language: the platform's keys, plus the NGO portal's (`portal.*`, with the shared grant
 * vocabulary under `grants.*`) and the officers' back-office (`office.*`) evaluation (`evaluation.*`, evaluators' and officers') and
 * evaluation committee (`committee.*`), kept in separate files.
 */
export const resources = {
  ca: { translation: { ...ca, ...portalCa, ...officeCa, ...evaluationCa, ...committeeCa } },
  es: { translation: { ...es, ...portalEs, ...officeEs, ...evaluationEs, ...committeeEs } },
  en: { translation: { ...en, ...portalEn, ...officeEn, ...evaluationEn, ...committeeEn } },
} as const;

/** The BCP 47 tags used with Intl for each language of the app. */
export const INTL_LOCALE: Record<Locale, string> = { ca: 'ca-ES', es: 'es-ES', en: 'en-GB' };

export function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function currentLocale(): Locale {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(lng) ? lng : DEFAULT_LOCALE;
}

/** Switches the language of every screen; `remember` keeps the choice in this browser. */
export async function setLocale(locale: Locale, remember = true): Promise<void> {
  if (remember) {
    try {
      window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Storage may be unavailable (private mode); the choice then lasts for this page only.
    }
  }
  await i18n.changeLanguage(locale);
}

function syncDocumentLanguage(lng: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = isLocale(lng) ? lng : DEFAULT_LOCALE;
}

i18n.on('languageChanged', syncDocumentLanguage);

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLocale() ?? DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
});
syncDocumentLanguage(i18n.language);

export default i18n;
