/**
 * The life of an application (product.md). The admissibility part is a state machine:
 *
 *   draft → submitted ⇄ correction_requested → admitted | inadmissible | withdrawn
 *
 * The API refuses anything else with 409 INVALID_STATE. Withdrawal by the entity is possible only once the
 * application is submitted (submitted or correction_requested): a draft is not withdrawn but deleted, and nothing is
 * withdrawn after an admissibility decision. The entity edits its content and documents in draft and while a
 * correction request is open.
 */
import { defineStateMachine } from './state-machine';

/** Every state of an application's life (product.md); the cycle is implemented up to admissibility. */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'correction_requested',
  'admitted',
  'inadmissible',
  'withdrawn',
  'under_evaluation',
  'evaluated',
  'below_threshold',
  'provisionally_granted',
  'waitlisted',
  'provisionally_denied',
  'granted',
  'denied',
  'renounced',
  'in_execution',
  'justification_submitted',
  'justification_correction',
  'justified',
  'closed',
  'loss_of_right',
  'reimbursement',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The states the admissibility part of the life moves between: the first six of APPLICATION_STATUSES. */
export type AdmissibilityStatus = Extract<
  ApplicationStatus,
  'draft' | 'submitted' | 'correction_requested' | 'admitted' | 'inadmissible' | 'withdrawn'
>;
export const ADMISSIBILITY_STATUSES = APPLICATION_STATUSES.slice(0, 6) as readonly AdmissibilityStatus[];

/** States in which an earlier grant still owes its justification (submission rule PENDING_JUSTIFICATION). */
export const PENDING_JUSTIFICATION_STATUSES: readonly ApplicationStatus[] = [
  'granted',
  'in_execution',
  'justification_submitted',
  'justification_correction',
];

/** What a guard of the application machine may look at. */
export interface ApplicationContext {
  /** Today in Europe/Madrid (YYYY-MM-DD). */
  today?: string;
  /** The due date of the open correction request (desistiment only after it has passed). */
  correctionDueDate?: string | null;
}

/** The parts of an application its entity edits. */
export type ApplicationPart = 'content' | 'documents';

export const APPLICATION_MACHINE = defineStateMachine<
  ApplicationStatus,
  | 'submit'
  | 'withdraw'
  | 'request_correction'
  | 'answer_correction'
  | 'admit'
  | 'declare_inadmissible'
  | 'declare_withdrawn'
  | 'start_evaluation'
  | 'evaluate'
  | 'reopen_evaluation',
  ApplicationContext,
  'DEADLINE_NOT_PASSED',
  ApplicationPart
>({
  name: 'application',
  states: APPLICATION_STATUSES,
  initial: 'draft',
  actions: {
    // The entity presents its draft: it gets a registry number.
    submit: { from: ['draft'], to: 'submitted' },
    // The entity withdraws a presented application (a draft is deleted instead).
    withdraw: { from: ['submitted', 'correction_requested'], to: 'withdrawn' },
    // An officer sends a correction request (requeriment d'esmena).
    request_correction: { from: ['submitted'], to: 'correction_requested' },
    // The entity answers it, even late, until desistiment is declared.
    answer_correction: { from: ['correction_requested'], to: 'submitted' },
    admit: { from: ['submitted'], to: 'admitted' },
    declare_inadmissible: { from: ['submitted', 'correction_requested'], to: 'inadmissible' },
    // Desistiment: only while a correction request is unanswered, from the day after its due date.
    declare_withdrawn: {
      from: ['correction_requested'],
      to: 'withdrawn',
      guard: ({ today, correctionDueDate }) =>
        today !== undefined && correctionDueDate && today <= correctionDueDate ? 'DEADLINE_NOT_PASSED' : null,
    },
    // The call starts its evaluation: every admitted application goes to its evaluators.
    start_evaluation: { from: ['admitted'], to: 'under_evaluation' },
    // Its last required sheet is submitted (`isEvaluated`); an officer reopening a sheet takes it back.
    evaluate: { from: ['under_evaluation'], to: 'evaluated' },
    reopen_evaluation: { from: ['evaluated'], to: 'under_evaluation' },
  },
  editable: {
    draft: ['content', 'documents'],
    correction_requested: ['content', 'documents'],
  },
});

export const APPLICATION_ACTIONS = APPLICATION_MACHINE.actions;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** For each action: the states it may start from and the state it leads to. */
export const APPLICATION_TRANSITIONS = APPLICATION_MACHINE.definition.actions;

/** The state `action` leads to from `status` (state only), or null when the action is not allowed in that state. */
export function applicationTransition(status: string, action: ApplicationAction): ApplicationStatus | null {
  const t = APPLICATION_MACHINE.transition(status, action);
  return t.ok ? t.to : null;
}

/** The states from which `action` is allowed (for error messages and the UI). */
export function statesAllowing(action: ApplicationAction): readonly ApplicationStatus[] {
  return APPLICATION_MACHINE.statesAllowing(action);
}

/** Whether the entity may edit its application's `part` in `status`. */
export function isApplicationEditable(status: string, part: ApplicationPart = 'content'): boolean {
  return APPLICATION_MACHINE.isEditable(status, part);
}
