import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { EvaluatorInbox } from '../features/evaluation/components/evaluator/EvaluatorInbox';
import { ROUTES } from '../routes';

export function EvaluationInboxPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('evaluation.inbox.title')} intro={t('evaluation.inbox.intro')} />
      <p>
        <Link to={ROUTES.myInterests}>{t('evaluation.inbox.registerLink')}</Link>
      </p>
      <EvaluatorInbox />
    </>
  );
}
