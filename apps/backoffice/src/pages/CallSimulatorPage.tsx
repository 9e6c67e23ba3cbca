import { AllocationSimulator } from '../features/evaluation/components/office/AllocationSimulator';
import { ROUTES } from '../routes';
import { CallSubPage } from './CallSubPage';

export function CallSimulatorPage() {
  return (
    <CallSubPage
      back={{ route: ROUTES.callRanking, label: 'evaluation.simulator.back' }}
      title="evaluation.simulator.title"
      intro="evaluation.simulator.intro"
    >
      {(call) => <AllocationSimulator key={call.id} call={call} />}
    </CallSubPage>
  );
}
