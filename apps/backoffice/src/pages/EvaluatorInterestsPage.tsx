import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { InterestsEditor } from '../features/evaluation/components/InterestsEditor';
import { ROUTES } from '../routes';

/** An officer keeps an evaluator's register of interests (the same form as the evaluator's own). */
export function EvaluatorInterestsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <>
      <p>
        <Link to={ROUTES.evaluators}>{t('evaluation.workload.back')}</Link>
      </p>
      <PageHeader
        title={t('evaluation.interests.officerTitle')}
        intro={t('evaluation.interests.officerIntro')}
      />
      <InterestsEditor key={id} userId={id} />
    </>
  );
}
