import { useTranslation } from 'react-i18next';
import { AGE_BANDS } from '@cofinanca/domain';
import { useFormat } from '../../../../i18n/format';
import { parseCountInput } from '../../../../lib/money-input';
import { emptyByAge, type CountsValues, type GroupValues } from '../../schemas/application-form';
import { CellError, cellProps, fieldId, FormField, FormSection, type SectionProps } from './form-kit';
import { EditableTable } from '../../../../components/EditableTable';

const SEXES = ['women', 'men', 'other'] as const;
const total = (c: CountsValues) => SEXES.reduce((acc, s) => acc + (parseCountInput(c[s]) ?? 0), 0);

function Group({
  name,
  group,
  onChange,
  error,
}: {
  name: 'direct' | 'indirect';
  group: GroupValues;
  onChange: (group: GroupValues) => void;
  error: SectionProps['error'];
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const groupLabel = t(`grants.beneficiaryGroup.${name}`);
  const path = `beneficiaries.${name}`;
  const byAgeTotal = group.byAge ? AGE_BANDS.reduce((acc, b) => acc + total(group.byAge![b]), 0) : 0;
  const mismatch = group.byAge !== null && byAgeTotal !== total(group);

  return (
    <fieldset className="portal-fieldset">
      <legend>{groupLabel}</legend>
      <div className="form-row">
        {SEXES.map((sex) => (
          <FormField
            key={sex}
            path={`${path}.${sex}`}
            label={t(`grants.sex.${sex}`)}
            error={error(`${path}.${sex}`)}
          >
            {(a11y) => (
              <input
                {...a11y}
                inputMode="numeric"
                value={group[sex]}
                onChange={(e) => onChange({ ...group, [sex]: e.target.value })}
              />
            )}
          </FormField>
        ))}
      </div>
      <p>{t('portal.beneficiaries.total', { total: fmt.number(total(group)) })}</p>
      <label className="checkbox" htmlFor={fieldId(`${path}-byAge`)}>
        <input
          id={fieldId(`${path}-byAge`)}
          type="checkbox"
          checked={group.byAge !== null}
          onChange={(e) => onChange({ ...group, byAge: e.target.checked ? emptyByAge() : null })}
        />
        {t('portal.beneficiaries.byAge')}
      </label>
      {group.byAge && (
        <EditableTable
          caption={t('portal.beneficiaries.byAgeCaption', { group: groupLabel })}
          columns={[
            { key: 'band', header: t('portal.beneficiaries.ageBand'), rowHeader: true, className: '' },
            ...SEXES.map((sex) => ({ key: sex, header: t(`grants.sex.${sex}`) })),
          ]}
          rows={AGE_BANDS}
          rowKey={(band) => band}
          cell={(band, _, key) => {
            if (key === 'band') return t(`grants.ageBand.${band}`);
            const sex = key as (typeof SEXES)[number];
            const p = `${path}.byAge.${band}.${sex}`;
            return (
              <>
                <input
                  {...cellProps(
                    p,
                    t('portal.beneficiaries.cellLabel', {
                      sex: t(`grants.sex.${sex}`),
                      band: t(`grants.ageBand.${band}`),
                      group: groupLabel,
                    }),
                    error(p),
                  )}
                  className="portal-input-count"
                  inputMode="numeric"
                  value={group.byAge![band][sex]}
                  onChange={(e) =>
                    onChange({
                      ...group,
                      byAge: { ...group.byAge!, [band]: { ...group.byAge![band], [sex]: e.target.value } },
                    })
                  }
                />
                <CellError path={p} error={error(p)} />
              </>
            );
          }}
        />
      )}
      {mismatch && (
        <p className="alert portal-alert-warning">
          {t('portal.beneficiaries.byAgeMismatch', {
            byAge: fmt.number(byAgeTotal),
            total: fmt.number(total(group)),
          })}
        </p>
      )}
    </fieldset>
  );
}

/** 4. Beneficiaries: direct and indirect, by sex and optionally by age band (never personal data). */
export function BeneficiariesSection({ values, set, error }: SectionProps) {
  const { t } = useTranslation();
  const b = values.beneficiaries;
  return (
    <FormSection
      id="beneficiaries"
      title={t('portal.form.sections.beneficiaries')}
      intro={t('portal.beneficiaries.intro')}
    >
      {error('beneficiaries') && <p className="field-error">{error('beneficiaries')}</p>}
      <Group
        name="direct"
        group={b.direct}
        error={error}
        onChange={(direct) => set({ beneficiaries: { ...b, direct } })}
      />
      <Group
        name="indirect"
        group={b.indirect}
        error={error}
        onChange={(indirect) => set({ beneficiaries: { ...b, indirect } })}
      />
    </FormSection>
  );
}
