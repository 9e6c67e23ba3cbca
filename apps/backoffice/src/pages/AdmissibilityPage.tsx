import { PageHeader } from './PageHeader';

/** Placeholder: replaced by the feature's screen. */
export function AdmissibilityPage() {
  return <PageHeader title="AdmissibilityPage" />;
}
