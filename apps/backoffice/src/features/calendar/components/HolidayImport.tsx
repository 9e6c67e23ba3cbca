import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseHolidayLines, type HolidayLineError } from '@cofinanca/domain';
import type { Holiday } from '../../../api/types';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { FormAlert } from '../../../components/FormAlert';
import { useImportHolidays } from '../hooks/use-calendar';
import { DEFAULT_MUNICIPALITY, INE_CODE, toScope } from '../schemas/calendar-schemas';

type LineError = { line: number; code: HolidayLineError | 'ALREADY_IN_CALENDAR' };

/**
 * A whole year's holidays at once: pasted lines or a CSV file, checked line by line here with the same parser as
 * the API (libs/domain), then stored all together or not at all.
 */
export function HolidayImport({
  year,
  existing,
  onImported,
}: {
  year: number;
  existing: readonly Holiday[];
  onImported: (count: number) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const errorsId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const importHolidays = useImportHolidays();
  const [text, setText] = useState('');
  const [scopeKind, setScopeKind] = useState<'national' | 'catalonia' | 'local'>('catalonia');
  const [ineCode, setIneCode] = useState(DEFAULT_MUNICIPALITY);
  const [lineErrors, setLineErrors] = useState<LineError[]>([]);
  const [textError, setTextError] = useState<string | undefined>();
  const [ineError, setIneError] = useState<string | undefined>();
  const [fileNotice, setFileNotice] = useState('');

  const submit = () => {
    importHolidays.reset();
    setLineErrors([]);
    setTextError(undefined);
    setIneError(undefined);
    if (scopeKind === 'local' && !INE_CODE.test(ineCode.trim())) {
      setIneError('validation.ineCode');
      return;
    }
    const scope = toScope({ scopeKind, ineCode: ineCode.trim() });
    const { holidays, errors } = parseHolidayLines(text, { defaultScope: scope, year });
    const taken = new Set(existing.map((h) => `${h.date}|${h.scope}`));
    const all: LineError[] = [
      ...errors,
      ...holidays
        .filter((h) => taken.has(`${h.date}|${h.scope}`))
        .map((h) => ({ line: h.line, code: 'ALREADY_IN_CALENDAR' as const })),
    ].sort((a, b) => a.line - b.line);
    if (all.length > 0 || holidays.length === 0) {
      setLineErrors(all);
      setTextError(
        holidays.length === 0 && all.length === 0
          ? t('calendar.import.empty')
          : t('calendar.import.refused', { count: all.length }),
      );
      textRef.current?.focus();
      return;
    }
    importHolidays.mutate(
      { text, scope, year },
      {
        onSuccess: (created) => {
          setText('');
          setFileNotice('');
          onImported(created.length);
        },
      },
    );
  };

  return (
    <form
      id="holiday-import"
      className="form"
      noValidate
      aria-labelledby={titleId}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3 id={titleId}>{t('calendar.import.title', { year })}</h3>
      <p className="field-hint">{t('calendar.import.intro', { year })}</p>
      <FormAlert error={importHolidays.error} />
      {lineErrors.length > 0 && (
        <div className="alert alert-error" role="alert" id={errorsId}>
          <p>{t('calendar.import.refused', { count: lineErrors.length })}</p>
          <ul>
            {lineErrors.map((e) => (
              <li key={`${e.line}-${e.code}`}>
                {t('calendar.import.line', { line: e.line })}:{' '}
                {t(`calendar.import.errors.${e.code}`, { year })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <fieldset disabled={importHolidays.isPending}>
        <legend className="visually-hidden">{t('calendar.import.title', { year })}</legend>
        <div className="form-row">
          <SelectField
            label={t('calendar.import.defaultScope')}
            value={scopeKind}
            onChange={(e) => setScopeKind(e.target.value as typeof scopeKind)}
          >
            <option value="catalonia">{t('calendar.scopes.catalonia')}</option>
            <option value="national">{t('calendar.scopes.national')}</option>
            <option value="local">{t('calendar.scopes.local')}</option>
          </SelectField>
          {scopeKind === 'local' && (
            <TextField
              label={t('calendar.ineCode')}
              inputMode="numeric"
              maxLength={5}
              required
              hint={t('calendar.ineHint')}
              error={ineError}
              value={ineCode}
              onChange={(e) => setIneCode(e.target.value)}
            />
          )}
        </div>
        <TextAreaField
          ref={textRef}
          label={t('calendar.import.lines')}
          hint={t('calendar.import.format')}
          rows={8}
          required
          spellCheck={false}
          error={textError}
          aria-errormessage={lineErrors.length > 0 ? errorsId : undefined}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="field">
          <label htmlFor={`${titleId}-file`}>{t('calendar.import.file')}</label>
          <input
            id={`${titleId}-file`}
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              void file.text().then((content) => {
                setText(content);
                setFileNotice(t('calendar.import.fileRead', { name: file.name }));
              });
            }}
          />
          {fileNotice && (
            <p className="field-hint" role="status">
              {fileNotice}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {importHolidays.isPending ? t('common.saving') : t('calendar.import.submit', { year })}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
