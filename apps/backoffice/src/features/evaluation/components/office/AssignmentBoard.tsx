import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../../api/problem';
import type { ApplicationListQuery, Assignment, Call } from '../../../../api/types';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { TextField } from '../../../../components/Field';
import { FormAlert } from '../../../../components/FormAlert';
import { DataTable, FilterForm, ListToolbar, PagedList } from '../../../../components/List';
import { SortHeader } from '../../../../components/SortHeader';
import { StatusNotice } from '../../../../components/States';
import { StatusBadge } from '../../../../components/StatusBadge';
import { problemMessage } from '../../../../lib/problem';
import { useListFilters, type ListFilters } from '../../../../lib/use-list-query';
import { useNotice } from '../../../../lib/use-notice';
import { pathTo, ROUTES } from '../../../../routes';
import { useApplications } from '../../../applications/hooks/use-applications';
import {
  useAssign,
  useAutoAssign,
  useCallAssignments,
  useEvaluators,
  useRemoveAssignment,
} from '../../hooks/use-evaluation';
import { buildBoard, uncoveredApplications, type BoardEvaluator } from '../../schemas/board';

interface Filters {
  q: string;
}

/** The most assignments and evaluators one board reads at once (the API's largest page). */
const PAGE_MAX = 200;

/**
 * A refused automatic assignment (422 NOT_ENOUGH_EVALUATORS): which applications cannot be covered and why, each
 * by its registry number and title, so the officer knows whose registers or which pool to look at. Nothing was
 * assigned (all or nothing).
 */
function AutoAssignRefusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const uncovered = uncoveredApplications(isApiError(error) ? error : null);
  if (uncovered.length === 0) return <FormAlert error={error} />;
  return (
    <div className="alert alert-error" role="alert">
      <p>
        <strong>{problemMessage(t, error)}</strong>
      </p>
      <p>{t('evaluation.board.notEnoughList', { count: uncovered.length })}</p>
      <ul>
        {uncovered.map((u) => (
          <li key={u.applicationId}>
            <Link to={pathTo(ROUTES.application, u.applicationId)}>{u.registryNumber}</Link>
            {u.title !== '—' && <> — {u.title}</>}:{' '}
            {t('evaluation.board.notEnoughWhy', { needed: u.needed, available: u.available })}
          </li>
        ))}
      </ul>
      <p>{t('evaluation.board.notEnoughHint')}</p>
    </div>
  );
}

/**
 * The assignment board of a call under evaluation: applications × evaluators, each evaluator's load, the conflicts
 * the registers show, the applications still short of evaluators; automatic assignment, manual assignment and
 * removal before submission. Every rule is the API's: a refused assignment shows its reason.
 */
export function AssignmentBoard({ call }: { call: Call }) {
  const { t } = useTranslation();
  const list = useListFilters<ApplicationListQuery, Filters>(
    { page: 1, pageSize: 25, sort: 'registryNumber', callId: call.id, status: 'under_evaluation' },
    {
      draft: { q: '' },
      toFilters: (f): ListFilters<ApplicationListQuery> => ({ q: f.q.trim() || undefined }),
    },
  );
  const applications = useApplications(list.query);
  const evaluators = useEvaluators({ page: 1, pageSize: PAGE_MAX, callId: call.id, active: true });
  const assignments = useCallAssignments(call.id, { page: 1, pageSize: PAGE_MAX });
  const evaluatorItems = evaluators.data?.items ?? [];
  const { notice, setNotice, ref: noticeRef } = useNotice();
  const assign = useAssign(call.id);
  const auto = useAutoAssign(call.id);
  const remove = useRemoveAssignment();
  const [perApplication, setPerApplication] = useState(String(call.evaluatorsPerApplication));
  const [removing, setRemoving] = useState<Assignment | null>(null);
  const editable = call.status === 'evaluating';

  const boardEvaluators: BoardEvaluator[] = evaluatorItems.map((e) => ({ id: e.id, name: e.name }));
  const summary = assignments.data?.summary;

  const runAuto = async () => {
    setNotice('');
    const n = Number(perApplication);
    try {
      const result = await auto.mutateAsync({
        evaluatorsPerApplication: Number.isInteger(n) && n > 0 ? n : undefined,
      });
      setNotice(t('evaluation.board.autoDone', { count: result.created }));
    } catch {
      // Shown below the button by FormAlert.
    }
  };

  return (
    <>
      <StatusNotice message={notice} ref={noticeRef} tabIndex={-1} />
      {summary && (
        <section className="card" aria-labelledby="board-summary">
          <h2 id="board-summary">{t('evaluation.board.summaryTitle')}</h2>
          <dl className="meta-list">
            <dt>{t('evaluation.board.applications')}</dt>
            <dd>{summary.applications}</dd>
            <dt>{t('evaluation.board.uncovered')}</dt>
            <dd>
              {summary.uncovered > 0 ? (
                <strong className="evaluation-strong-warning">{summary.uncovered}</strong>
              ) : (
                summary.uncovered
              )}
            </dd>
            <dt>{t('evaluation.board.perApplication')}</dt>
            <dd>{call.evaluatorsPerApplication}</dd>
            {(['pending_declaration', 'in_progress', 'submitted', 'conflict_declared'] as const).map((s) => (
              <div key={s} className="office-dl-row">
                <dt>{t(`evaluation.assignmentStatus.${s}`)}</dt>
                <dd>{summary.byStatus[s]}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      {editable && (
        <section className="card" aria-labelledby="board-auto">
          <h2 id="board-auto">{t('evaluation.board.autoTitle')}</h2>
          <p>{t('evaluation.board.autoIntro')}</p>
          <form
            className="filters"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void runAuto();
            }}
          >
            <TextField
              label={t('evaluation.board.perApplication')}
              type="number"
              inputMode="numeric"
              min={1}
              max={10}
              value={perApplication}
              onChange={(e) => setPerApplication(e.target.value)}
            />
            <button type="submit" className="button button-primary" disabled={auto.isPending}>
              {auto.isPending ? t('office.common.working') : t('evaluation.board.autoAssign')}
            </button>
          </form>
          {auto.error && <AutoAssignRefusal error={auto.error} />}
        </section>
      )}

      <FormAlert error={assign.error} />
      <ListToolbar>
        <FilterForm label={t('evaluation.board.filtersLabel')} onSubmit={list.apply} onClear={list.clear}>
          <TextField label={t('evaluation.board.search')} type="search" {...list.bind('q')} />
        </FilterForm>
      </ListToolbar>
      <PagedList query={applications} empty={t('evaluation.board.empty')} paging={list.pageProps}>
        {(data) => {
          const { rows, loads } = buildBoard(
            data.items,
            boardEvaluators,
            assignments.data?.items ?? [],
            assignments.data?.conflicts ?? [],
            call.evaluatorsPerApplication,
          );
          return (
            <DataTable caption={t('evaluation.board.caption', { code: call.code })}>
              <thead>
                <tr>
                  <SortHeader
                    field="registryNumber"
                    label={t('grants.field.registryNumber')}
                    {...list.sortProps}
                  />
                  <SortHeader field="entity" label={t('grants.field.entity')} {...list.sortProps} />
                  <th scope="col">{t('evaluation.board.coverage')}</th>
                  {boardEvaluators.map((e) => (
                    <th key={e.id} scope="col">
                      {e.name}
                      <br />
                      <span className="muted">
                        {t('evaluation.board.load', { count: loads.get(e.id) ?? 0 })}
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const app = row.application;
                  const label = app.registryNumber ?? app.title ?? app.id;
                  return (
                    <tr key={app.id} className={row.uncovered ? 'board-row-uncovered' : undefined}>
                      <th scope="row">
                        <Link to={pathTo(ROUTES.application, app.id)}>{label}</Link>
                        <br />
                        <span className="muted">{app.title}</span>
                      </th>
                      <td>{app.entity.legalName}</td>
                      <td>
                        {t('evaluation.board.covered', {
                          covered: row.covered,
                          needed: call.evaluatorsPerApplication,
                        })}
                        {row.uncovered && (
                          <span className="badge badge-warning">{t('evaluation.board.uncoveredBadge')}</span>
                        )}
                        {row.needsReassign && (
                          <span className="badge badge-danger">{t('evaluation.board.reassign')}</span>
                        )}
                      </td>
                      {row.cells.map((cell, i) => {
                        const evaluator = boardEvaluators[i];
                        if (cell.assignment) {
                          return (
                            <td key={cell.evaluatorId}>
                              <StatusBadge kind="assignment" status={cell.assignment.status} />
                              {cell.assignment.declaration?.note && (
                                <span className="muted"> {cell.assignment.declaration.note}</span>
                              )}
                              {editable && cell.removable && (
                                <button
                                  type="button"
                                  className="button button-secondary button-small"
                                  onClick={() => {
                                    remove.reset();
                                    setRemoving(cell.assignment ?? null);
                                  }}
                                  aria-label={t('evaluation.board.removeLabel', {
                                    evaluator: evaluator.name,
                                    application: label,
                                  })}
                                >
                                  {t('evaluation.board.remove')}
                                </button>
                              )}
                            </td>
                          );
                        }
                        if (cell.conflict) {
                          return (
                            <td key={cell.evaluatorId}>
                              <span className="badge badge-danger">{t('evaluation.board.conflict')}</span>
                              {cell.conflictEntities.length > 0 && (
                                <span className="muted">
                                  {' '}
                                  {t('evaluation.board.conflictWith', {
                                    entities: cell.conflictEntities.join(', '),
                                  })}
                                </span>
                              )}
                            </td>
                          );
                        }
                        return (
                          <td key={cell.evaluatorId}>
                            {editable && (
                              <button
                                type="button"
                                className="button button-secondary button-small"
                                disabled={assign.isPending}
                                onClick={() => {
                                  setNotice('');
                                  assign.mutate(
                                    { applicationId: app.id, evaluatorId: evaluator.id },
                                    {
                                      onSuccess: () =>
                                        setNotice(
                                          t('evaluation.board.assigned', {
                                            evaluator: evaluator.name,
                                            application: label,
                                          }),
                                        ),
                                    },
                                  );
                                }}
                                aria-label={t('evaluation.board.assignLabel', {
                                  evaluator: evaluator.name,
                                  application: label,
                                })}
                              >
                                {t('evaluation.board.assign')}
                              </button>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </DataTable>
          );
        }}
      </PagedList>
      <p className="muted">{t('evaluation.board.conflictNote')}</p>
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={t('evaluation.board.removeTitle')}
        description={t('evaluation.board.removeBody', {
          evaluator: removing?.evaluatorName ?? '',
          application: removing?.application.registryNumber ?? '',
        })}
        confirmLabel={t('evaluation.board.removeConfirm')}
        busy={remove.isPending}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              setNotice(t('evaluation.board.removed', { evaluator: removing.evaluatorName }));
              setRemoving(null);
            },
          })
        }
      >
        <FormAlert error={remove.error} />
      </ConfirmDialog>
    </>
  );
}
