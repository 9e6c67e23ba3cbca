import { PageHeader } from './PageHeader';

/** Placeholder: replaced by the feature's screen. */
export function EntitiesPage() {
  return <PageHeader title="EntitiesPage" />;
}
