import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { ErrorState, Loading } from '../components/States';
import { useCall } from '../features/calls/hooks/use-calls';
import { MeetingList } from '../features/committee/components/MeetingList';
import { localised } from '../lib/localised';
import { pathTo, ROUTES } from '../routes';

/** The evaluation committee of a call: its meetings, and the way to record one. */
export function CallCommitteePage() {
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
        title={t('committee.list.title', { code: call.data.code })}
        intro={`${localised(call.data.title)} · ${t('committee.list.intro')}`}
      />
      <MeetingList key={id} call={call.data} />
    </>
  );
}
