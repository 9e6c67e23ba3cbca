import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../../api/problem';
import type { Assignment, Call, ScoreSheet } from '../../../../api/types';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { TextAreaField } from '../../../../components/Field';
import { FormAlert } from '../../../../components/FormAlert';
import { ErrorState, Loading, StatusNotice } from '../../../../components/States';
import { StatusBadge } from '../../../../components/StatusBadge';
import { currentLocale } from '../../../../i18n';
import { useFormat } from '../../../../i18n/format';
import { localised } from '../../../../lib/localised';
import { fieldMessages } from '../../../../lib/problem';
import { useNotice } from '../../../../lib/use-notice';
import { ROUTES } from '../../../../routes';
import { ApplicationContent } from '../../../applications/components/ApplicationContent';
import { DocumentsTable } from '../../../applications/components/office/DocumentsTable';
import { useApplication, useApplicationDocuments } from '../../../applications/hooks/use-applications';
import { useCall } from '../../../calls/hooks/use-calls';
import {
  useApplicationEvaluation,
  useAssignment,
  useDeclare,
  useSheet,
  useSubmitSheet,
} from '../../hooks/use-evaluation';
import { useSheetAutosave, type SaveState } from '../../hooks/use-sheet-autosave';
import { lineOf, otherSheets } from '../../schemas/others';
import {
  COMMENT_MAX,
  pointsProblem,
  sheetTotals,
  toSheetLines,
  type SheetLine,
} from '../../schemas/score-sheet';

/** An evaluator's assignment: the declaration on conflicts first, then the application beside its score sheet. */
export function AssignmentWork({ id }: { id: string }) {
  const { t } = useTranslation();
  const assignment = useAssignment(id);
  const { notice, setNotice, ref } = useNotice();
  if (assignment.isPending) return <Loading />;
  if (assignment.isError || !assignment.data) {
    return <ErrorState error={assignment.error} onRetry={() => void assignment.refetch()} />;
  }
  const a = assignment.data;
  return (
    <>
      <StatusNotice message={notice} ref={ref} tabIndex={-1} />
      <section className="card" aria-labelledby="assignment-summary">
        <h2 id="assignment-summary">{t('evaluation.work.summary')}</h2>
        <dl className="meta-list">
          <dt>{t('grants.field.registryNumber')}</dt>
          <dd>{a.application.registryNumber ?? '—'}</dd>
          <dt>{t('grants.field.title')}</dt>
          <dd>{a.application.title ?? '—'}</dd>
          <dt>{t('grants.field.entity')}</dt>
          <dd>{a.application.entityName}</dd>
          <dt>{t('evaluation.field.partners')}</dt>
          <dd>{a.application.partnerNames.join(', ') || '—'}</dd>
          <dt>{t('evaluation.field.status')}</dt>
          <dd>
            <StatusBadge kind="assignment" status={a.status} />
          </dd>
        </dl>
      </section>
      {a.status === 'pending_declaration' && <DeclarationStep assignment={a} onDeclared={setNotice} />}
      {a.status === 'conflict_declared' && (
        <p className="alert alert-success">
          {t('evaluation.declaration.conflictDone')}{' '}
          <Link to={ROUTES.evaluationInbox}>{t('evaluation.work.back')}</Link>
        </p>
      )}
      {(a.status === 'in_progress' || a.status === 'submitted') && <Scoring assignment={a} />}
    </>
  );
}

/** The declaration on conflicts of interest (Llei 40/2015 art. 23–24), before any content is shown. */
function DeclarationStep({
  assignment,
  onDeclared,
}: {
  assignment: Assignment;
  onDeclared: (m: string) => void;
}) {
  const { t } = useTranslation();
  const declare = useDeclare(assignment.id);
  const [choice, setChoice] = useState<'none' | 'conflict' | ''>('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const name = useId();
  return (
    <section className="card" aria-labelledby="declaration-heading">
      <h2 id="declaration-heading">{t('evaluation.declaration.title')}</h2>
      <p>{t('evaluation.declaration.intro')}</p>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!choice) {
            setMissing(true);
            return;
          }
          declare.mutate(
            { conflictOfInterest: choice === 'conflict', note: note.trim() || undefined },
            {
              onSuccess: (a) =>
                onDeclared(
                  a.status === 'conflict_declared'
                    ? t('evaluation.declaration.conflictDone')
                    : t('evaluation.declaration.noneDone'),
                ),
            },
          );
        }}
      >
        <fieldset disabled={declare.isPending} aria-describedby={missing ? `${name}-error` : undefined}>
          <legend>{t('evaluation.declaration.question')}</legend>
          <div className="radio">
            <input
              type="radio"
              id={`${name}-none`}
              name={name}
              checked={choice === 'none'}
              onChange={() => {
                setChoice('none');
                setMissing(false);
              }}
            />
            <label htmlFor={`${name}-none`}>{t('evaluation.declaration.none')}</label>
          </div>
          <div className="radio">
            <input
              type="radio"
              id={`${name}-conflict`}
              name={name}
              checked={choice === 'conflict'}
              onChange={() => {
                setChoice('conflict');
                setMissing(false);
              }}
            />
            <label htmlFor={`${name}-conflict`}>{t('evaluation.declaration.conflict')}</label>
          </div>
          {missing && (
            <p className="field-error" id={`${name}-error`}>
              {t('evaluation.declaration.choose')}
            </p>
          )}
          <TextAreaField
            label={t('evaluation.declaration.note')}
            hint={t('evaluation.declaration.noteHint')}
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <FormAlert error={declare.error} />
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {declare.isPending ? t('office.common.working') : t('evaluation.declaration.submit')}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}

/** The application's content and documents beside the rubric and its sheet. */
function Scoring({ assignment }: { assignment: Assignment }) {
  const application = useApplication(assignment.applicationId);
  const documents = useApplicationDocuments(assignment.applicationId);
  const call = useCall(assignment.callId);
  const sheet = useSheet(assignment.id, true);
  const { t } = useTranslation();
  if (application.isPending || call.isPending || sheet.isPending) return <Loading />;
  const failed = [application, call, sheet].find((q) => q.isError);
  if (failed || !application.data || !call.data || !sheet.data) {
    return <ErrorState error={failed?.error} onRetry={() => void failed?.refetch()} />;
  }
  return (
    <div className="scoring-layout">
      <section aria-labelledby="scoring-application" className="scoring-content">
        <h2 id="scoring-application">{t('evaluation.work.application')}</h2>
        <ApplicationContent application={application.data} headingLevel={3} />
        {documents.data && documents.data.length > 0 && (
          <DocumentsTable
            applicationId={assignment.applicationId}
            documents={documents.data}
            call={call.data}
            caption={t('evaluation.work.documents')}
          />
        )}
      </section>
      <SheetForm
        key={sheet.data.version === 0 ? 'new' : 'sheet'}
        call={call.data}
        sheet={sheet.data}
        applicationId={assignment.applicationId}
      />
    </div>
  );
}

function SaveStatus({ state, savedAt }: { state: SaveState; savedAt: string | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const text =
    state === 'saved'
      ? savedAt
        ? t('evaluation.sheet.savedAt', { time: fmt.instant(savedAt) })
        : t('evaluation.sheet.nothingYet')
      : t(`evaluation.sheet.state.${state}`);
  return (
    <p className={`save-state save-state-${state}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}

function SheetForm({ call, sheet, applicationId }: { call: Call; sheet: ScoreSheet; applicationId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const comma = currentLocale() !== 'en';
  const criteria = new Map(call.rubric.blocks.flatMap((b) => b.criteria.map((c) => [c.code, c] as const)));
  const maxOf = (code: string) => criteria.get(code)?.maxPoints ?? 0;
  const autosave = useSheetAutosave(sheet, toSheetLines(sheet, comma), maxOf);
  const submit = useSubmitSheet(sheet.assignmentId);
  const [confirming, setConfirming] = useState(false);
  const locked = submit.data?.status === 'submitted' || sheet.status === 'submitted';
  const totals = sheetTotals(call.rubric, autosave.lines);
  const byCode = new Map(autosave.lines.map((l, i) => [l.criterionCode, { line: l, index: i }]));
  const pts = (n: number) => fmt.number(n);

  const update = (index: number, patch: Partial<SheetLine>) =>
    autosave.setLines(autosave.lines.map((l, i) => (i === index ? { ...l, ...patch } : l)));

  const incomplete =
    isApiError(submit.error) && submit.error.code === 'SCORES_INCOMPLETE'
      ? Object.entries(submit.error.fieldErrors).map(([field, rules]) => {
          // `scores[2].comment` → "B1 — Justificació: …"
          const [, index, part] = /^scores\[(\d+)\]\.(points|comment)$/.exec(field) ?? [];
          const code = index === undefined ? undefined : autosave.lines[Number(index)]?.criterionCode;
          const what = part === 'points' ? t('evaluation.sheet.pointsShort') : t('evaluation.sheet.comment');
          return `${code ? `${code} — ${what}` : field}: ${fieldMessages(rules)}`;
        })
      : [];

  return (
    <section aria-labelledby="sheet-heading" className="scoring-sheet">
      <h2 id="sheet-heading">{t('evaluation.sheet.title')}</h2>
      {locked ? (
        <p className="alert alert-success" role="status">
          {t('evaluation.sheet.submitted', { total: pts(totals.total), max: pts(totals.max) })}
        </p>
      ) : (
        <SaveStatus state={autosave.state} savedAt={autosave.savedAt} />
      )}
      {autosave.rebased && !locked && <p className="alert alert-info">{t('evaluation.sheet.rebased')}</p>}
      {autosave.state === 'error' && <FormAlert error={autosave.error} />}
      <fieldset disabled={locked || submit.isPending}>
        <legend className="visually-hidden">{t('evaluation.sheet.title')}</legend>
        {call.rubric.blocks.map((block, bi) => (
          <div key={block.code} className="card sheet-block">
            <h3>
              {block.code}. {localised(block.name)}{' '}
              <span className="muted">
                {t('evaluation.sheet.blockTotal', {
                  points: pts(totals.blocks[bi].points),
                  max: pts(totals.blocks[bi].max),
                })}
              </span>
            </h3>
            {block.criteria.map((c) => {
              const entry = byCode.get(c.code);
              if (!entry) return null;
              const problem = pointsProblem(entry.line.points, c.maxPoints);
              return (
                <div key={c.code} className="sheet-criterion">
                  <h4 id={`crit-${c.code}`}>
                    {c.code}. {localised(c.name)}
                  </h4>
                  {c.guidance && <p className="field-hint">{c.guidance}</p>}
                  <div className="sheet-inputs">
                    <div className={`field${problem ? ' field-invalid' : ''}`}>
                      <label htmlFor={`pts-${c.code}`}>
                        {t('evaluation.sheet.points', { max: pts(c.maxPoints) })}
                      </label>
                      <input
                        id={`pts-${c.code}`}
                        inputMode="decimal"
                        autoComplete="off"
                        value={entry.line.points}
                        aria-invalid={problem ? true : undefined}
                        aria-describedby={problem ? `pts-${c.code}-error` : undefined}
                        onChange={(e) => update(entry.index, { points: e.target.value })}
                      />
                      {problem && (
                        <p className="field-error" id={`pts-${c.code}-error`}>
                          {t(`evaluation.sheet.pointsProblem.${problem}`, { max: pts(c.maxPoints) })}
                        </p>
                      )}
                    </div>
                    <TextAreaField
                      label={t('evaluation.sheet.comment')}
                      rows={3}
                      maxLength={COMMENT_MAX}
                      value={entry.line.comment}
                      onChange={(e) => update(entry.index, { comment: e.target.value })}
                    />
                  </div>
                </div>
              );
            })}
          </div>
        ))}
      </fieldset>
      <p className="sheet-total">
        <strong>{t('evaluation.sheet.total', { points: pts(totals.total), max: pts(totals.max) })}</strong>
      </p>
      <FormAlert error={submit.error} extra={incomplete} />
      {!locked && (
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              submit.reset();
              setConfirming(true);
            }}
          >
            {t('evaluation.sheet.submit')}
          </button>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        tone="primary"
        title={t('evaluation.sheet.confirmTitle')}
        description={t('evaluation.sheet.confirmBody')}
        confirmLabel={t('evaluation.sheet.confirm')}
        busy={submit.isPending}
        onConfirm={() => {
          void (async () => {
            await autosave.flush();
            submit.mutate(undefined, { onSettled: () => setConfirming(false) });
          })();
        }}
      >
        <table className="table">
          <caption>{t('evaluation.sheet.confirmCaption')}</caption>
          <tbody>
            {call.rubric.blocks.map((block, bi) => (
              <tr key={block.code}>
                <th scope="row">
                  {block.code}. {localised(block.name)}
                </th>
                <td className="office-num">
                  {pts(totals.blocks[bi].points)} / {pts(totals.blocks[bi].max)}
                </td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('evaluation.sheet.totalLabel')}</th>
              <td className="office-num">
                <strong>
                  {pts(totals.total)} / {pts(totals.max)}
                </strong>
              </td>
            </tr>
          </tbody>
        </table>
      </ConfirmDialog>
      {locked && <OtherSheets call={call} applicationId={applicationId} />}
    </section>
  );
}

/**
 * Once its own sheet is submitted, an evaluator sees the others' submitted sheets, without names (the API answers
 * it so; before submission this is never asked): each sheet's total, points and rationale per criterion, and the
 * aggregation (mean per criterion, spread, divergence).
 */
function OtherSheets({ call, applicationId }: { call: Call; applicationId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const evaluation = useApplicationEvaluation(applicationId, true);
  const pts = (n: number | null | undefined) => (n === null || n === undefined ? '—' : fmt.number(n));
  const heading = <h3 id="others-heading">{t('evaluation.others.title')}</h3>;
  if (evaluation.isPending) {
    return (
      <section className="card" aria-labelledby="others-heading">
        {heading}
        <Loading />
      </section>
    );
  }
  if (evaluation.isError || !evaluation.data) {
    return (
      <section className="card" aria-labelledby="others-heading">
        {heading}
        <ErrorState error={evaluation.error} onRetry={() => void evaluation.refetch()} />
      </section>
    );
  }
  const e = evaluation.data;
  const others = otherSheets(e);
  const label = (n: number) => t('evaluation.others.evaluatorN', { n });
  const criteria = call.rubric.blocks.flatMap((b) => b.criteria);
  const meanOf = new Map(e.criteria.map((c) => [c.code, c.mean]));
  return (
    <section className="card" aria-labelledby="others-heading">
      {heading}
      <p>{t('evaluation.others.intro')}</p>
      {others.length === 0 ? (
        <p className="muted">{t('evaluation.others.none')}</p>
      ) : (
        <>
          <dl className="meta-list">
            <dt>{t('evaluation.view.sheets')}</dt>
            <dd>{t('evaluation.view.sheetsOf', { submitted: e.submitted, assigned: e.assigned })}</dd>
            <dt>{t('evaluation.others.meanTotal')}</dt>
            <dd>
              {pts(e.total)}
              {e.consensus && (
                <span className="badge badge-success">{t('evaluation.ranking.consensus')}</span>
              )}
            </dd>
            <dt>{t('evaluation.view.spread')}</dt>
            <dd>
              {pts(e.spread)}{' '}
              {e.divergent && (
                <span className="badge badge-warning">{t('evaluation.ranking.divergent')}</span>
              )}
            </dd>
          </dl>
          {/* Focusable: in the narrow sheet column the table scrolls sideways, and the keyboard must reach it. */}
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t('evaluation.others.caption')}>
            <table className="table">
              <caption className="visually-hidden">{t('evaluation.others.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('evaluation.view.criterion')}</th>
                  <th scope="col">{t('evaluation.view.max')}</th>
                  {others.map((s) => (
                    <th key={s.number} scope="col">
                      {label(s.number)}
                    </th>
                  ))}
                  <th scope="col">{t('evaluation.others.mean')}</th>
                </tr>
              </thead>
              <tbody>
                {criteria.map((c) => (
                  <tr key={c.code}>
                    <th scope="row">
                      {c.code}. {localised(c.name)}
                    </th>
                    <td className="office-num">{pts(c.maxPoints)}</td>
                    {others.map((s) => (
                      <td key={s.number} className="office-num">
                        {pts(lineOf(s, c.code).points)}
                      </td>
                    ))}
                    <td className="office-num">{pts(meanOf.get(c.code))}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('evaluation.sheet.totalLabel')}</th>
                  <td />
                  {others.map((s) => (
                    <td key={s.number} className="office-num">
                      <strong>{pts(s.total)}</strong>
                    </td>
                  ))}
                  <td className="office-num">
                    <strong>{pts(e.total)}</strong>
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
          {others.map((s) => (
            <details key={s.number}>
              <summary>
                {t('evaluation.others.rationales', { evaluator: label(s.number), total: pts(s.total) })}
              </summary>
              <dl className="meta-list">
                {criteria.map((c) => {
                  const line = lineOf(s, c.code);
                  return (
                    <div key={c.code} className="office-dl-row">
                      <dt>
                        {c.code} · {pts(line.points)}
                      </dt>
                      <dd className="office-prewrap">{line.comment || '—'}</dd>
                    </div>
                  );
                })}
              </dl>
            </details>
          ))}
        </>
      )}
    </section>
  );
}
