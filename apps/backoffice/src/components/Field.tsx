import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX, PASSWORD_MIN } from '../lib/password-rules';

/** Turns a validation message into text: our zod messages are i18n keys, the API's are shown as sent. */
export function useFieldMessage() {
  const { t } = useTranslation();
  return (message: string | undefined) => {
    if (!message) return undefined;
    return message.startsWith('validation.') ? t(message, { min: PASSWORD_MIN, max: PASSWORD_MAX }) : message;
  };
}

/** What a field's control receives to be tied to its label, hint and error. */
export interface FieldA11y {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  'aria-required'?: true;
}

export interface FieldProps {
  id: string;
  label: ReactNode;
  /** The message to show, already in the user's language (TextField and friends translate it first). */
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  /** The control, given its id and aria attributes (or a node that already carries them). */
  children: ReactNode | ((a11y: FieldA11y) => ReactNode);
}

/**
 * The one labelled-field wrapper of the back-office: label (with the required mark said in words), hint and error,
 * linked to the control with aria-describedby. Every input, select, textarea and composite control uses it.
 */
export function Field({ id, label, error, hint, required, className, children }: FieldProps) {
  const { t } = useTranslation();
  const a11y: FieldA11y = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, error, hint),
    'aria-required': required ? true : undefined,
  };
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
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
      {typeof children === 'function' ? children(a11y) : children}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: ReactNode) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  ref?: Ref<HTMLInputElement>;
};

export function TextField({ label, error, hint, id, required, ref, ...input }: TextFieldProps) {
  const autoId = useId();
  const message = useFieldMessage()(error);
  return (
    <Field id={id ?? autoId} label={label} error={message} hint={hint} required={required}>
      {(a11y) => <input ref={ref} {...a11y} {...input} />}
    </Field>
  );
}

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  ref?: Ref<HTMLSelectElement>;
};

export function SelectField({
  label,
  error,
  hint,
  id,
  required,
  ref,
  children,
  ...select
}: SelectFieldProps) {
  const autoId = useId();
  const message = useFieldMessage()(error);
  return (
    <Field id={id ?? autoId} label={label} error={message} hint={hint} required={required}>
      {(a11y) => (
        <select ref={ref} {...a11y} {...select}>
          {children}
        </select>
      )}
    </Field>
  );
}

type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  ref?: Ref<HTMLTextAreaElement>;
};

/** A labelled multi-line text field. */
export function TextAreaField({
  label,
  error,
  hint,
  id,
  required,
  ref,
  rows = 4,
  ...textarea
}: TextAreaFieldProps) {
  const autoId = useId();
  const message = useFieldMessage()(error);
  return (
    <Field id={id ?? autoId} label={label} error={message} hint={hint} required={required}>
      {(a11y) => <textarea ref={ref} rows={rows} className="office-textarea" {...a11y} {...textarea} />}
    </Field>
  );
}
