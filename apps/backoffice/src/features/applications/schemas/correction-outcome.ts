import type { ApplicationStatus, Requirement } from '../../../api/types';

/** What became of an answered correction request, as the NGO is told it. */
export type AnswerOutcome = 'awaiting_review' | 'new_request' | 'admitted' | 'inadmissible' | 'withdrawn';

/**
 * The outcome of an answered correction request, from the application's status now and the later requests: after
 * the answer the application is `submitted` again (the officer has not decided yet); a newer request means the
 * answer was not enough; `admitted` and every later stage of the cycle mean it was accepted. Null unless answered.
 */
export function answerOutcome(
  requirement: Pick<Requirement, 'status' | 'createdAt'>,
  all: readonly Pick<Requirement, 'createdAt'>[],
  applicationStatus: ApplicationStatus,
): AnswerOutcome | null {
  if (requirement.status !== 'answered') return null;
  if (all.some((other) => other.createdAt > requirement.createdAt)) return 'new_request';
  switch (applicationStatus) {
    case 'submitted':
      return 'awaiting_review';
    case 'correction_requested':
      return 'new_request';
    case 'inadmissible':
      return 'inadmissible';
    case 'withdrawn':
      return 'withdrawn';
    case 'draft':
      return 'awaiting_review';
    default:
      return 'admitted';
  }
}

/** The open correction request of an application, if any (the newest open one). */
export function openRequirement<R extends Pick<Requirement, 'status' | 'createdAt'>>(
  requirements: readonly R[],
): R | null {
  return (
    [...requirements]
      .filter((r) => r.status === 'open')
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null
  );
}
