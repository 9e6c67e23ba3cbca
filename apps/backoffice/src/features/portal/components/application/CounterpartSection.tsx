import { useTranslation } from 'react-i18next';
import { useCountries } from '../common';
import { FormField, FormSection, type SectionProps } from './form-kit';

/** 5. Local counterpart (and a note on partner entities of a joint project). */
export function CounterpartSection({ values, set, error }: SectionProps) {
  const { t } = useTranslation();
  const countries = useCountries();
  const c = values.counterpart;
  const change = (patch: Partial<typeof c>) => set({ counterpart: { ...c, ...patch } });
  return (
    <FormSection
      id="counterpart"
      title={t('portal.form.sections.counterpart')}
      intro={t('portal.counterpart.intro')}
    >
      <div className="form-row">
        <FormField
          path="counterpart.name"
          label={t('grants.field.counterpartName')}
          required
          error={error('counterpart.name')}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="text"
              maxLength={300}
              value={c.name}
              onChange={(e) => change({ name: e.target.value })}
            />
          )}
        </FormField>
        <FormField
          path="counterpart.countryCode"
          label={t('grants.field.counterpartCountry')}
          required
          error={error('counterpart.countryCode')}
        >
          {(a11y) => (
            <select {...a11y} value={c.countryCode} onChange={(e) => change({ countryCode: e.target.value })}>
              <option value="">{t('portal.form.choose')}</option>
              {countries.map((country) => (
                <option key={country.code} value={country.code}>
                  {country.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormField
        path="counterpart.description"
        label={t('grants.field.counterpartDescription')}
        required
        hint={t('portal.counterpart.descriptionHint')}
        error={error('counterpart.description')}
      >
        {(a11y) => (
          <textarea
            {...a11y}
            rows={5}
            maxLength={5000}
            value={c.description}
            onChange={(e) => change({ description: e.target.value })}
          />
        )}
      </FormField>
      <h3>{t('grants.field.partnerEntityIds')}</h3>
      <p>{t('portal.counterpart.partnersNote')}</p>
    </FormSection>
  );
}
