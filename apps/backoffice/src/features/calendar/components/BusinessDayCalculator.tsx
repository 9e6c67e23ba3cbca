import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/Field';
import { FormAlert } from '../../../components/FormAlert';
import { useFormat } from '../../../i18n/format';
import { applyFieldErrors } from '../../../lib/problem';
import { useBusinessDays } from '../hooks/use-calendar';
import {
  businessDaysSchema,
  calendarMissingYear,
  DEFAULT_MUNICIPALITY,
  type BusinessDaysInput,
  type BusinessDaysValues,
} from '../schemas/calendar-schemas';

export function BusinessDayCalculator() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const titleId = useId();
  const compute = useBusinessDays();
  const [extra, setExtra] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<BusinessDaysInput, unknown, BusinessDaysValues>({
    resolver: zodResolver(businessDaysSchema),
    defaultValues: { from: '', days: '10', municipality: DEFAULT_MUNICIPALITY },
  });
  const result = compute.data;

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('calendar.calculatorTitle')}</h2>
      <p>{t('calendar.calculatorIntro')}</p>
      <form
        className="form"
        noValidate
        onSubmit={handleSubmit(async (values) => {
          setExtra([]);
          try {
            await compute.mutateAsync(values);
          } catch (error) {
            const year = calendarMissingYear(error);
            setExtra(
              year
                ? [t('calendar.missing.refused', { year })]
                : applyFieldErrors(error, setError, ['from', 'days', 'municipality']),
            );
          }
        })}
      >
        <FormAlert error={compute.error} extra={extra} />
        <fieldset disabled={isSubmitting}>
          <legend className="visually-hidden">{t('calendar.calculatorTitle')}</legend>
          <div className="form-row">
            <TextField
              label={t('calendar.from')}
              type="date"
              required
              error={errors.from?.message}
              {...register('from')}
            />
            <TextField
              label={t('calendar.days')}
              type="number"
              min={1}
              max={366}
              step={1}
              required
              error={errors.days?.message}
              {...register('days')}
            />
            <TextField
              label={t('calendar.municipality')}
              inputMode="numeric"
              maxLength={5}
              required
              hint={t('calendar.ineHint')}
              error={errors.municipality?.message}
              {...register('municipality')}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t('calendar.calculate')}
            </button>
          </div>
        </fieldset>
      </form>
      <div role="status" aria-live="polite">
        {result && (
          <p className="result">
            {t('calendar.result', {
              days: result.days,
              from: fmt.date(result.from),
            })}{' '}
            <strong data-testid="due-date">
              <time dateTime={result.dueDate}>{fmt.date(result.dueDate)}</time>
            </strong>{' '}
            <span className="muted">({fmt.longDate(result.dueDate)})</span>
          </p>
        )}
      </div>
    </section>
  );
}
