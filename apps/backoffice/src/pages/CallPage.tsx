import { useParams } from 'react-router';
import { CallDetail } from '../features/calls/components/office/CallDetail';

export function CallPage() {
  const { id = '' } = useParams();
  return <CallDetail key={id} id={id} />;
}
