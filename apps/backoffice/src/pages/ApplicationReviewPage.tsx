import { useParams } from 'react-router';
import { ApplicationReview } from '../features/applications/components/office/ApplicationReview';

/** The officers' review of an application (the NGO's own users get the form instead: see ApplicationPage). */
export function ApplicationReviewPage() {
  const { id = '' } = useParams();
  return <ApplicationReview key={id} id={id} />;
}
