import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../features/auth/components/ChangePasswordForm';
import { ProfileForm } from '../features/auth/components/ProfileForm';
import { useMe } from '../features/auth/hooks/use-me';
import { PageHeader } from '../components/PageHeader';

export function ProfilePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <>
      <PageHeader title={t('profile.title')} />
      {me && (
        <div className="stack">
          <section className="card">
            <ProfileForm key={me.id} me={me} />
          </section>
          <section className="card">
            <ChangePasswordForm />
          </section>
        </div>
      )}
    </>
  );
}
