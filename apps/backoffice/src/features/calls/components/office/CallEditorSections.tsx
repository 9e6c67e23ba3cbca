import { useTranslation } from 'react-i18next';
import { ALLOCATION_METHODS, MODALITIES, type AllocationMethod } from '@cofinanca/domain';
import { useFormat } from '../../../../i18n/format';
import { fieldId } from '../../schemas/call-form';
import { isMoneyInput, normaliseDecimal } from '../../../../lib/inputs';
import { CLOSES_DEFAULT_TIME } from '../../../../lib/madrid-time';
import { Field } from '../../../../components/Field';
import { EditorInput, LocalisedFields, useEditor } from './call-editor-context';

export const SECTION_HEADING_ID = {
  general: 'call-section-general',
  money: 'call-section-money',
  dates: 'call-section-dates',
  evaluation: 'call-section-evaluation',
  documents: 'call-section-documents',
  rubric: 'call-section-rubric',
} as const;

export function GeneralSection() {
  const { t } = useTranslation();
  const { form, dispatch, errorFor, disabled } = useEditor();
  const modalitiesError = errorFor('modalities');
  return (
    <section className="card office-section" aria-labelledby={SECTION_HEADING_ID.general}>
      <h2 id={SECTION_HEADING_ID.general} tabIndex={-1}>
        {t('office.editor.sections.general')}
      </h2>
      <div className="form-row">
        <EditorInput
          path="code"
          label={t('grants.callField.code')}
          hint={t('office.calls.codeHint')}
          required
          value={form.code}
          onChange={(value) => dispatch({ type: 'set', field: 'code', value })}
        />
        <EditorInput
          path="year"
          label={t('grants.callField.year')}
          required
          inputMode="numeric"
          size={6}
          value={form.year}
          onChange={(value) => dispatch({ type: 'set', field: 'year', value })}
        />
      </div>
      <LocalisedFields
        path="title"
        label={t('grants.callField.title')}
        maxLength={300}
        required
        value={form.title}
        onChange={(language, value) => dispatch({ type: 'setText', field: 'title', language, value })}
      />
      <LocalisedFields
        path="description"
        label={t('grants.callField.description')}
        multiline
        maxLength={20000}
        required
        value={form.description}
        onChange={(language, value) => dispatch({ type: 'setText', field: 'description', language, value })}
      />
      <fieldset
        className={`checkbox-group${modalitiesError ? ' field-invalid' : ''}`}
        id={fieldId('modalities')}
        tabIndex={-1}
        aria-describedby={modalitiesError ? `${fieldId('modalities')}-error` : undefined}
      >
        <legend>
          {t('grants.callField.modalities')}
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        </legend>
        <div className="checkbox-grid">
          {MODALITIES.map((modality) => (
            <label key={modality} className="checkbox">
              <input
                type="checkbox"
                disabled={disabled}
                checked={form.modalities.includes(modality)}
                onChange={(e) => dispatch({ type: 'toggleModality', modality, checked: e.target.checked })}
              />
              {t(`grants.modality.${modality}`)}
            </label>
          ))}
        </div>
        {modalitiesError && (
          <p className="field-error" id={`${fieldId('modalities')}-error`}>
            {modalitiesError}
          </p>
        )}
      </fieldset>
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            id={fieldId('requiresGenderMarker')}
            disabled={disabled}
            checked={form.requiresGenderMarker}
            aria-describedby={`${fieldId('requiresGenderMarker')}-hint`}
            onChange={(e) =>
              dispatch({ type: 'set', field: 'requiresGenderMarker', value: e.target.checked })
            }
          />
          {t('grants.callField.requiresGenderMarker')}
        </label>
        <p className="field-hint" id={`${fieldId('requiresGenderMarker')}-hint`}>
          {t('office.editor.genderMarkerHint')}
        </p>
      </div>
    </section>
  );
}

type MoneyField = 'budget' | 'maxAmountPerApplication';
type PercentField =
  'maxCofinancingPercent' | 'advancePercent' | 'budgetDeviationPercent' | 'minPartialAwardPercent';

export function MoneySection() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { form, dispatch } = useEditor();
  const preview = (value: string) =>
    isMoneyInput(value)
      ? t('office.editor.moneyPreview', { amount: fmt.money(normaliseDecimal(value)) })
      : undefined;
  const money = (field: MoneyField) => (
    <EditorInput
      path={field}
      label={t(`grants.callField.${field}`)}
      hint={preview(form[field]) ?? t('office.editor.moneyHint')}
      required
      inputMode="decimal"
      suffix="€"
      value={form[field]}
      onChange={(value) => dispatch({ type: 'set', field, value })}
    />
  );
  const percent = (field: PercentField, hint: string) => (
    <EditorInput
      path={field}
      label={t(`grants.callField.${field}`)}
      hint={hint}
      required
      inputMode="decimal"
      size={8}
      suffix="%"
      value={form[field]}
      onChange={(value) => dispatch({ type: 'set', field, value })}
    />
  );
  return (
    <section className="card office-section" aria-labelledby={SECTION_HEADING_ID.money}>
      <h2 id={SECTION_HEADING_ID.money} tabIndex={-1}>
        {t('office.editor.sections.money')}
      </h2>
      <div className="form-row">
        {money('budget')}
        {money('maxAmountPerApplication')}
      </div>
      <div className="form-row">
        {percent('maxCofinancingPercent', t('office.editor.maxCofinancingHint'))}
        {percent('advancePercent', t('office.editor.advanceHint'))}
        {percent('budgetDeviationPercent', t('office.editor.deviationHint'))}
        {percent('minPartialAwardPercent', t('office.editor.partialAwardHint'))}
      </div>
    </section>
  );
}

type CountField = 'maxExecutionMonths' | 'justificationMonths' | 'correctionDays' | 'allegationDays';

export function DatesSection() {
  const { t } = useTranslation();
  const { form, dispatch, errorFor } = useEditor();
  const windowFields = (field: 'opensAt' | 'closesAt') => {
    const error = errorFor(field);
    return (
      <fieldset className="office-window" id={fieldId(field)} tabIndex={-1}>
        <legend>{t(`grants.callField.${field}`)}</legend>
        <div className="form-row">
          <EditorInput
            path={`${field}.date`}
            label={t(`office.editor.${field}Date`)}
            groupError={error ? { id: `${fieldId(field)}-error`, message: error } : undefined}
            type="date"
            required
            value={form[field].date}
            onChange={(value) => dispatch({ type: 'setWindow', field, part: 'date', value })}
          />
          <EditorInput
            path={`${field}.time`}
            label={t(`office.editor.${field}Time`)}
            groupError={error ? { id: `${fieldId(field)}-error`, message: error } : undefined}
            hint={
              field === 'closesAt'
                ? t('office.editor.closesTimeHint', { time: CLOSES_DEFAULT_TIME })
                : t('office.editor.opensTimeHint')
            }
            type="time"
            value={form[field].time}
            onChange={(value) => dispatch({ type: 'setWindow', field, part: 'time', value })}
          />
        </div>
        {error && (
          <p className="field-error" id={`${fieldId(field)}-error`}>
            {error}
          </p>
        )}
      </fieldset>
    );
  };
  const count = (field: CountField, unit: string, hint?: string) => (
    <EditorInput
      path={field}
      label={t(`grants.callField.${field}`)}
      hint={hint}
      required
      inputMode="numeric"
      size={6}
      suffix={unit}
      value={form[field]}
      onChange={(value) => dispatch({ type: 'set', field, value })}
    />
  );
  return (
    <section className="card office-section" aria-labelledby={SECTION_HEADING_ID.dates}>
      <h2 id={SECTION_HEADING_ID.dates} tabIndex={-1}>
        {t('office.editor.sections.dates')}
      </h2>
      <p className="field-hint">{t('office.editor.timeZoneNote')}</p>
      <div className="office-grid">
        {windowFields('opensAt')}
        {windowFields('closesAt')}
      </div>
      <div className="form-row">
        {count('maxExecutionMonths', t('office.editor.unitMonths'))}
        {count('justificationMonths', t('office.editor.unitMonths'), t('office.editor.justificationHint'))}
        {count('correctionDays', t('office.editor.unitBusinessDays'), t('office.editor.correctionHint'))}
        {count('allegationDays', t('office.editor.unitBusinessDays'))}
      </div>
    </section>
  );
}

export function EvaluationSection() {
  const { t } = useTranslation();
  const { form, dispatch, errorFor, disabled, requestFocus, announce } = useEditor();
  const bandsError = errorFor('scoreBands');
  return (
    <section className="card office-section" aria-labelledby={SECTION_HEADING_ID.evaluation}>
      <h2 id={SECTION_HEADING_ID.evaluation} tabIndex={-1}>
        {t('office.editor.sections.evaluation')}
      </h2>
      <div className="form-row">
        <EditorInput
          path="minimumTotalScore"
          label={t('grants.callField.minimumTotalScore')}
          hint={t('office.editor.minimumScoreHint')}
          required
          inputMode="decimal"
          size={8}
          suffix={t('office.editor.unitPoints')}
          value={form.minimumTotalScore}
          onChange={(value) => dispatch({ type: 'set', field: 'minimumTotalScore', value })}
        />
        <EditorInput
          path="divergenceThreshold"
          label={t('grants.callField.divergenceThreshold')}
          hint={t('office.editor.divergenceHint')}
          required
          inputMode="decimal"
          size={8}
          suffix={t('office.editor.unitPoints')}
          value={form.divergenceThreshold}
          onChange={(value) => dispatch({ type: 'set', field: 'divergenceThreshold', value })}
        />
        <EditorInput
          path="evaluatorsPerApplication"
          label={t('grants.callField.evaluatorsPerApplication')}
          hint={t('office.editor.evaluatorsHint')}
          required
          inputMode="numeric"
          size={4}
          suffix={t('office.editor.unitEvaluators')}
          value={form.evaluatorsPerApplication}
          onChange={(value) => dispatch({ type: 'set', field: 'evaluatorsPerApplication', value })}
        />
        <Field
          id={fieldId('allocationMethod')}
          label={t('grants.callField.allocationMethod')}
          error={errorFor('allocationMethod')}
          required
        >
          {(aria) => (
            <select
              {...aria}
              value={form.allocationMethod}
              disabled={disabled}
              onChange={(e) => dispatch({ type: 'setAllocation', value: e.target.value as AllocationMethod })}
            >
              {ALLOCATION_METHODS.map((method) => (
                <option key={method} value={method}>
                  {t(`grants.allocationMethod.${method}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            id={fieldId('consensusRequired')}
            disabled={disabled}
            checked={form.consensusRequired}
            aria-describedby={`${fieldId('consensusRequired')}-hint`}
            onChange={(e) => dispatch({ type: 'set', field: 'consensusRequired', value: e.target.checked })}
          />
          {t('grants.callField.consensusRequired')}
        </label>
        <p className="field-hint" id={`${fieldId('consensusRequired')}-hint`}>
          {t('office.editor.consensusHint')}
        </p>
      </div>
      {form.allocationMethod === 'score_bands' && (
        <fieldset className="office-list-editor" id={fieldId('scoreBands')} tabIndex={-1}>
          <legend>{t('grants.callField.scoreBands')}</legend>
          <p className="field-hint">{t('office.editor.bandsHint')}</p>
          {bandsError && <p className="field-error">{bandsError}</p>}
          <ol className="office-rows">
            {form.scoreBands.map((band, i) => (
              <li key={band.key} className="office-row">
                <EditorInput
                  path={`scoreBands[${i}].minScore`}
                  label={t('office.editor.bandMinScore', { n: i + 1 })}
                  inputMode="decimal"
                  size={8}
                  suffix={t('office.editor.unitPoints')}
                  value={band.minScore}
                  onChange={(value) => dispatch({ type: 'updateBand', index: i, patch: { minScore: value } })}
                />
                <EditorInput
                  path={`scoreBands[${i}].percent`}
                  label={t('office.editor.bandPercent', { n: i + 1 })}
                  inputMode="decimal"
                  size={8}
                  suffix="%"
                  value={band.percent}
                  onChange={(value) => dispatch({ type: 'updateBand', index: i, patch: { percent: value } })}
                />
                <button
                  type="button"
                  className="button button-small button-danger-outline office-row-button"
                  disabled={disabled}
                  onClick={() => {
                    dispatch({ type: 'removeBand', index: i });
                    announce(t('office.editor.bandRemoved', { n: i + 1 }));
                    requestFocus('call-add-band');
                  }}
                >
                  {t('office.editor.removeBand', { n: i + 1 })}
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            id="call-add-band"
            className="button button-secondary"
            disabled={disabled}
            onClick={() => {
              dispatch({ type: 'addBand' });
              requestFocus(fieldId(`scoreBands[${form.scoreBands.length}].minScore`));
            }}
          >
            {t('office.editor.addBand')}
          </button>
        </fieldset>
      )}
    </section>
  );
}

export function DocumentsSection() {
  const { t } = useTranslation();
  const { form, dispatch, disabled, requestFocus, announce } = useEditor();
  const docs = form.requiredDocuments;
  return (
    <section className="card office-section" aria-labelledby={SECTION_HEADING_ID.documents}>
      <h2 id={SECTION_HEADING_ID.documents} tabIndex={-1}>
        {t('office.editor.sections.documents')}
      </h2>
      <p className="field-hint">{t('office.editor.documentsHint')}</p>
      {docs.length === 0 && <p className="muted">{t('office.editor.noDocuments')}</p>}
      <ol className="office-items">
        {docs.map((doc, i) => {
          const base = `requiredDocuments[${i}]`;
          const n = i + 1;
          return (
            <li key={doc.key} className="office-item">
              <fieldset>
                <legend>{t('office.editor.documentLegend', { n, code: doc.code || '…' })}</legend>
                <div className="form-row">
                  <EditorInput
                    path={`${base}.code`}
                    label={t('office.editor.documentCode')}
                    hint={t('office.editor.documentCodeHint')}
                    required
                    value={doc.code}
                    onChange={(value) =>
                      dispatch({ type: 'updateDocument', index: i, patch: { code: value } })
                    }
                  />
                  <div className="field office-field-check">
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        id={fieldId(`${base}.required`)}
                        disabled={disabled}
                        checked={doc.required}
                        onChange={(e) =>
                          dispatch({
                            type: 'updateDocument',
                            index: i,
                            patch: { required: e.target.checked },
                          })
                        }
                      />
                      {t('office.editor.documentRequired')}
                    </label>
                  </div>
                </div>
                <LocalisedFields
                  path={`${base}.name`}
                  label={t('office.editor.documentName')}
                  maxLength={300}
                  required
                  value={doc.name}
                  onChange={(language, value) =>
                    dispatch({
                      type: 'updateDocument',
                      index: i,
                      patch: { name: { ...doc.name, [language]: value } },
                    })
                  }
                />
                <MoveRemoveButtons
                  idBase={fieldId(base)}
                  index={i}
                  count={docs.length}
                  itemLabel={t('office.editor.documentN', { n })}
                  onMove={(direction) => {
                    dispatch({ type: 'moveDocument', index: i, direction });
                    announce(
                      t('office.editor.moved', {
                        item: t('office.editor.documentN', { n }),
                        position: n + direction,
                      }),
                    );
                    requestFocus(
                      `${fieldId(`requiredDocuments[${i + direction}]`)}-${direction < 0 ? 'up' : 'down'}`,
                    );
                  }}
                  onRemove={() => {
                    dispatch({ type: 'removeDocument', index: i });
                    announce(t('office.editor.removed', { item: t('office.editor.documentN', { n }) }));
                    requestFocus('call-add-document');
                  }}
                />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        id="call-add-document"
        className="button button-secondary"
        disabled={disabled}
        onClick={() => {
          dispatch({ type: 'addDocument' });
          requestFocus(fieldId(`requiredDocuments[${docs.length}].code`));
        }}
      >
        {t('office.editor.addDocument')}
      </button>
    </section>
  );
}

/**
 * Move up, move down and remove buttons of an item of a list editor (keyboard-usable: no drag and drop). Their ids
 * are `<idBase>-up`, `-down` and `-remove` so that the focus can follow a moved item.
 */
export function MoveRemoveButtons({
  idBase,
  index,
  count,
  itemLabel,
  onMove,
  onRemove,
  removeLabel,
}: {
  idBase: string;
  index: number;
  count: number;
  itemLabel: string;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
  removeLabel?: string;
}) {
  const { t } = useTranslation();
  const { disabled } = useEditor();
  return (
    <div
      className="office-item-tools"
      role="group"
      aria-label={t('office.editor.itemTools', { item: itemLabel })}
    >
      <button
        type="button"
        id={`${idBase}-up`}
        className="button button-small button-secondary"
        disabled={disabled || index === 0}
        aria-label={`${t('office.editor.moveUp')}: ${itemLabel}`}
        onClick={() => onMove(-1)}
      >
        <span aria-hidden="true">↑</span> {t('office.editor.moveUp')}
      </button>
      <button
        type="button"
        id={`${idBase}-down`}
        className="button button-small button-secondary"
        disabled={disabled || index === count - 1}
        aria-label={`${t('office.editor.moveDown')}: ${itemLabel}`}
        onClick={() => onMove(1)}
      >
        <span aria-hidden="true">↓</span> {t('office.editor.moveDown')}
      </button>
      <button
        type="button"
        id={`${idBase}-remove`}
        className="button button-small button-danger-outline"
        disabled={disabled}
        aria-label={`${removeLabel ?? t('office.editor.remove')}: ${itemLabel}`}
        onClick={onRemove}
      >
        {removeLabel ?? t('office.editor.remove')}
      </button>
    </div>
  );
}
