/** Small accessible building blocks of the application form. */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldMessage } from '../../../../lib/problem';
import type { Call } from '../../../../api/portal-types';
import type { ApplicationFormValues, FieldErrors } from '../../schemas/application-form';

/** The id of the input of a field path (`budgetLines[1].amount` → `app-budgetLines-1-amount`). */
export function fieldId(path: string): string {
  return `app-${path.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-$/, '')}`;
}

export interface A11yProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  'aria-required'?: true;
}

/** A labelled field whose hint and error are tied to the input with aria-describedby. */
export function FormField({
  path,
  label,
  hint,
  error,
  required,
  children,
}: {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: (a11y: A11yProps) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = fieldId(path);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
        {required && <span className="visually-hidden"> ({t('common.required')})</span>}
      </label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
        'aria-required': required ? true : undefined,
      })}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The a11y props of an input inside a table cell: labelled by aria-label, its error right below it. */
export function cellProps(path: string, label: string, error?: string) {
  const id = fieldId(path);
  return {
    id,
    'aria-label': label,
    'aria-invalid': error ? (true as const) : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  };
}

export function CellError({ path, error }: { path: string; error?: string }) {
  if (!error) return null;
  return (
    <p className="field-error" id={`${fieldId(path)}-error`}>
      {error}
    </p>
  );
}

/** Focus an element by id after the next render (e.g. the first input of a row just added). */
export function useFocusAfterRender() {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    document.getElementById(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}

export const replaceAt = <T,>(list: readonly T[], index: number, item: T): T[] =>
  list.map((x, i) => (i === index ? item : x));
export const removeAt = <T,>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}

/** What every section of the form receives. */
export interface SectionProps {
  values: ApplicationFormValues;
  set: (patch: Partial<ApplicationFormValues>) => void;
  /** The translated error of a field path, if any. */
  error: (path: string) => string | undefined;
  call: Call;
}

/** Translates the form's error messages: our i18n keys, or the API's English messages (mapped). */
export function useErrorLookup(errors: FieldErrors, serverErrors: Record<string, string[]>) {
  const { t } = useTranslation();
  return useCallback(
    (path: string): string | undefined => {
      const own = errors[path];
      if (own) return t(own);
      const server = serverErrors[path];
      return server && server.length > 0 ? [...new Set(server.map(fieldMessage))].join(' ') : undefined;
    },
    [errors, serverErrors, t],
  );
}

/** A section of the form: a landmark region with its h2, reachable from the side navigation. */
export function FormSection({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      className="card portal-form-section"
      id={`section-${id}`}
      aria-labelledby={`section-${id}-title`}
    >
      <h2 id={`section-${id}-title`} tabIndex={-1}>
        {title}
      </h2>
      {intro && <p className="muted">{intro}</p>}
      {children}
    </section>
  );
}
