import { useTranslation } from 'react-i18next';
import { AdmissibilityQueue } from '../features/applications/components/office/AdmissibilityQueue';
import { PageHeader } from '../components/PageHeader';

export function AdmissibilityPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('office.queue.title')} intro={t('office.queue.intro')} />
      <AdmissibilityQueue />
    </>
  );
}
