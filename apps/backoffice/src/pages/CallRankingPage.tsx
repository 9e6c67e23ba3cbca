import { RankingTable } from '../features/evaluation/components/office/RankingTable';
import { SeverityTable } from '../features/evaluation/components/office/SeverityTable';
import { ROUTES } from '../routes';
import { CallSubPage } from './CallSubPage';

export function CallRankingPage() {
  return (
    <CallSubPage
      back={{ route: ROUTES.call, label: 'evaluation.board.backToCall' }}
      title="evaluation.ranking.title"
      intro="evaluation.ranking.intro"
    >
      {(call) => (
        <>
          <RankingTable key={call.id} call={call} />
          <SeverityTable key={`severity-${call.id}`} callId={call.id} />
        </>
      )}
    </CallSubPage>
  );
}
