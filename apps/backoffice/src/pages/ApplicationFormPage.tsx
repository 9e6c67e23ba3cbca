import { PageHeader } from './PageHeader';

/** Placeholder: replaced by the feature's screen. */
export function ApplicationFormPage() {
  return <PageHeader title="ApplicationFormPage" />;
}
