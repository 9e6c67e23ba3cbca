import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ADMISSIBILITY_STATUSES } from '@cofinanca/domain';
import type { ApplicationListQuery, ApplicationStatus } from '../../../api/types';
import { Pagination } from '../../../components/Pagination';
import { SortHeader } from '../../../components/SortHeader';
import { QueryStates } from '../../../components/States';
import { useFormat } from '../../../i18n/format';
import { pathTo, ROUTES } from '../../../routes';
import { applicationsApi } from '../api/applications-api';
import { useApplications } from '../hooks/use-applications';
import { useCalls } from '../hooks/use-calls';
import {
  PENDING_FILTER,
  QUEUE_DEFAULT_FILTER,
  queueStatusParam,
  type QueueStatusFilter,
} from '../schemas/office-schemas';
import { localised } from './localised';
import { StatusBadge } from './StatusBadge';

const STATUS_OPTIONS = ADMISSIBILITY_STATUSES.filter((s) => s !== 'draft');

interface Filters {
  callId: string;
  status: QueueStatusFilter;
  q: string;
}

function toQuery(
  filters: Filters,
  base: Pick<ApplicationListQuery, 'pageSize' | 'sort'>,
): ApplicationListQuery {
  return {
    page: 1,
    pageSize: base.pageSize,
    sort: base.sort,
    callId: filters.callId || undefined,
    status: queueStatusParam(filters.status) as ApplicationStatus | undefined,
    q: filters.q.trim() || undefined,
  };
}

/** The admissibility queue: submitted applications and those waiting for a correction, oldest first. */
export function AdmissibilityQueue() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const ids = { call: useId(), status: useId(), q: useId() };
  const initial: Filters = { callId: '', status: QUEUE_DEFAULT_FILTER, q: '' };
  const [draft, setDraft] = useState<Filters>(initial);
  const [query, setQuery] = useState<ApplicationListQuery>(() =>
    toQuery(initial, { pageSize: 25, sort: 'submittedAt' }),
  );
  const applications = useApplications(query);
  const calls = useCalls({ page: 1, pageSize: 100, sort: '-year' });
  const sortProps = {
    sort: query.sort ?? '',
    onSort: (sort: string) => setQuery({ ...query, sort, page: 1 }),
  };

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setQuery((q) => toQuery(draft, q));
  };
  const clear = () => {
    setDraft(initial);
    setQuery((q) => toQuery(initial, q));
  };

  return (
    <>
      <div className="toolbar">
        <form className="filters" onSubmit={apply} role="search" aria-label={t('office.queue.filtersLabel')}>
          <div className="field">
            <label htmlFor={ids.call}>{t('grants.field.call')}</label>
            <select
              id={ids.call}
              value={draft.callId}
              onChange={(e) => setDraft({ ...draft, callId: e.target.value })}
            >
              <option value="">{t('office.queue.anyCall')}</option>
              {(calls.data?.items ?? [])
                .filter((c) => c.status !== 'draft')
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.code} — {localised(c.title)}
                  </option>
                ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.status}>{t('grants.field.status')}</label>
            <select
              id={ids.status}
              value={draft.status}
              onChange={(e) => setDraft({ ...draft, status: e.target.value as QueueStatusFilter })}
            >
              <option value={PENDING_FILTER}>{t('office.queue.pending')}</option>
              {STATUS_OPTIONS.map((status) => (
                <option key={status} value={status}>
                  {t(`grants.applicationStatus.${status}`)}
                </option>
              ))}
              <option value="">{t('office.common.anyStatus')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.q}>{t('office.queue.search')}</label>
            <input
              id={ids.q}
              type="search"
              value={draft.q}
              onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            />
          </div>
          <div className="filters-actions">
            <button type="submit" className="button button-primary">
              {t('common.filter')}
            </button>
            <button type="button" className="button button-secondary" onClick={clear}>
              {t('common.clearFilters')}
            </button>
          </div>
        </form>
        <div className="toolbar-actions">
          <a className="button button-secondary" href={applicationsApi.exportUrl(query)} download>
            {t('common.exportCsv')}
          </a>
        </div>
      </div>

      <QueryStates query={applications} isEmpty={(d) => d.items.length === 0} empty={t('office.queue.empty')}>
        {(data) => (
          <>
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('office.queue.caption')}</caption>
                <thead>
                  <tr>
                    <SortHeader
                      field="registryNumber"
                      label={t('grants.field.registryNumber')}
                      {...sortProps}
                    />
                    <SortHeader field="submittedAt" label={t('grants.field.submittedAt')} {...sortProps} />
                    <SortHeader field="entity" label={t('grants.field.entity')} {...sortProps} />
                    <th scope="col">{t('grants.field.call')}</th>
                    <SortHeader field="title" label={t('grants.field.title')} {...sortProps} />
                    <SortHeader
                      field="requestedAmount"
                      label={t('grants.field.requestedAmount')}
                      {...sortProps}
                    />
                    <SortHeader field="status" label={t('grants.field.status')} {...sortProps} />
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((a) => {
                    const due = a.openRequirementDueDate;
                    return (
                      <tr key={a.id}>
                        <td>
                          <Link to={pathTo(ROUTES.application, a.id)}>
                            {a.registryNumber ?? t('office.queue.noRegistryNumber')}
                          </Link>
                        </td>
                        <td>{a.submittedAt ? fmt.instant(a.submittedAt) : '—'}</td>
                        <td>
                          {a.entity.legalName}
                          <br />
                          <span className="muted">{a.entity.nif}</span>
                        </td>
                        <td>
                          <abbr title={localised(a.call.title)}>{a.call.code}</abbr>
                        </td>
                        <td>{a.title || <span className="muted">{t('office.queue.untitled')}</span>}</td>
                        <td className="office-num">
                          {a.requestedAmount ? fmt.money(a.requestedAmount) : '—'}
                        </td>
                        <td>
                          <StatusBadge kind="application" status={a.status} />
                          {a.status === 'correction_requested' && due && (
                            <span className="office-due">
                              {t('office.queue.dueDate', { date: fmt.date(due) })}
                            </span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <Pagination
              page={query.page}
              pageSize={query.pageSize}
              total={data.total}
              onPageChange={(page) => setQuery({ ...query, page })}
              onPageSizeChange={(pageSize) => setQuery({ ...query, pageSize, page: 1 })}
            />
          </>
        )}
      </QueryStates>
    </>
  );
}
