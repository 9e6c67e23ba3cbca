import { useTranslation } from 'react-i18next';
import { EntitiesPanel } from '../features/entities/components/office/EntitiesPanel';
import { PageHeader } from '../components/PageHeader';

export function EntitiesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('office.entities.title')} intro={t('office.entities.intro')} />
      <EntitiesPanel />
    </>
  );
}
