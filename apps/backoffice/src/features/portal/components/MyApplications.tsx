import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ADMISSIBILITY_STATUSES } from '@cofinanca/domain';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { FormAlert } from '../../../components/FormAlert';
import { Pagination } from '../../../components/Pagination';
import { SortHeader } from '../../../components/SortHeader';
import { QueryStates } from '../../../components/States';
import { useFormat } from '../../../i18n/format';
import { pathTo, ROUTES } from '../../../routes';
import { applicationsApi } from '../api/portal-api';
import type { Application, ApplicationListQuery, ApplicationStatus } from '../api/portal-types';
import { useApplications, useDeleteApplication, useRequirements } from '../hooks/use-applications';
import { ApplicationStatusBadge, useLocalized } from './common';

/** The due date of the open correction request of an application. */
function CorrectionDue({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const requirements = useRequirements(applicationId);
  const open = requirements.data?.find((r) => r.status === 'open');
  if (!open) return null;
  return (
    <strong className="portal-due">{t('portal.applications.dueOn', { date: fmt.date(open.dueDate) })}</strong>
  );
}

/** The entity's applications: paged, sortable, filtered by status, with a CSV export. */
export function MyApplicationsList() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const localized = useLocalized();
  const ids = { q: useId(), status: useId() };
  const [query, setQuery] = useState<ApplicationListQuery>({ page: 1, pageSize: 25, sort: '-createdAt' });
  const [draft, setDraft] = useState({ q: '', status: '' });
  const [deleting, setDeleting] = useState<Application | null>(null);
  const [notice, setNotice] = useState('');
  const applications = useApplications(query);
  const remove = useDeleteApplication();
  const onSort = (sort: string) => setQuery({ ...query, sort, page: 1 });

  const applyFilters = (e: FormEvent) => {
    e.preventDefault();
    setQuery({
      ...query,
      page: 1,
      q: draft.q.trim() || undefined,
      status: (draft.status || undefined) as ApplicationStatus | undefined,
    });
  };

  return (
    <>
      <div className="toolbar">
        <form
          className="filters"
          role="search"
          aria-label={t('portal.applications.filtersLabel')}
          onSubmit={applyFilters}
        >
          <div className="field">
            <label htmlFor={ids.q}>{t('portal.applications.search')}</label>
            <input
              id={ids.q}
              type="search"
              value={draft.q}
              onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.status}>{t('grants.field.status')}</label>
            <select
              id={ids.status}
              value={draft.status}
              onChange={(e) => setDraft({ ...draft, status: e.target.value })}
            >
              <option value="">{t('portal.applications.anyStatus')}</option>
              {ADMISSIBILITY_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`grants.applicationStatus.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="filters-actions">
            <button type="submit" className="button button-primary">
              {t('common.filter')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setDraft({ q: '', status: '' });
                setQuery({ page: 1, pageSize: query.pageSize, sort: query.sort });
              }}
            >
              {t('common.clearFilters')}
            </button>
          </div>
        </form>
        <div className="toolbar-actions">
          <a className="button button-secondary" href={applicationsApi.exportUrl(query)} download>
            {t('common.exportCsv')}
          </a>
          <Link className="button button-primary" to={ROUTES.openCalls}>
            {t('portal.applications.new')}
          </Link>
        </div>
      </div>

      <p className={notice ? 'alert alert-success' : 'visually-hidden'} role="status" aria-live="polite">
        {notice}
      </p>
      <FormAlert error={remove.error} />

      <QueryStates
        query={applications}
        isEmpty={(d) => d.items.length === 0}
        empty={t('portal.applications.empty')}
      >
        {(data) => (
          <>
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('portal.applications.caption')}</caption>
                <thead>
                  <tr>
                    <SortHeader
                      field="registryNumber"
                      label={t('grants.field.registryNumber')}
                      sort={query.sort ?? ''}
                      onSort={onSort}
                    />
                    <SortHeader
                      field="title"
                      label={t('grants.field.title')}
                      sort={query.sort ?? ''}
                      onSort={onSort}
                    />
                    <th scope="col">{t('grants.field.call')}</th>
                    <SortHeader
                      field="status"
                      label={t('grants.field.status')}
                      sort={query.sort ?? ''}
                      onSort={onSort}
                    />
                    <SortHeader
                      field="requestedAmount"
                      label={t('grants.field.requestedAmount')}
                      sort={query.sort ?? ''}
                      onSort={onSort}
                    />
                    <SortHeader
                      field="submittedAt"
                      label={t('grants.field.submittedAt')}
                      sort={query.sort ?? ''}
                      onSort={onSort}
                    />
                    <SortHeader
                      field="createdAt"
                      label={t('grants.field.createdAt')}
                      sort={query.sort ?? ''}
                      onSort={onSort}
                    />
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
                          <ApplicationStatusBadge status={app.status} />
                          {app.status === 'correction_requested' && <CorrectionDue applicationId={app.id} />}
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
