import { useTranslation } from 'react-i18next';
import { RegisterForm } from '../features/entities/components/portal/RegisterForm';
import { PageHeader } from '../components/PageHeader';

/** Public NGO self-registration: the entity, its first user and the privacy notice. */
export function RegisterPage() {
  const { t } = useTranslation();
  return (
    <div className="card portal-register">
      <PageHeader title={t('portal.register.title')} intro={t('portal.register.intro')} />
      <RegisterForm />
    </div>
  );
}
