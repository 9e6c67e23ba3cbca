import { useTranslation } from 'react-i18next';
import { AdmissibilityQueue } from '../features/office/components/AdmissibilityQueue';
import { PageHeader } from './PageHeader';

export function AdmissibilityPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('office.queue.title')} intro={t('office.queue.intro')} />
      <AdmissibilityQueue />
    </>
  );
}
