import { useTranslation } from 'react-i18next';
import { OpenCallsList } from '../features/calls/components/portal/OpenCalls';
import { PageHeader } from '../components/PageHeader';

/** The published calls an NGO may apply to. */
export function OpenCallsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('portal.calls.title')} intro={t('portal.calls.intro')} />
      <OpenCallsList />
    </>
  );
}
