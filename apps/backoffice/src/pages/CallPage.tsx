import { useParams } from 'react-router';
import { CallDetail } from '../features/office/components/CallDetail';

export function CallPage() {
  const { id = '' } = useParams();
  return <CallDetail key={id} id={id} />;
}
