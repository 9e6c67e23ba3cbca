import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { ErrorState, Loading } from '../components/States';
import { MeetingEditor } from '../features/committee/components/MeetingEditor';
import { useMeeting } from '../features/committee/hooks/use-committee';
import { useFormat } from '../i18n/format';
import { pathTo, ROUTES } from '../routes';

/** One meeting of the committee: the editor of a draft, or the approved minutes read-only. */
export function CommitteeMeetingPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { id = '' } = useParams();
  const location = useLocation();
  const meeting = useMeeting(id);
  if (meeting.isPending) return <Loading />;
  if (meeting.isError || !meeting.data)
    return <ErrorState error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;
  const notice = (location.state as { notice?: string } | null)?.notice;
  return (
    <>
      <p>
        <Link to={pathTo(ROUTES.callCommittee, m.callId)}>{t('committee.backToMeetings')}</Link>
      </p>
      <PageHeader
        title={t('committee.editor.title', { date: fmt.date(m.heldOn) })}
        intro={m.status === 'approved' ? t('committee.editor.approvedIntro') : t('committee.editor.intro')}
      />
      <MeetingEditor
        key={id}
        callId={m.callId}
        meeting={m}
        ranking={m.agenda}
        onReload={() => meeting.refetch()}
        initialNotice={notice}
      />
    </>
  );
}
