import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CALL_STATUSES } from '@cofinanca/domain';
import type { CallListQuery, CallStatus } from '../../../../api/types';
import { SelectField, TextField } from '../../../../components/Field';
import { DataTable, ExportLinks, FilterForm, ListToolbar, PagedList } from '../../../../components/List';
import { SortHeader } from '../../../../components/SortHeader';
import { currentLocale } from '../../../../i18n';
import { useFormat } from '../../../../i18n/format';
import { useListFilters } from '../../../../lib/use-list-query';
import { pathTo, ROUTES } from '../../../../routes';
import { useCan } from '../../../auth/hooks/use-permissions';
import { callsApi } from '../../api/calls-api';
import { useCalls } from '../../hooks/use-calls';
import { NewCallDialog, type NewCallMode } from './NewCallDialog';
import { localised } from '../../../../lib/localised';
import { StatusBadge } from '../../../../components/StatusBadge';

/** Calls: officers manage them (drafts included); everyone else reads the published ones. */
export function CallsPanel() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const canManage = useCan('calls.manage');
  const list = useListFilters<CallListQuery, { q: string; year: string; status: '' | CallStatus }>(
    { page: 1, pageSize: 25, sort: '-year' },
    {
      draft: { q: '', year: '', status: '' },
      toFilters: (draft) => {
        const year = Number(draft.year.trim());
        return {
          q: draft.q.trim() || undefined,
          year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
          status: draft.status || undefined,
        };
      },
    },
  );
  const [creating, setCreating] = useState<NewCallMode | null>(null);
  const calls = useCalls(list.query);
  const statuses = canManage ? CALL_STATUSES : CALL_STATUSES.filter((s) => s !== 'draft');

  return (
    <>
      <ListToolbar
        actions={
          canManage && (
            <>
              <ExportLinks url={(format) => callsApi.exportUrl(list.query, format)} />
              <button type="button" className="button button-secondary" onClick={() => setCreating('blank')}>
                {t('office.calls.newBlank')}
              </button>
              <button type="button" className="button button-primary" onClick={() => setCreating('template')}>
                {t('office.calls.newFromTemplate')}
              </button>
            </>
          )
        }
      >
        <FilterForm label={t('office.calls.filtersLabel')} onSubmit={list.apply} onClear={list.clear}>
          <TextField label={t('office.calls.search')} type="search" {...list.bind('q')} />
          <TextField
            label={t('grants.callField.year')}
            type="text"
            inputMode="numeric"
            pattern="[0-9]{4}"
            size={6}
            {...list.bind('year')}
          />
          <SelectField label={t('grants.callField.status')} {...list.bind('status')}>
            <option value="">{t('office.common.anyStatus')}</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {t(`grants.callStatus.${status}`)}
              </option>
            ))}
          </SelectField>
        </FilterForm>
      </ListToolbar>

      <PagedList query={calls} empty={t('office.calls.empty')} paging={list.pageProps}>
        {(data) => (
          <DataTable caption={t('office.calls.caption')}>
            <thead>
              <tr>
                <SortHeader field="code" label={t('grants.callField.code')} {...list.sortProps} />
                <th scope="col">{t('grants.callField.title')}</th>
                <SortHeader field="year" label={t('grants.callField.year')} {...list.sortProps} />
                <th scope="col">{t('grants.callField.status')}</th>
                <th scope="col">{t('grants.callField.opensAt')}</th>
                <SortHeader field="closesAt" label={t('grants.callField.closesAt')} {...list.sortProps} />
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
          </DataTable>
        )}
      </PagedList>

      {canManage && <NewCallDialog mode={creating} onOpenChange={(open) => !open && setCreating(null)} />}
    </>
  );
}
