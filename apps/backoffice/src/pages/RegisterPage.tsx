import { PageHeader } from './PageHeader';

/** Placeholder: replaced by the feature's screen. */
export function RegisterPage() {
  return <PageHeader title="RegisterPage" />;
}
