import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Call, Ranking, RankingItem } from '../../../../api/types';
import { SelectField, TextField } from '../../../../components/Field';
import { DataTable, ExportLinks, FilterForm, ListToolbar } from '../../../../components/List';
import { Pagination } from '../../../../components/Pagination';
import { SortHeader } from '../../../../components/SortHeader';
import { QueryStates } from '../../../../components/States';
import { useFormat } from '../../../../i18n/format';
import { useListFilters, type ListFilters, type ListQuery } from '../../../../lib/use-list-query';
import { useLocale } from '../../../../lib/use-locale';
import { pathTo, ROUTES } from '../../../../routes';
import { evaluationApi } from '../../api/evaluation-api';
import { useRanking } from '../../hooks/use-evaluation';
import {
  AGREEMENT_FILTERS,
  OUTCOME_FILTERS,
  rankingView,
  type AgreementFilter,
  type OutcomeFilter,
  type RankingFilters,
} from '../../schemas/ranking-view';

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

/** The page sizes of the ranking: a call can rank thousands of applications. */
export const RANKING_PAGE_SIZES = [25, 50, 100] as const;

type RankingQuery = ListQuery & RankingFilters;

interface FilterDraft {
  q: string;
  outcome: '' | OutcomeFilter;
  agreement: '' | AgreementFilter;
}

const toFilters = (d: FilterDraft): ListFilters<RankingQuery> => ({
  q: d.q.trim() || undefined,
  outcome: d.outcome || undefined,
  agreement: d.agreement || undefined,
});

/**
 * The ranking of a call as the API computes it (live during evaluation: pending rows marked), with the budget
 * line, the outcome and award of each application, partial awards and the waiting list, and the exports. The API
 * sends the whole ranking; it is filtered, sorted and paged here (schemas/ranking-view.ts) and only the rows of
 * the current page are rendered, so that a call of thousands of applications stays quick.
 */
export function RankingTable({ call }: { call: Call }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const ranking = useRanking(call.id);
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
            <p className="field-hint">{t('evaluation.ranking.exportsWhole')}</p>
          </section>
          <RankingRows call={call} ranking={r} />
        </>
      )}
    </QueryStates>
  );
}

/** The rows of the ranking: filters, sortable headers, the current page, and the pages. */
function RankingRows({ call, ranking }: { call: Call; ranking: Ranking }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const locale = useLocale();
  const reason = useReason();
  const list = useListFilters<RankingQuery, FilterDraft>(
    { page: 1, pageSize: 50, sort: 'rank' },
    { draft: { q: '', outcome: '', agreement: '' }, toFilters },
  );
  const { query } = list;
  const view = useMemo(
    () => rankingView(ranking.items, { ...query, sort: query.sort ?? 'rank', locale }),
    [ranking.items, query, locale],
  );
  const pts = (n: number) => fmt.number(n);
  return (
    <>
      <ListToolbar>
        <FilterForm label={t('evaluation.ranking.filtersLabel')} onSubmit={list.apply} onClear={list.clear}>
          <TextField
            label={t('evaluation.ranking.search')}
            hint={t('evaluation.ranking.searchHint')}
            type="search"
            {...list.bind('q')}
          />
          <SelectField label={t('evaluation.ranking.outcome')} {...list.bind('outcome')}>
            <option value="">{t('evaluation.ranking.anyOutcome')}</option>
            {OUTCOME_FILTERS.map((o) => (
              <option key={o} value={o}>
                {t(`evaluation.ranking.outcomeFilter.${o}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('evaluation.ranking.agreement')} {...list.bind('agreement')}>
            <option value="">{t('evaluation.ranking.anyAgreement')}</option>
            {AGREEMENT_FILTERS.map((a) => (
              <option key={a} value={a}>
                {t(`evaluation.ranking.agreementFilter.${a}`)}
              </option>
            ))}
          </SelectField>
        </FilterForm>
      </ListToolbar>
      {view.total === 0 ? (
        <p className="muted" role="status">
          {t('evaluation.ranking.noMatch')}
        </p>
      ) : (
        <>
          <DataTable caption={t('evaluation.ranking.caption', { code: call.code })}>
            <thead>
              <tr>
                <SortHeader field="rank" label={t('evaluation.ranking.rank')} {...list.sortProps} />
                <th scope="col">{t('grants.field.registryNumber')}</th>
                <SortHeader field="entityName" label={t('grants.field.entity')} {...list.sortProps} />
                <SortHeader field="total" label={t('evaluation.ranking.total')} {...list.sortProps} />
                <th scope="col">{t('evaluation.ranking.blocks')}</th>
                <th scope="col">{t('evaluation.ranking.fundable')}</th>
                <th scope="col">{t('evaluation.ranking.eligible')}</th>
                <SortHeader field="award" label={t('evaluation.ranking.award')} {...list.sortProps} />
                <th scope="col">{t('evaluation.ranking.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {view.items.map((item) => (
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
          <Pagination
            {...list.pageProps}
            page={view.page}
            total={view.total}
            sizes={RANKING_PAGE_SIZES}
            long
          />
        </>
      )}
    </>
  );
}
