import { useTranslation } from 'react-i18next';
import { isIsoDate, lastAllowedEndDate } from '@cofinanca/domain';
import { useFormat } from '../../../../i18n/format';
import { useCountries } from '../../../../lib/use-locale';
import {
  fieldId,
  FormField,
  FormSection,
  removeAt,
  replaceAt,
  useFocusAfterRender,
  type SectionProps,
} from './form-kit';

/** 1. Project: title, summary, modality, country, locations and dates. */
export function ProjectSection({ values, set, error, call }: SectionProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const countries = useCountries();
  const focusLater = useFocusAfterRender();
  const lastEnd = isIsoDate(values.startDate)
    ? lastAllowedEndDate(values.startDate, call.maxExecutionMonths)
    : null;

  return (
    <FormSection id="project" title={t('portal.form.sections.project')} intro={t('portal.form.projectIntro')}>
      <FormField path="title" label={t('grants.field.title')} required error={error('title')}>
        {(a11y) => (
          <input
            {...a11y}
            type="text"
            maxLength={300}
            value={values.title}
            onChange={(e) => set({ title: e.target.value })}
          />
        )}
      </FormField>
      <FormField
        path="summary"
        label={t('grants.field.summary')}
        required
        hint={t('portal.form.summaryHint')}
        error={error('summary')}
      >
        {(a11y) => (
          <textarea
            {...a11y}
            rows={6}
            maxLength={5000}
            value={values.summary}
            onChange={(e) => set({ summary: e.target.value })}
          />
        )}
      </FormField>
      <div className="form-row">
        <FormField path="modality" label={t('grants.field.modality')} required error={error('modality')}>
          {(a11y) => (
            <select {...a11y} value={values.modality} onChange={(e) => set({ modality: e.target.value })}>
              <option value="">{t('portal.form.choose')}</option>
              {call.modalities.map((m) => (
                <option key={m} value={m}>
                  {t(`grants.modality.${m}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          path="countryCode"
          label={t('grants.field.countryCode')}
          required
          error={error('countryCode')}
        >
          {(a11y) => (
            <select
              {...a11y}
              value={values.countryCode}
              onChange={(e) => set({ countryCode: e.target.value })}
            >
              <option value="">{t('portal.form.choose')}</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>

      <fieldset className="portal-fieldset" aria-describedby="app-locations-hint">
        <legend>
          {t('grants.field.locations')}
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
          <span className="visually-hidden"> ({t('common.required')})</span>
        </legend>
        <p className="field-hint" id="app-locations-hint">
          {t('portal.form.locationsHint')}
        </p>
        {error('locations') && <p className="field-error">{error('locations')}</p>}
        <ol className="portal-list">
          {values.locations.map((location, i) => (
            <li key={i} className="portal-list-row">
              <label className="visually-hidden" htmlFor={fieldId(`locations[${i}]`)}>
                {t('portal.form.locationN', { n: i + 1 })}
              </label>
              <input
                id={fieldId(`locations[${i}]`)}
                type="text"
                maxLength={200}
                value={location}
                onChange={(e) => set({ locations: replaceAt(values.locations, i, e.target.value) })}
              />
              <button
                type="button"
                className="button button-small button-secondary"
                aria-label={t('portal.form.removeLocation', { n: i + 1 })}
                onClick={() => {
                  set({ locations: removeAt(values.locations, i) });
                  focusLater('app-add-location');
                }}
              >
                {t('portal.form.remove')}
              </button>
            </li>
          ))}
        </ol>
        <button
          id="app-add-location"
          type="button"
          className="button button-secondary"
          onClick={() => {
            set({ locations: [...values.locations, ''] });
            focusLater(fieldId(`locations[${values.locations.length}]`));
          }}
        >
          {t('portal.form.addLocation')}
        </button>
      </fieldset>

      <div className="form-row">
        <FormField path="startDate" label={t('grants.field.startDate')} required error={error('startDate')}>
          {(a11y) => (
            <input
              {...a11y}
              type="date"
              value={values.startDate}
              onChange={(e) => set({ startDate: e.target.value })}
            />
          )}
        </FormField>
        <FormField
          path="endDate"
          label={t('grants.field.endDate')}
          required
          hint={
            lastEnd
              ? t('portal.form.endDateHint', { months: call.maxExecutionMonths, date: fmt.date(lastEnd) })
              : t('portal.form.endDateHintNoStart', { months: call.maxExecutionMonths })
          }
          error={error('endDate')}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="date"
              min={values.startDate || undefined}
              value={values.endDate}
              onChange={(e) => set({ endDate: e.target.value })}
            />
          )}
        </FormField>
      </div>
    </FormSection>
  );
}
