import { countsAsEvaluator, isAssignmentRemovable } from '@cofinanca/domain';
import type { ApplicationSummary, Assignment, AssignmentConflict } from '../../../api/types';
import type { ApiError } from '../../../api/problem';
import type { FieldRule } from '../../../lib/problem';

export interface BoardEvaluator {
  id: string;
  name: string;
}

export interface BoardCell {
  evaluatorId: string;
  assignment?: Assignment;
  /** A declared conflict, or one the API reports (the register lists the application's entity or a partner). */
  conflict: boolean;
  /** The entities of the register behind a reported conflict, by name (empty for a declared one only). */
  conflictEntities: readonly string[];
  removable: boolean;
}

export interface BoardRow {
  application: ApplicationSummary;
  cells: BoardCell[];
  /** Assignments that count as evaluators (declared conflicts do not). */
  covered: number;
  uncovered: boolean;
  /** An evaluator declared a conflict on it: someone else has to be assigned. */
  needsReassign: boolean;
}

/**
 * The assignment board: one row per application under evaluation, one cell per evaluator. The conflicts are the
 * API's (`conflicts` of the call's assignments: the same rule as assignment, entity and partners), so the board
 * never offers a pair the API refuses; the API still has the last word on every assignment.
 */
export function buildBoard(
  applications: readonly ApplicationSummary[],
  evaluators: readonly BoardEvaluator[],
  assignments: readonly Assignment[],
  conflicts: readonly AssignmentConflict[],
  needed: number,
): { rows: BoardRow[]; loads: Map<string, number> } {
  const byPair = new Map(assignments.map((a) => [`${a.applicationId}:${a.evaluatorId}`, a]));
  const conflictOf = new Map(conflicts.map((c) => [`${c.applicationId}:${c.evaluatorId}`, c]));
  const loads = new Map(evaluators.map((e) => [e.id, 0]));
  for (const a of assignments) {
    if (countsAsEvaluator(a.status)) loads.set(a.evaluatorId, (loads.get(a.evaluatorId) ?? 0) + 1);
  }
  const rows = applications.map((application) => {
    const mine = assignments.filter((a) => a.applicationId === application.id);
    const covered = mine.filter((a) => countsAsEvaluator(a.status)).length;
    const cells = evaluators.map((e) => {
      const key = `${application.id}:${e.id}`;
      const assignment = byPair.get(key);
      const reported = conflictOf.get(key);
      return {
        evaluatorId: e.id,
        assignment,
        conflict: assignment?.status === 'conflict_declared' || reported !== undefined,
        conflictEntities: reported?.entityNames ?? [],
        removable: !!assignment && isAssignmentRemovable(assignment.status),
      };
    });
    return {
      application,
      cells,
      covered,
      uncovered: covered < needed,
      needsReassign: mine.some((a) => a.status === 'conflict_declared') && covered < needed,
    };
  });
  return { rows, loads };
}

/** An application an automatic assignment could not cover, as the 422 NOT_ENOUGH_EVALUATORS names it. */
export interface UncoveredApplication {
  applicationId: string;
  registryNumber: string;
  title: string;
  /** Evaluators it still needs, and how many could still take it (not on it yet, no conflict). */
  needed: number;
  available: number;
}

const UNCOVERED_FIELD = /^applications\.(.+)$/;

/**
 * The applications a refused automatic assignment names (`errors["applications.<id>"]`, rule
 * NOT_ENOUGH_EVALUATORS with `needed`, `available`, `registryNumber`, `title`), in the API's order; empty for any
 * other error.
 */
export function uncoveredApplications(
  error: Pick<ApiError, 'code' | 'fieldErrors'> | null | undefined,
): UncoveredApplication[] {
  if (!error || error.code !== 'NOT_ENOUGH_EVALUATORS') return [];
  const out: UncoveredApplication[] = [];
  for (const [field, rules] of Object.entries(error.fieldErrors)) {
    const id = UNCOVERED_FIELD.exec(field)?.[1];
    const rule = (rules as readonly FieldRule[]).find((r) => r.code === 'NOT_ENOUGH_EVALUATORS');
    if (!id || !rule) continue;
    const p = rule.params ?? {};
    out.push({
      applicationId: id,
      registryNumber: String(p.registryNumber ?? '—'),
      title: String(p.title ?? '—'),
      needed: Number(p.needed ?? 0),
      available: Number(p.available ?? 0),
    });
  }
  return out;
}
