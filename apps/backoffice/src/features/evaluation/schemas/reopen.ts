import { isSheetReopenable } from '@cofinanca/domain';
import type { Assignment } from '../../../api/types';

/**
 * The sheets an officer may reopen: submitted ones, while the call is being evaluated (the API's rule,
 * `isSheetReopenable`). None while the call is not known yet, and none once it has left evaluation.
 */
export function reopenableSheets<A extends Pick<Assignment, 'status'>>(
  callStatus: string | undefined,
  assignments: readonly A[],
): A[] {
  if (!callStatus) return [];
  return assignments.filter((a) => isSheetReopenable(callStatus, a.status));
}
