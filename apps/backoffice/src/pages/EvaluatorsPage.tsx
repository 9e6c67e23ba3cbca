import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';
import { EvaluatorsWorkload } from '../features/evaluation/components/office/EvaluatorsWorkload';

export function EvaluatorsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('evaluation.workload.title')} intro={t('evaluation.workload.intro')} />
      <EvaluatorsWorkload />
    </>
  );
}
