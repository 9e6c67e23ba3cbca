import { useTranslation } from 'react-i18next';
import { ForgotPasswordForm } from '../features/auth/components/ForgotPasswordForm';
import { PageHeader } from '../components/PageHeader';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  return (
    <div className="card card-narrow">
      <PageHeader title={t('forgot.title')} />
      <ForgotPasswordForm />
    </div>
  );
}
