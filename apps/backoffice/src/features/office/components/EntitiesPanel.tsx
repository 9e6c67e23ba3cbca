import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EntityListQuery, EntityStatus } from '../../../api/types';
import { Pagination } from '../../../components/Pagination';
import { SortHeader } from '../../../components/SortHeader';
import { QueryStates } from '../../../components/States';
import { useFormat } from '../../../i18n/format';
import { pathTo, ROUTES } from '../../../routes';
import { entitiesApi } from '../api/entities-api';
import { useEntities } from '../hooks/use-entities';
import { StatusBadge } from './StatusBadge';

const STATUSES: EntityStatus[] = ['pending_validation', 'active', 'suspended', 'rejected'];

interface Filters {
  q: string;
  status: '' | EntityStatus;
  ibanPending: boolean;
}

/** The officers' list of entities: those waiting for validation first. */
export function EntitiesPanel() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const ids = { q: useId(), status: useId(), iban: useId() };
  const [query, setQuery] = useState<EntityListQuery>({
    page: 1,
    pageSize: 25,
    sort: 'createdAt',
    status: 'pending_validation',
  });
  const [draft, setDraft] = useState<Filters>({ q: '', status: 'pending_validation', ibanPending: false });
  const entities = useEntities(query);
  const sortProps = {
    sort: query.sort ?? '',
    onSort: (sort: string) => setQuery({ ...query, sort, page: 1 }),
  };

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setQuery((q) => ({
      page: 1,
      pageSize: q.pageSize,
      sort: q.sort,
      q: draft.q.trim() || undefined,
      status: draft.status || undefined,
      ibanStatus: draft.ibanPending ? 'pending' : undefined,
    }));
  };
  const clear = () => {
    setDraft({ q: '', status: '', ibanPending: false });
    setQuery((q) => ({ page: 1, pageSize: q.pageSize, sort: q.sort }));
  };

  return (
    <>
      <div className="toolbar">
        <form
          className="filters"
          onSubmit={apply}
          role="search"
          aria-label={t('office.entities.filtersLabel')}
        >
          <div className="field">
            <label htmlFor={ids.q}>{t('office.entities.search')}</label>
            <input
              id={ids.q}
              type="search"
              value={draft.q}
              onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.status}>{t('grants.entityField.status')}</label>
            <select
              id={ids.status}
              value={draft.status}
              onChange={(e) => setDraft({ ...draft, status: e.target.value as Filters['status'] })}
            >
              <option value="">{t('office.common.anyStatus')}</option>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`grants.entityStatus.${status}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field office-field-check">
            <label className="checkbox" htmlFor={ids.iban}>
              <input
                id={ids.iban}
                type="checkbox"
                checked={draft.ibanPending}
                onChange={(e) => setDraft({ ...draft, ibanPending: e.target.checked })}
              />
              {t('office.entities.ibanPendingFilter')}
            </label>
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
          <a className="button button-secondary" href={entitiesApi.exportUrl(query)} download>
            {t('common.exportCsv')}
          </a>
        </div>
      </div>

      <QueryStates query={entities} isEmpty={(d) => d.items.length === 0} empty={t('office.entities.empty')}>
        {(data) => (
          <>
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('office.entities.caption')}</caption>
                <thead>
                  <tr>
                    <SortHeader field="legalName" label={t('grants.entityField.legalName')} {...sortProps} />
                    <SortHeader field="nif" label={t('grants.entityField.nif')} {...sortProps} />
                    <th scope="col">{t('grants.entityField.town')}</th>
                    <SortHeader field="status" label={t('grants.entityField.status')} {...sortProps} />
                    <SortHeader field="createdAt" label={t('grants.entityField.createdAt')} {...sortProps} />
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((entity) => (
                    <tr key={entity.id}>
                      <td>
                        <Link to={pathTo(ROUTES.entity, entity.id)}>{entity.legalName}</Link>
                      </td>
                      <td>{entity.nif}</td>
                      <td>{entity.address.town}</td>
                      <td>
                        <StatusBadge kind="entity" status={entity.status} />
                        {entity.status === 'active' && entity.ibanStatus === 'pending' && (
                          <span className="badge badge-warning">{t('office.entities.ibanPendingBadge')}</span>
                        )}
                      </td>
                      <td>{fmt.instant(entity.createdAt)}</td>
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
    </>
  );
}
