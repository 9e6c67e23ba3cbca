import {
  ADMISSIBILITY_STATUSES,
  APPLICATION_MACHINE,
  APPLICATION_STATUSES,
  isApplicationEditable,
} from './application-states';
import { CALL_MACHINE, CALL_STATUSES } from './call-states';
import {
  ENTITY_MACHINE,
  ENTITY_STATUSES,
  IBAN_MACHINE,
  IBAN_STATUSES,
  isEditableByMembers,
} from './entity-states';
import { REQUIREMENT_ACTIONS, REQUIREMENT_MACHINE, REQUIREMENT_STATUSES } from './requirement-states';
import { defineStateMachine } from './state-machine';

describe(defineStateMachine.name, () => {
  const door = defineStateMachine<
    'open' | 'closed' | 'locked',
    'close' | 'open' | 'lock',
    { key: boolean },
    'NO_KEY',
    'hinge'
  >({
    name: 'door',
    states: ['open', 'closed', 'locked'],
    initial: 'open',
    actions: {
      close: { from: ['open'], to: 'closed' },
      open: { from: ['closed'], to: 'open' },
      lock: { from: ['closed'], to: 'locked', guard: ({ key }) => (key ? null : 'NO_KEY') },
    },
    editable: { open: ['hinge'] },
  });

  it('leads an allowed action to its state', () => {
    expect(door.transition('open', 'close')).toEqual({
      ok: true,
      action: 'close',
      from: 'open',
      to: 'closed',
    });
  });

  it('refuses an action the state does not allow, naming the states it starts from', () => {
    expect(door.transition('locked', 'open')).toEqual({
      ok: false,
      reason: 'INVALID_STATE',
      action: 'open',
      state: 'locked',
      allowedFrom: ['closed'],
    });
  });

  it('refuses an unknown state', () => {
    expect(door.transition('ajar', 'close')).toMatchObject({ ok: false, reason: 'INVALID_STATE' });
    expect(door.allowedActions('ajar')).toEqual([]);
    expect(door.isState('ajar')).toBe(false);
  });

  it('runs the guard when a context is given, and only then', () => {
    expect(door.transition('closed', 'lock', { key: false })).toMatchObject({ ok: false, reason: 'NO_KEY' });
    expect(door.transition('closed', 'lock', { key: true })).toMatchObject({ ok: true, to: 'locked' });
    expect(door.transition('closed', 'lock')).toMatchObject({ ok: true, to: 'locked' });
    expect(door.allowedActions('closed', { key: false })).toEqual(['open']);
    expect(door.allowedActions('closed')).toEqual(['open', 'lock']);
  });

  it('checks the state before the guard', () => {
    expect(door.transition('open', 'lock', { key: false })).toMatchObject({ reason: 'INVALID_STATE' });
  });

  it('says what is editable in which state', () => {
    expect(door.isEditable('open', 'hinge')).toBe(true);
    expect(door.isEditable('closed', 'hinge')).toBe(false);
    expect(door.editableParts('locked')).toEqual([]);
    expect(door.statesEditing('hinge')).toEqual(['open']);
  });

  it('refuses an unknown initial state', () => {
    expect(() =>
      defineStateMachine<'a' | 'b', 'go'>({
        name: 'broken',
        states: ['a'] as unknown as ('a' | 'b')[],
        initial: 'b',
        actions: { go: { from: ['a'], to: 'a' } },
      }),
    ).toThrow('broken: unknown initial state b');
  });

  it('refuses a definition naming an unknown state', () => {
    expect(() =>
      defineStateMachine<'a' | 'b', 'go'>({
        name: 'broken',
        states: ['a'] as unknown as ('a' | 'b')[],
        initial: 'a',
        actions: { go: { from: ['a'], to: 'b' } },
      }),
    ).toThrow('broken: action go names unknown state b');
  });
});

/**
 * Every state × action of every machine, against the expected table (absent: refused). A new state or action
 * without a row here fails the "covers" test.
 */
const TABLES = [
  {
    machine: APPLICATION_MACHINE,
    states: APPLICATION_STATUSES,
    allowed: {
      submit: { draft: 'submitted' },
      withdraw: { submitted: 'withdrawn', correction_requested: 'withdrawn' },
      request_correction: { submitted: 'correction_requested' },
      answer_correction: { correction_requested: 'submitted' },
      admit: { submitted: 'admitted' },
      declare_inadmissible: { submitted: 'inadmissible', correction_requested: 'inadmissible' },
      declare_withdrawn: { correction_requested: 'withdrawn' },
      start_evaluation: { admitted: 'under_evaluation' },
      evaluate: { under_evaluation: 'evaluated' },
      reopen_evaluation: { evaluated: 'under_evaluation' },
    } as Record<string, Record<string, string>>,
  },
  {
    machine: CALL_MACHINE,
    states: CALL_STATUSES,
    allowed: {
      edit: { draft: 'draft' },
      publish: { draft: 'published' },
      close: { published: 'closed' },
      extend: { published: 'published' },
      start_evaluation: { closed: 'evaluating' },
    } as Record<string, Record<string, string>>,
  },
  {
    machine: ENTITY_MACHINE,
    states: ENTITY_STATUSES,
    allowed: {
      validate: { pending_validation: 'active' },
      reject: { pending_validation: 'rejected' },
      suspend: { active: 'suspended' },
      reactivate: { suspended: 'active' },
    } as Record<string, Record<string, string>>,
  },
  {
    machine: IBAN_MACHINE,
    states: IBAN_STATUSES,
    allowed: { validate: { pending: 'validated' } } as Record<string, Record<string, string>>,
  },
  {
    machine: REQUIREMENT_MACHINE,
    states: REQUIREMENT_STATUSES,
    allowed: {
      answer: { open: 'answered' },
      expire: { open: 'expired' },
      close: { open: 'closed' },
    } as Record<string, Record<string, string>>,
  },
] as const;

describe.each(TABLES)('the $machine.name machine', ({ machine, states, allowed }) => {
  type M = { transition(s: string, a: string): { ok: boolean; to?: string }; actions: readonly string[] };
  const m = machine as unknown as M;
  const pairs = m.actions.flatMap((action) =>
    states.map((state) => [action, state, allowed[action]?.[state] ?? null] as const),
  );

  it('has a row for every action', () => {
    expect([...m.actions].sort()).toEqual(Object.keys(allowed).sort());
  });

  it('covers every state × action', () => {
    expect(pairs).toHaveLength(m.actions.length * states.length);
  });

  it.each(pairs)('%s from %s → %s', (action, state, expected) => {
    const t = m.transition(state, action);
    expect(t.ok ? t.to : null).toBe(expected);
  });

  it.each([...states])('the allowed actions of %s are the rows that allow it', (state) => {
    const mm = machine as unknown as { allowedActions(s: string): string[] };
    expect(mm.allowedActions(state)).toEqual(m.actions.filter((a) => allowed[a]?.[state] !== undefined));
  });
});

describe('guards', () => {
  it.each([
    ['2026-05-18', '2026-05-18', 'DEADLINE_NOT_PASSED'],
    ['2026-05-17', '2026-05-18', 'DEADLINE_NOT_PASSED'],
    ['2026-05-19', '2026-05-18', null],
  ])('desistiment on %s with a due date %s: %s', (today, dueDate, refusal) => {
    const t = APPLICATION_MACHINE.transition('correction_requested', 'declare_withdrawn', {
      today,
      correctionDueDate: dueDate,
    });
    expect(t.ok ? null : t.reason).toBe(refusal);
  });

  it.each([
    ['2026-03-31T10:00:01Z', null],
    ['2026-03-31T10:00:00Z', 'DEADLINE_PASSED'],
    [null, 'DEADLINE_PASSED'],
  ])('extending a deadline at %s: %s', (closesAt, refusal) => {
    const t = CALL_MACHINE.transition('published', 'extend', {
      now: new Date('2026-03-31T10:00:00Z'),
      closesAt: closesAt === null ? null : new Date(closesAt),
    });
    expect(t.ok ? null : t.reason).toBe(refusal);
  });

  it.each(ENTITY_STATUSES.map((s) => [s, s === 'active' ? null : 'ENTITY_NOT_ACTIVE'] as const))(
    'validating a pending IBAN of an entity that is %s: %s',
    (entityStatus, refusal) => {
      const t = IBAN_MACHINE.transition('pending', 'validate', { entityStatus });
      expect(t.ok ? null : t.reason).toBe(refusal);
    },
  );

  it.each([
    [true, null],
    [false, 'EMAIL_NOT_VERIFIED'],
  ])('validating an entity whose users verified their e-mail: %p → %s', (hasVerifiedUser, refusal) => {
    const t = ENTITY_MACHINE.transition('pending_validation', 'validate', { hasVerifiedUser });
    expect(t.ok ? null : t.reason).toBe(refusal);
  });
});

describe('what is editable', () => {
  it.each(APPLICATION_STATUSES.map((s) => [s, s === 'draft' || s === 'correction_requested'] as const))(
    'an application in %s: content and documents editable %p',
    (status, editable) => {
      expect(isApplicationEditable(status, 'content')).toBe(editable);
      expect(isApplicationEditable(status, 'documents')).toBe(editable);
    },
  );

  it('a call only as a draft', () => {
    expect(CALL_MACHINE.statesEditing('content')).toEqual(['draft']);
  });

  it.each(ENTITY_STATUSES.map((s) => [s, s === 'pending_validation' || s === 'active'] as const))(
    'an entity in %s by its members: %p',
    (status, editable) => {
      expect(isEditableByMembers(status)).toBe(editable);
    },
  );

  it.each([
    [APPLICATION_MACHINE.initial, 'draft'],
    [CALL_MACHINE.initial, 'draft'],
    [ENTITY_MACHINE.initial, 'pending_validation'],
    [IBAN_MACHINE.initial, 'pending'],
    [REQUIREMENT_MACHINE.initial, 'open'],
  ])('starts in %s', (initial, expected) => {
    expect(initial).toBe(expected);
  });

  it('the admissibility states are the first of the application states', () => {
    expect(ADMISSIBILITY_STATUSES).toEqual(APPLICATION_STATUSES.slice(0, 6));
    expect(REQUIREMENT_ACTIONS).toEqual(['answer', 'expire', 'close']);
  });
});
