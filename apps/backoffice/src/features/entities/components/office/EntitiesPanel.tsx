import { ENTITY_STATUSES } from '@cofinanca/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EntityListQuery, EntityStatus } from '../../../../api/types';
import { SelectField, TextField } from '../../../../components/Field';
import { DataTable, ExportLinks, FilterForm, ListToolbar, PagedList } from '../../../../components/List';
import { SortHeader } from '../../../../components/SortHeader';
import { useFormat } from '../../../../i18n/format';
import { useListFilters } from '../../../../lib/use-list-query';
import { pathTo, ROUTES } from '../../../../routes';
import { entitiesApi } from '../../api/entities-api';
import { useEntities } from '../../hooks/use-entities';
import { StatusBadge } from '../../../../components/StatusBadge';

const STATUSES = ENTITY_STATUSES;

interface Filters {
  q: string;
  status: '' | EntityStatus;
  ibanPending: boolean;
}

/** The list's query filters from the filter form. */
function toFilters(draft: Filters) {
  return {
    q: draft.q.trim() || undefined,
    status: draft.status || undefined,
    ibanStatus: draft.ibanPending ? ('pending' as const) : undefined,
  };
}

/**
 * The officers' list of entities: all of them, with how many wait for validation in view (one click filters them).
 */
export function EntitiesPanel() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const ibanId = useId();
  const list = useListFilters<EntityListQuery, Filters>(
    { page: 1, pageSize: 25, sort: 'createdAt' },
    {
      draft: { q: '', status: '', ibanPending: false },
      toFilters,
    },
  );
  const { draft, setDraft } = list;
  const entities = useEntities(list.query);
  const pending = useEntities({ page: 1, pageSize: 1, status: 'pending_validation' }).data?.total;
  const showPending = () => {
    const next = { ...draft, status: 'pending_validation' as const };
    setDraft(next);
    list.applyFilters(toFilters(next));
  };

  return (
    <>
      {pending !== undefined && (
        <p className="office-pending-summary" role="status">
          {pending === 0 ? (
            t('office.entities.noPending')
          ) : (
            <>
              {t('office.entities.pendingCount', { count: pending })}{' '}
              {list.query.status !== 'pending_validation' && (
                <button type="button" className="link-button" onClick={showPending}>
                  {t('office.entities.showPending')}
                </button>
              )}
            </>
          )}
        </p>
      )}
      <ListToolbar actions={<ExportLinks url={(format) => entitiesApi.exportUrl(list.query, format)} />}>
        <FilterForm label={t('office.entities.filtersLabel')} onSubmit={list.apply} onClear={list.clear}>
          <TextField label={t('office.entities.search')} type="search" {...list.bind('q')} />
          <SelectField label={t('grants.entityField.status')} {...list.bind('status')}>
            <option value="">{t('office.common.anyStatus')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`grants.entityStatus.${status}`)}
              </option>
            ))}
          </SelectField>
          <div className="field office-field-check">
            <label className="checkbox" htmlFor={ibanId}>
              <input
                id={ibanId}
                type="checkbox"
                checked={draft.ibanPending}
                onChange={(e) => setDraft({ ...draft, ibanPending: e.target.checked })}
              />
              {t('office.entities.ibanPendingFilter')}
            </label>
          </div>
        </FilterForm>
      </ListToolbar>

      <PagedList query={entities} empty={t('office.entities.empty')} paging={list.pageProps}>
        {(data) => (
          <DataTable caption={t('office.entities.caption')}>
            <thead>
              <tr>
                <SortHeader field="legalName" label={t('grants.entityField.legalName')} {...list.sortProps} />
                <SortHeader field="nif" label={t('grants.entityField.nif')} {...list.sortProps} />
                <th scope="col">{t('grants.entityField.town')}</th>
                <SortHeader field="status" label={t('grants.entityField.status')} {...list.sortProps} />
                <SortHeader field="createdAt" label={t('grants.entityField.createdAt')} {...list.sortProps} />
              </tr>
            </thead>
            <tbody>
              {data.items.map((entity) => (
                <tr key={entity.id}>
                  <td>
                    <Link to={pathTo(ROUTES.entity, entity.id)}>{entity.legalName}</Link>
                  </td>
                  <td>{entity.nif}</td>
                  <td>{entity.town}</td>
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
          </DataTable>
        )}
      </PagedList>
    </>
  );
}
