import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionInput } from '@cofinanca/domain';
import { isApiError } from '../../../../api/problem';
import { useFormat } from '../../../../i18n/format';
import { problemMessage } from '../../../../lib/problem';
import type { Call } from '../../../../api/types';
import { buildChecklist, sectionOf, type ChecklistItem, type SectionId } from '../../schemas/checklist';
import { usePercent } from '../../../../lib/use-locale';
import { useFieldLabel } from './field-labels';
import { fieldId, FormSection } from './form-kit';

/** Moves to the field (when it is on the page) or to its section's heading. */
export function goTo(section: SectionId, field?: string) {
  const target =
    (field ? document.getElementById(fieldId(field)) : null) ??
    document.getElementById(`section-${section}-title`);
  target?.scrollIntoView({ block: 'center' });
  target?.focus();
}

function useItemText(call: Call) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const percent = usePercent();
  const label = useFieldLabel(call);
  return (item: ChecklistItem): string => {
    const state = item.ok === true ? 'ok' : item.ok === false ? 'broken' : 'pending';
    const p = item.params ?? {};
    switch (item.key) {
      case 'window':
        if (item.ok) return t('portal.checklist.window.ok', { closesAt: fmt.instant(String(p.closesAt)) });
        return item.rule === 'DEADLINE_PASSED'
          ? t('portal.checklist.window.passed', { closesAt: fmt.instant(String(p.closesAt)) })
          : t('portal.checklist.window.notOpen');
      case 'entity':
        return t(`portal.checklist.entity.${state}`);
      case 'complete':
        return t('portal.checklist.complete');
      case 'dates-order':
        return t('portal.checklist.datesOrder');
      case 'execution':
        return t(`portal.checklist.execution.${state}`, {
          months: p.months,
          date: p.lastEnd ? fmt.date(String(p.lastEnd)) : '',
        });
      case 'cap':
        return t(`portal.checklist.cap.${state}`, { cap: fmt.money(String(p.cap)) });
      case 'cofinancing':
        return t(`portal.checklist.cofinancing.${state}`, {
          max: percent(String(p.max)),
          percent: percent(String(p.percent)),
        });
      case 'budget':
        return t(`portal.checklist.budget.${state}`);
      case 'sectors':
        return t(`portal.checklist.sectors.${state}`, { percent: percent(String(p.percent)) });
      case 'gender':
        return t(`portal.checklist.gender.${state}`);
      default:
        if (item.key.startsWith('missing:'))
          return t('portal.checklist.missing', { field: label(item.field ?? '') });
        if (item.key.startsWith('document:')) {
          return t(`portal.checklist.document.${state}`, { name: label(item.field ?? '') });
        }
        return item.rule;
    }
  };
}

function Checklist({ items, call }: { items: ChecklistItem[]; call: Call }) {
  const { t } = useTranslation();
  const text = useItemText(call);
  return (
    <ul className="portal-checklist">
      {items.map((item) => {
        const state = item.ok === true ? 'ok' : item.ok === false ? 'broken' : 'pending';
        return (
          <li key={item.key} className={`portal-check portal-check-${state}`}>
            <span className="portal-check-icon" aria-hidden="true">
              {state === 'ok' ? '✓' : state === 'broken' ? '✗' : '…'}
            </span>
            <span className="visually-hidden">{t(`portal.checklist.state.${state}`)}: </span>
            <span>{text(item)}</span>
            {state !== 'ok' && item.section !== 'review' && (
              <>
                {' '}
                <a
                  href={`#section-${item.section}`}
                  onClick={(e) => {
                    e.preventDefault();
                    goTo(item.section, item.field);
                  }}
                >
                  {t('portal.checklist.goTo', { section: t(`portal.form.sections.${item.section}`) })}
                </a>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The 422 of a refused submission: its code translated and the fields it names, each linked to its place. */
export function SubmitError({ error, call }: { error: unknown; call: Call }) {
  const { t } = useTranslation();
  const label = useFieldLabel(call);
  if (!error) return null;
  const fields = isApiError(error) ? Object.keys(error.fieldErrors) : [];
  return (
    <div className="alert alert-error" role="alert">
      <p>
        <strong>{t('portal.review.refused')}</strong> {problemMessage(t, error)}
      </p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f}>
              {sectionOf(f) === 'review' ? (
                label(f)
              ) : (
                <a
                  href={`#section-${sectionOf(f)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    goTo(sectionOf(f), f);
                  }}
                >
                  {label(f)}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      {isApiError(error) && error.requestId && (
        <p className="alert-meta">{t('errors.requestId', { id: error.requestId })}</p>
      )}
    </div>
  );
}

/** 7. Review and submit: what is still missing, checked with libs/domain, then the submission itself. */
export function ReviewSection({
  input,
  call,
  unsaved,
  submitting,
  submitError,
  onSubmit,
}: {
  input: SubmissionInput;
  call: Call;
  unsaved: boolean;
  submitting: boolean;
  submitError: unknown;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  const checklist = useMemo(() => buildChecklist(input), [input]);
  const open = checklist.items.filter((i) => i.ok !== true).length;
  return (
    <FormSection id="review" title={t('portal.form.sections.review')} intro={t('portal.review.intro')}>
      <h3>{t('portal.review.checklistTitle')}</h3>
      <p role="status" aria-live="polite" className={open === 0 ? 'portal-sum-ok' : 'portal-sum-warn'}>
        {open === 0 ? t('portal.review.allMet') : t('portal.review.openItems', { count: open })}
      </p>
      <Checklist items={checklist.items} call={call} />
      <p className="field-hint">{t('portal.review.serverChecks')}</p>
      <SubmitError error={submitError} call={call} />
      {unsaved && <p className="alert portal-alert-warning">{t('portal.review.unsaved')}</p>}
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={submitting} onClick={onSubmit}>
          {submitting ? t('portal.review.submitting') : t('portal.review.submit')}
        </button>
      </div>
      <p className="field-hint">{t('portal.review.submitNote')}</p>
    </FormSection>
  );
}
