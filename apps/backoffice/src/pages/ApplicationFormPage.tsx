import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { isApiError } from '../api/problem';
import { ErrorState, Loading } from '../components/States';
import { ApplicationEditor } from '../features/applications/components/portal/ApplicationEditor';
import { ApplicationView } from '../features/applications/components/portal/ApplicationView';
import { useLocalized } from '../lib/use-locale';
import type { Application } from '../api/types';
import { useApplication } from '../features/applications/hooks/use-applications';
import { useCall } from '../features/calls/hooks/use-calls';
import { useEntity, useOwnEntityId } from '../features/entities/hooks/use-entities';
import { ROUTES } from '../routes';
import { NotFoundPage } from './NotFoundPage';
import { PageHeader } from '../components/PageHeader';
import { StatusBadge } from '../components/StatusBadge';

/**
 * The NGO's application: the complete form while it is a draft (autosaved, with the checklist and the
 * submission), and read-only afterwards (registry data, correction requests, withdrawal, history).
 */
export function ApplicationFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const queryClient = useQueryClient();
  const localized = useLocalized();
  const application = useApplication(id, { editing: true });
  const call = useCall(application.data?.callId);
  const entity = useEntity(useOwnEntityId());
  const [submitted, setSubmitted] = useState<string | null>(null);

  if (application.isPending) return <Loading />;
  if (application.isError || !application.data) {
    if (isApiError(application.error) && application.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <PageHeader title={t('portal.form.title')} />
        <ErrorState error={application.error} onRetry={() => void application.refetch()} />
      </>
    );
  }
  const app = application.data;
  const title = app.title || t('portal.applications.untitled');
  const header = (
    <>
      <p className="portal-back">
        <Link to={ROUTES.myApplications}>{t('portal.form.back')}</Link>
      </p>
      <PageHeader
        title={title}
        intro={
          <>
            <StatusBadge kind="application" status={app.status} /> {app.call.code} ·{' '}
            {localized(app.call.title)}
          </>
        }
      />
    </>
  );

  if (app.status !== 'draft') {
    return (
      <>
        {header}
        <ApplicationView app={app} call={call.data} justSubmitted={submitted === app.id} />
      </>
    );
  }
  if (call.isPending) return <Loading />;
  if (call.isError || !call.data)
    return <ErrorState error={call.error} onRetry={() => void call.refetch()} />;
  return (
    <>
      {header}
      <ApplicationEditor
        key={app.id}
        application={app}
        call={call.data}
        entityStatus={entity.data?.status}
        onSubmitted={(saved: Application) => {
          setSubmitted(saved.id);
          window.scrollTo({ top: 0 });
        }}
        onLocked={() =>
          void queryClient.invalidateQueries({ queryKey: queryKeys.applications.detail(app.id) })
        }
      />
    </>
  );
}
