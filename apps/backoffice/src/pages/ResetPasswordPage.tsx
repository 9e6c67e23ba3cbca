import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ResetPasswordForm } from '../features/auth/components/ResetPasswordForm';
import { ROUTES } from '../routes';
import { PageHeader } from '../components/PageHeader';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  return (
    <div className="card card-narrow">
      <PageHeader title={t('reset.title')} />
      <ResetPasswordForm
        token={params.get('token') ?? ''}
        onDone={() => navigate(`${ROUTES.login}?reset=1`, { replace: true })}
      />
    </div>
  );
}
