import { usePermissions } from '../features/auth/hooks/use-permissions';
import { ApplicationFormPage } from './ApplicationFormPage';
import { ApplicationReviewPage } from './ApplicationReviewPage';

/**
 * One address for an application (the one e-mails link to): the NGO's form for its own users, the officers'
 * review for staff. The API decides what each may see.
 */
export function ApplicationPage() {
  const permissions = usePermissions();
  return permissions.has('applications.apply') ? <ApplicationFormPage /> : <ApplicationReviewPage />;
}
