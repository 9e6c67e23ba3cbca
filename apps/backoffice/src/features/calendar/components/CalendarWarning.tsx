import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../auth/hooks/use-permissions';
import { ROUTES } from '../../../routes';
import { useCalendarStatus } from '../hooks/use-calendar';

/**
 * From 1 October (the server's today, Europe/Madrid), while next year has no holiday calendar: no deadline can be
 * computed into it (the API answers 422 CALENDAR_MISSING). Admins get a link to enter it; others, who to ask.
 */
export function CalendarWarning({ link = true }: { link?: boolean }) {
  const { t } = useTranslation();
  const canManage = useCan('calendar.manage');
  const status = useCalendarStatus();
  const year = status.data?.missingYear;
  if (year === null || year === undefined) return null;
  return (
    <div className="alert alert-warning" role="status">
      <p>
        <strong>{t('calendar.missing.title', { year })}</strong> {t('calendar.missing.body', { year })}
      </p>
      <p>
        {canManage ? (
          link ? (
            <Link to={`${ROUTES.calendar}?year=${year}#holiday-import`}>
              {t('calendar.missing.enter', { year })}
            </Link>
          ) : (
            t('calendar.missing.enterBelow', { year })
          )
        ) : (
          t('calendar.missing.askAdmin')
        )}
      </p>
    </div>
  );
}
