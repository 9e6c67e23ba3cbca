import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/hooks/use-me';
import { InterestsEditor } from '../features/evaluation/components/InterestsEditor';

export function MyInterestsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <>
      <PageHeader title={t('evaluation.interests.title')} intro={t('evaluation.interests.intro')} />
      {me && <InterestsEditor userId={me.id} />}
    </>
  );
}
