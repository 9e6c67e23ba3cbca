import { useTranslation } from 'react-i18next';
import { useCan } from '../features/auth/hooks/use-permissions';
import { CallsPanel } from '../features/calls/components/office/CallsPanel';
import { PageHeader } from '../components/PageHeader';

export function CallsPage() {
  const { t } = useTranslation();
  const canManage = useCan('calls.manage');
  return (
    <>
      <PageHeader
        title={t('office.calls.title')}
        intro={canManage ? t('office.calls.intro') : t('office.calls.introReader')}
      />
      <CallsPanel />
    </>
  );
}
