import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EvaluatorQuery } from '../../../../api/types';
import { SelectField, TextField } from '../../../../components/Field';
import { DataTable, FilterForm, ListToolbar, PagedList } from '../../../../components/List';
import { SortHeader } from '../../../../components/SortHeader';
import { localised } from '../../../../lib/localised';
import { useListFilters, type ListFilters } from '../../../../lib/use-list-query';
import { pathTo, ROUTES } from '../../../../routes';
import { useCalls } from '../../../calls/hooks/use-calls';
import { useEvaluators } from '../../hooks/use-evaluation';

interface Filters {
  q: string;
  callId: string;
}

const toFilters = (f: Filters): ListFilters<EvaluatorQuery> => ({
  q: f.q.trim() || undefined,
  callId: f.callId || undefined,
});

/** The officers' workload view: every evaluator with its open, submitted and declined assignments per call. */
export function EvaluatorsWorkload() {
  const { t } = useTranslation();
  const list = useListFilters<EvaluatorQuery, Filters>(
    { page: 1, pageSize: 25, sort: 'name' },
    { draft: { q: '', callId: '' }, toFilters },
  );
  const evaluators = useEvaluators(list.query);
  const calls = useCalls({ page: 1, pageSize: 100, sort: '-year', status: 'evaluating' });

  return (
    <>
      <ListToolbar>
        <FilterForm label={t('evaluation.workload.filtersLabel')} onSubmit={list.apply} onClear={list.clear}>
          <TextField label={t('evaluation.workload.search')} type="search" {...list.bind('q')} />
          <SelectField label={t('grants.field.call')} {...list.bind('callId')}>
            <option value="">{t('office.queue.anyCall')}</option>
            {(calls.data?.items ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.code} — {localised(c.title)}
              </option>
            ))}
          </SelectField>
        </FilterForm>
      </ListToolbar>
      <PagedList query={evaluators} empty={t('evaluation.workload.empty')} paging={list.pageProps}>
        {(data) => (
          <DataTable caption={t('evaluation.workload.caption')}>
            <thead>
              <tr>
                <SortHeader field="name" label={t('users.name')} {...list.sortProps} />
                <SortHeader field="email" label={t('users.email')} {...list.sortProps} />
                <th scope="col">{t('evaluation.workload.interests')}</th>
                <th scope="col">{t('evaluation.workload.loads')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{e.name}</th>
                  <td>{e.email}</td>
                  <td>
                    <Link
                      to={pathTo(ROUTES.evaluatorInterests, e.id)}
                      aria-label={t('evaluation.workload.registerOf', { name: e.name, count: e.interests })}
                    >
                      {t('evaluation.workload.entities', { count: e.interests })}
                    </Link>
                  </td>
                  <td>
                    {e.calls.length === 0 ? (
                      <span className="muted">{t('evaluation.workload.none')}</span>
                    ) : (
                      <ul className="office-plain-list">
                        {e.calls.map((c) => (
                          <li key={c.callId}>
                            <Link to={pathTo(ROUTES.callAssignments, c.callId)}>{c.callCode}</Link>:{' '}
                            {t('evaluation.workload.load', {
                              open: c.open,
                              submitted: c.submitted,
                              conflicts: c.conflictDeclared,
                            })}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </PagedList>
    </>
  );
}
