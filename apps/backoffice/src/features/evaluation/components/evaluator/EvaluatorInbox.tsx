import { ASSIGNMENT_STATUSES } from '@cofinanca/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AssignmentQuery, AssignmentStatus } from '../../../../api/types';
import { SelectField } from '../../../../components/Field';
import { DataTable, FilterForm, ListToolbar, PagedList } from '../../../../components/List';
import { SortHeader } from '../../../../components/SortHeader';
import { StatusBadge } from '../../../../components/StatusBadge';
import { useFormat } from '../../../../i18n/format';
import { localised } from '../../../../lib/localised';
import { useListFilters, type ListFilters, type SortProps } from '../../../../lib/use-list-query';
import { pathTo, ROUTES } from '../../../../routes';
import { useCall } from '../../../calls/hooks/use-calls';
import { useMyAssignments } from '../../hooks/use-evaluation';
import { dueCount, groupByCall, type CallGroup } from '../../schemas/inbox';

interface Filters {
  status: AssignmentStatus | '';
}

const toFilters = (f: Filters): ListFilters<AssignmentQuery> => ({ status: f.status || undefined });

/** The evaluator's inbox: its assignments per call, with what is due in each. */
export function EvaluatorInbox() {
  const { t } = useTranslation();
  const list = useListFilters<AssignmentQuery, Filters>(
    { page: 1, pageSize: 50, sort: 'registryNumber' },
    { draft: { status: '' }, toFilters },
  );
  const assignments = useMyAssignments(list.query);

  return (
    <>
      <ListToolbar>
        <FilterForm label={t('evaluation.inbox.filtersLabel')} onSubmit={list.apply} onClear={list.clear}>
          <SelectField label={t('evaluation.field.status')} {...list.bind('status')}>
            <option value="">{t('office.common.anyStatus')}</option>
            {ASSIGNMENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`evaluation.assignmentStatus.${status}`)}
              </option>
            ))}
          </SelectField>
        </FilterForm>
      </ListToolbar>
      <PagedList query={assignments} empty={t('evaluation.inbox.empty')} paging={list.pageProps}>
        {(data) => (
          <>
            {groupByCall(data.items).map((group) => (
              <CallAssignments key={group.callId} group={group} sortProps={list.sortProps} />
            ))}
          </>
        )}
      </PagedList>
    </>
  );
}

function CallAssignments({ group, sortProps }: { group: CallGroup; sortProps: SortProps }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const call = useCall(group.callId);
  const headingId = `inbox-call-${group.callId}`;
  const name = call.data ? `${call.data.code} — ${localised(call.data.title)}` : t('common.loading');
  const { counts } = group;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      <ul className="evaluation-counts" aria-label={t('evaluation.inbox.countsLabel')}>
        <li>{t('evaluation.inbox.due', { count: dueCount(counts) })}</li>
        <li>{t('evaluation.inbox.pendingDeclaration', { count: counts.pending_declaration })}</li>
        <li>{t('evaluation.inbox.inProgress', { count: counts.in_progress })}</li>
        <li>{t('evaluation.inbox.submitted', { count: counts.submitted })}</li>
        {counts.conflict_declared > 0 && (
          <li>{t('evaluation.inbox.conflictDeclared', { count: counts.conflict_declared })}</li>
        )}
      </ul>
      <DataTable caption={t('evaluation.inbox.caption', { call: name })}>
        <thead>
          <tr>
            <SortHeader field="registryNumber" label={t('grants.field.registryNumber')} {...sortProps} />
            <th scope="col">{t('grants.field.title')}</th>
            <th scope="col">{t('grants.field.entity')}</th>
            <th scope="col">{t('evaluation.field.partners')}</th>
            <SortHeader field="createdAt" label={t('evaluation.field.assignedAt')} {...sortProps} />
            <SortHeader field="status" label={t('evaluation.field.status')} {...sortProps} />
          </tr>
        </thead>
        <tbody>
          {group.items.map((a) => (
            <tr key={a.id}>
              <td>
                <Link to={pathTo(ROUTES.assignment, a.id)}>
                  {a.application.registryNumber ?? t('evaluation.inbox.open')}
                </Link>
              </td>
              <td>{a.application.title ?? '—'}</td>
              <td>{a.application.entityName}</td>
              <td>{a.application.partnerNames.join(', ') || '—'}</td>
              <td>{fmt.instant(a.createdAt)}</td>
              <td>
                <StatusBadge kind="assignment" status={a.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}
