import { useTranslation } from 'react-i18next';
import type { CommitteeMember, Quorum } from '@cofinanca/domain';

/**
 * The quorum of the meeting (Llei 40/2015 art. 17): voting members present of the voting members, the number
 * required, the president and the secretary present, and what is missing in words. While the meeting is edited it
 * follows the attendance as it changes (a polite live region); the API checks it again on approval.
 */
export function QuorumPanel({
  quorum,
  members,
  live,
}: {
  quorum: Quorum;
  members: readonly CommitteeMember[];
  live?: boolean;
}) {
  const { t } = useTranslation();
  const yesNo = (value: boolean) => (value ? t('office.common.yes') : t('office.common.no'));
  const present = (role: 'president' | 'secretary') => members.some((m) => m.role === role && m.present);
  return (
    <section className="card" aria-labelledby="committee-quorum">
      <h2 id="committee-quorum">{t('committee.quorum.title')}</h2>
      <div aria-live={live ? 'polite' : undefined} aria-atomic="true" data-testid="quorum-panel">
        <p className={quorum.reached ? 'alert alert-success' : 'office-note office-note-warning'}>
          {quorum.reached ? t('committee.quorum.reached') : t('committee.quorum.notReached')}
        </p>
        <dl className="meta-list">
          <dt>{t('committee.quorum.votingPresent')}</dt>
          <dd>{t('committee.quorum.ofVoting', { present: quorum.votingPresent, voting: quorum.voting })}</dd>
          <dt>{t('committee.quorum.required')}</dt>
          <dd>{quorum.required}</dd>
          <dt>{t('committee.quorum.presidentPresent')}</dt>
          <dd>{yesNo(present('president'))}</dd>
          <dt>{t('committee.quorum.secretaryPresent')}</dt>
          <dd>{yesNo(present('secretary'))}</dd>
        </dl>
        {quorum.issues.length > 0 && (
          <ul className="office-plain-list">
            {quorum.issues.map((issue) => (
              <li key={issue}>{t(`committee.quorum.issue.${issue}`, { required: quorum.required })}</li>
            ))}
          </ul>
        )}
      </div>
      <p className="field-hint">{t('committee.quorum.rule')}</p>
    </section>
  );
}
