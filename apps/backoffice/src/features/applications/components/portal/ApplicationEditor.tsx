import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionInput } from '@cofinanca/domain';
import { isApiError } from '../../../../api/problem';
import { useFormat } from '../../../../i18n/format';
import type { Application, Call, EntityStatus } from '../../../../api/types';
import { useApplicationDocuments, useSubmitApplication } from '../../hooks/use-applications';
import { useAutosave } from '../../hooks/use-autosave';
import { toContent, toFormValues, type ApplicationFormValues } from '../../schemas/application-form';
import { SECTIONS, type SectionId } from '../../schemas/checklist';
import { useLocale } from '../../../../lib/use-locale';
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
function SectionsNav() {
  const { t } = useTranslation();
  return (
    <nav className="portal-sections-nav" aria-label={t('portal.form.sectionsLabel')}>
      <ol>
        {SECTIONS.map((s: SectionId) => (
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

/** The draft's complete form, autosaved, with the checklist and the submission. */
export function ApplicationEditor({
  application,
  call,
  entityStatus,
  onSubmitted,
  onLocked,
}: {
  application: Application;
  call: Call;
  entityStatus: EntityStatus | undefined;
  onSubmitted: (app: Application) => void;
  onLocked: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const locale = useLocale();
  const toValues = useCallback(
    (app: Application) => toFormValues(app, locale === 'en' ? '.' : ','),
    [locale],
  );
  const { state, controller } = useAutosave(application, toValues, onLocked);
  const documents = useApplicationDocuments(application.id);
  const submit = useSubmitApplication();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);

  const noticeKey = state.rebasedAt?.toISOString() ?? state.restoredFrom;
  const set = useCallback(
    (patch: Partial<ApplicationFormValues>) => controller.update((v) => ({ ...v, ...patch })),
    [controller],
  );
  const serverErrors = isApiError(state.error) && state.status === 'failed' ? state.error.fieldErrors : {};
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

  const onSubmit = async () => {
    setSubmitError(null);
    await controller.flush();
    if (controller.getState().unsaved) {
      setSubmitError(null);
      goTo('review');
      return;
    }
    submit.mutate(application.id, {
      onSuccess: (app) => {
        controller.discardStored();
        onSubmitted(app);
      },
      onError: (e) => setSubmitError(e),
    });
  };

  return (
    <div className="portal-editor">
      <aside className="portal-editor-side">
        <SectionsNav />
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
        <DocumentsSection applicationId={application.id} call={call} />
        <ReviewSection
          input={input}
          call={call}
          unsaved={state.unsaved}
          submitting={submit.isPending || state.status === 'saving'}
          submitError={submitError}
          onSubmit={() => void onSubmit()}
        />
      </div>
    </div>
  );
}
