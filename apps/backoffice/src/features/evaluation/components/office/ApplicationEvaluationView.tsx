import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationEvaluation } from '../../../../api/types';
import { TextAreaField } from '../../../../components/Field';
import { FormAlert } from '../../../../components/FormAlert';
import { DataTable } from '../../../../components/List';
import { ErrorState, Loading, StatusNotice } from '../../../../components/States';
import { currentLocale } from '../../../../i18n';
import { useFormat } from '../../../../i18n/format';
import { pointsInput } from '../../../../lib/inputs';
import { applyFieldErrors } from '../../../../lib/problem';
import { useNotice } from '../../../../lib/use-notice';
import { useCall } from '../../../calls/hooks/use-calls';
import { ActionDialog } from '../../../../components/ActionDialog';
import {
  useApplicationEvaluation,
  useCallAssignments,
  useConsensus,
  useReopenSheet,
} from '../../hooks/use-evaluation';
import { reopenableSheets } from '../../schemas/reopen';
import { pointsProblem } from '../../schemas/score-sheet';
import { useReason } from './RankingTable';

/**
 * An application's evaluation for officers: the mean (or consensus) per criterion, the blocks and their minimums,
 * the total, the spread of the submitted totals and whether it diverges, every sheet with its evaluator, and the
 * consensus form. The aggregation is the API's (libs/domain); the page only shows it.
 */
export function ApplicationEvaluationView({
  applicationId,
  callId,
}: {
  applicationId: string;
  callId: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const reason = useReason();
  const evaluation = useApplicationEvaluation(applicationId);
  const { notice, setNotice, ref } = useNotice();
  if (evaluation.isPending) return <Loading />;
  if (evaluation.isError || !evaluation.data) {
    return <ErrorState error={evaluation.error} onRetry={() => void evaluation.refetch()} />;
  }
  const e = evaluation.data;
  const pts = (n: number | null | undefined) => (n === null || n === undefined ? '—' : fmt.number(n));
  const sheets = e.sheets ?? [];
  return (
    <>
      <StatusNotice message={notice} ref={ref} tabIndex={-1} />
      <section className="card" aria-labelledby="evaluation-summary">
        <h2 id="evaluation-summary">{t('evaluation.view.summary')}</h2>
        <dl className="meta-list">
          <dt>{t('evaluation.view.sheets')}</dt>
          <dd>{t('evaluation.view.sheetsOf', { submitted: e.submitted, assigned: e.assigned })}</dd>
          <dt>{t('evaluation.ranking.total')}</dt>
          <dd>
            <strong>{pts(e.total)}</strong>
            {e.consensus && <span className="badge badge-success">{t('evaluation.ranking.consensus')}</span>}
          </dd>
          <dt>{t('evaluation.view.spread')}</dt>
          <dd>
            {pts(e.spread)}{' '}
            {e.divergent && <span className="badge badge-warning">{t('evaluation.ranking.divergent')}</span>}
          </dd>
          <dt>{t('evaluation.ranking.fundable')}</dt>
          <dd>
            {e.fundable ? t('office.common.yes') : t('office.common.no')}
            {e.reasons.length > 0 && ` — ${e.reasons.map(reason).join('; ')}`}
          </dd>
        </dl>
      </section>

      <DataTable caption={t('evaluation.view.criteriaCaption')}>
        <thead>
          <tr>
            <th scope="col">{t('evaluation.view.criterion')}</th>
            <th scope="col">{t('evaluation.view.max')}</th>
            {sheets.map((s, i) => (
              <th key={s.evaluatorId ?? i} scope="col">
                {s.evaluatorName ?? t('evaluation.view.evaluatorN', { n: i + 1 })}
              </th>
            ))}
            <th scope="col">{t('evaluation.view.mean')}</th>
            <th scope="col">{t('evaluation.view.points')}</th>
          </tr>
        </thead>
        <tbody>
          {e.criteria.map((c) => (
            <tr key={c.code}>
              <th scope="row">{c.code}</th>
              <td className="office-num">{pts(c.max)}</td>
              {sheets.map((s, i) => (
                <td key={s.evaluatorId ?? i} className="office-num">
                  {pts(s.scores.find((l) => l.criterionCode === c.code)?.points)}
                </td>
              ))}
              <td className="office-num">{pts(c.mean)}</td>
              <td className="office-num">
                <strong>{pts(c.points)}</strong>
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('evaluation.sheet.totalLabel')}</th>
            <td />
            {sheets.map((s, i) => (
              <td key={s.evaluatorId ?? i} className="office-num">
                {pts(s.total)}
              </td>
            ))}
            <td />
            <td className="office-num">
              <strong>{pts(e.total)}</strong>
            </td>
          </tr>
        </tbody>
      </DataTable>

      <DataTable caption={t('evaluation.view.blocksCaption')}>
        <thead>
          <tr>
            <th scope="col">{t('evaluation.ranking.blocks')}</th>
            <th scope="col">{t('evaluation.view.points')}</th>
            <th scope="col">{t('evaluation.view.minimum')}</th>
            <th scope="col">{t('evaluation.view.reached')}</th>
          </tr>
        </thead>
        <tbody>
          {e.blocks.map((b) => (
            <tr key={b.code}>
              <th scope="row">{b.code}</th>
              <td className="office-num">{pts(b.points)}</td>
              <td className="office-num">{pts(b.minPoints)}</td>
              <td>{b.reached ? t('office.common.yes') : t('office.common.no')}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>

      {sheets.some((s) => s.scores.some((l) => l.comment)) && (
        <section className="card" aria-labelledby="evaluation-comments">
          <h2 id="evaluation-comments">{t('evaluation.view.comments')}</h2>
          {sheets.map((s, i) => (
            <details key={s.evaluatorId ?? i}>
              <summary>
                {s.evaluatorName ?? t('evaluation.view.evaluatorN', { n: i + 1 })} —{' '}
                {t('evaluation.view.submittedAt', { date: fmt.instant(s.submittedAt) })}
              </summary>
              <dl className="meta-list">
                {s.scores.map((l) => (
                  <div key={l.criterionCode} className="office-dl-row">
                    <dt>{l.criterionCode}</dt>
                    <dd className="office-prewrap">{l.comment || '—'}</dd>
                  </div>
                ))}
              </dl>
            </details>
          ))}
        </section>
      )}

      <ReopenSheets
        applicationId={applicationId}
        callId={callId}
        onDone={(name) => setNotice(t('evaluation.view.reopened', { name }))}
      />
      {e.consensus && (
        <section className="card" aria-labelledby="evaluation-consensus">
          <h2 id="evaluation-consensus">{t('evaluation.view.consensusTitle')}</h2>
          <p className="office-prewrap">{e.consensus.rationale}</p>
          <p className="muted">
            {t('evaluation.view.consensusBy', {
              name: e.consensus.byName,
              date: fmt.instant(e.consensus.at),
            })}
          </p>
        </section>
      )}
      {e.status === 'evaluated' && (
        <ConsensusForm
          evaluation={e}
          applicationId={applicationId}
          onDone={() => setNotice(t('evaluation.view.consensusSaved'))}
        />
      )}
    </>
  );
}

/** The consensus score with its rationale (replaces the mean for the ranking; audited by the API). */
function ConsensusForm({
  evaluation,
  applicationId,
  onDone,
}: {
  evaluation: ApplicationEvaluation;
  applicationId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const comma = currentLocale() !== 'en';
  const consensus = useConsensus(applicationId);
  const show = (n: number | null | undefined) =>
    n === null || n === undefined ? '' : comma ? String(n).replace('.', ',') : String(n);
  const [points, setPoints] = useState<Record<string, string>>(() =>
    Object.fromEntries(evaluation.criteria.map((c) => [c.code, show(c.points)])),
  );
  const [rationale, setRationale] = useState('');
  const [extra, setExtra] = useState<string[]>([]);
  const [rationaleError, setRationaleError] = useState<string | undefined>();
  const problems = Object.fromEntries(
    evaluation.criteria.map((c) => [
      c.code,
      points[c.code]?.trim() ? pointsProblem(points[c.code], c.max) : 'format',
    ]),
  );
  return (
    <section className="card" aria-labelledby="consensus-form">
      <h2 id="consensus-form">
        {evaluation.consensus ? t('evaluation.view.consensusChange') : t('evaluation.view.consensusNew')}
      </h2>
      <p>
        {evaluation.divergent ? t('evaluation.view.consensusNeeded') : t('evaluation.view.consensusIntro')}
      </p>
      <form
        className="form"
        noValidate
        onSubmit={(ev) => {
          ev.preventDefault();
          setExtra([]);
          setRationaleError(rationale.trim() ? undefined : t('validation.required'));
          if (!rationale.trim() || Object.values(problems).some(Boolean)) return;
          consensus.mutate(
            {
              rationale: rationale.trim(),
              scores: evaluation.criteria.map((c) => ({
                criterionCode: c.code,
                points: pointsInput(points[c.code]),
              })),
            },
            {
              onSuccess: () => {
                setRationale('');
                onDone();
              },
              onError: (error) => setExtra(applyFieldErrors(error, () => undefined, [])),
            },
          );
        }}
      >
        <fieldset disabled={consensus.isPending}>
          <legend className="visually-hidden">{t('evaluation.view.consensusNew')}</legend>
          <div className="consensus-grid">
            {evaluation.criteria.map((c) => (
              <div key={c.code} className={`field${problems[c.code] ? ' field-invalid' : ''}`}>
                <label htmlFor={`consensus-${c.code}`}>
                  {t('evaluation.view.consensusPoints', { code: c.code, max: fmt.number(c.max) })}
                </label>
                <input
                  id={`consensus-${c.code}`}
                  inputMode="decimal"
                  value={points[c.code] ?? ''}
                  aria-invalid={problems[c.code] ? true : undefined}
                  aria-describedby={problems[c.code] ? `consensus-${c.code}-error` : undefined}
                  onChange={(ev) => setPoints({ ...points, [c.code]: ev.target.value })}
                />
                {problems[c.code] && (
                  <p className="field-error" id={`consensus-${c.code}-error`}>
                    {t(`evaluation.sheet.pointsProblem.${problems[c.code]}`, { max: fmt.number(c.max) })}
                  </p>
                )}
              </div>
            ))}
          </div>
          <TextAreaField
            label={t('evaluation.view.rationale')}
            required
            maxLength={5000}
            value={rationale}
            error={rationaleError}
            onChange={(ev) => setRationale(ev.target.value)}
          />
          <FormAlert error={consensus.error} extra={extra} />
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {consensus.isPending ? t('office.common.working') : t('evaluation.view.consensusSave')}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}

/**
 * Officers may send a submitted sheet back to its evaluator, with a reason, while the call is being evaluated: the
 * API's rule (`reopenableSheets`: a submitted sheet, a call `evaluating`). Once the call has left evaluation the
 * section is not offered at all (the API would answer 409).
 */
function ReopenSheets({
  applicationId,
  callId,
  onDone,
}: {
  applicationId: string;
  callId: string;
  onDone: (name: string) => void;
}) {
  const { t } = useTranslation();
  const call = useCall(callId);
  const assignments = useCallAssignments(callId, {
    page: 1,
    pageSize: 50,
    applicationId,
    status: 'submitted',
  });
  const reopen = useReopenSheet(applicationId);
  const [target, setTarget] = useState<{ id: string; name: string } | null>(null);
  const submitted = reopenableSheets(call.data?.status, assignments.data?.items ?? []);
  if (submitted.length === 0) return null;
  return (
    <section className="card" aria-labelledby="evaluation-reopen">
      <h2 id="evaluation-reopen">{t('evaluation.view.reopenTitle')}</h2>
      <p>{t('evaluation.view.reopenIntro')}</p>
      <ul className="office-plain-list">
        {submitted.map((a) => (
          <li key={a.id}>
            {a.evaluatorName}{' '}
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                reopen.reset();
                setTarget({ id: a.id, name: a.evaluatorName });
              }}
            >
              {t('evaluation.view.reopen', { name: a.evaluatorName })}
            </button>
          </li>
        ))}
      </ul>
      <ActionDialog
        open={target !== null}
        onOpenChange={(open) => !open && setTarget(null)}
        title={t('evaluation.view.reopenDialog', { name: target?.name ?? '' })}
        description={t('evaluation.view.reopenBody')}
        confirmLabel={t('evaluation.view.reopenConfirm')}
        reason={{ label: t('evaluation.view.reopenReason') }}
        error={reopen.error}
        busy={reopen.isPending}
        onConfirm={async (reason) => {
          if (!target) return;
          await reopen.mutateAsync({ assignmentId: target.id, reason: reason ?? '' });
          onDone(target.name);
          setTarget(null);
        }}
      />
    </section>
  );
}
