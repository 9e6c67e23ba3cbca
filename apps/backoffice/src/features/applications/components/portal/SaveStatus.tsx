import { useTranslation } from 'react-i18next';
import { INTL_LOCALE } from '../../../../i18n';
import { problemMessage } from '../../../../lib/problem';
import type { AutosaveState } from '../../schemas/autosave';
import { useLocale } from '../../../../lib/use-locale';

/** "Desat a les 10:42" · "Desant…" · "No s'ha pogut desar: es tornarà a intentar", in a polite live region. */
export function SaveStatus({ state, onRetry }: { state: AutosaveState; onRetry: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const time = state.savedAt
    ? new Intl.DateTimeFormat(INTL_LOCALE[locale], {
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'Europe/Madrid',
      }).format(state.savedAt)
    : '';
  const pending = Object.keys(state.pendingErrors).length;

  let text: string;
  let tone = 'portal-save-ok';
  switch (state.status) {
    case 'saving':
      text = t('portal.save.saving');
      break;
    case 'retrying':
      text = t('portal.save.retrying');
      tone = 'portal-save-error';
      break;
    case 'failed':
      text = t('portal.save.failed', { reason: problemMessage(t, state.error) });
      tone = 'portal-save-error';
      break;
    case 'locked':
      text = t('portal.save.locked');
      tone = 'portal-save-error';
      break;
    case 'dirty':
      text = t('portal.save.dirty');
      break;
    default:
      text = state.savedAt ? t('portal.save.savedAt', { time }) : t('portal.save.auto');
  }
  if (pending > 0 && state.status !== 'saving') {
    text = `${text} ${t('portal.save.pendingFields', { count: pending })}`;
    tone = 'portal-save-warn';
  }

  return (
    <div className={`portal-save ${tone}`}>
      <p role="status" aria-live="polite" aria-atomic="true">
        {text}
      </p>
      {state.status === 'retrying' && (
        <button type="button" className="button button-small button-secondary" onClick={onRetry}>
          {t('portal.save.retryNow')}
        </button>
      )}
    </div>
  );
}
