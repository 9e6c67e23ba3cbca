import { PageHeader } from './PageHeader';

/** Placeholder: replaced by the feature's screen. */
export function MyEntityPage() {
  return <PageHeader title="MyEntityPage" />;
}
