import {
  CALL_ACTIONS,
  CALL_STATUSES,
  callActionsFrom,
  callStatesAllowing,
  callTransition,
  canExtendDeadline,
  CALL_MACHINE,
  isCallDue,
  type CallAction,
  type CallStatus,
} from './call-states';

describe(callTransition.name, () => {
  const allowed: [CallStatus, CallAction, CallStatus][] = [
    ['draft', 'edit', 'draft'],
    ['draft', 'publish', 'published'],
    ['published', 'close', 'closed'],
    ['published', 'extend', 'published'],
    ['closed', 'start_evaluation', 'evaluating'],
  ];

  it.each(allowed)('from %s, %s leads to %s', (status, action, to) => {
    expect(callTransition(status, action)).toBe(to);
  });

  const refused = CALL_STATUSES.flatMap((status) =>
    CALL_ACTIONS.filter((action) => !allowed.some(([s, a]) => s === status && a === action)).map(
      (action) => [status, action] as const,
    ),
  );

  it.each(refused)('from %s, %s is refused', (status, action) => {
    expect(callTransition(status, action)).toBeNull();
  });

  it('refuses an unknown state', () => {
    expect(callTransition('cancelled', 'publish')).toBeNull();
  });
});

describe(callStatesAllowing.name, () => {
  it('names the states an action starts from', () => {
    expect(callStatesAllowing('edit')).toEqual(['draft']);
    expect(callStatesAllowing('close')).toEqual(['published']);
  });
});

describe(callActionsFrom.name, () => {
  it.each([
    ['draft', ['edit', 'publish']],
    ['published', ['close', 'extend']],
    ['closed', ['start_evaluation']],
    ['archived', []],
  ])('from %s: %p', (status, actions) => {
    expect(callActionsFrom(status)).toEqual(actions);
  });
});

describe(canExtendDeadline.name, () => {
  const now = new Date('2026-03-31T10:00:00Z');
  it.each([
    ['published', '2026-03-31T10:00:01Z', true],
    ['published', '2026-03-31T10:00:00Z', false],
    ['published', '2026-03-30T21:59:59Z', false],
    ['draft', '2026-04-30T21:59:59Z', false],
    ['closed', '2026-04-30T21:59:59Z', false],
  ])('%s closing at %s: %p', (status, closesAt, expected) => {
    expect(canExtendDeadline(status, new Date(closesAt), now)).toBe(expected);
  });

  it('refuses a call without a deadline', () => {
    expect(canExtendDeadline('published', null, now)).toBe(false);
  });
});

describe(isCallDue.name, () => {
  const now = new Date('2026-03-31T22:00:00Z');
  it.each([
    ['published', '2026-03-31T21:59:59Z', true],
    ['published', '2026-03-31T22:00:00Z', true],
    ['published', '2026-03-31T22:00:01Z', false],
    ['draft', '2026-03-01T00:00:00Z', false],
    ['closed', '2026-03-01T00:00:00Z', false],
  ])('%s closing at %s: %p', (status, closesAt, expected) => {
    expect(isCallDue(status, new Date(closesAt), now)).toBe(expected);
  });

  it('never closes a call without a deadline', () => {
    expect(isCallDue('published', null, now)).toBe(false);
  });
});

describe('start_evaluation', () => {
  const ctx = (pendingApplications?: number) => ({ now: new Date(), closesAt: null, pendingApplications });
  it.each([
    [0, true],
    [undefined, true],
    [1, false],
    [7, false],
  ])('with %p applications awaiting admissibility: allowed %p', (pending, ok) => {
    const t = CALL_MACHINE.transition('closed', 'start_evaluation', ctx(pending));
    expect(t.ok).toBe(ok);
    if (!t.ok) expect(t.reason).toBe('ADMISSIBILITY_PENDING');
  });

  it('the state comes first: a published call is INVALID_STATE whatever is pending', () => {
    const t = CALL_MACHINE.transition('published', 'start_evaluation', ctx(3));
    expect(t.ok ? null : t.reason).toBe('INVALID_STATE');
  });
});
