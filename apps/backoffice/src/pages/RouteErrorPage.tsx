import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { PageHeader } from '../components/PageHeader';

/** Shown when a screen fails to render: never a blank page. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main" className="app-main app-main-narrow">
      <div className="card" role="alert">
        <PageHeader
          title={notFound ? t('notFound.title') : t('errors.pageTitle')}
          intro={notFound ? t('notFound.body') : t('errors.pageBody')}
        />
        <a href="/">{t('common.backHome')}</a>
      </div>
    </main>
  );
}
