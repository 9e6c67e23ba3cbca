import { PageHeader } from './PageHeader';

/** Placeholder: replaced by the feature's screen. */
export function EntityPage() {
  return <PageHeader title="EntityPage" />;
}
