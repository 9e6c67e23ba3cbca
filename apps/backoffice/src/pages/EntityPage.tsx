import { useParams } from 'react-router';
import { EntityDetail } from '../features/entities/components/office/EntityDetail';

export function EntityPage() {
  const { id = '' } = useParams();
  return <EntityDetail key={id} id={id} />;
}
