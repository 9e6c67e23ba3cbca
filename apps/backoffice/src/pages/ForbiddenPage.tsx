import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ROUTES } from '../routes';
import { PageHeader } from '../components/PageHeader';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <div className="card">
      <PageHeader title={t('forbidden.title')} intro={t('forbidden.body')} />
      <Link to={ROUTES.home}>{t('common.backHome')}</Link>
    </div>
  );
}
