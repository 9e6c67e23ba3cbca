import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { AssignmentWork } from '../features/evaluation/components/evaluator/AssignmentWork';
import { ROUTES } from '../routes';

export function AssignmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <>
      <p>
        <Link to={ROUTES.evaluationInbox}>{t('evaluation.work.back')}</Link>
      </p>
      <PageHeader title={t('evaluation.work.title')} intro={t('evaluation.work.intro')} />
      <AssignmentWork key={id} id={id} />
    </>
  );
}
