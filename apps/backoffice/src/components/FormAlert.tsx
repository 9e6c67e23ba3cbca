import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem';
import { problemMessage } from '../lib/problem';

interface Props {
  error: unknown;
  /** Field messages the form could not show next to a field. */
  extra?: string[];
}

/** An accessible alert with the translated problem of a failed request. */
export function FormAlert({ error, extra = [] }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <div className="alert alert-error" role="alert">
      <p>{problemMessage(t, error)}</p>
      {extra.length > 0 && (
        <ul>
          {extra.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {requestId && <p className="alert-meta">{t('errors.requestId', { id: requestId })}</p>}
    </div>
  );
}

interface StaleVersionAlertProps {
  /** Says that someone else saved the record meanwhile. */
  message: string;
  reloadLabel: string;
  onReload: () => void;
}

/** The alert of a save refused because someone else saved first (409 STALE_VERSION), with a way to reload. */
export function StaleVersionAlert({ message, reloadLabel, onReload }: StaleVersionAlertProps) {
  return (
    <div className="alert alert-error" role="alert">
      <p>{message}</p>
      <button type="button" className="button button-secondary" onClick={onReload}>
        {reloadLabel}
      </button>
    </div>
  );
}
