import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from '../api/problem';

/** The translated message of an error: the problem `code` mapped to a message, or the problem's `detail`. */
export function problemMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.UNKNOWN');
  const key = `errors.${error.code}`;
  const minutes = error.retryAfter ? Math.max(1, Math.ceil(error.retryAfter / 60)) : 15;
  const translated = t(key, { minutes, defaultValue: '' });
  if (translated) return translated;
  return error.detail || t('errors.UNKNOWN');
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
    const message = messages.join(' ');
    if ((fields as readonly string[]).includes(field)) {
      setError(field as Path<T>, { type: 'server', message });
    } else {
      rest.push(`${field}: ${message}`);
    }
  }
  return rest;
}
