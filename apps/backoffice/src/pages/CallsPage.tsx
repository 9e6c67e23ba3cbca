import { PageHeader } from './PageHeader';

/** Placeholder: replaced by the feature's screen. */
export function CallsPage() {
  return <PageHeader title="CallsPage" />;
}
