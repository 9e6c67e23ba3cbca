import { zodResolver } from '@hookform/resolvers/zod';
import { Fragment, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_SUBJECT_TYPE_LABELS,
  auditActionLabel,
  auditSubjectTypeLabel,
  type Permission,
} from '@cofinanca/contracts';
import type { AuditEvent, AuditQuery } from '../../../api/types';
import { SelectField, TextField } from '../../../components/Field';
import { DataTable, ExportLinks, FilterForm, PagedList } from '../../../components/List';
import { useFormat } from '../../../i18n/format';
import { useListQuery } from '../../../lib/use-list-query';
import { useLocale } from '../../../lib/use-locale';
import { pathTo, ROUTES } from '../../../routes';
import { usePermissions } from '../../auth/hooks/use-permissions';
import { auditApi } from '../api/audit-api';
import { useAuditEvents } from '../hooks/use-audit';
import { auditFiltersSchema, EMPTY_AUDIT_FILTERS, type AuditFilters } from '../schemas/audit-schemas';

/** The page of each kind of subject, and the permission that opens it (users and holidays have none). */
const SUBJECT_PAGES: Readonly<Record<string, { route: `${string}:id`; permission: Permission }>> = {
  application: { route: ROUTES.application, permission: 'applications.read' },
  entity: { route: ROUTES.entity, permission: 'entities.read' },
  call: { route: ROUTES.call, permission: 'calls.read' },
};

function json(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return JSON.stringify(value, null, 2);
}

export function AuditPanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const actions = useMemo(
    () =>
      Object.keys(AUDIT_ACTION_LABELS)
        .map((code) => [code, auditActionLabel(code, locale)] as const)
        .sort(([, a], [, b]) => a.localeCompare(b, locale)),
    [locale],
  );
  const fmt = useFormat();
  const list = useListQuery<AuditQuery>({ page: 1, pageSize: 25 });
  const [expanded, setExpanded] = useState<string | null>(null);
  const events = useAuditEvents(list.query);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<AuditFilters>({
    resolver: zodResolver(auditFiltersSchema),
    defaultValues: EMPTY_AUDIT_FILTERS,
  });

  const applyFilters = handleSubmit((filters) => {
    setExpanded(null);
    list.applyFilters(filters);
  });

  return (
    <>
      <FilterForm
        label={t('audit.filtersLabel')}
        noValidate
        onSubmit={applyFilters}
        onClear={() => {
          reset(EMPTY_AUDIT_FILTERS);
          list.clearFilters();
        }}
        actions={<ExportLinks url={(format) => auditApi.exportUrl(list.query, format)} />}
      >
        <SelectField label={t('audit.action')} {...register('action')}>
          <option value="">{t('audit.anyAction')}</option>
          {actions.map(([code, words]) => (
            <option key={code} value={code}>
              {words}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('audit.subjectType')} {...register('subjectType')}>
          <option value="">{t('audit.anySubjectType')}</option>
          {Object.keys(AUDIT_SUBJECT_TYPE_LABELS).map((code) => (
            <option key={code} value={code}>
              {auditSubjectTypeLabel(code, locale)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('audit.subjectId')} {...register('subjectId')} />
        <TextField label={t('audit.actorId')} {...register('actorId')} />
        <TextField label={t('audit.from')} type="date" error={errors.from?.message} {...register('from')} />
        <TextField label={t('audit.to')} type="date" error={errors.to?.message} {...register('to')} />
      </FilterForm>

      <PagedList query={events} empty={t('audit.empty')} paging={list.pageProps}>
        {(data) => (
          <DataTable caption={t('audit.caption')}>
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.subject')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.details')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((event) => (
                <AuditRow
                  key={event.id}
                  event={event}
                  open={expanded === event.id}
                  onToggle={() => setExpanded(expanded === event.id ? null : event.id)}
                  at={fmt.instant(event.at)}
                />
              ))}
            </tbody>
          </DataTable>
        )}
      </PagedList>
    </>
  );
}

function AuditRow({
  event,
  open,
  onToggle,
  at,
}: {
  event: AuditEvent;
  open: boolean;
  onToggle: () => void;
  at: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const permissions = usePermissions();
  const detailsId = `audit-${event.id}`;
  const action = auditActionLabel(event.action, locale);
  const page = SUBJECT_PAGES[event.subjectType];
  const subject = event.subjectLabel ?? event.subjectId;
  const href =
    page && event.subjectId && permissions.has(page.permission) ? pathTo(page.route, event.subjectId) : null;
  return (
    <Fragment>
      <tr>
        <td>
          <time dateTime={event.at}>{at}</time>
        </td>
        <td>
          {event.actorEmail ?? event.actorId ?? t('audit.system')}
          {event.actorRoles?.length > 0 && (
            <span className="muted"> ({event.actorRoles.map((r) => t(`roles.${r}`)).join(', ')})</span>
          )}
        </td>
        <td>
          {action}
          {action !== event.action && (
            <>
              {' '}
              <code className="muted">{event.action}</code>
            </>
          )}
        </td>
        <td>
          <span className="muted">{auditSubjectTypeLabel(event.subjectType, locale)}</span>
          {subject && <> {href ? <Link to={href}>{subject}</Link> : <span>{subject}</span>}</>}
        </td>
        <td>
          <button
            type="button"
            className="button button-small button-secondary"
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            onClick={onToggle}
          >
            {open ? t('common.hideDetails') : t('common.showDetails')}
            <span className="visually-hidden">
              : {action}
              {subject ? ` · ${subject}` : ''}
            </span>
          </button>
        </td>
      </tr>
      {open && (
        <tr className="details-row" id={detailsId}>
          <td colSpan={5}>
            <div className="details-grid">
              <div>
                <h3>{t('audit.before')}</h3>
                <pre tabIndex={0} aria-label={t('audit.before')}>
                  {json(event.before)}
                </pre>
              </div>
              <div>
                <h3>{t('audit.after')}</h3>
                <pre tabIndex={0} aria-label={t('audit.after')}>
                  {json(event.after)}
                </pre>
              </div>
            </div>
            {event.requestId && <p className="muted">{t('errors.requestId', { id: event.requestId })}</p>}
          </td>
        </tr>
      )}
    </Fragment>
  );
}
