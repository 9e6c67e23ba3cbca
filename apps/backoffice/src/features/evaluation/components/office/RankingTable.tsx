import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Call, RankingItem } from '../../../../api/types';
import { DataTable, ExportLinks } from '../../../../components/List';
import { QueryStates } from '../../../../components/States';
import { useFormat } from '../../../../i18n/format';
import { pathTo, ROUTES } from '../../../../routes';
import { evaluationApi } from '../../api/evaluation-api';
import { useRanking } from '../../hooks/use-evaluation';

export const OUTCOME_TONE: Record<RankingItem['outcome'], string> = {
  provisionally_granted: 'success',
  waitlisted: 'warning',
  below_threshold: 'danger',
  pending: 'muted',
};

/** A ranking row's award (partial marked) and outcome cells: the ranking's and the simulator's tables alike. */
export function AwardCells({ item }: { item: Pick<RankingItem, 'award' | 'partial' | 'outcome'> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <>
      <td className="office-num">
        {item.award ? fmt.money(item.award) : '—'}
        {item.partial && <span className="badge badge-warning">{t('evaluation.ranking.partial')}</span>}
      </td>
      <td>
        <span className={`badge badge-${OUTCOME_TONE[item.outcome]}`}>
          {t(`evaluation.ranking.outcomes.${item.outcome}`)}
        </span>
      </td>
    </>
  );
}

/** Why an application is not fundable, in words: `BELOW_MINIMUM_TOTAL`, `BELOW_BLOCK_MINIMUM:<block>`. */
export function useReason() {
  const { t } = useTranslation();
  return (code: string) => {
    const [kind, block] = code.split(':');
    return t(`evaluation.ranking.reason.${kind}`, { block, defaultValue: code });
  };
}

/**
 * The ranking of a call as the API computes it (live during evaluation: pending rows marked), with the budget
 * line, the outcome and award of each application, partial awards and the waiting list, and the exports.
 */
export function RankingTable({ call }: { call: Call }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const reason = useReason();
  const ranking = useRanking(call.id);
  const pts = (n: number) => fmt.number(n);
  return (
    <QueryStates query={ranking} isEmpty={(r) => r.items.length === 0} empty={t('evaluation.ranking.empty')}>
      {(r) => (
        <>
          <section className="card" aria-labelledby="ranking-budget">
            <h2 id="ranking-budget">{t('evaluation.ranking.budgetTitle')}</h2>
            <dl className="meta-list">
              <dt>{t('evaluation.ranking.budget')}</dt>
              <dd>{fmt.money(r.budget)}</dd>
              <dt>{t('evaluation.ranking.allocated')}</dt>
              <dd>{fmt.money(r.allocated)}</dd>
              <dt>{t('evaluation.ranking.remaining')}</dt>
              <dd>{fmt.money(r.remaining)}</dd>
              <dt>{t('grants.callField.allocationMethod')}</dt>
              <dd>{t(`grants.allocationMethod.${r.allocationMethod}`)}</dd>
            </dl>
            <p className={r.complete ? 'alert alert-success' : 'office-note office-note-warning'}>
              {r.complete ? t('evaluation.ranking.complete') : t('evaluation.ranking.incomplete')}
            </p>
            <div className="toolbar-actions">
              <ExportLinks url={(format) => evaluationApi.rankingExportUrl(call.id, format)} />
              <Link className="button button-secondary" to={pathTo(ROUTES.callSimulator, call.id)}>
                {t('evaluation.simulator.open')}
              </Link>
            </div>
          </section>
          <DataTable caption={t('evaluation.ranking.caption', { code: call.code })}>
            <thead>
              <tr>
                <th scope="col">{t('evaluation.ranking.rank')}</th>
                <th scope="col">{t('grants.field.registryNumber')}</th>
                <th scope="col">{t('grants.field.entity')}</th>
                <th scope="col">{t('evaluation.ranking.total')}</th>
                <th scope="col">{t('evaluation.ranking.blocks')}</th>
                <th scope="col">{t('evaluation.ranking.fundable')}</th>
                <th scope="col">{t('evaluation.ranking.eligible')}</th>
                <th scope="col">{t('evaluation.ranking.award')}</th>
                <th scope="col">{t('evaluation.ranking.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {r.items.map((item) => (
                <tr key={item.applicationId}>
                  <td>{item.rank}</td>
                  <th scope="row">
                    <Link to={pathTo(ROUTES.applicationEvaluation, item.applicationId)}>
                      {item.registryNumber ?? item.title ?? item.applicationId}
                    </Link>
                    <br />
                    <span className="muted">{item.title}</span>
                  </th>
                  <td>{item.entityName}</td>
                  <td className="office-num">
                    {pts(item.total)}
                    {item.divergent && (
                      <span className="badge badge-warning">
                        {item.consensus
                          ? t('evaluation.ranking.consensus')
                          : t('evaluation.ranking.divergent')}
                      </span>
                    )}
                  </td>
                  <td>
                    {item.blocks.map((b) => (
                      <span key={b.code} className="ranking-block">
                        {b.code}: {pts(b.points)}
                        {!b.reached && (
                          <span className="visually-hidden"> ({t('evaluation.ranking.belowMin')})</span>
                        )}
                        {!b.reached && ' ✗'}
                      </span>
                    ))}
                  </td>
                  <td>
                    {item.fundable ? t('office.common.yes') : t('office.common.no')}
                    {item.reasons.length > 0 && (
                      <ul className="office-plain-list">
                        {item.reasons.map((code) => (
                          <li key={code}>{reason(code)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="office-num">{fmt.money(item.eligibleAmount)}</td>
                  <AwardCells item={item} />
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      )}
    </QueryStates>
  );
}
