/**
 * One way to write every workflow of the grant cycle (calls, applications, entities, correction requests, and the
 * evaluation, resolution and payment ones to come): its states, its actions with the states they start `from` and the
 * state they lead `to`, an optional guard per action, and what may be edited in which state.
 *
 *   const machine = defineStateMachine({ name: 'call', states: CALL_STATUSES, initial: 'draft',
 *     actions: { publish: { from: ['draft'], to: 'published' } }, editable: { draft: ['content'] } });
 *   machine.transition('draft', 'publish')          // { ok: true, from: 'draft', to: 'published' }
 *   machine.allowedActions('draft')                 // ['publish'] — the buttons a screen shows
 *   machine.isEditable('published', 'content')      // false
 *
 * A guard sees a context the caller builds (dates, counts loaded from the database…) and answers null (allowed) or
 * a refusal code. Guards run only when a context is given: without one, `transition`/`allowedActions` answer from the
 * state alone (what a list screen can know). The API always passes the context it guards with.
 */

/** The definition of one action. */
export interface ActionRule<S extends string, C, R extends string> {
  /** The states the action may start from. */
  readonly from: readonly S[];
  /** The state it leads to (the same state for actions that change something else, e.g. extending a deadline). */
  readonly to: S;
  /** A refusal code when the context forbids the action although the state allows it; null when allowed. */
  readonly guard?: (ctx: C, from: S) => R | null;
}

export interface StateMachineDefinition<
  S extends string,
  A extends string,
  C,
  R extends string,
  E extends string,
> {
  /** What the machine is about ('call', 'application'…), for messages. */
  readonly name: string;
  readonly states: readonly S[];
  /** The state a new subject starts in. */
  readonly initial: S;
  readonly actions: { readonly [K in A]: ActionRule<S, C, R> };
  /** The parts of the subject that may be edited in each state (a state not listed: nothing). */
  readonly editable?: { readonly [K in S]?: readonly E[] };
}

/** Why an action was refused: the state does not allow it (INVALID_STATE) or its guard said no. */
export type TransitionRefusal<S extends string, A extends string, R extends string> =
  | {
      readonly ok: false;
      readonly reason: 'INVALID_STATE';
      readonly action: A;
      readonly state: string;
      readonly allowedFrom: readonly S[];
    }
  | {
      readonly ok: false;
      readonly reason: R;
      readonly action: A;
      readonly state: S;
      readonly allowedFrom: readonly S[];
    };

export type TransitionResult<S extends string, A extends string, R extends string> =
  { readonly ok: true; readonly action: A; readonly from: S; readonly to: S } | TransitionRefusal<S, A, R>;

export interface StateMachine<S extends string, A extends string, C, R extends string, E extends string> {
  readonly name: string;
  readonly states: readonly S[];
  /** The state a new subject starts in. */
  readonly initial: S;
  readonly actions: readonly A[];
  readonly definition: StateMachineDefinition<S, A, C, R, E>;
  /** Whether `state` is one of the machine's states. */
  isState(state: string): state is S;
  /** The new state, or a typed refusal. The guard runs only when `ctx` is given. */
  transition(state: string, action: A, ctx?: C): TransitionResult<S, A, R>;
  /** `transition(…).ok`. */
  can(state: string, action: A, ctx?: C): boolean;
  /** The actions allowed in `state`, in definition order (the buttons a screen shows). */
  allowedActions(state: string, ctx?: C): A[];
  /** The states `action` starts from (for messages and the screens). */
  statesAllowing(action: A): readonly S[];
  /** The parts editable in `state`. */
  editableParts(state: string): readonly E[];
  /** Whether `part` may be edited in `state`. */
  isEditable(state: string, part: E): boolean;
  /** The states in which `part` may be edited. */
  statesEditing(part: E): S[];
}

export function defineStateMachine<
  S extends string,
  A extends string,
  C = void,
  R extends string = never,
  E extends string = never,
>(definition: StateMachineDefinition<S, A, C, R, E>): StateMachine<S, A, C, R, E> {
  const actions = Object.keys(definition.actions) as A[];
  if (!definition.states.includes(definition.initial)) {
    throw new Error(`${definition.name}: unknown initial state ${definition.initial}`);
  }
  for (const action of actions) {
    const rule = definition.actions[action];
    for (const s of [...rule.from, rule.to]) {
      if (!definition.states.includes(s)) {
        throw new Error(`${definition.name}: action ${action} names unknown state ${s}`);
      }
    }
  }
  const isState = (state: string): state is S => (definition.states as readonly string[]).includes(state);

  function transition(state: string, action: A, ctx?: C): TransitionResult<S, A, R> {
    const rule = definition.actions[action];
    if (!isState(state) || !rule.from.includes(state)) {
      return { ok: false, reason: 'INVALID_STATE', action, state, allowedFrom: rule.from };
    }
    if (ctx !== undefined && rule.guard) {
      const refused = rule.guard(ctx, state);
      if (refused !== null) return { ok: false, reason: refused, action, state, allowedFrom: rule.from };
    }
    return { ok: true, action, from: state, to: rule.to };
  }

  const editableParts = (state: string): readonly E[] =>
    isState(state) ? (definition.editable?.[state] ?? []) : [];

  return {
    name: definition.name,
    states: definition.states,
    initial: definition.initial,
    actions,
    definition,
    isState,
    transition,
    can: (state, action, ctx) => transition(state, action, ctx).ok,
    allowedActions: (state, ctx) => actions.filter((a) => transition(state, a, ctx).ok),
    statesAllowing: (action) => definition.actions[action].from,
    editableParts,
    isEditable: (state, part) => editableParts(state).includes(part),
    statesEditing: (part) => definition.states.filter((s) => editableParts(s).includes(part)),
  };
}
