import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../components/States';
import { EntityProfileForm, EntityStatusPanel } from '../features/entities/components/portal/EntityProfile';
import { MembersPanel } from '../features/entities/components/portal/MembersPanel';
import { useEntity, useOwnEntityId } from '../features/entities/hooks/use-entities';
import { PageHeader } from '../components/PageHeader';

/** The NGO's own entity: its status, its profile (with the IBAN change flow) and its users. */
export function MyEntityPage() {
  const { t } = useTranslation();
  const entityId = useOwnEntityId();
  const entity = useEntity(entityId);

  if (!entityId) {
    return (
      <>
        <PageHeader title={t('portal.entity.title')} />
        <p className="alert alert-error" role="alert">
          {t('portal.entity.noEntity')}
        </p>
      </>
    );
  }
  if (entity.isPending) return <Loading />;
  if (entity.isError || !entity.data) {
    return (
      <>
        <PageHeader title={t('portal.entity.title')} />
        <ErrorState error={entity.error} onRetry={() => void entity.refetch()} />
      </>
    );
  }
  const e = entity.data;
  return (
    <>
      <PageHeader title={t('portal.entity.title')} intro={e.legalName} />
      <div className="stack">
        <EntityStatusPanel entity={e} />
        <EntityProfileForm entity={e} onReload={() => entity.refetch()} />
        <MembersPanel entityId={e.id} canEdit={e.status === 'pending_validation' || e.status === 'active'} />
      </div>
    </>
  );
}
