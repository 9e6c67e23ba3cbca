import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  APPLICATION_POLICY_MARKERS,
  GENDER_EQUALITY_MARKER,
  policyMarkerName,
  SDG_GOAL_NUMBERS,
  SDG_TARGETS,
  sdgGoalName,
  sectorName,
  SECTORS,
} from '@cofinanca/contracts';
import { applicationTotals } from '@cofinanca/domain';
import { toContent } from '../../schemas/application-form';
import { useLocale, usePercent } from '../../../../lib/use-locale';
import {
  CellError,
  cellProps,
  fieldId,
  FormSection,
  removeAt,
  replaceAt,
  useFocusAfterRender,
  type SectionProps,
} from './form-kit';
import { EditableTable } from '../../../../components/EditableTable';

const MAX_RESULTS = 30;

/** Sectors: a search over the DAC codelist (official English names), each chosen one with its percentage. */
function SectorsPicker({ values, set, error }: SectionProps) {
  const { t } = useTranslation();
  const percent = usePercent();
  const searchId = useId();
  const focusLater = useFocusAfterRender();
  const [search, setSearch] = useState('');
  const chosen = values.sectors;
  const chosenCodes = new Set(chosen.map((s) => s.code));
  const sum = applicationTotals(toContent(values)).sectorsPercent;

  const results = useMemo(() => {
    const q = search.trim().toLowerCase();
    if (q.length < 2) return [];
    return SECTORS.filter((s) => s.code.startsWith(q) || s.name.toLowerCase().includes(q)).slice(
      0,
      MAX_RESULTS,
    );
  }, [search]);

  return (
    <fieldset className="portal-fieldset">
      <legend>
        {t('grants.field.sectors')}
        <span className="required" aria-hidden="true">
          {' '}
          *
        </span>
        <span className="visually-hidden"> ({t('common.required')})</span>
      </legend>
      <p className="field-hint">{t('portal.classification.sectorsHint')}</p>
      <p className="portal-english-note">{t('portal.classification.englishNote')}</p>
      {error('sectors') && <p className="field-error">{error('sectors')}</p>}

      {chosen.length > 0 && (
        <EditableTable
          caption={t('portal.classification.chosenSectors')}
          captionHidden
          columns={[
            { key: 'code', header: t('grants.field.sectorCode'), rowHeader: true },
            { key: 'percent', header: t('grants.field.sectorPercent') },
          ]}
          rows={chosen}
          rowKey={(s, i) => s.code || i}
          cell={(s, i, key) => {
            const name = sectorName(s.code) ?? s.code;
            if (key === 'code')
              return (
                <>
                  <span lang="en">
                    {s.code} — {name}
                  </span>
                  <CellError path={`sectors[${i}].code`} error={error(`sectors[${i}].code`)} />
                </>
              );
            return (
              <>
                <input
                  {...cellProps(
                    `sectors[${i}].percent`,
                    t('portal.classification.sectorPercent', { sector: `${s.code} ${name}` }),
                    error(`sectors[${i}].percent`),
                  )}
                  className="portal-input-percent"
                  inputMode="decimal"
                  value={s.percent}
                  onChange={(e) => set({ sectors: replaceAt(chosen, i, { ...s, percent: e.target.value }) })}
                />{' '}
                %
                <CellError path={`sectors[${i}].percent`} error={error(`sectors[${i}].percent`)} />
              </>
            );
          }}
          remove={{
            label: (s) =>
              t('portal.classification.removeSector', {
                sector: `${s.code} ${sectorName(s.code) ?? s.code}`,
              }),
            onRemove: (i) => {
              set({ sectors: removeAt(chosen, i) });
              focusLater(searchId);
            },
          }}
        />
      )}
      <p className={sum === '100.00' ? 'portal-sum-ok' : 'portal-sum-warn'} role="status" aria-live="polite">
        {t('portal.classification.sectorsSum', { sum: percent(sum) })}
      </p>

      <div className="field">
        <label htmlFor={searchId}>{t('portal.classification.sectorSearch')}</label>
        <p className="field-hint" id={`${searchId}-hint`}>
          {t('portal.classification.sectorSearchHint')}
        </p>
        <input
          id={searchId}
          type="search"
          aria-describedby={`${searchId}-hint ${searchId}-count`}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <p id={`${searchId}-count`} className="visually-hidden" role="status" aria-live="polite">
        {search.trim().length >= 2 ? t('portal.classification.results', { count: results.length }) : ''}
      </p>
      {results.length > 0 && (
        <ul className="portal-results" aria-label={t('portal.classification.resultsLabel')}>
          {results.map((s) => (
            <li key={s.code}>
              <button
                type="button"
                className="link-button"
                disabled={chosenCodes.has(s.code)}
                onClick={() => {
                  set({ sectors: [...chosen, { code: s.code, percent: chosen.length === 0 ? '100' : '' }] });
                  setSearch('');
                  focusLater(fieldId(`sectors[${chosen.length}].percent`));
                }}
              >
                <span className="visually-hidden">{t('portal.classification.addSector')} </span>
                <span lang="en">
                  {s.code} — {s.name}
                </span>
                {chosenCodes.has(s.code) && (
                  <span className="muted"> ({t('portal.classification.alreadyChosen')})</span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** SDGs: the goals (translated) and, for each chosen goal, its targets (official English). */
function SdgPicker({ values, set, error }: SectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const targetsByGoal = useMemo(() => {
    const map = new Map<number, { code: string; name: string }[]>();
    for (const target of SDG_TARGETS) {
      const list = map.get(target.goal) ?? [];
      list.push({ code: target.code, name: target.name });
      map.set(target.goal, list);
    }
    return map;
  }, []);
  const chosen = new Map(values.sdgs.map((s) => [s.goal, s.targets]));

  const toggleGoal = (goal: number, on: boolean) => {
    const sdgs = on
      ? [...values.sdgs, { goal, targets: [] }].sort((a, b) => a.goal - b.goal)
      : values.sdgs.filter((s) => s.goal !== goal);
    set({ sdgs });
  };
  const toggleTarget = (goal: number, target: string, on: boolean) => {
    set({
      sdgs: values.sdgs.map((s) =>
        s.goal !== goal
          ? s
          : { goal, targets: on ? [...s.targets, target] : s.targets.filter((x) => x !== target) },
      ),
    });
  };

  return (
    <fieldset className="portal-fieldset">
      <legend>
        {t('grants.field.sdgs')}
        <span className="required" aria-hidden="true">
          {' '}
          *
        </span>
        <span className="visually-hidden"> ({t('common.required')})</span>
      </legend>
      <p className="field-hint">{t('portal.classification.sdgsHint')}</p>
      {error('sdgs') && <p className="field-error">{error('sdgs')}</p>}
      <div className="checkbox-grid portal-sdg-goals">
        {SDG_GOAL_NUMBERS.map((goal) => (
          <label key={goal} className="checkbox" htmlFor={fieldId(`sdgs-goal-${goal}`)}>
            <input
              id={fieldId(`sdgs-goal-${goal}`)}
              type="checkbox"
              checked={chosen.has(goal)}
              onChange={(e) => toggleGoal(goal, e.target.checked)}
            />
            {goal}. {sdgGoalName(goal, locale)}
          </label>
        ))}
      </div>
      {values.sdgs.map((s) => (
        <fieldset key={s.goal} className="checkbox-group portal-sdg-targets">
          <legend>
            {t('portal.classification.targetsOf', {
              goal: `${s.goal}. ${sdgGoalName(s.goal, locale) ?? ''}`,
            })}
          </legend>
          <p className="portal-english-note">{t('portal.classification.targetsEnglish')}</p>
          <ul className="portal-plain-list">
            {(targetsByGoal.get(s.goal) ?? []).map((target) => (
              <li key={target.code}>
                <label className="checkbox" htmlFor={fieldId(`sdgs-target-${target.code}`)}>
                  <input
                    id={fieldId(`sdgs-target-${target.code}`)}
                    type="checkbox"
                    checked={s.targets.includes(target.code)}
                    onChange={(e) => toggleTarget(s.goal, target.code, e.target.checked)}
                  />
                  <span lang="en">
                    {target.code} {target.name}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
    </fieldset>
  );
}

/** DAC policy markers (translated) with significance 0, 1 or 2; the gender marker stands out when required. */
function PolicyMarkers({ values, set, error, call }: SectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const byCode = new Map(values.policyMarkers.map((p) => [p.code, p.significance]));

  const change = (code: string, value: string) => {
    const rest = values.policyMarkers.filter((p) => p.code !== code);
    const next = value === '' ? rest : [...rest, { code, significance: Number(value) }];
    const order = APPLICATION_POLICY_MARKERS as readonly string[];
    set({ policyMarkers: next.sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code)) });
  };

  return (
    <fieldset className="portal-fieldset">
      <legend>{t('grants.field.policyMarkers')}</legend>
      <p className="field-hint">{t('portal.classification.markersHint')}</p>
      {error('policyMarkers') && <p className="field-error">{error('policyMarkers')}</p>}
      <div className="portal-markers">
        {APPLICATION_POLICY_MARKERS.map((code) => {
          const gender = code === GENDER_EQUALITY_MARKER;
          const highlighted = gender && call.requiresGenderMarker;
          const id = fieldId(`policyMarkers-${code}`);
          const value = byCode.has(code) ? String(byCode.get(code)) : '';
          const missing = highlighted && !(Number(value) >= 1 && value !== '');
          return (
            <div
              key={code}
              className={`field${highlighted ? ' portal-marker-required' : ''}${missing ? ' field-invalid' : ''}`}
            >
              <label htmlFor={id}>
                {policyMarkerName(code, locale)}
                {highlighted && (
                  <>
                    <span className="required" aria-hidden="true">
                      {' '}
                      *
                    </span>
                    <span className="visually-hidden"> ({t('common.required')})</span>
                  </>
                )}
              </label>
              {highlighted && (
                <p className="field-hint" id={`${id}-hint`}>
                  {t('portal.classification.genderRequired')}
                </p>
              )}
              <select
                id={id}
                value={value}
                aria-describedby={highlighted ? `${id}-hint` : undefined}
                aria-invalid={missing ? true : undefined}
                onChange={(e) => change(code, e.target.value)}
              >
                <option value="">{t('portal.classification.notStated')}</option>
                {[0, 1, 2].map((s) => (
                  <option key={s} value={s}>
                    {t(`grants.significance.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** 3. Classification: DAC sectors, SDGs and DAC policy markers. */
export function ClassificationSection(props: SectionProps) {
  const { t } = useTranslation();
  return (
    <FormSection id="classification" title={t('portal.form.sections.classification')}>
      <SectorsPicker {...props} />
      <SdgPicker {...props} />
      <PolicyMarkers {...props} />
    </FormSection>
  );
}
