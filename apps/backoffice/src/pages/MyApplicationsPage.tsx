import { useTranslation } from 'react-i18next';
import { MyApplicationsList } from '../features/applications/components/portal/MyApplications';
import { PageHeader } from '../components/PageHeader';

/** The entity's applications, drafts to decisions. */
export function MyApplicationsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('portal.applications.title')} intro={t('portal.applications.intro')} />
      <MyApplicationsList />
    </>
  );
}
