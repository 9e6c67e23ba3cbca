import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from '../api/problem';
import i18n, { currentLocale } from '../i18n';
import { createFormatters } from '../i18n/format';

/** The translated message of an error: the problem `code` mapped to a message, or the problem's `detail`. */
export function problemMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.UNKNOWN');
  const key = `errors.${error.code}`;
  const minutes = error.retryAfter ? Math.max(1, Math.ceil(error.retryAfter / 60)) : 15;
  const translated = t(key, { minutes, defaultValue: '' });
  if (translated) return translated;
  return error.detail || t('errors.UNKNOWN');
}

/** A field rule as the API or the domain reports it: its code, its values and (from the API) its message. */
export interface FieldRule {
  code: string;
  params?: Readonly<Record<string, string | number>>;
  message?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DECIMAL = /^-?\d+\.\d+$/;

/** A rule's value as a person of the active language reads it: dates and instants formatted, decimal comma. */
function formatParam(value: string | number): string {
  const text = String(value);
  const format = createFormatters(currentLocale());
  if (ISO_DATE.test(text)) return format.date(text);
  if (ISO_INSTANT.test(text)) return format.instant(text);
  if (
    currentLocale() !== 'en' &&
    (DECIMAL.test(text) || (typeof value === 'number' && !Number.isInteger(value)))
  ) {
    return text.replace('.', ',');
  }
  return text;
}

/**
 * The message of a field rule in the active language, by its code (`errors.field.<CODE>` with its params); a code
 * the back-office does not know yet shows the API's own message, else "not valid".
 */
export function fieldMessage(rule: FieldRule, t: TFunction = i18n.t): string {
  const values = Object.fromEntries(Object.entries(rule.params ?? {}).map(([k, v]) => [k, formatParam(v)]));
  return t(`errors.field.${rule.code}`, {
    ...values,
    defaultValue: rule.message || t('errors.field.INVALID'),
    interpolation: { escapeValue: false },
  });
}

/** The messages of a field's rules, each once, as one sentence run. */
export function fieldMessages(rules: readonly FieldRule[] | undefined): string {
  return [...new Set((rules ?? []).map((rule) => fieldMessage(rule)))].join(' ');
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
    const message = fieldMessages(messages);
    if ((fields as readonly string[]).includes(field)) {
      setError(field as Path<T>, { type: 'server', message });
    } else {
      rest.push(`${field}: ${message}`);
    }
  }
  return rest;
}
