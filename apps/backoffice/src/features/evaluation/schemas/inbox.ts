import type { Assignment, AssignmentStatus } from '../../../api/types';

export type StatusCounts = Record<AssignmentStatus, number>;

export interface CallGroup {
  callId: string;
  items: Assignment[];
  counts: StatusCounts;
}

export const emptyCounts = (): StatusCounts => ({
  pending_declaration: 0,
  in_progress: 0,
  submitted: 0,
  conflict_declared: 0,
});

/**
 * An evaluator's assignments grouped per call, in the order the API listed them (the first assignment of a call
 * places its group), each group with its counts per status. What is due is the pending declarations and the sheets
 * in progress.
 */
export function groupByCall(assignments: readonly Assignment[]): CallGroup[] {
  const groups = new Map<string, CallGroup>();
  for (const a of assignments) {
    let group = groups.get(a.callId);
    if (!group) {
      group = { callId: a.callId, items: [], counts: emptyCounts() };
      groups.set(a.callId, group);
    }
    group.items.push(a);
    group.counts[a.status] += 1;
  }
  return [...groups.values()];
}

/** What the evaluator still has to do in a group: declarations and sheets not submitted. */
export const dueCount = (counts: StatusCounts) => counts.pending_declaration + counts.in_progress;
