import { useId, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldMessage } from './Field';

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  ref?: Ref<HTMLTextAreaElement>;
};

/** A labelled multi-line text field, with its hint and error linked by aria-describedby (like TextField). */
export function TextAreaField({ label, error, hint, id, required, ref, rows = 4, ...textarea }: Props) {
  const { t } = useTranslation();
  const autoId = useId();
  const fieldId = id ?? autoId;
  const message = useFieldMessage()(error);
  const describedBy = [hint ? `${fieldId}-hint` : '', message ? `${fieldId}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${message ? ' field-invalid' : ''}`}>
      <label htmlFor={fieldId}>
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
        <p className="field-hint" id={`${fieldId}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        id={fieldId}
        ref={ref}
        rows={rows}
        aria-invalid={message ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy || undefined}
        className="office-textarea"
        {...textarea}
      />
      {message && (
        <p className="field-error" id={`${fieldId}-error`}>
          {message}
        </p>
      )}
    </div>
  );
}
