import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { VerifyEmail } from '../features/entities/components/portal/VerifyEmail';
import { PageHeader } from '../components/PageHeader';

/** The e-mailed link `/verify-email?token=…` confirms the address. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <div className="card card-narrow">
      <PageHeader title={t('portal.verify.title')} />
      <VerifyEmail token={params.get('token') ?? ''} />
    </div>
  );
}
