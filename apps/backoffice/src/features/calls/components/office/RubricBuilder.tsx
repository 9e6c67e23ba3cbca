import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { blockTotal, rubricTotal } from '@cofinanca/domain';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { useFormat } from '../../../../i18n/format';
import { fieldId, toRubric, type BlockForm } from '../../schemas/call-form';
import { EditorInput, EditorTextArea, LocalisedFields, useEditor } from './call-editor-context';
import { MoveRemoveButtons, SECTION_HEADING_ID } from './CallEditorSections';

/**
 * The rubric builder: blocks (code, names, minimum points, tie-break order) each with criteria (code, names,
 * guidance, maximum points), added, removed and moved with buttons, with live totals from `rubricTotal` (the same
 * function the API uses).
 */
/** What a rubric usually adds up to: a warning (never a block) when it does not, as calls may scale differently. */
const RUBRIC_USUAL_TOTAL = 100;

export function RubricBuilder() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { form, dispatch, errorFor, disabled, requestFocus, announce } = useEditor();
  const [removing, setRemoving] = useState<number | null>(null);
  const rubric = toRubric(form);
  const total = rubricTotal(rubric);
  const blocks = form.rubric.blocks;
  const blocksError = errorFor('rubric.blocks');
  const blockLabel = (i: number) => t('office.editor.blockN', { n: i + 1, code: blocks[i]?.code || '…' });

  return (
    <section className="card office-section" aria-labelledby={SECTION_HEADING_ID.rubric}>
      <h2 id={SECTION_HEADING_ID.rubric} tabIndex={-1}>
        {t('office.editor.sections.rubric')}
      </h2>
      <div aria-live="polite" id="call-rubric-total">
        <p className="office-total">
          {t('office.editor.rubricTotal', { points: fmt.number(total), count: blocks.length })}
        </p>
        {blocks.length > 0 && total !== RUBRIC_USUAL_TOTAL && (
          <p className="office-note office-note-warning">
            {t('office.editor.rubricNot100', { points: fmt.number(total), usual: RUBRIC_USUAL_TOTAL })}
          </p>
        )}
      </div>
      {blocksError && (
        <p className="field-error" id={fieldId('rubric.blocks')} tabIndex={-1}>
          {blocksError}
        </p>
      )}
      <ol className="office-items office-blocks">
        {blocks.map((block, i) => (
          <BlockEditor
            key={block.key}
            block={block}
            index={i}
            count={blocks.length}
            label={blockLabel(i)}
            points={blockTotal(rubric.blocks[i])}
            onRemove={() => setRemoving(i)}
          />
        ))}
      </ol>
      <button
        type="button"
        id="call-add-block"
        className="button button-secondary"
        disabled={disabled}
        onClick={() => {
          dispatch({ type: 'addBlock' });
          announce(t('office.editor.blockAdded', { n: blocks.length + 1 }));
          requestFocus(fieldId(`rubric.blocks[${blocks.length}].code`));
        }}
      >
        {t('office.editor.addBlock')}
      </button>
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={t('office.editor.removeBlockTitle', { block: removing !== null ? blockLabel(removing) : '' })}
        description={t('office.editor.removeBlockBody', {
          count: removing !== null ? (blocks[removing]?.criteria.length ?? 0) : 0,
        })}
        confirmLabel={t('office.editor.removeBlock')}
        onConfirm={() => {
          if (removing === null) return;
          const label = blockLabel(removing);
          dispatch({ type: 'removeBlock', index: removing });
          setRemoving(null);
          announce(t('office.editor.removed', { item: label }));
          requestFocus('call-add-block');
        }}
      />
    </section>
  );
}

function BlockEditor({
  block,
  index,
  count,
  label,
  points,
  onRemove,
}: {
  block: BlockForm;
  index: number;
  count: number;
  label: string;
  points: number;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { dispatch, errorFor, disabled, requestFocus, announce } = useEditor();
  const base = `rubric.blocks[${index}]`;
  const criteriaError = errorFor(`${base}.criteria`);
  const criterionLabel = (j: number) =>
    t('office.editor.criterionN', { n: j + 1, code: block.criteria[j]?.code || '…' });

  return (
    <li className="office-item office-block">
      <fieldset>
        <legend>
          {label}
          {block.name.ca && <span className="office-legend-name"> — {block.name.ca}</span>}
        </legend>
        <p className="office-subtotal">{t('office.editor.blockTotal', { points: fmt.number(points) })}</p>
        <div className="form-row">
          <EditorInput
            path={`${base}.code`}
            label={t('office.editor.blockCode')}
            required
            size={6}
            maxLength={20}
            value={block.code}
            onChange={(value) => dispatch({ type: 'updateBlock', index, patch: { code: value } })}
          />
          <EditorInput
            path={`${base}.minPoints`}
            label={t('grants.callField.minPoints')}
            hint={t('office.editor.minPointsHint')}
            inputMode="decimal"
            size={8}
            value={block.minPoints}
            onChange={(value) => dispatch({ type: 'updateBlock', index, patch: { minPoints: value } })}
          />
          <EditorInput
            path={`${base}.tieBreakOrder`}
            label={t('grants.callField.tieBreakOrder')}
            hint={t('office.editor.tieBreakHint')}
            inputMode="numeric"
            size={4}
            value={block.tieBreakOrder}
            onChange={(value) => dispatch({ type: 'updateBlock', index, patch: { tieBreakOrder: value } })}
          />
        </div>
        <LocalisedFields
          path={`${base}.name`}
          label={t('office.editor.blockName')}
          maxLength={300}
          required
          value={block.name}
          onChange={(language, value) =>
            dispatch({ type: 'updateBlock', index, patch: { name: { ...block.name, [language]: value } } })
          }
        />
        <MoveRemoveButtons
          idBase={fieldId(base)}
          index={index}
          count={count}
          itemLabel={label}
          removeLabel={t('office.editor.removeBlock')}
          onMove={(direction) => {
            dispatch({ type: 'moveBlock', index, direction });
            announce(t('office.editor.moved', { item: label, position: index + 1 + direction }));
            requestFocus(
              `${fieldId(`rubric.blocks[${index + direction}]`)}-${direction < 0 ? 'up' : 'down'}`,
            );
          }}
          onRemove={onRemove}
        />

        <h3 className="office-criteria-heading">{t('office.editor.criteriaOf', { block: label })}</h3>
        {criteriaError && (
          <p className="field-error" id={fieldId(`${base}.criteria`)} tabIndex={-1}>
            {criteriaError}
          </p>
        )}
        <ol className="office-items office-criteria">
          {block.criteria.map((criterion, j) => {
            const cBase = `${base}.criteria[${j}]`;
            const cLabel = criterionLabel(j);
            return (
              <li key={criterion.key} className="office-item office-criterion">
                <fieldset>
                  <legend>
                    {cLabel}
                    {criterion.name.ca && <span className="office-legend-name"> — {criterion.name.ca}</span>}
                  </legend>
                  <div className="form-row">
                    <EditorInput
                      path={`${cBase}.code`}
                      label={t('office.editor.criterionCode')}
                      required
                      size={6}
                      maxLength={20}
                      value={criterion.code}
                      onChange={(value) =>
                        dispatch({ type: 'updateCriterion', block: index, index: j, patch: { code: value } })
                      }
                    />
                    <EditorInput
                      path={`${cBase}.maxPoints`}
                      label={t('grants.callField.maxPoints')}
                      required
                      inputMode="decimal"
                      size={8}
                      value={criterion.maxPoints}
                      onChange={(value) =>
                        dispatch({
                          type: 'updateCriterion',
                          block: index,
                          index: j,
                          patch: { maxPoints: value },
                        })
                      }
                    />
                  </div>
                  <LocalisedFields
                    path={`${cBase}.name`}
                    label={t('office.editor.criterionName')}
                    maxLength={300}
                    required
                    value={criterion.name}
                    onChange={(language, value) =>
                      dispatch({
                        type: 'updateCriterion',
                        block: index,
                        index: j,
                        patch: { name: { ...criterion.name, [language]: value } },
                      })
                    }
                  />
                  <EditorTextArea
                    path={`${cBase}.guidance`}
                    label={t('grants.callField.guidance')}
                    hint={t('office.editor.guidanceHint')}
                    maxLength={4000}
                    value={criterion.guidance}
                    onChange={(value) =>
                      dispatch({
                        type: 'updateCriterion',
                        block: index,
                        index: j,
                        patch: { guidance: value },
                      })
                    }
                  />
                  <MoveRemoveButtons
                    idBase={fieldId(cBase)}
                    index={j}
                    count={block.criteria.length}
                    itemLabel={`${label}, ${cLabel}`}
                    removeLabel={t('office.editor.removeCriterion')}
                    onMove={(direction) => {
                      dispatch({ type: 'moveCriterion', block: index, index: j, direction });
                      announce(t('office.editor.moved', { item: cLabel, position: j + 1 + direction }));
                      requestFocus(
                        `${fieldId(`${base}.criteria[${j + direction}]`)}-${direction < 0 ? 'up' : 'down'}`,
                      );
                    }}
                    onRemove={() => {
                      dispatch({ type: 'removeCriterion', block: index, index: j });
                      announce(t('office.editor.removed', { item: cLabel }));
                      requestFocus(`${fieldId(base)}-add-criterion`);
                    }}
                  />
                </fieldset>
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          id={`${fieldId(base)}-add-criterion`}
          aria-label={`${t('office.editor.addCriterion')}: ${label}`}
          className="button button-secondary button-small"
          disabled={disabled}
          onClick={() => {
            dispatch({ type: 'addCriterion', block: index });
            announce(t('office.editor.criterionAdded', { block: label }));
            requestFocus(fieldId(`${base}.criteria[${block.criteria.length}].code`));
          }}
        >
          {t('office.editor.addCriterion')}
        </button>
      </fieldset>
    </li>
  );
}
