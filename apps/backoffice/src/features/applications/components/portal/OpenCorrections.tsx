import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dateInTimeZone } from '@cofinanca/domain';
import type { ApplicationSummary } from '../../../../api/types';
import { useFormat } from '../../../../i18n/format';
import { pathTo, ROUTES } from '../../../../routes';
import { useApplications, useRequirements } from '../../hooks/use-applications';
import { openRequirement } from '../../schemas/correction-outcome';
import { RequirementBadge } from './RequirementBadge';

/**
 * The NGO's home: its applications with a correction request to answer (with the due date, a link to answer it)
 * and those whose answer awaits the officer, with what became of it.
 */
export function OpenCorrections() {
  const { t } = useTranslation();
  const applications = useApplications({
    page: 1,
    pageSize: 50,
    status: 'correction_requested,submitted',
    sort: '-submittedAt',
  });
  const items = applications.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="home-corrections">
      <h2 id="home-corrections">{t('portal.home.correctionsTitle')}</h2>
      <ul className="portal-home-corrections">
        {items.map((app) => (
          <CorrectionItem key={app.id} app={app} />
        ))}
      </ul>
    </section>
  );
}

function CorrectionItem({ app }: { app: ApplicationSummary }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const requirements = useRequirements(app.id);
  const list = requirements.data ?? [];
  const open = openRequirement(list);
  const latest = [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  // A submitted application never asked for corrections has nothing to show here.
  const shown = open ?? (latest?.status === 'answered' ? latest : null);
  if (!shown) return null;
  const late = open !== null && open.dueDate < dateInTimeZone(new Date());
  return (
    <li>
      <p>
        <Link to={pathTo(ROUTES.application, app.id)}>
          {app.registryNumber ? `${app.registryNumber} · ` : ''}
          {app.title || t('portal.home.untitled')}
        </Link>{' '}
        <RequirementBadge requirement={shown} all={list} applicationStatus={app.status} />
      </p>
      {open && (
        <p>
          <strong>{t('portal.correction.dueDate', { date: fmt.longDate(open.dueDate) })}</strong>
          {late && <> {t('portal.home.late')}</>}
        </p>
      )}
    </li>
  );
}
