import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applicationTransition } from '@cofinanca/domain';
import { isApiError } from '../../../../api/problem';
import type { Application, Requirement } from '../../../../api/types';
import { QueryStates, StatusNotice } from '../../../../components/States';
import { useFormat } from '../../../../i18n/format';
import { PageHeader } from '../../../../components/PageHeader';
import { pathTo, ROUTES } from '../../../../routes';
import { useCan } from '../../../auth/hooks/use-permissions';
import { useNotice } from '../../../../lib/use-notice';
import { applicationsApi } from '../../api/applications-api';
import {
  useApplication,
  useApplicationDecision,
  useApplicationDocuments,
  useApplicationHistory,
  useRequirements,
  type ApplicationDecision,
} from '../../hooks/use-applications';
import { useCall } from '../../../calls/hooks/use-calls';
import { canDeclareWithdrawn } from '../../schemas/admissibility-schemas';
import { ActionDialog } from '../../../../components/ActionDialog';
import { ApplicationContent } from '../ApplicationContent';
import { DocumentsTable } from './DocumentsTable';
import { HistoryTimeline } from '../../../audit/components/HistoryTimeline';
import { localised } from '../../../../lib/localised';
import { RequestCorrectionDialog } from './RequestCorrectionDialog';
import { RequirementsList } from './RequirementsList';
import { StatusBadge } from '../../../../components/StatusBadge';

/** An application as officers review it: every field, documents, correction requests, decisions and history. */
export function ApplicationReview({ id }: { id: string }) {
  const { t } = useTranslation();
  const application = useApplication(id);
  const a = application.data;
  return (
    <>
      <p className="office-back">
        <Link to={ROUTES.admissibility}>{t('office.review.back')}</Link>
      </p>
      <PageHeader
        title={a ? a.title || a.registryNumber || t('office.review.title') : t('office.review.title')}
        intro={a ? t('office.review.intro', { entity: a.entity.legalName, call: a.call.code }) : undefined}
      />
      <QueryStates query={application} isEmpty={() => false} empty={null}>
        {(data) => <Review application={data} />}
      </QueryStates>
    </>
  );
}

function Review({ application: a }: { application: Application }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const canManage = useCan('applications.manage');
  const canReadEntities = useCan('entities.read');
  const call = useCall(a.callId);
  const documents = useApplicationDocuments(a.id);
  const requirements = useRequirements(a.id);
  const history = useApplicationHistory(a.id);
  const { notice, setNotice, ref: noticeRef } = useNotice();
  const openRequirement = requirements.data?.find((r) => r.status === 'open') ?? null;

  return (
    <>
      <StatusNotice ref={noticeRef} tabIndex={-1} message={notice} />
      <div className="card office-summary">
        <dl className="meta-list">
          <dt>{t('grants.field.status')}</dt>
          <dd>
            <StatusBadge kind="application" status={a.status} />
            {openRequirement && (
              <span className="office-due">
                {t('office.queue.dueDate', { date: fmt.date(openRequirement.dueDate) })}
              </span>
            )}
          </dd>
          {a.statusReason && (
            <>
              <dt>{t('office.common.reason')}</dt>
              <dd className="office-prewrap">{a.statusReason}</dd>
            </>
          )}
          <dt>{t('grants.field.registryNumber')}</dt>
          <dd>{a.registryNumber ?? '—'}</dd>
          <dt>{t('grants.field.submittedAt')}</dt>
          <dd>{a.submittedAt ? fmt.instant(a.submittedAt) : '—'}</dd>
          <dt>{t('grants.field.entity')}</dt>
          <dd>
            {canReadEntities ? (
              <Link to={pathTo(ROUTES.entity, a.entity.id)}>{a.entity.legalName}</Link>
            ) : (
              a.entity.legalName
            )}{' '}
            <span className="muted">({a.entity.nif})</span>
          </dd>
          <dt>{t('grants.field.call')}</dt>
          <dd>
            <Link to={pathTo(ROUTES.call, a.call.id)}>
              {a.call.code} — {localised(a.call.title)}
            </Link>
          </dd>
          <dt>{t('grants.field.requestedAmount')}</dt>
          <dd>{a.requestedAmount ? fmt.money(a.requestedAmount) : '—'}</dd>
        </dl>
        {a.registryNumber && (
          <p>
            <a href={applicationsApi.receiptUrl(a.id)} download>
              {t('office.review.receipt', { number: a.registryNumber })}
            </a>
          </p>
        )}
      </div>

      {canManage && (
        <DecisionActions
          application={a}
          openRequirement={openRequirement}
          correctionDays={call.data?.correctionDays}
          onDone={setNotice}
        />
      )}

      <ApplicationContent application={a} partnerHref={(id) => pathTo(ROUTES.entity, id)} />

      <section className="card" aria-labelledby="app-documents">
        <h2 id="app-documents">{t('grants.field.documents')}</h2>
        <QueryStates query={documents} isEmpty={(d) => d.length === 0} empty={t('office.documents.empty')}>
          {(list) => (
            <DocumentsTable
              applicationId={a.id}
              documents={list}
              call={call.data}
              caption={t('grants.field.documents')}
            />
          )}
        </QueryStates>
      </section>

      <section className="card" aria-labelledby="app-requirements">
        <h2 id="app-requirements">{t('office.requirements.title')}</h2>
        <QueryStates
          query={requirements}
          isEmpty={(d) => d.length === 0}
          empty={t('office.requirements.empty')}
        >
          {(list) => (
            <RequirementsList applicationId={a.id} requirements={list} documents={documents.data ?? []} />
          )}
        </QueryStates>
      </section>

      <section className="card" aria-labelledby="app-history">
        <h2 id="app-history">{t('office.review.historyTitle')}</h2>
        <QueryStates
          query={history}
          isEmpty={(d) => d.items.length === 0}
          empty={t('office.common.noHistory')}
        >
          {(data) => <HistoryTimeline events={data.items} label={t('office.review.historyTitle')} />}
        </QueryStates>
      </section>
    </>
  );
}

interface DecisionSpec {
  decision: ApplicationDecision;
  tone: 'primary' | 'danger';
  withReason: boolean;
}

const DECISIONS: DecisionSpec[] = [
  { decision: 'admit', tone: 'primary', withReason: false },
  { decision: 'declareInadmissible', tone: 'danger', withReason: true },
  { decision: 'declareWithdrawn', tone: 'danger', withReason: true },
];

const TRANSITION = {
  admit: 'admit',
  declareInadmissible: 'declare_inadmissible',
  declareWithdrawn: 'declare_withdrawn',
} as const;

function DecisionActions({
  application: a,
  openRequirement,
  correctionDays,
  onDone,
}: {
  application: Application;
  openRequirement: Requirement | null;
  correctionDays: number | undefined;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const decide = useApplicationDecision(a.id);
  const [open, setOpen] = useState<ApplicationDecision | null>(null);
  const [requesting, setRequesting] = useState(false);
  const canRequest = applicationTransition(a.status, 'request_correction') !== null;
  const available = DECISIONS.filter((d) => applicationTransition(a.status, TRANSITION[d.decision]) !== null);
  const withdrawnReady = canDeclareWithdrawn(a.status, openRequirement);
  const current = DECISIONS.find((d) => d.decision === open);
  const deadlineProblem = isApiError(decide.error) && decide.error.code === 'DEADLINE_NOT_PASSED';

  if (!canRequest && available.length === 0) return null;

  return (
    <section className="office-actions" aria-labelledby="app-actions">
      <h2 id="app-actions">{t('office.review.actionsTitle')}</h2>
      <div className="toolbar-actions">
        {canRequest && (
          <button type="button" className="button button-secondary" onClick={() => setRequesting(true)}>
            {t('office.review.requestCorrection')}
          </button>
        )}
        {available.map((spec) => {
          const waiting = spec.decision === 'declareWithdrawn' && !withdrawnReady;
          return (
            <button
              key={spec.decision}
              type="button"
              className={`button ${spec.tone === 'danger' ? 'button-danger-outline' : 'button-primary'}`}
              aria-disabled={waiting || undefined}
              aria-describedby={waiting ? 'app-withdrawn-wait' : undefined}
              onClick={() => {
                if (waiting) return;
                decide.reset();
                setOpen(spec.decision);
              }}
            >
              {t(`office.review.decisions.${spec.decision}.button`)}
            </button>
          );
        })}
      </div>
      {a.status === 'correction_requested' && !withdrawnReady && (
        <p id="app-withdrawn-wait" className="field-hint">
          {openRequirement
            ? t('office.review.withdrawnAfter', { date: fmt.longDate(openRequirement.dueDate) })
            : t('office.review.withdrawnNoRequest')}
        </p>
      )}

      {current && (
        <ActionDialog
          open
          onOpenChange={(o) => !o && setOpen(null)}
          title={t(`office.review.decisions.${current.decision}.title`)}
          description={t(`office.review.decisions.${current.decision}.description`, {
            number: a.registryNumber ?? '',
            entity: a.entity.legalName,
          })}
          confirmLabel={t(`office.review.decisions.${current.decision}.confirm`)}
          tone={current.tone}
          reason={
            current.withReason
              ? { label: t('office.common.reasonLabel'), hint: t('office.common.reasonHint') }
              : undefined
          }
          error={decide.error}
          busy={decide.isPending}
          onConfirm={async (reason) => {
            await decide.mutateAsync({ decision: current.decision, reason });
            setOpen(null);
            onDone(t(`office.review.decisions.${current.decision}.done`));
          }}
        >
          {deadlineProblem && openRequirement && (
            <p className="office-note office-note-warning">
              {t('office.review.withdrawnAfter', { date: fmt.longDate(openRequirement.dueDate) })}
            </p>
          )}
        </ActionDialog>
      )}

      <RequestCorrectionDialog
        open={requesting}
        onOpenChange={setRequesting}
        applicationId={a.id}
        correctionDays={correctionDays}
        onCreated={(requirement) => {
          setRequesting(false);
          onDone(t('office.requirements.sent', { date: fmt.longDate(requirement.dueDate) }));
        }}
      />
    </section>
  );
}
