import { useTranslation } from 'react-i18next';
import { useCan } from '../features/auth/hooks/use-permissions';
import { BusinessDayCalculator } from '../features/calendar/components/BusinessDayCalculator';
import { HolidaysAdmin } from '../features/calendar/components/HolidaysAdmin';
import { PageHeader } from '../components/PageHeader';

export function CalendarPage() {
  const { t } = useTranslation();
  const canManage = useCan('calendar.manage');
  return (
    <>
      <PageHeader
        title={canManage ? t('calendar.titleAdmin') : t('calendar.title')}
        intro={t('calendar.intro')}
      />
      <div className="stack">
        <BusinessDayCalculator />
        {canManage && <HolidaysAdmin />}
      </div>
    </>
  );
}
