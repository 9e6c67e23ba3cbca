import type { LocalisedText } from '@cofinanca/domain';
import { currentLocale } from '../i18n';

/** A text in the user's language, falling back to Catalan (the language every call has first). */
export function localised(text: LocalisedText | null | undefined): string {
  if (!text) return '';
  return text[currentLocale()] || text.ca || text.es || text.en || '';
}
