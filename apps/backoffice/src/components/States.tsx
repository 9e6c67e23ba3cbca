import { useTranslation } from 'react-i18next';
import { problemMessage } from '../lib/problem';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

export function Empty({ children }: { children?: React.ReactNode }) {
  const { t } = useTranslation();
  return <p className="state state-empty">{children ?? t('common.empty')}</p>;
}

/**
 * A polite live region for the outcome of an action ("User created…"): an alert when there is a message, and
 * present but hidden before, so that screen readers announce the message when it comes.
 */
export function StatusNotice({
  message,
  ref,
  tabIndex,
}: {
  message: string;
  /** To move focus to the message (with `tabIndex={-1}`). */
  ref?: React.Ref<HTMLParagraphElement>;
  tabIndex?: number;
}) {
  return (
    <p
      ref={ref}
      tabIndex={tabIndex}
      className={message ? 'alert alert-success' : 'visually-hidden'}
      role="status"
      aria-live="polite"
    >
      {message}
    </p>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="state state-error alert alert-error" role="alert">
      <p>
        <strong>{t('common.loadError')}</strong> {problemMessage(t, error)}
      </p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

/**
 * The states every list shows: loading, an error with a retry, empty, or the content. `isEmpty` says when the
 * loaded data has nothing to show.
 */
export function QueryStates<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: QueryLike<T>;
  isEmpty: (data: T) => boolean;
  empty: React.ReactNode;
  children: (data: T) => React.ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError || query.data === undefined) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (isEmpty(query.data)) return <Empty>{empty}</Empty>;
  return <>{children(query.data)}</>;
}
