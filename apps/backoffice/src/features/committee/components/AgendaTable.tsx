import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Ranking } from '../../../api/types';
import { DataTable } from '../../../components/List';
import { useFormat } from '../../../i18n/format';
import { pathTo, ROUTES } from '../../../routes';
import { AwardCells } from '../../evaluation/components/office/RankingTable';

/**
 * The agenda of the meeting: the ranking as the API gives it (live while a draft, frozen once the minutes are
 * approved), each application with its rank, total, outcome and award; rows still pending are marked.
 */
export function AgendaTable({ agenda, frozen }: { agenda: Ranking; frozen: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const pending = agenda.items.filter((i) => i.outcome === 'pending').length;
  return (
    <section className="card" aria-labelledby="committee-agenda">
      <h2 id="committee-agenda">
        {frozen ? t('committee.agenda.frozenTitle') : t('committee.agenda.title')}
      </h2>
      <p className={agenda.complete ? 'muted' : 'office-note office-note-warning'}>
        {agenda.complete
          ? t('committee.agenda.complete')
          : t('committee.agenda.incomplete', { count: pending })}
      </p>
      {agenda.items.length === 0 ? (
        <p className="state state-empty">{t('committee.agenda.empty')}</p>
      ) : (
        <DataTable caption={t('committee.agenda.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('evaluation.ranking.rank')}</th>
              <th scope="col">{t('grants.field.registryNumber')}</th>
              <th scope="col">{t('grants.field.entity')}</th>
              <th scope="col">{t('evaluation.ranking.total')}</th>
              <th scope="col">{t('evaluation.ranking.award')}</th>
              <th scope="col">{t('evaluation.ranking.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {agenda.items.map((item) => (
              <tr key={item.applicationId}>
                <td>{item.rank}</td>
                <th scope="row">
                  <Link to={pathTo(ROUTES.applicationEvaluation, item.applicationId)}>
                    {item.registryNumber ?? item.title ?? item.applicationId}
                  </Link>
                  {item.outcome === 'pending' && ' '}
                  {item.outcome === 'pending' && (
                    <span className="badge badge-warning">{t('committee.agenda.pending')}</span>
                  )}
                </th>
                <td>{item.entityName}</td>
                <td className="office-num">{item.evaluated ? fmt.number(item.total) : '—'}</td>
                <AwardCells item={item} />
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}
