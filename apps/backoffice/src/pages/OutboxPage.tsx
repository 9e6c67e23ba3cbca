import { useTranslation } from 'react-i18next';
import { OutboxPanel } from '../features/outbox/components/OutboxPanel';
import { PageHeader } from '../components/PageHeader';

export function OutboxPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('outbox.title')} intro={t('outbox.intro')} />
      <OutboxPanel />
    </>
  );
}
