import { createContext, useContext, useId, type Dispatch, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalisedText } from '@cofinanca/domain';
import { fieldId, type CallForm, type CallFormAction } from '../../schemas/call-form';
import { Field } from '../../../../components/Field';

export interface EditorContextValue {
  form: CallForm;
  dispatch: Dispatch<CallFormAction>;
  /** The message to show next to the input of an API path, already translated (or undefined). */
  errorFor: (path: string) => string | undefined;
  /** Moves the focus to an element (by id) once the next render is on screen. */
  requestFocus: (id: string) => void;
  /** Tells assistive technology what just happened (a polite live region). */
  announce: (message: string) => void;
  disabled: boolean;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor outside the call editor');
  return value;
}

interface InputProps {
  path: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  required?: boolean;
  type?: 'text' | 'date' | 'time';
  inputMode?: 'text' | 'decimal' | 'numeric';
  lang?: string;
  size?: number;
  maxLength?: number;
  className?: string;
  /** Shown after the input (a unit such as €, %, months). */
  suffix?: ReactNode;
  /** An error shown outside the field (e.g. for a date and time pair) that also describes this input. */
  groupError?: { id: string; message: string };
}

/** A text input bound to an API path: its id is `fieldId(path)` and its error comes from the editor. */
export function EditorInput({
  path,
  label,
  value,
  onChange,
  hint,
  required,
  suffix,
  className,
  groupError,
  ...input
}: InputProps) {
  const { errorFor, disabled } = useEditor();
  const id = fieldId(path);
  return (
    <Field id={id} label={label} hint={hint} error={errorFor(path)} required={required} className={className}>
      {(aria) => (
        <span className="office-input-line">
          <input
            {...aria}
            aria-invalid={aria['aria-invalid'] ?? (groupError ? true : undefined)}
            aria-describedby={
              [aria['aria-describedby'], groupError?.id].filter(Boolean).join(' ') || undefined
            }
            {...input}
            type={input.type ?? 'text'}
            value={value}
            disabled={disabled}
            autoComplete="off"
            onChange={(e) => onChange(e.target.value)}
          />
          {suffix && (
            <span className="office-input-suffix" aria-hidden="true">
              {suffix}
            </span>
          )}
        </span>
      )}
    </Field>
  );
}

export function EditorTextArea({
  path,
  label,
  value,
  onChange,
  hint,
  required,
  lang,
  rows = 3,
  maxLength,
}: Omit<InputProps, 'type' | 'inputMode' | 'size' | 'suffix'> & { rows?: number }) {
  const { errorFor, disabled } = useEditor();
  const id = fieldId(path);
  return (
    <Field id={id} label={label} hint={hint} error={errorFor(path)} required={required}>
      {(aria) => (
        <textarea
          {...aria}
          className="office-textarea"
          lang={lang}
          rows={rows}
          maxLength={maxLength}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

const LANGUAGES = ['ca', 'es', 'en'] as const;

/** One text in the three languages of the product: a group with a labelled input per language. */
export function LocalisedFields({
  path,
  label,
  value,
  onChange,
  multiline,
  maxLength,
  required,
}: {
  path: string;
  label: string;
  value: LocalisedText;
  onChange: (language: keyof LocalisedText, value: string) => void;
  multiline?: boolean;
  maxLength?: number;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const legendId = useId();
  return (
    <fieldset className="office-localised" aria-labelledby={legendId} id={fieldId(path)} tabIndex={-1}>
      <legend id={legendId}>{label}</legend>
      <div className={multiline ? 'office-localised-stack' : 'form-row'}>
        {LANGUAGES.map((language) => {
          const props = {
            path: `${path}.${language}`,
            label: t('office.editor.inLanguage', {
              field: label,
              language: t(`office.languages.${language}`),
            }),
            value: value[language],
            onChange: (v: string) => onChange(language, v),
            lang: language,
            maxLength,
            required,
          };
          return multiline ? (
            <EditorTextArea key={language} {...props} rows={4} />
          ) : (
            <EditorInput key={language} {...props} />
          );
        })}
      </div>
    </fieldset>
  );
}
