import { PageHeader } from './PageHeader';

/** Placeholder: replaced by the feature's screen. */
export function CallPage() {
  return <PageHeader title="CallPage" />;
}
