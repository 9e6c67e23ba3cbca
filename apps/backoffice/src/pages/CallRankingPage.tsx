import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { ErrorState, Loading } from '../components/States';
import { useCall } from '../features/calls/hooks/use-calls';
import { RankingTable } from '../features/evaluation/components/office/RankingTable';
import { SeverityTable } from '../features/evaluation/components/office/SeverityTable';
import { localised } from '../lib/localised';
import { pathTo, ROUTES } from '../routes';

export function CallRankingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const call = useCall(id);
  if (call.isPending) return <Loading />;
  if (call.isError || !call.data)
    return <ErrorState error={call.error} onRetry={() => void call.refetch()} />;
  return (
    <>
      <p>
        <Link to={pathTo(ROUTES.call, id)}>{t('evaluation.board.backToCall', { code: call.data.code })}</Link>
      </p>
      <PageHeader
        title={t('evaluation.ranking.title', { code: call.data.code })}
        intro={`${localised(call.data.title)} · ${t('evaluation.ranking.intro')}`}
      />
      <RankingTable key={id} call={call.data} />
      <SeverityTable key={`severity-${id}`} callId={id} />
    </>
  );
}
