import { useParams } from 'react-router';
import { EntityDetail } from '../features/office/components/EntityDetail';

export function EntityPage() {
  const { id = '' } = useParams();
  return <EntityDetail key={id} id={id} />;
}
