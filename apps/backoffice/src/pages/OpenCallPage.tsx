import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, Loading } from '../components/States';
import { ApplyToCall } from '../features/applications/components/portal/ApplyToCall';
import { CallDetail } from '../features/calls/components/portal/OpenCalls';
import { useLocalized } from '../lib/use-locale';
import { useCall } from '../features/calls/hooks/use-calls';
import { ROUTES } from '../routes';
import { PageHeader } from '../components/PageHeader';

/** One published call, in the person's language, and the button to apply. */
export function OpenCallPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const call = useCall(id);
  const localized = useLocalized();
  if (call.isPending) return <Loading />;
  if (call.isError || !call.data) {
    return (
      <>
        <PageHeader title={t('portal.calls.title')} />
        <ErrorState error={call.error} onRetry={() => void call.refetch()} />
      </>
    );
  }
  return (
    <>
      <p className="portal-back">
        <Link to={ROUTES.openCalls}>{t('portal.call.back')}</Link>
      </p>
      <PageHeader title={localized(call.data.title)} intro={`${call.data.code} · ${call.data.year}`} />
      <CallDetail call={call.data} apply={<ApplyToCall call={call.data} />} />
    </>
  );
}
