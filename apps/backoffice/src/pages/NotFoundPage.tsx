import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ROUTES } from '../routes';
import { PageHeader } from '../components/PageHeader';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="card">
      <PageHeader title={t('notFound.title')} intro={t('notFound.body')} />
      <Link to={ROUTES.home}>{t('common.backHome')}</Link>
    </div>
  );
}
