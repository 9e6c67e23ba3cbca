import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { ErrorState, Loading } from '../components/States';
import { useCall } from '../features/calls/hooks/use-calls';
import { MeetingEditor } from '../features/committee/components/MeetingEditor';
import { useRanking } from '../features/evaluation/hooks/use-evaluation';
import { pathTo, ROUTES } from '../routes';

/** Recording a new meeting of a call's committee: its agenda is the call's live ranking. */
export function CallCommitteeNewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const call = useCall(id);
  const ranking = useRanking(id);
  if (call.isPending || ranking.isPending) return <Loading />;
  if (call.isError || !call.data)
    return <ErrorState error={call.error} onRetry={() => void call.refetch()} />;
  if (ranking.isError || !ranking.data)
    return <ErrorState error={ranking.error} onRetry={() => void ranking.refetch()} />;
  return (
    <>
      <p>
        <Link to={pathTo(ROUTES.callCommittee, id)}>
          {t('committee.backToList', { code: call.data.code })}
        </Link>
      </p>
      <PageHeader
        title={t('committee.editor.newTitle', { code: call.data.code })}
        intro={t('committee.editor.intro')}
      />
      <MeetingEditor
        callId={id}
        ranking={ranking.data}
        onCreated={(meeting) =>
          void navigate(pathTo(ROUTES.committeeMeeting, meeting.id), {
            state: { notice: t('committee.editor.created') },
          })
        }
      />
    </>
  );
}
