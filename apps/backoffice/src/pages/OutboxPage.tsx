import { useTranslation } from 'react-i18next';
import { OutboxPanel } from '../features/outbox/components/OutboxPanel';
import { PageHeader } from './PageHeader';

export function OutboxPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('outbox.title')} intro={t('outbox.intro')} />
      <OutboxPanel />
    </>
  );
}
