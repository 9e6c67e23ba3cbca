import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ADMISSIBILITY_STATUSES } from '@cofinanca/domain';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { SelectField, TextField } from '../../../../components/Field';
import { FormAlert } from '../../../../components/FormAlert';
import { DataTable, ExportLinks, FilterForm, ListToolbar, PagedList } from '../../../../components/List';
import { SortHeader } from '../../../../components/SortHeader';
import { StatusNotice } from '../../../../components/States';
import { useFormat } from '../../../../i18n/format';
import { useListFilters } from '../../../../lib/use-list-query';
import { pathTo, ROUTES } from '../../../../routes';
import { applicationsApi } from '../../api/applications-api';
import type { ApplicationListQuery, ApplicationStatus, ApplicationSummary } from '../../../../api/types';
import { useApplications, useDeleteApplication } from '../../hooks/use-applications';
import { useLocalized } from '../../../../lib/use-locale';
import { StatusBadge } from '../../../../components/StatusBadge';

/** The entity's applications: paged, sortable, filtered by status, with a CSV export. */
export function MyApplicationsList() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const localized = useLocalized();
  const list = useListFilters<ApplicationListQuery, { q: string; status: string }>(
    { page: 1, pageSize: 25, sort: '-createdAt' },
    {
      draft: { q: '', status: '' },
      toFilters: (draft) => ({
        q: draft.q.trim() || undefined,
        status: (draft.status || undefined) as ApplicationStatus | undefined,
      }),
    },
  );
  const [deleting, setDeleting] = useState<ApplicationSummary | null>(null);
  const [notice, setNotice] = useState('');
  const applications = useApplications(list.query);
  const remove = useDeleteApplication();

  return (
    <>
      <ListToolbar
        actions={
          <>
            <ExportLinks url={(format) => applicationsApi.exportUrl(list.query, format)} />
            <Link className="button button-primary" to={ROUTES.openCalls}>
              {t('portal.applications.new')}
            </Link>
          </>
        }
      >
        <FilterForm label={t('portal.applications.filtersLabel')} onSubmit={list.apply} onClear={list.clear}>
          <TextField label={t('portal.applications.search')} type="search" {...list.bind('q')} />
          <SelectField label={t('grants.field.status')} {...list.bind('status')}>
            <option value="">{t('portal.applications.anyStatus')}</option>
            {ADMISSIBILITY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`grants.applicationStatus.${s}`)}
              </option>
            ))}
          </SelectField>
        </FilterForm>
      </ListToolbar>

      <StatusNotice message={notice} />
      <FormAlert error={remove.error} />

      <PagedList query={applications} empty={t('portal.applications.empty')} paging={list.pageProps}>
        {(data) => (
          <DataTable caption={t('portal.applications.caption')}>
            <thead>
              <tr>
                <SortHeader
                  field="registryNumber"
                  label={t('grants.field.registryNumber')}
                  {...list.sortProps}
                />
                <SortHeader field="title" label={t('grants.field.title')} {...list.sortProps} />
                <th scope="col">{t('grants.field.call')}</th>
                <SortHeader field="status" label={t('grants.field.status')} {...list.sortProps} />
                <SortHeader
                  field="requestedAmount"
                  label={t('grants.field.requestedAmount')}
                  {...list.sortProps}
                />
                <SortHeader field="submittedAt" label={t('grants.field.submittedAt')} {...list.sortProps} />
                <SortHeader field="createdAt" label={t('grants.field.createdAt')} {...list.sortProps} />
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((app) => {
                const title = app.title || t('portal.applications.untitled');
                return (
                  <tr
                    key={app.id}
                    className={app.status === 'correction_requested' ? 'portal-row-attention' : undefined}
                  >
                    <td>{app.registryNumber ?? '—'}</td>
                    <th scope="row" className="portal-row-head">
                      <Link to={pathTo(ROUTES.application, app.id)}>{title}</Link>
                    </th>
                    <td>
                      {app.call.code} · {localized(app.call.title)}
                    </td>
                    <td>
                      <StatusBadge kind="application" status={app.status} />
                      {app.status === 'correction_requested' && app.openRequirementDueDate && (
                        // The list carries the due date: no request per row.
                        <strong className="portal-due">
                          {t('portal.applications.dueOn', { date: fmt.date(app.openRequirementDueDate) })}
                        </strong>
                      )}
                    </td>
                    <td className="portal-num">
                      {app.requestedAmount ? fmt.money(app.requestedAmount) : '—'}
                    </td>
                    <td>{app.submittedAt ? fmt.instant(app.submittedAt) : '—'}</td>
                    <td>{fmt.date(app.createdAt)}</td>
                    <td>
                      {app.status === 'draft' && (
                        <button
                          type="button"
                          className="button button-small button-danger-outline"
                          aria-label={t('portal.applications.deleteLabel', { title })}
                          onClick={() => setDeleting(app)}
                        >
                          {t('common.delete')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        )}
      </PagedList>

      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={t('portal.applications.deleteTitle')}
        description={t('portal.applications.deleteBody', {
          title: deleting?.title || t('portal.applications.untitled'),
        })}
        confirmLabel={t('portal.applications.deleteConfirm')}
        busy={remove.isPending}
        onConfirm={() => {
          if (!deleting) return;
          const app = deleting;
          remove.mutate(app.id, {
            onSuccess: () => {
              setDeleting(null);
              setNotice(
                t('portal.applications.deleted', { title: app.title || t('portal.applications.untitled') }),
              );
            },
            onError: () => setDeleting(null),
          });
        }}
      />
    </>
  );
}
