import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionInput } from '@cofinanca/domain';
import { isApiError } from '../../../../api/problem';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { useFormat } from '../../../../i18n/format';
import type { Application, ApplicationDocument, Call, EntityStatus } from '../../../../api/types';
import { useApplicationDocuments, useSubmitApplication } from '../../hooks/use-applications';
import { useAutosave } from '../../hooks/use-autosave';
import {
  budgetTotals,
  toContent,
  toFormValues,
  type ApplicationFormValues,
} from '../../schemas/application-form';
import { SECTIONS, type SectionId } from '../../schemas/checklist';
import type { AutosaveController } from '../../schemas/autosave';
import { useLocale, useLocalized } from '../../../../lib/use-locale';
import { BeneficiariesSection } from './BeneficiariesSection';
import { BudgetSection } from './BudgetSection';
import { ClassificationSection } from './ClassificationSection';
import { CounterpartSection } from './CounterpartSection';
import { DocumentsSection } from './DocumentsSection';
import { useErrorLookup, type SectionProps } from './form-kit';
import { ProjectSection } from './ProjectSection';
import { goTo, ReviewSection } from './ReviewSection';
import { SaveStatus } from './SaveStatus';

/** The side navigation of the form: one link per section, keyboard-usable, moving the focus to its heading. */
function SectionsNav({ sections }: { sections: readonly SectionId[] }) {
  const { t } = useTranslation();
  return (
    <nav className="portal-sections-nav" aria-label={t('portal.form.sectionsLabel')}>
      <ol>
        {sections.map((s: SectionId) => (
          <li key={s}>
            <a
              href={`#section-${s}`}
              onClick={(e) => {
                e.preventDefault();
                goTo(s);
              }}
            >
              {t(`portal.form.sections.${s}`)}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The sections a correction edits: the content (documents go with the answer; there is no second submission). */
const CORRECTION_SECTIONS = SECTIONS.filter((s) => s !== 'documents' && s !== 'review');

/**
 * The draft's complete form, autosaved, with the checklist and the submission; in `correction` mode (while a
 * correction request is open) the content sections only, autosaved the same way, and `onController` gives the
 * answer form the autosave controller (to save what is pending before answering).
 */
export function ApplicationEditor({
  application,
  call,
  entityStatus,
  onSubmitted,
  onLocked,
  mode = 'draft',
  onController,
}: {
  application: Application;
  call: Call;
  entityStatus: EntityStatus | undefined;
  onSubmitted?: (app: Application) => void;
  onLocked: () => void;
  mode?: 'draft' | 'correction';
  onController?: (controller: AutosaveController | null) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const locale = useLocale();
  const toValues = useCallback(
    (app: Application) => toFormValues(app, locale === 'en' ? '.' : ','),
    [locale],
  );
  const { state, controller } = useAutosave(application, toValues, onLocked);
  useEffect(() => {
    onController?.(controller);
    return () => onController?.(null);
  }, [controller, onController]);
  const documents = useApplicationDocuments(application.id);
  const submit = useSubmitApplication();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);

  const noticeKey = state.rebasedAt?.toISOString() ?? state.restoredFrom;
  const set = useCallback(
    (patch: Partial<ApplicationFormValues>) => controller.update((v) => ({ ...v, ...patch })),
    [controller],
  );
  const serverErrors = {
    ...state.refusedErrors,
    ...(isApiError(state.error) && state.status === 'failed' ? state.error.fieldErrors : {}),
  };
  const error = useErrorLookup(state.pendingErrors, serverErrors);
  const props: SectionProps = { values: state.values, set, error, call };

  const input: SubmissionInput = useMemo(
    () => ({
      now: new Date(),
      call: call as unknown as SubmissionInput['call'],
      entityStatus: entityStatus ?? 'pending_validation',
      hasPendingJustification: false,
      application: toContent(state.values),
      documentTypes: (documents.data ?? []).map((d) => d.type),
    }),
    [call, entityStatus, state.values, documents.data],
  );

  const [confirming, setConfirming] = useState(false);

  /** First everything is saved; then a summary is confirmed, for submitting cannot be undone. */
  const onSubmit = async () => {
    setSubmitError(null);
    await controller.flush();
    if (controller.getState().unsaved) {
      goTo('review');
      return;
    }
    setConfirming(true);
  };

  const onConfirm = () => {
    submit.mutate(application.id, {
      onSuccess: (app) => {
        setConfirming(false);
        controller.discardStored();
        onSubmitted?.(app);
      },
      onError: (e) => {
        setConfirming(false);
        setSubmitError(e);
      },
    });
  };

  return (
    <div className="portal-editor">
      <aside className="portal-editor-side">
        <SectionsNav sections={mode === 'correction' ? CORRECTION_SECTIONS : SECTIONS} />
        <SaveStatus state={state} onRetry={() => void controller.flush()} />
      </aside>
      <div className="portal-editor-main stack">
        {noticeKey && dismissed !== noticeKey && (
          <div className="alert portal-alert-info" role="status">
            <p>
              {state.rebasedAt || !state.restoredFrom
                ? t('portal.save.rebased')
                : t('portal.save.restored', { time: fmt.instant(state.restoredFrom) })}
            </p>
            <button
              type="button"
              className="button button-small button-secondary"
              onClick={() => setDismissed(noticeKey)}
            >
              {t('portal.save.dismiss')}
            </button>
          </div>
        )}
        <ProjectSection {...props} />
        <BudgetSection {...props} />
        <ClassificationSection {...props} />
        <BeneficiariesSection {...props} />
        <CounterpartSection {...props} />
        {mode === 'draft' && (
          <>
            <DocumentsSection applicationId={application.id} call={call} />
            <ReviewSection
              input={input}
              call={call}
              unsaved={state.unsaved}
              submitting={submit.isPending || state.status === 'saving'}
              submitError={submitError}
              onSubmit={() => void onSubmit()}
            />
            <ConfirmDialog
              open={confirming}
              onOpenChange={(open) => {
                if (!submit.isPending) setConfirming(open);
              }}
              title={t('portal.review.confirm.title')}
              description={t('portal.review.confirm.description')}
              confirmLabel={
                submit.isPending ? t('portal.review.submitting') : t('portal.review.confirm.button')
              }
              onConfirm={onConfirm}
              busy={submit.isPending}
              tone="primary"
            >
              <SubmitSummary call={call} values={state.values} documents={documents.data ?? []} />
            </ConfirmDialog>
          </>
        )}
      </div>
    </div>
  );
}

/** What is being submitted: the call, the amount requested and the documents attached. */
function SubmitSummary({
  call,
  values,
  documents,
}: {
  call: Call;
  values: ApplicationFormValues;
  documents: ApplicationDocument[];
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const localized = useLocalized();
  const requested = budgetTotals(values.budgetLines)?.requestedAmount;
  return (
    <dl className="dialog-summary" aria-label={t('portal.review.confirm.summary')}>
      <dt>{t('portal.review.confirm.call')}</dt>
      <dd>
        {call.code} · {localized(call.title)}
      </dd>
      <dt>{t('portal.review.confirm.project')}</dt>
      <dd>{values.title.trim() || '—'}</dd>
      <dt>{t('portal.review.confirm.requested')}</dt>
      <dd>{requested ? fmt.money(requested) : '—'}</dd>
      <dt>{t('portal.review.confirm.documents', { count: documents.length })}</dt>
      <dd>
        {documents.length === 0 ? (
          '—'
        ) : (
          <ul>
            {documents.map((d) => (
              <li key={d.id}>
                {t(`grants.documentType.${d.type}`)}: {d.fileName}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
