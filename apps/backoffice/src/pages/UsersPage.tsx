import { useTranslation } from 'react-i18next';
import { UsersPanel } from '../features/users/components/UsersPanel';
import { PageHeader } from '../components/PageHeader';

export function UsersPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('users.title')} intro={t('users.intro')} />
      <UsersPanel />
    </>
  );
}
