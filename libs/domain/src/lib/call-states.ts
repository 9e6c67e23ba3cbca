/**
 * The part of a call's life this issue covers (product.md "The life of a call"):
 *
 *   draft → published → closed → evaluating → provisionally_resolved → resolved → archived
 *
 * One table of transitions and one function that guards them; the API refuses anything else with 409 INVALID_STATE.
 * A draft is edited freely; publishing freezes its money and rules (only the deadline can still move later, while the
 * window is open); a published call is closed by an officer or automatically at `closesAt`.
 */

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

export const CALL_ACTIONS = ['edit', 'publish', 'close', 'extend'] as const;
export type CallAction = (typeof CALL_ACTIONS)[number];

/** For each action: the states it may start from and the state it leads to. */
export const CALL_TRANSITIONS: Readonly<
  Record<CallAction, { readonly from: readonly CallStatus[]; readonly to: CallStatus }>
> = {
  // Parameters, texts, rubric and documents change only while nobody outside the office can see the call.
  edit: { from: ['draft'], to: 'draft' },
  // The whole call is checked first (callCompletenessErrors).
  publish: { from: ['draft'], to: 'published' },
  // By an officer at any moment, or by the system at closesAt.
  close: { from: ['published'], to: 'closed' },
  // Moves closesAt later; the caller also checks that the current deadline has not passed.
  extend: { from: ['published'], to: 'published' },
};

/** The state `action` leads to from `status`, or null when the action is not allowed in that state. */
export function callTransition(status: string, action: CallAction): CallStatus | null {
  const t = CALL_TRANSITIONS[action];
  return (t.from as readonly string[]).includes(status) ? t.to : null;
}

/** The states from which `action` is allowed (for error messages and the UI). */
export function callStatesAllowing(action: CallAction): readonly CallStatus[] {
  return CALL_TRANSITIONS[action].from;
}

/** The actions allowed on a call in `status` (the back-office shows only these buttons). */
export function callActionsFrom(status: string): CallAction[] {
  return CALL_ACTIONS.filter((a) => callTransition(status, a) !== null);
}

/**
 * Whether the deadline of a published call can still be extended at `now`: only before it has passed (a window that
 * has closed is not reopened).
 */
export function canExtendDeadline(status: string, closesAt: Date | null, now: Date): boolean {
  return callTransition(status, 'extend') !== null && closesAt !== null && closesAt.getTime() > now.getTime();
}

/** Whether the system must close this call at `now`: published and its closesAt reached. */
export function isCallDue(status: string, closesAt: Date | null, now: Date): boolean {
  return callTransition(status, 'close') !== null && closesAt !== null && closesAt.getTime() <= now.getTime();
}
