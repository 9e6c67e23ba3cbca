import { useTranslation } from 'react-i18next';
import { dateInTimeZone } from '@cofinanca/domain';
import type { ApplicationStatus, Requirement } from '../../../../api/types';
import { useFormat } from '../../../../i18n/format';
import { answerOutcome } from '../../schemas/correction-outcome';

/**
 * The state of a correction request in words. An answered one says when and what became of it: awaiting the
 * officer's review, accepted (admitted), a new request, inadmissible, withdrawn.
 */
export function RequirementBadge({
  requirement,
  all,
  applicationStatus,
}: {
  requirement: Requirement;
  all: readonly Requirement[];
  applicationStatus: ApplicationStatus;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const outcome = answerOutcome(requirement, all, applicationStatus);
  if (!outcome) {
    return (
      <span className={`badge ${requirement.status === 'open' ? 'badge-warning' : 'badge-muted'}`}>
        {t(`grants.requirementStatus.${requirement.status}`)}
      </span>
    );
  }
  const tone =
    outcome === 'admitted'
      ? 'badge-success'
      : outcome === 'inadmissible' || outcome === 'withdrawn'
        ? 'badge-danger'
        : 'badge-muted';
  return (
    <span className={`badge ${tone}`}>
      {requirement.respondedAt
        ? t('portal.correction.answeredOn', {
            date: fmt.date(dateInTimeZone(new Date(requirement.respondedAt))),
          })
        : t('grants.requirementStatus.answered')}
      {' · '}
      {t(`portal.correction.outcome.${outcome}`)}
    </span>
  );
}
