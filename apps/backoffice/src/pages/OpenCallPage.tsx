import { PageHeader } from './PageHeader';

/** Placeholder: replaced by the feature's screen. */
export function OpenCallPage() {
  return <PageHeader title="OpenCallPage" />;
}
