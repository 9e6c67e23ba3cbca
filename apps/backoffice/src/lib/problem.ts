import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from '../api/problem';
import i18n from '../i18n';

/** The translated message of an error: the problem `code` mapped to a message, or the problem's `detail`. */
export function problemMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.UNKNOWN');
  const key = `errors.${error.code}`;
  const minutes = error.retryAfter ? Math.max(1, Math.ceil(error.retryAfter / 60)) : 15;
  const translated = t(key, { minutes, defaultValue: '' });
  if (translated) return translated;
  return error.detail || t('errors.UNKNOWN');
}

/** The API's field messages (English, stable) mapped to translated ones; anything else reads "not valid". */
const FIELD_MESSAGES: [RegExp, string][] = [
  [/already in use|already has/i, 'errors.field.taken'],
  [/is not correct/i, 'errors.field.incorrect'],
  [/not a known field/i, 'errors.field.unknown'],
  [/version/i, 'errors.STALE_VERSION'],
];

export function fieldMessage(message: string): string {
  const key = FIELD_MESSAGES.find(([pattern]) => pattern.test(message))?.[1] ?? 'errors.field.invalid';
  return i18n.t(key);
}

/**
 * Puts the problem's field errors on the form fields that exist; returns the messages of fields the form does not
 * show (they belong in the alert).
 */
export function applyFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string[] {
  if (!isApiError(error)) return [];
  const rest: string[] = [];
  for (const [field, messages] of Object.entries(error.fieldErrors)) {
    const message = [...new Set(messages.map(fieldMessage))].join(' ');
    if ((fields as readonly string[]).includes(field)) {
      setError(field as Path<T>, { type: 'server', message });
    } else {
      rest.push(`${field}: ${message}`);
    }
  }
  return rest;
}
