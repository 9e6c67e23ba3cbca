import { countsAsEvaluator, isAssignmentRemovable } from '@cofinanca/domain';
import type { ApplicationSummary, Assignment } from '../../../api/types';

export interface BoardEvaluator {
  id: string;
  name: string;
  /** The entity ids of its register of interests (undefined while it is loading). */
  register?: readonly string[];
}

export interface BoardCell {
  evaluatorId: string;
  assignment?: Assignment;
  /** The register lists the application's entity: the API would refuse the assignment (a preview only). */
  conflict: boolean;
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
 * The assignment board: one row per application under evaluation, one cell per evaluator. The marks are previews
 * of the API's rules (the register names the application's entity; the API also checks partner entities and has
 * the last word on every assignment).
 */
export function buildBoard(
  applications: readonly ApplicationSummary[],
  evaluators: readonly BoardEvaluator[],
  assignments: readonly Assignment[],
  needed: number,
): { rows: BoardRow[]; loads: Map<string, number> } {
  const byPair = new Map(assignments.map((a) => [`${a.applicationId}:${a.evaluatorId}`, a]));
  const loads = new Map(evaluators.map((e) => [e.id, 0]));
  for (const a of assignments) {
    if (countsAsEvaluator(a.status)) loads.set(a.evaluatorId, (loads.get(a.evaluatorId) ?? 0) + 1);
  }
  const rows = applications.map((application) => {
    const mine = assignments.filter((a) => a.applicationId === application.id);
    const covered = mine.filter((a) => countsAsEvaluator(a.status)).length;
    const cells = evaluators.map((e) => {
      const assignment = byPair.get(`${application.id}:${e.id}`);
      return {
        evaluatorId: e.id,
        assignment,
        conflict:
          assignment?.status === 'conflict_declared' || (e.register ?? []).includes(application.entityId),
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
