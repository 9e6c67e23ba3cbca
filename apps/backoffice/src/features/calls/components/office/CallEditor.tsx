import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { callCompletenessErrors } from '@cofinanca/domain';
import { isApiError } from '../../../../api/problem';
import type { Call } from '../../../../api/types';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { FormAlert, StaleVersionAlert } from '../../../../components/FormAlert';
import { usePublishCall, useUpdateCall } from '../../hooks/use-calls';
import type { FieldRule } from '../../../../lib/problem';
import {
  callFormReducer,
  callToForm,
  describePath,
  fieldId,
  toCallParameters,
  toCallRequest,
  type CallForm,
} from '../../schemas/call-form';
import { callFormProblems, type FieldProblem } from '../../schemas/call-schemas';
import { EditorContext, type EditorContextValue } from './call-editor-context';
import {
  DatesSection,
  DocumentsSection,
  EvaluationSection,
  GeneralSection,
  MoneySection,
  SECTION_HEADING_ID,
} from './CallEditorSections';
import { focusPath, PublishChecklist } from './PublishChecklist';
import { RubricBuilder } from './RubricBuilder';
import { useCallMessages } from '../../hooks/use-call-messages';

/** What the form sends, to tell whether there are unsaved changes (list keys are left out). */
const snapshot = (form: CallForm) => JSON.stringify(toCallRequest(form));

interface Props {
  call: Call;
  /** Reloads the call from the API (after another officer saved it first). */
  onReload: () => Promise<Call | undefined>;
  onPublished: (call: Call) => void;
}

/**
 * The editor of a draft call: every parameter, the required documents and the rubric, with the live "ready to
 * publish" checklist, Save (PATCH with `version`) and Publish.
 */
export function CallEditor({ call, onReload, onPublished }: Props) {
  const { t } = useTranslation();
  const { problem, check, pathLabel } = useCallMessages();
  const [form, dispatch] = useReducer(callFormReducer, call, callToForm);
  const [baseline, setBaseline] = useState(() => snapshot(callToForm(call)));
  const [problems, setProblems] = useState<Record<string, FieldProblem>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, FieldRule[]>>({});
  const [showCompleteness, setShowCompleteness] = useState(false);
  const [publishOpen, setPublishOpen] = useState(false);
  const [notice, setNotice] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [incomplete, setIncomplete] = useState<Record<string, FieldRule[]> | null>(null);
  const focusTarget = useRef<string | null>(null);
  const update = useUpdateCall(call.id);
  const publish = usePublishCall(call.id);

  const completeness = useMemo(() => callCompletenessErrors(toCallParameters(form)), [form]);
  const dirty = snapshot(form) !== baseline;
  const busy = update.isPending || publish.isPending;
  const stale = isApiError(update.error) && update.error.code === 'STALE_VERSION';

  // Focus requests run after the render that shows the new element.
  useEffect(() => {
    const id = focusTarget.current;
    if (!id) return;
    focusTarget.current = null;
    let el = document.getElementById(id) as HTMLButtonElement | null;
    if (el?.disabled) {
      const other = id.endsWith('-up') ? id.replace(/-up$/, '-down') : id.replace(/-down$/, '-up');
      el = document.getElementById(other) as HTMLButtonElement | null;
    }
    el?.focus();
  });

  // Leaving the editor with unsaved changes asks first (inside the app, and when the tab is closed).
  const blocker = useBlocker(dirty);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const errorFor = useCallback(
    (path: string) => {
      const local = problems[path];
      if (local) return problem(local);
      const server = serverErrors[path];
      if (server?.length) return [...new Set(server.map(check))].join(' ');
      const missing = showCompleteness ? completeness[path] : undefined;
      if (missing?.length) return [...new Set(missing.map(check))].join(' ');
      return undefined;
    },
    [problems, serverErrors, showCompleteness, completeness, problem, check],
  );

  const context: EditorContextValue = useMemo(
    () => ({
      form,
      dispatch,
      errorFor,
      disabled: busy,
      requestFocus: (id: string) => {
        focusTarget.current = id;
      },
      announce: setAnnouncement,
    }),
    [form, errorFor, busy],
  );

  const reset = (saved: Call) => {
    const next = callToForm(saved);
    dispatch({ type: 'reset', form: next });
    setBaseline(snapshot(next));
  };

  const focusFirst = (paths: string[]) => {
    const first = paths[0];
    if (first) window.setTimeout(() => focusPath(first, describePath(first).section), 0);
  };

  /** Saves the draft; null when it could not (the problems are on the fields). */
  const save = async (): Promise<Call | null> => {
    setNotice(null);
    setIncomplete(null);
    const local = callFormProblems(form);
    setProblems(local);
    if (Object.keys(local).length > 0) {
      setNotice({
        text: t('office.editor.fixBeforeSaving', { count: Object.keys(local).length }),
        tone: 'error',
      });
      focusFirst(Object.keys(local));
      return null;
    }
    try {
      const saved = await update.mutateAsync({ version: call.version, ...toCallRequest(form) });
      setServerErrors({});
      reset(saved);
      return saved;
    } catch (error) {
      if (isApiError(error) && Object.keys(error.fieldErrors).length > 0) {
        setServerErrors(error.fieldErrors);
        focusFirst(Object.keys(error.fieldErrors));
      }
      return null;
    }
  };

  const onSave = async () => {
    const saved = await save();
    if (saved) setNotice({ text: t('office.editor.saved'), tone: 'success' });
  };

  const onPublish = async () => {
    publish.reset();
    if (dirty) {
      const saved = await save();
      if (!saved) {
        setPublishOpen(false);
        return;
      }
    }
    try {
      const published = await publish.mutateAsync();
      setPublishOpen(false);
      onPublished(published);
    } catch (error) {
      setPublishOpen(false);
      setShowCompleteness(true);
      if (isApiError(error) && error.code === 'CALL_INCOMPLETE') {
        setServerErrors(error.fieldErrors);
        setIncomplete(error.fieldErrors);
      }
    }
  };

  const reload = async () => {
    update.reset();
    const fresh = await onReload();
    if (fresh) {
      reset(fresh);
      setProblems({});
      setServerErrors({});
      setNotice({ text: t('office.editor.reloaded'), tone: 'success' });
    }
  };

  return (
    <EditorContext.Provider value={context}>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <div className="office-editor">
        <form
          className="form office-editor-form"
          noValidate
          aria-label={t('office.editor.formLabel', { code: call.code })}
          onSubmit={(e) => {
            e.preventDefault();
            void onSave();
          }}
        >
          <GeneralSection />
          <MoneySection />
          <DatesSection />
          <EvaluationSection />
          <DocumentsSection />
          <RubricBuilder />
        </form>

        <aside className="office-editor-aside" aria-label={t('office.editor.asideLabel')}>
          <div className="card office-savebar">
            <h2 className="visually-hidden">{t('common.actions')}</h2>
            <p
              className={notice ? `alert alert-${notice.tone}` : 'visually-hidden'}
              role="status"
              aria-live="polite"
            >
              {notice?.text}
            </p>
            {stale ? (
              <StaleVersionAlert
                message={t('office.editor.staleVersion')}
                reloadLabel={t('office.editor.reload')}
                onReload={() => void reload()}
              />
            ) : (
              <FormAlert error={update.error ?? publish.error} />
            )}
            {incomplete && (
              <div className="alert alert-error">
                <p>{t('office.editor.incompleteList')}</p>
                <ul>
                  {Object.entries(incomplete).map(([path, messages]) => (
                    <li key={path}>
                      <a
                        href={`#${fieldId(path)}`}
                        onClick={(e) => {
                          e.preventDefault();
                          focusPath(path, describePath(path).section);
                        }}
                      >
                        {pathLabel(path, form)}
                      </a>
                      : {[...new Set(messages.map(check))].join(' ')}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <p className="office-dirty" aria-live="polite">
              {dirty ? t('office.editor.unsaved') : t('office.editor.allSaved')}
            </p>
            <div className="form-actions">
              <button
                type="button"
                className="button button-secondary"
                disabled={busy}
                onClick={() => void onSave()}
              >
                {update.isPending ? t('common.saving') : t('office.editor.save')}
              </button>
              <button
                type="button"
                className="button button-primary"
                disabled={busy}
                onClick={() => {
                  publish.reset();
                  setPublishOpen(true);
                }}
              >
                {t('office.editor.publish')}
              </button>
            </div>
            <nav aria-label={t('office.editor.sectionsNav')}>
              <ul className="office-section-nav">
                {(Object.keys(SECTION_HEADING_ID) as (keyof typeof SECTION_HEADING_ID)[]).map((section) => (
                  <li key={section}>
                    <a
                      href={`#${SECTION_HEADING_ID[section]}`}
                      onClick={(e) => {
                        e.preventDefault();
                        const el = document.getElementById(SECTION_HEADING_ID[section]);
                        el?.focus();
                        el?.scrollIntoView?.({ block: 'start' });
                      }}
                    >
                      {t(`office.editor.sections.${section}`)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <PublishChecklist errors={completeness} form={form} />
        </aside>
      </div>

      <ConfirmDialog
        open={blocker.state === 'blocked'}
        onOpenChange={(open) => !open && blocker.reset?.()}
        title={t('office.editor.leaveTitle')}
        description={t('office.editor.leaveBody')}
        confirmLabel={t('office.editor.leaveConfirm')}
        onConfirm={() => blocker.proceed?.()}
      />
      <ConfirmDialog
        open={publishOpen}
        onOpenChange={setPublishOpen}
        title={t('office.editor.publishTitle', { code: call.code })}
        description={
          Object.keys(completeness).length > 0
            ? t('office.editor.publishBodyIncomplete', { count: Object.keys(completeness).length })
            : dirty
              ? t('office.editor.publishBodyUnsaved')
              : t('office.editor.publishBody')
        }
        confirmLabel={t('office.editor.publishConfirm')}
        busy={busy}
        onConfirm={() => void onPublish()}
      />
    </EditorContext.Provider>
  );
}
