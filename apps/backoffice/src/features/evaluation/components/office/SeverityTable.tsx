import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../../components/List';
import { QueryStates } from '../../../../components/States';
import { useFormat } from '../../../../i18n/format';
import { useEvaluatorStats } from '../../hooks/use-evaluation';

/**
 * How severe each evaluator is in a call: its mean total, and the mean of (its total − the mean total of the other
 * sheets of the same application), with the number of sheets each figure rests on. A figure resting on few sheets
 * says little, and the table says so.
 */
export function SeverityTable({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const stats = useEvaluatorStats(callId);
  const signed = (n: number | null) =>
    n === null ? '—' : `${n > 0 ? '+' : n < 0 ? '−' : ''}${fmt.number(Math.abs(n))}`;
  return (
    <section className="card" aria-labelledby="severity-heading">
      <h2 id="severity-heading">{t('evaluation.severity.title')}</h2>
      <p>{t('evaluation.severity.intro')}</p>
      <QueryStates query={stats} isEmpty={(s) => s.items.length === 0} empty={t('evaluation.severity.empty')}>
        {(s) => (
          <DataTable caption={t('evaluation.severity.title')}>
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('evaluation.severity.submitted')}</th>
                <th scope="col">{t('evaluation.severity.meanTotal')}</th>
                <th scope="col">{t('evaluation.severity.meanDeviation')}</th>
                <th scope="col">{t('evaluation.severity.restsOn')}</th>
                <th scope="col">{t('evaluation.severity.divergent')}</th>
              </tr>
            </thead>
            <tbody>
              {s.items.map((e) => (
                <tr key={e.evaluatorId}>
                  <th scope="row">{e.name}</th>
                  <td className="office-num">{e.submitted}</td>
                  <td className="office-num">{e.meanTotal === null ? '—' : fmt.number(e.meanTotal)}</td>
                  <td className="office-num">{signed(e.meanDeviation)}</td>
                  <td className="office-num">
                    {t('evaluation.severity.sheets', { count: e.deviationSheets })}
                  </td>
                  <td className="office-num">{e.divergent}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </QueryStates>
    </section>
  );
}
