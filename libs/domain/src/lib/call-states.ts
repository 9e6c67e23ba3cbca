/**
 * The part of a call's life covered so far (product.md "The life of a call"):
 *
 *   draft → published → closed → evaluating → provisionally_resolved → resolved → archived
 *
 * One state machine (defineStateMachine); the API refuses anything else with 409 INVALID_STATE.
 * A draft is edited freely; publishing freezes its money and rules (only the deadline can still move later, while the
 * window is open); a published call is closed by an officer or automatically at `closesAt`.
 */
import { defineStateMachine } from './state-machine';

/** Every state of a call's life. */
export const CALL_STATUSES = [
  'draft',
  'published',
  'closed',
  'evaluating',
  'provisionally_resolved',
  'resolved',
  'archived',
] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** What a guard of the call machine may look at. */
export interface CallContext {
  now: Date;
  closesAt: Date | null;
  /** How many of the call's applications still await an admissibility decision (submitted, correction_requested). */
  pendingApplications?: number;
}

/** The parts of a call an officer edits: everything (parameters, texts, rubric, documents) while a draft. */
export type CallPart = 'content';

export const CALL_MACHINE = defineStateMachine<
  CallStatus,
  'edit' | 'publish' | 'close' | 'extend' | 'start_evaluation',
  CallContext,
  'DEADLINE_PASSED' | 'ADMISSIBILITY_PENDING',
  CallPart
>({
  name: 'call',
  states: CALL_STATUSES,
  initial: 'draft',
  actions: {
    // Parameters, texts, rubric and documents change only while nobody outside the office can see the call.
    edit: { from: ['draft'], to: 'draft' },
    // The whole call is checked first (callCompletenessErrors).
    publish: { from: ['draft'], to: 'published' },
    // By an officer at any moment, or by the system at closesAt.
    close: { from: ['published'], to: 'closed' },
    // Moves closesAt later, only before the current deadline has passed (a closed window is not reopened).
    extend: {
      from: ['published'],
      to: 'published',
      guard: ({ now, closesAt }) =>
        closesAt !== null && closesAt.getTime() > now.getTime() ? null : 'DEADLINE_PASSED',
    },
    // Evaluation starts once every application has its admissibility decision; the admitted ones go with it.
    start_evaluation: {
      from: ['closed'],
      to: 'evaluating',
      guard: ({ pendingApplications }) => (pendingApplications ? 'ADMISSIBILITY_PENDING' : null),
    },
  },
  editable: { draft: ['content'] },
});

export const CALL_ACTIONS = CALL_MACHINE.actions;
export type CallAction = (typeof CALL_ACTIONS)[number];

/** For each action: the states it may start from and the state it leads to. */
export const CALL_TRANSITIONS = CALL_MACHINE.definition.actions;

/** The state `action` leads to from `status` (state only), or null when the action is not allowed in that state. */
export function callTransition(status: string, action: CallAction): CallStatus | null {
  const t = CALL_MACHINE.transition(status, action);
  return t.ok ? t.to : null;
}

/** The states from which `action` is allowed (for error messages and the UI). */
export function callStatesAllowing(action: CallAction): readonly CallStatus[] {
  return CALL_MACHINE.statesAllowing(action);
}

/** The actions allowed on a call in `status` (the back-office shows only these buttons). */
export function callActionsFrom(status: string): CallAction[] {
  return CALL_MACHINE.allowedActions(status);
}

/**
 * Whether the deadline of a published call can still be extended at `now`: only before it has passed (a window that
 * has closed is not reopened).
 */
export function canExtendDeadline(status: string, closesAt: Date | null, now: Date): boolean {
  return CALL_MACHINE.can(status, 'extend', { now, closesAt });
}

/** Whether the system must close this call at `now`: published and its closesAt reached. */
export function isCallDue(status: string, closesAt: Date | null, now: Date): boolean {
  return callTransition(status, 'close') !== null && closesAt !== null && closesAt.getTime() <= now.getTime();
}
