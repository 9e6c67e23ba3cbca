import { AssignmentBoard } from '../features/evaluation/components/office/AssignmentBoard';
import { ROUTES } from '../routes';
import { CallSubPage } from './CallSubPage';

export function CallAssignmentsPage() {
  return (
    <CallSubPage
      back={{ route: ROUTES.call, label: 'evaluation.board.backToCall' }}
      title="evaluation.board.title"
      intro="evaluation.board.intro"
    >
      {(call) => <AssignmentBoard key={call.id} call={call} />}
    </CallSubPage>
  );
}
