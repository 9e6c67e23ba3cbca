import { PageHeader } from './PageHeader';

/** Placeholder: replaced by the feature's screen. */
export function OpenCallsPage() {
  return <PageHeader title="OpenCallsPage" />;
}
