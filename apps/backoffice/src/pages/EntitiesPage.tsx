import { useTranslation } from 'react-i18next';
import { EntitiesPanel } from '../features/office/components/EntitiesPanel';
import { PageHeader } from './PageHeader';

export function EntitiesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('office.entities.title')} intro={t('office.entities.intro')} />
      <EntitiesPanel />
    </>
  );
}
