import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Call } from '../../../api/types';
import { DataTable } from '../../../components/List';
import { QueryStates } from '../../../components/States';
import { useFormat } from '../../../i18n/format';
import { pathTo, ROUTES } from '../../../routes';
import { useMeetings } from '../hooks/use-committee';

/** A call's committee meetings (date, place, members, quorum, status), and the way to record a new one. */
export function MeetingList({ call }: { call: Call }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const meetings = useMeetings(call.id);
  return (
    <>
      {call.status === 'evaluating' ? (
        <p>
          <Link className="button button-primary" to={pathTo(ROUTES.callCommitteeNew, call.id)}>
            {t('committee.list.new')}
          </Link>
        </p>
      ) : (
        <p className="office-note">{t('committee.list.notEvaluating')}</p>
      )}
      <QueryStates query={meetings} isEmpty={(m) => m.items.length === 0} empty={t('committee.list.empty')}>
        {(m) => (
          <DataTable caption={t('committee.list.caption', { code: call.code })}>
            <thead>
              <tr>
                <th scope="col">{t('committee.field.heldOn')}</th>
                <th scope="col">{t('committee.field.place')}</th>
                <th scope="col">{t('committee.list.members')}</th>
                <th scope="col">{t('committee.list.quorum')}</th>
                <th scope="col">{t('committee.list.status')}</th>
              </tr>
            </thead>
            <tbody>
              {m.items.map((meeting) => (
                <tr key={meeting.id}>
                  <th scope="row">
                    <Link to={pathTo(ROUTES.committeeMeeting, meeting.id)}>{fmt.date(meeting.heldOn)}</Link>
                  </th>
                  <td>{meeting.place}</td>
                  <td className="office-num">{meeting.members}</td>
                  <td>{meeting.quorumReached ? t('office.common.yes') : t('office.common.no')}</td>
                  <td>
                    <span className={`badge badge-${meeting.status === 'approved' ? 'success' : 'muted'}`}>
                      {t(`committee.status.${meeting.status}`)}
                    </span>
                    {meeting.approvedAt && <span className="muted"> {fmt.instant(meeting.approvedAt)}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </QueryStates>
    </>
  );
}
