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
