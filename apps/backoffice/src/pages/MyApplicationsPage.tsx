import { PageHeader } from './PageHeader';

/** Placeholder: replaced by the feature's screen. */
export function MyApplicationsPage() {
  return <PageHeader title="MyApplicationsPage" />;
}
