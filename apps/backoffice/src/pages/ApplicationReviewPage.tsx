import { PageHeader } from './PageHeader';

/** Placeholder: replaced by the feature's screen. */
export function ApplicationReviewPage() {
  return <PageHeader title="ApplicationReviewPage" />;
}
