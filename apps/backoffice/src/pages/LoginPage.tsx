import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Loading } from '../components/States';
import { LoginForm } from '../features/auth/components/LoginForm';
import { useMe } from '../features/auth/hooks/use-me';
import { ROUTES } from '../routes';
import { PageHeader } from '../components/PageHeader';

/** Only same-app paths are followed after signing in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : ROUTES.home;
}

export function LoginPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const reset = params.get('reset') === '1';

  if (me.isPending) return <Loading />;
  if (me.data) return <Navigate to={next} replace />;

  return (
    <div className="card card-narrow">
      <PageHeader title={t('login.title')} intro={t('login.intro')} />
      {reset && (
        <p className="alert alert-success" role="status">
          {t('reset.done')}
        </p>
      )}
      <LoginForm onSignedIn={() => navigate(next, { replace: true })} />
      <p className="portal-register-link">
        <Link to={ROUTES.register}>{t('login.register')}</Link>
      </p>
    </div>
  );
}
