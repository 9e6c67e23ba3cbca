import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { ErrorState, Loading } from '../components/States';
import { useApplication } from '../features/applications/hooks/use-applications';
import { ApplicationEvaluationView } from '../features/evaluation/components/office/ApplicationEvaluationView';
import { pathTo, ROUTES } from '../routes';

export function ApplicationEvaluationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const application = useApplication(id);
  if (application.isPending) return <Loading />;
  if (application.isError || !application.data) {
    return <ErrorState error={application.error} onRetry={() => void application.refetch()} />;
  }
  const a = application.data;
  return (
    <>
      <p>
        <Link to={pathTo(ROUTES.callRanking, a.callId)}>{t('evaluation.view.backToRanking')}</Link> ·{' '}
        <Link to={pathTo(ROUTES.application, id)}>{t('evaluation.view.openApplication')}</Link>
      </p>
      <PageHeader
        title={t('evaluation.view.title', { number: a.registryNumber ?? a.title ?? id })}
        intro={a.title ?? undefined}
      />
      <ApplicationEvaluationView key={id} applicationId={id} callId={a.callId} />
    </>
  );
}
