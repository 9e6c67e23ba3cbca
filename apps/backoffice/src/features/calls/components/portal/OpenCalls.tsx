import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { rubricTotal } from '@cofinanca/domain';
import { TextField } from '../../../../components/Field';
import { DataTable, FilterForm, PagedList } from '../../../../components/List';
import { SortHeader } from '../../../../components/SortHeader';
import { useFormat } from '../../../../i18n/format';
import { useListFilters } from '../../../../lib/use-list-query';
import { pathTo, ROUTES } from '../../../../routes';
import type { Call, CallListQuery, CallSummary } from '../../../../api/types';
import { useCalls } from '../../hooks/use-calls';
import { useLocalized, usePercent } from '../../../../lib/use-locale';

export type CallWindow = 'open' | 'upcoming' | 'closed';

/** Where a published call's window stands now. */
export function callWindow(
  call: Pick<Call, 'status' | 'opensAt' | 'closesAt'>,
  now = new Date(),
): CallWindow {
  if (call.status !== 'published' || !call.opensAt || !call.closesAt) return 'closed';
  const at = now.getTime();
  if (at < Date.parse(call.opensAt)) return 'upcoming';
  return at <= Date.parse(call.closesAt) ? 'open' : 'closed';
}

export function WindowBadge({ call }: { call: Pick<CallSummary, 'status' | 'opensAt' | 'closesAt'> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const state = callWindow(call);
  if (state === 'open') return <span className="badge badge-success">{t('portal.calls.open')}</span>;
  if (state === 'upcoming') {
    return (
      <span className="badge badge-warning">
        {t('portal.calls.opensOn', { date: fmt.instant(call.opensAt) })}
      </span>
    );
  }
  return <span className="badge badge-muted">{t('portal.calls.closed')}</span>;
}

/** The published calls: title in the person's language, modalities, deadline, budget and maximum amount. */
export function OpenCallsList() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const localized = useLocalized();
  const list = useListFilters<CallListQuery, { q: string }>(
    { page: 1, pageSize: 25, status: 'published', sort: 'closesAt' },
    { draft: { q: '' }, toFilters: (draft) => ({ q: draft.q.trim() || undefined }) },
  );
  const calls = useCalls(list.query);

  return (
    <>
      <FilterForm label={t('portal.calls.filtersLabel')} onSubmit={list.apply} onClear={list.clear}>
        <TextField label={t('portal.calls.search')} type="search" {...list.bind('q')} />
      </FilterForm>
      <PagedList query={calls} empty={t('portal.calls.empty')} paging={list.pageProps}>
        {(data) => (
          <>
            <DataTable caption={t('portal.calls.caption')}>
              <thead>
                <tr>
                  <SortHeader field="code" label={t('grants.callField.code')} {...list.sortProps} />
                  <th scope="col">{t('grants.callField.title')}</th>
                  <th scope="col">{t('grants.callField.modalities')}</th>
                  <SortHeader field="closesAt" label={t('portal.calls.deadline')} {...list.sortProps} />
                  <th scope="col" className="portal-num">
                    {t('grants.callField.budget')}
                  </th>
                  <th scope="col" className="portal-num">
                    {t('grants.callField.maxAmountPerApplication')}
                  </th>
                  <th scope="col">{t('grants.callField.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((call) => (
                  <tr key={call.id}>
                    <td>{call.code}</td>
                    <th scope="row" className="portal-row-head">
                      <Link to={pathTo(ROUTES.openCall, call.id)}>{localized(call.title)}</Link>
                    </th>
                    <td>{call.modalities.map((m) => t(`grants.modality.${m}`)).join(', ')}</td>
                    <td>{call.closesAt ? fmt.instant(call.closesAt) : '—'}</td>
                    <td className="portal-num">{call.budget ? fmt.money(call.budget) : '—'}</td>
                    <td className="portal-num">
                      {call.maxAmountPerApplication ? fmt.money(call.maxAmountPerApplication) : '—'}
                    </td>
                    <td>
                      <WindowBadge call={call} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
            <p className="field-hint">{t('portal.calls.timeZone')}</p>
          </>
        )}
      </PagedList>
    </>
  );
}

/**
 * One published call: its rules, required documents and rubric. `apply` is the way to apply (the applications
 * feature's card, given by the page: calls never depend on applications).
 */
export function CallDetail({ call, apply }: { call: Call; apply?: ReactNode }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const percent = usePercent();
  const localized = useLocalized();
  const total = rubricTotal(call.rubric);

  return (
    <div className="stack">
      {apply}

      {localized(call.description) && (
        <section className="card" aria-labelledby="call-description-title">
          <h2 id="call-description-title">{t('grants.callField.description')}</h2>
          <p className="portal-prewrap">{localized(call.description)}</p>
        </section>
      )}

      <section className="card" aria-labelledby="call-rules-title">
        <h2 id="call-rules-title">{t('portal.call.rulesTitle')}</h2>
        <dl className="meta-list">
          <dt>{t('grants.callField.modalities')}</dt>
          <dd>{call.modalities.map((m) => t(`grants.modality.${m}`)).join(', ')}</dd>
          <dt>{t('grants.callField.opensAt')}</dt>
          <dd>{fmt.instant(call.opensAt) || '—'}</dd>
          <dt>{t('grants.callField.closesAt')}</dt>
          <dd>{fmt.instant(call.closesAt) || '—'}</dd>
          <dt>{t('grants.callField.budget')}</dt>
          <dd>{call.budget ? fmt.money(call.budget) : '—'}</dd>
          <dt>{t('grants.callField.maxAmountPerApplication')}</dt>
          <dd>
            {call.maxAmountPerApplication ? fmt.money(call.maxAmountPerApplication) : t('portal.call.noCap')}
          </dd>
          <dt>{t('grants.callField.maxCofinancingPercent')}</dt>
          <dd>{t('portal.call.cofinancingRule', { percent: percent(call.maxCofinancingPercent) })}</dd>
          <dt>{t('grants.callField.maxExecutionMonths')}</dt>
          <dd>{t('grants.units.months', { count: call.maxExecutionMonths })}</dd>
          <dt>{t('grants.callField.advancePercent')}</dt>
          <dd>{percent(call.advancePercent)}</dd>
          <dt>{t('grants.callField.justificationMonths')}</dt>
          <dd>
            {t('portal.call.justificationRule', {
              months: t('grants.units.months', { count: call.justificationMonths }),
            })}
          </dd>
          <dt>{t('grants.callField.correctionDays')}</dt>
          <dd>{t('grants.units.businessDays', { count: call.correctionDays })}</dd>
          <dt>{t('grants.callField.requiresGenderMarker')}</dt>
          <dd>
            {call.requiresGenderMarker ? t('portal.call.genderRequired') : t('portal.call.genderNotRequired')}
          </dd>
          <dt>{t('grants.callField.minimumTotalScore')}</dt>
          <dd>
            {t('portal.call.minimumScore', {
              min: fmt.number(call.minimumTotalScore),
              total: fmt.number(total),
            })}
          </dd>
        </dl>
        <p className="field-hint">{t('portal.calls.timeZone')}</p>
      </section>

      <section className="card" aria-labelledby="call-documents-title">
        <h2 id="call-documents-title">{t('grants.callField.requiredDocuments')}</h2>
        {call.requiredDocuments.length === 0 ? (
          <p>{t('portal.call.noDocuments')}</p>
        ) : (
          <ul>
            {call.requiredDocuments.map((d) => (
              <li key={d.code}>
                {localized(d.name)}{' '}
                <span className={`badge ${d.required ? 'badge-warning' : 'badge-muted'}`}>
                  {d.required ? t('portal.call.documentRequired') : t('portal.call.documentOptional')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="call-rubric-title">
        <h2 id="call-rubric-title">{t('grants.callField.rubric')}</h2>
        <p>{t('portal.call.rubricIntro', { total: fmt.number(total) })}</p>
        {call.rubric.blocks.map((block) => {
          const blockPoints = block.criteria.reduce((acc, c) => acc + c.maxPoints, 0);
          return (
            <div className="table-wrap portal-rubric" key={block.code}>
              <table className="table">
                <caption>
                  {block.code}. {localized(block.name)} — {t('grants.units.points', { count: blockPoints })}
                  {typeof block.minPoints === 'number' && (
                    <> ({t('portal.call.blockMinimum', { min: fmt.number(block.minPoints) })})</>
                  )}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('grants.callField.code')}</th>
                    <th scope="col">{t('grants.callField.criterion')}</th>
                    <th scope="col" className="portal-num">
                      {t('grants.callField.maxPoints')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {block.criteria.map((c) => (
                    <tr key={c.code}>
                      <td>{c.code}</td>
                      <td>{localized(c.name)}</td>
                      <td className="portal-num">{fmt.number(c.maxPoints)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })}
        {call.rubric.blocks.some((b) => typeof b.tieBreakOrder === 'number') && (
          <p>
            {t('portal.call.tieBreak', {
              blocks: [...call.rubric.blocks]
                .filter((b) => typeof b.tieBreakOrder === 'number')
                .sort((a, b) => (a.tieBreakOrder ?? 0) - (b.tieBreakOrder ?? 0))
                .map((b) => `${b.code}. ${localized(b.name)}`)
                .join('; '),
            })}
          </p>
        )}
      </section>
    </div>
  );
}
