import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../../api/problem';
import type { Holiday } from '../../../api/types';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { SelectField, TextField } from '../../../components/Field';
import { FormAlert } from '../../../components/FormAlert';
import { DataTable } from '../../../components/List';
import { Empty, ErrorState, Loading, StatusNotice } from '../../../components/States';
import { useFormat } from '../../../i18n/format';
import { applyFieldErrors } from '../../../lib/problem';
import { useCreateHoliday, useDeleteHoliday, useHolidays } from '../hooks/use-calendar';
import {
  DEFAULT_MUNICIPALITY,
  holidaySchema,
  toScope,
  type HolidayValues,
} from '../schemas/calendar-schemas';
import { HolidayImport } from './HolidayImport';
import { scopeLabel } from './scope-label';

export function yearOptions(now = new Date()): number[] {
  const current = now.getFullYear();
  const years = new Set([2025, 2026, 2027, current - 1, current, current + 1]);
  return [...years].sort((a, b) => a - b);
}

export function HolidaysAdmin() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const yearId = useId();
  const [params] = useSearchParams();
  // `?year=` (the link of the e-mail about a missing calendar) opens that year.
  const [year, setYear] = useState(() => {
    const asked = Number(params.get('year'));
    return yearOptions().includes(asked) ? asked : new Date().getFullYear();
  });
  const holidays = useHolidays(year);
  const remove = useDeleteHoliday();
  const [deleting, setDeleting] = useState<Holiday | null>(null);
  const [notice, setNotice] = useState('');

  const sorted = holidays.data ? [...holidays.data].sort((a, b) => a.date.localeCompare(b.date)) : [];

  return (
    <section className="card" aria-labelledby={`${yearId}-title`}>
      <h2 id={`${yearId}-title`}>{t('calendar.holidaysTitle')}</h2>
      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor={yearId}>{t('calendar.year')}</label>
          <select id={yearId} value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {yearOptions().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      <StatusNotice message={notice} />
      {holidays.isPending ? (
        <Loading />
      ) : holidays.isError ? (
        <ErrorState error={holidays.error} onRetry={() => void holidays.refetch()} />
      ) : sorted.length === 0 ? (
        <Empty>{t('calendar.emptyYear', { year })}</Empty>
      ) : (
        <DataTable caption={t('calendar.caption', { year })}>
          <thead>
            <tr>
              <th scope="col">{t('calendar.date')}</th>
              <th scope="col">{t('calendar.name')}</th>
              <th scope="col">{t('calendar.scope')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((holiday) => (
              <tr key={holiday.id}>
                <td>
                  <time dateTime={holiday.date}>{fmt.date(holiday.date)}</time>
                </td>
                <td>{holiday.name}</td>
                <td>{scopeLabel(t, holiday.scope)}</td>
                <td>
                  <button
                    type="button"
                    className="button button-small button-danger-outline"
                    onClick={() => {
                      remove.reset();
                      setDeleting(holiday);
                    }}
                    aria-label={t('calendar.deleteLabel', {
                      name: holiday.name,
                      date: fmt.date(holiday.date),
                    })}
                  >
                    {t('common.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}

      <HolidayForm
        onCreated={(h) => {
          setNotice(t('calendar.added', { name: h.name, date: fmt.date(h.date) }));
          const y = Number(h.date.slice(0, 4));
          if (y !== year) setYear(y);
        }}
      />

      <HolidayImport
        year={year}
        existing={holidays.data ?? []}
        onImported={(count) => setNotice(t('calendar.import.done', { count, year }))}
      />

      <ConfirmDialog
        open={!!deleting}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={t('calendar.deleteTitle')}
        description={
          deleting
            ? t('calendar.deleteBody', {
                name: deleting.name,
                date: fmt.date(deleting.date),
                scope: scopeLabel(t, deleting.scope),
              })
            : ''
        }
        confirmLabel={t('common.delete')}
        busy={remove.isPending}
        onConfirm={() => {
          if (!deleting) return;
          const holiday = deleting;
          remove.mutate(holiday.id, {
            onSuccess: () => {
              setDeleting(null);
              setNotice(t('calendar.deleted', { name: holiday.name, date: fmt.date(holiday.date) }));
            },
          });
        }}
      >
        <FormAlert error={remove.error} />
      </ConfirmDialog>
    </section>
  );
}

function HolidayForm({ onCreated }: { onCreated: (holiday: Holiday) => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const create = useCreateHoliday();
  const [extra, setExtra] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<HolidayValues>({
    resolver: zodResolver(holidaySchema),
    defaultValues: { date: '', scopeKind: 'local', ineCode: DEFAULT_MUNICIPALITY, name: '' },
  });
  const scopeKind = watch('scopeKind');

  return (
    <form
      className="form form-grid"
      noValidate
      aria-labelledby={titleId}
      onSubmit={handleSubmit(async (values) => {
        setExtra([]);
        try {
          const holiday = await create.mutateAsync({
            date: values.date,
            scope: toScope(values),
            name: values.name,
          });
          reset({ date: '', scopeKind: values.scopeKind, ineCode: values.ineCode, name: '' });
          onCreated(holiday);
        } catch (error) {
          const rest = applyFieldErrors(error, setError, ['date', 'name']);
          if (isApiError(error) && error.code === 'DUPLICATE') {
            setError('date', { type: 'server', message: t('calendar.duplicate') }, { shouldFocus: true });
            setExtra([]);
          } else {
            setExtra(rest);
          }
        }
      })}
    >
      <h3 id={titleId}>{t('calendar.addTitle')}</h3>
      <FormAlert error={create.error} extra={extra} />
      <fieldset disabled={isSubmitting}>
        <legend className="visually-hidden">{t('calendar.addTitle')}</legend>
        <div className="form-row">
          <TextField
            label={t('calendar.date')}
            type="date"
            required
            error={errors.date?.message}
            {...register('date')}
          />
          <SelectField
            label={t('calendar.scope')}
            error={errors.scopeKind?.message}
            {...register('scopeKind')}
          >
            <option value="national">{t('calendar.scopes.national')}</option>
            <option value="catalonia">{t('calendar.scopes.catalonia')}</option>
            <option value="local">{t('calendar.scopes.local')}</option>
          </SelectField>
          {scopeKind === 'local' && (
            <TextField
              label={t('calendar.ineCode')}
              inputMode="numeric"
              maxLength={5}
              required
              hint={t('calendar.ineHint')}
              error={errors.ineCode?.message}
              {...register('ineCode')}
            />
          )}
          <TextField label={t('calendar.name')} required error={errors.name?.message} {...register('name')} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('calendar.addSubmit')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
