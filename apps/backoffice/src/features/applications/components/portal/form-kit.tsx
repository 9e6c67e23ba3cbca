/** Small accessible building blocks of the application form. */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, type FieldA11y, type FieldProps } from '../../../../components/Field';
import { fieldMessages, type FieldRule } from '../../../../lib/problem';
import type { Call } from '../../../../api/types';
import type { ApplicationFormValues, FieldErrors } from '../../schemas/application-form';

/** The id of the input of a field path (`budgetLines[1].amount` → `app-budgetLines-1-amount`). */
export function fieldId(path: string): string {
  return `app-${path.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-$/, '')}`;
}

export type A11yProps = FieldA11y;

/** A field of the application form: the shared Field, with the id derived from the field's API path. */
export function FormField({ path, ...props }: Omit<FieldProps, 'id'> & { path: string }) {
  return <Field id={fieldId(path)} {...props} />;
}

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

/** Translates the form's error messages: our i18n keys, or the API's field rules by code. */
export function useErrorLookup(errors: FieldErrors, serverErrors: Record<string, readonly FieldRule[]>) {
  const { t } = useTranslation();
  return useCallback(
    (path: string): string | undefined => {
      const own = errors[path];
      if (own) return t(own);
      const server = serverErrors[path];
      return server && server.length > 0 ? fieldMessages(server) : undefined;
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
