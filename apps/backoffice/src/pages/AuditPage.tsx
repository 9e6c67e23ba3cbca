import { useTranslation } from 'react-i18next';
import { AuditPanel } from '../features/audit/components/AuditPanel';
import { PageHeader } from '../components/PageHeader';

export function AuditPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      <AuditPanel />
    </>
  );
}
