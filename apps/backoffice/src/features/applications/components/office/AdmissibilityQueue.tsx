import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ADMISSIBILITY_STATUSES } from '@cofinanca/domain';
import type { ApplicationListQuery, ApplicationStatus } from '../../../../api/types';
import { SelectField, TextField } from '../../../../components/Field';
import { DataTable, ExportLinks, FilterForm, ListToolbar, PagedList } from '../../../../components/List';
import { SortHeader } from '../../../../components/SortHeader';
import { useFormat } from '../../../../i18n/format';
import { useListFilters, type ListFilters } from '../../../../lib/use-list-query';
import { pathTo, ROUTES } from '../../../../routes';
import { applicationsApi } from '../../api/applications-api';
import { useApplications } from '../../hooks/use-applications';
import { useCalls } from '../../../calls/hooks/use-calls';
import {
  PENDING_FILTER,
  QUEUE_DEFAULT_FILTER,
  queueStatusParam,
  type QueueStatusFilter,
} from '../../schemas/admissibility-schemas';
import { localised } from '../../../../lib/localised';
import { StatusBadge } from '../../../../components/StatusBadge';

const STATUS_OPTIONS = ADMISSIBILITY_STATUSES.filter((s) => s !== 'draft');

interface Filters {
  callId: string;
  status: QueueStatusFilter;
  q: string;
}

function toFilters(filters: Filters): ListFilters<ApplicationListQuery> {
  return {
    callId: filters.callId || undefined,
    status: queueStatusParam(filters.status) as ApplicationStatus | undefined,
    q: filters.q.trim() || undefined,
  };
}

/** The admissibility queue: submitted applications and those waiting for a correction, oldest first. */
export function AdmissibilityQueue() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useListFilters<ApplicationListQuery, Filters>(
    { page: 1, pageSize: 25, sort: 'submittedAt' },
    { draft: { callId: '', status: QUEUE_DEFAULT_FILTER, q: '' }, toFilters },
  );
  const applications = useApplications(list.query);
  const calls = useCalls({ page: 1, pageSize: 100, sort: '-year' });

  return (
    <>
      <ListToolbar actions={<ExportLinks url={(format) => applicationsApi.exportUrl(list.query, format)} />}>
        <FilterForm label={t('office.queue.filtersLabel')} onSubmit={list.apply} onClear={list.clear}>
          <SelectField label={t('grants.field.call')} {...list.bind('callId')}>
            <option value="">{t('office.queue.anyCall')}</option>
            {(calls.data?.items ?? [])
              .filter((c) => c.status !== 'draft')
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.code} — {localised(c.title)}
                </option>
              ))}
          </SelectField>
          <SelectField label={t('grants.field.status')} {...list.bind('status')}>
            <option value={PENDING_FILTER}>{t('office.queue.pending')}</option>
            {STATUS_OPTIONS.map((status) => (
              <option key={status} value={status}>
                {t(`grants.applicationStatus.${status}`)}
              </option>
            ))}
            <option value="">{t('office.common.anyStatus')}</option>
          </SelectField>
          <TextField label={t('office.queue.search')} type="search" {...list.bind('q')} />
        </FilterForm>
      </ListToolbar>

      <PagedList query={applications} empty={t('office.queue.empty')} paging={list.pageProps}>
        {(data) => (
          <DataTable caption={t('office.queue.caption')}>
            <thead>
              <tr>
                <SortHeader
                  field="registryNumber"
                  label={t('grants.field.registryNumber')}
                  {...list.sortProps}
                />
                <SortHeader field="submittedAt" label={t('grants.field.submittedAt')} {...list.sortProps} />
                <SortHeader field="entity" label={t('grants.field.entity')} {...list.sortProps} />
                <th scope="col">{t('grants.field.call')}</th>
                <SortHeader field="title" label={t('grants.field.title')} {...list.sortProps} />
                <SortHeader
                  field="requestedAmount"
                  label={t('grants.field.requestedAmount')}
                  {...list.sortProps}
                />
                <SortHeader field="status" label={t('grants.field.status')} {...list.sortProps} />
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
                    <td className="office-num">{a.requestedAmount ? fmt.money(a.requestedAmount) : '—'}</td>
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
          </DataTable>
        )}
      </PagedList>
    </>
  );
}
