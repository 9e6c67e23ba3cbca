import { useCallback, useId, useRef, useState, type MutableRefObject } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { APPLICATION_MACHINE, dateInTimeZone, isApplicationEditable } from '@cofinanca/domain';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { FormAlert } from '../../../../components/FormAlert';
import { QueryStates, StatusNotice } from '../../../../components/States';
import { useFormat } from '../../../../i18n/format';
import { problemMessage } from '../../../../lib/problem';
import { applicationsApi } from '../../api/applications-api';
import type { Application, ApplicationDocument, Call, Requirement } from '../../../../api/types';
import {
  useAnswerRequirement,
  useApplicationDocuments,
  useApplicationHistory,
  useRemoveDocument,
  useRequirements,
  useWithdrawApplication,
} from '../../hooks/use-applications';
import { ApplicationContent } from '../ApplicationContent';
import { useLocalized } from '../../../../lib/use-locale';
import { DocumentRows, DocumentUpload } from './DocumentsSection';
import { RequirementBadge } from './RequirementBadge';
import { StatusBadge } from '../../../../components/StatusBadge';
import { queryKeys } from '../../../../api/query-keys';
import type { AutosaveController } from '../../schemas/autosave';
import { ApplicationEditor } from './ApplicationEditor';

/** The autosave of the correction editor, when it is open: the answer saves what is pending first. */
type EditorRef = MutableRefObject<AutosaveController | null>;

/** The registry data of a submitted application: number, instant and the receipt (justificant de registre). */
function RegistryCard({ app, justSubmitted }: { app: Application; justSubmitted: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <section className="card" aria-labelledby="registry-title">
      {justSubmitted && app.registryNumber && (
        <div className="alert alert-success" role="status">
          <p>
            <strong>{t('portal.view.submittedTitle')}</strong>
          </p>
          <p>
            {t('portal.view.submittedText', {
              number: app.registryNumber,
              at: fmt.instant(app.submittedAt),
            })}
          </p>
        </div>
      )}
      <h2 id="registry-title">{t('portal.view.registryTitle')}</h2>
      <dl className="meta-list">
        <dt>{t('grants.field.status')}</dt>
        <dd>
          <StatusBadge kind="application" status={app.status} />
        </dd>
        <dt>{t('grants.field.registryNumber')}</dt>
        <dd>{app.registryNumber ?? '—'}</dd>
        <dt>{t('grants.field.submittedAt')}</dt>
        <dd>{app.submittedAt ? fmt.instant(app.submittedAt) : '—'}</dd>
        <dt>{t('grants.field.call')}</dt>
        <dd>{app.call.code}</dd>
        <dt>{t('grants.field.entity')}</dt>
        <dd>
          {app.entity.legalName} ({app.entity.nif})
        </dd>
        {app.statusReason && (
          <>
            <dt>{t('portal.view.reason')}</dt>
            <dd>{app.statusReason}</dd>
          </>
        )}
      </dl>
      {app.registryNumber && (
        <p>
          <a className="button button-secondary" href={applicationsApi.receiptUrl(app.id)} download>
            {t('portal.view.receipt', { number: app.registryNumber })}
          </a>
        </p>
      )}
    </section>
  );
}

/** The answer to an open correction request: a message and the documents that correct the application. */
function CorrectionAnswer({
  app,
  requirement,
  editor,
}: {
  app: Application;
  requirement: Requirement;
  editor: EditorRef;
}) {
  const { t } = useTranslation();
  const id = useId();
  const documents = useApplicationDocuments(app.id);
  const remove = useRemoveDocument(app.id);
  const answer = useAnswerRequirement(app.id);
  const [message, setMessage] = useState('');
  const [messageError, setMessageError] = useState('');
  const [unsaved, setUnsaved] = useState(false);
  const [deleting, setDeleting] = useState<ApplicationDocument | null>(null);
  const pending = (documents.data ?? []).filter((d) => d.type === 'correction' && !d.locked);

  const send = async () => {
    setMessageError('');
    setUnsaved(false);
    if (message.trim() === '') {
      setMessageError(t('validation.required'));
      document.getElementById(`${id}-message`)?.focus();
      return;
    }
    // The edits of the application reach the server first: the answer records what changed.
    const controller = editor.current;
    if (controller) {
      await controller.flush();
      if (controller.getState().unsaved) {
        setUnsaved(true);
        return;
      }
    }
    answer.mutate(
      {
        requirementId: requirement.id,
        body: { message: message.trim(), documentIds: pending.map((d) => d.id) },
      },
      { onSuccess: () => controller?.discardStored() },
    );
  };

  return (
    <form
      className="form portal-answer"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <h3>{t('portal.correction.answerTitle')}</h3>
      <FormAlert error={answer.error} />
      {unsaved && (
        <p className="alert alert-error" role="alert">
          {t('portal.correction.unsaved')}
        </p>
      )}
      <fieldset disabled={answer.isPending}>
        <legend className="visually-hidden">{t('portal.correction.answerTitle')}</legend>
        <div className={`field${messageError ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-message`}>
            {t('portal.correction.message')}
            <span className="required" aria-hidden="true">
              {' '}
              *
            </span>
            <span className="visually-hidden"> ({t('common.required')})</span>
          </label>
          <textarea
            id={`${id}-message`}
            rows={5}
            maxLength={10000}
            value={message}
            aria-required
            aria-invalid={messageError ? true : undefined}
            aria-describedby={messageError ? `${id}-message-error` : undefined}
            onChange={(e) => setMessage(e.target.value)}
          />
          {messageError && (
            <p className="field-error" id={`${id}-message-error`}>
              {messageError}
            </p>
          )}
        </div>
        <h4>{t('portal.correction.documents')}</h4>
        <DocumentRows applicationId={app.id} documents={pending} canDelete onDelete={setDeleting} />
        <DocumentUpload applicationId={app.id} type="correction" label={t('portal.correction.upload')} />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {answer.isPending ? t('common.saving') : t('portal.correction.send')}
          </button>
        </div>
      </fieldset>
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={t('portal.documents.deleteTitle')}
        description={t('portal.documents.deleteBody', { name: deleting?.fileName ?? '' })}
        confirmLabel={t('portal.documents.deleteConfirm')}
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSettled: () => setDeleting(null) })}
      />
    </form>
  );
}

/** The correction requests of the application, the open one first with its answer form. */
function Corrections({ app, editor }: { app: Application; editor: EditorRef }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const requirements = useRequirements(app.id);
  const today = dateInTimeZone(new Date());
  // Nothing to show for an application that never had a correction request.
  if (requirements.isSuccess && requirements.data.length === 0) return null;
  return (
    <QueryStates query={requirements} isEmpty={() => false} empty={null}>
      {(list) => (
        <section className="card portal-correction" aria-labelledby="corrections-title">
          <h2 id="corrections-title">{t('portal.correction.title')}</h2>
          {[...list]
            .sort((a, b) =>
              a.status === 'open' ? -1 : b.status === 'open' ? 1 : b.createdAt.localeCompare(a.createdAt),
            )
            .map((r) => (
              <article
                key={r.id}
                className={`portal-requirement${r.status === 'open' ? ' portal-requirement-open' : ''}`}
              >
                <h3>
                  {t('portal.correction.requestOf', { date: fmt.date(r.notifiedOn) })}{' '}
                  <RequirementBadge requirement={r} all={list} applicationStatus={app.status} />
                </h3>
                <p>
                  <strong>{t('portal.correction.dueDate', { date: fmt.longDate(r.dueDate) })}</strong>
                </p>
                {r.status === 'open' && r.dueDate < today && (
                  <p className="alert portal-alert-warning">{t('portal.correction.late')}</p>
                )}
                <h4>{t('portal.correction.items')}</h4>
                <ol>
                  {r.items.map((item, i) => (
                    <li key={i} className="portal-prewrap">
                      {item.description}
                    </li>
                  ))}
                </ol>
                {r.status === 'open' && app.status === 'correction_requested' ? (
                  <CorrectionAnswer app={app} requirement={r} editor={editor} />
                ) : r.responseMessage ? (
                  <>
                    <h4>{t('portal.correction.yourAnswer', { at: fmt.instant(r.respondedAt) })}</h4>
                    <p className="portal-prewrap">{r.responseMessage}</p>
                  </>
                ) : null}
              </article>
            ))}
        </section>
      )}
    </QueryStates>
  );
}

function DocumentsCard({ app, call }: { app: Application; call: Call | undefined }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const documents = useApplicationDocuments(app.id);
  const typeName = (type: string) => {
    const required = call?.requiredDocuments.find((d) => d.code === type);
    if (required) return localized(required.name);
    return t(`grants.documentType.${type}`, { defaultValue: type });
  };
  return (
    <section className="card" aria-labelledby="view-documents-title">
      <h2 id="view-documents-title">{t('grants.field.documents')}</h2>
      <QueryStates query={documents} isEmpty={(d) => d.length === 0} empty={t('portal.documents.none')}>
        {(docs) => (
          <DocumentRows applicationId={app.id} documents={docs} canDelete={false} typeName={typeName} />
        )}
      </QueryStates>
    </section>
  );
}

/** The application's history (its audit events), loaded when opened. */
export function HistoryPanel({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [open, setOpen] = useState(false);
  const history = useApplicationHistory(applicationId, open);
  return (
    <details className="card portal-history" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>
        <h2 className="portal-summary-heading">{t('portal.history.title')}</h2>
      </summary>
      {open && (
        <QueryStates query={history} isEmpty={(d) => d.items.length === 0} empty={t('portal.history.empty')}>
          {(data) => (
            <ol className="portal-timeline">
              {data.items.map((event) => (
                <li key={event.id}>
                  <time dateTime={event.at}>{fmt.instant(event.at)}</time> ·{' '}
                  <strong>
                    {t(`portal.history.actions.${event.action.replace('.', '_')}`, {
                      defaultValue: event.action,
                    })}
                  </strong>
                  {event.actorName && <span className="muted"> · {event.actorName}</span>}
                </li>
              ))}
            </ol>
          )}
        </QueryStates>
      )}
    </details>
  );
}

/** A submitted (or later) application, read-only: registry data, the correction request, withdraw, history. */
export function ApplicationView({
  app,
  call,
  justSubmitted,
}: {
  app: Application;
  call: Call | undefined;
  justSubmitted: boolean;
}) {
  const { t } = useTranslation();
  const withdraw = useWithdrawApplication();
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState('');
  const canWithdraw = APPLICATION_MACHINE.can(app.status, 'withdraw');
  const queryClient = useQueryClient();
  const editorRef = useRef<AutosaveController | null>(null);
  const onController = useCallback((c: AutosaveController | null) => {
    editorRef.current = c;
  }, []);
  const [editing, setEditing] = useState(false);
  // While a correction request is open the entity corrects the application itself (autosaved as a draft is).
  // The machine says when the content is editable (a draft has the form page itself; here, a correction request).
  const canEdit = isApplicationEditable(app.status) && call !== undefined;

  return (
    <div className="stack">
      <StatusNotice message={notice} />
      <RegistryCard app={app} justSubmitted={justSubmitted} />
      <Corrections app={app} editor={editorRef} />
      {canEdit && editing && call ? (
        <section aria-labelledby="content-title" className="stack">
          <div className="card">
            <h2 id="content-title">{t('portal.correction.editTitle')}</h2>
            <p>{t('portal.correction.editIntro')}</p>
            <button type="button" className="button button-secondary" onClick={() => setEditing(false)}>
              {t('portal.correction.editDone')}
            </button>
          </div>
          <ApplicationEditor
            key={app.id}
            mode="correction"
            application={app}
            call={call}
            entityStatus={undefined}
            onController={onController}
            onLocked={() =>
              void queryClient.invalidateQueries({ queryKey: queryKeys.applications.detail(app.id) })
            }
          />
        </section>
      ) : (
        <section className="card" aria-labelledby="content-title">
          <h2 id="content-title">{t('portal.view.contentTitle')}</h2>
          {canEdit && (
            <p>
              <button type="button" className="button button-primary" onClick={() => setEditing(true)}>
                {t('portal.correction.edit')}
              </button>
            </p>
          )}
          <ApplicationContent application={app} headingLevel={3} />
        </section>
      )}
      <DocumentsCard app={app} call={call} />
      <HistoryPanel applicationId={app.id} />
      {canWithdraw && (
        <section className="card" aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">{t('portal.withdraw.title')}</h2>
          <p>{t('portal.withdraw.intro')}</p>
          {withdraw.error ? (
            <p className="alert alert-error" role="alert">
              {problemMessage(t, withdraw.error)}
            </p>
          ) : null}
          <button type="button" className="button button-danger-outline" onClick={() => setConfirming(true)}>
            {t('portal.withdraw.action')}
          </button>
        </section>
      )}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t('portal.withdraw.confirmTitle')}
        description={t('portal.withdraw.confirmBody', { number: app.registryNumber ?? '' })}
        confirmLabel={t('portal.withdraw.confirm')}
        busy={withdraw.isPending}
        onConfirm={() =>
          withdraw.mutate(app.id, {
            onSuccess: () => setNotice(t('portal.withdraw.done')),
            onSettled: () => setConfirming(false),
          })
        }
      />
    </div>
  );
}
