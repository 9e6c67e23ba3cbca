import { MeetingList } from '../features/committee/components/MeetingList';
import { ROUTES } from '../routes';
import { CallSubPage } from './CallSubPage';

/** The evaluation committee of a call: its meetings, and the way to record one. */
export function CallCommitteePage() {
  return (
    <CallSubPage
      back={{ route: ROUTES.call, label: 'evaluation.board.backToCall' }}
      title="committee.list.title"
      intro="committee.list.intro"
    >
      {(call) => <MeetingList key={call.id} call={call} />}
    </CallSubPage>
  );
}
