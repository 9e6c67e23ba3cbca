import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CALL_STATUSES } from '@cofinanca/domain';
import type { CallListQuery, CallStatus } from '../../../api/types';
import { Pagination } from '../../../components/Pagination';
import { SortHeader } from '../../../components/SortHeader';
import { QueryStates } from '../../../components/States';
import { currentLocale } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { pathTo, ROUTES } from '../../../routes';
import { useCan } from '../../auth/hooks/use-permissions';
import { callsApi } from '../api/calls-api';
import { useCalls } from '../hooks/use-calls';
import { NewCallDialog, type NewCallMode } from './NewCallDialog';
import { localised } from './localised';
import { StatusBadge } from './StatusBadge';

/** Calls: officers manage them (drafts included); everyone else reads the published ones. */
export function CallsPanel() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const canManage = useCan('calls.manage');
  const ids = { q: useId(), year: useId(), status: useId() };
  const [query, setQuery] = useState<CallListQuery>({ page: 1, pageSize: 25, sort: '-year' });
  const [draft, setDraft] = useState<{ q: string; year: string; status: '' | CallStatus }>({
    q: '',
    year: '',
    status: '',
  });
  const [creating, setCreating] = useState<NewCallMode | null>(null);
  const calls = useCalls(query);
  const statuses = canManage ? CALL_STATUSES : CALL_STATUSES.filter((s) => s !== 'draft');
  const sortProps = {
    sort: query.sort ?? '',
    onSort: (sort: string) => setQuery({ ...query, sort, page: 1 }),
  };

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const year = Number(draft.year.trim());
    setQuery((q) => ({
      page: 1,
      pageSize: q.pageSize,
      sort: q.sort,
      q: draft.q.trim() || undefined,
      year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
      status: draft.status || undefined,
    }));
  };
  const clear = () => {
    setDraft({ q: '', year: '', status: '' });
    setQuery((q) => ({ page: 1, pageSize: q.pageSize, sort: q.sort }));
  };

  return (
    <>
      <div className="toolbar">
        <form className="filters" onSubmit={apply} role="search" aria-label={t('office.calls.filtersLabel')}>
          <div className="field">
            <label htmlFor={ids.q}>{t('office.calls.search')}</label>
            <input
              id={ids.q}
              type="search"
              value={draft.q}
              onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.year}>{t('grants.callField.year')}</label>
            <input
              id={ids.year}
              type="text"
              inputMode="numeric"
              pattern="[0-9]{4}"
              size={6}
              value={draft.year}
              onChange={(e) => setDraft({ ...draft, year: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.status}>{t('grants.callField.status')}</label>
            <select
              id={ids.status}
              value={draft.status}
              onChange={(e) => setDraft({ ...draft, status: e.target.value as '' | CallStatus })}
            >
              <option value="">{t('office.common.anyStatus')}</option>
              {statuses.map((status) => (
                <option key={status} value={status}>
                  {t(`grants.callStatus.${status}`)}
                </option>
              ))}
            </select>
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
        {canManage && (
          <div className="toolbar-actions">
            <a className="button button-secondary" href={callsApi.exportUrl(query)} download>
              {t('common.exportCsv')}
            </a>
            <button type="button" className="button button-secondary" onClick={() => setCreating('blank')}>
              {t('office.calls.newBlank')}
            </button>
            <button type="button" className="button button-primary" onClick={() => setCreating('template')}>
              {t('office.calls.newFromTemplate')}
            </button>
          </div>
        )}
      </div>

      <QueryStates query={calls} isEmpty={(d) => d.items.length === 0} empty={t('office.calls.empty')}>
        {(data) => (
          <>
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('office.calls.caption')}</caption>
                <thead>
                  <tr>
                    <SortHeader field="code" label={t('grants.callField.code')} {...sortProps} />
                    <th scope="col">{t('grants.callField.title')}</th>
                    <SortHeader field="year" label={t('grants.callField.year')} {...sortProps} />
                    <th scope="col">{t('grants.callField.status')}</th>
                    <th scope="col">{t('grants.callField.opensAt')}</th>
                    <SortHeader field="closesAt" label={t('grants.callField.closesAt')} {...sortProps} />
                    <th scope="col" className="office-num">
                      {t('grants.callField.budget')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((call) => (
                    <tr key={call.id}>
                      <td>
                        <Link to={pathTo(ROUTES.call, call.id)}>{call.code}</Link>
                      </td>
                      <td lang={call.title[currentLocale()] ? i18n.language : 'ca'}>
                        {localised(call.title) || <span className="muted">{t('office.calls.untitled')}</span>}
                      </td>
                      <td>{call.year}</td>
                      <td>
                        <StatusBadge kind="call" status={call.status} />
                      </td>
                      <td>{call.opensAt ? fmt.instant(call.opensAt) : '—'}</td>
                      <td>{call.closesAt ? fmt.instant(call.closesAt) : '—'}</td>
                      <td className="office-num">{call.budget ? fmt.money(call.budget) : '—'}</td>
                    </tr>
                  ))}
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

      {canManage && <NewCallDialog mode={creating} onOpenChange={(open) => !open && setCreating(null)} />}
    </>
  );
}
