import { PageHeader } from './PageHeader';

/** Placeholder: replaced by the feature's screen. */
export function VerifyEmailPage() {
  return <PageHeader title="VerifyEmailPage" />;
}
