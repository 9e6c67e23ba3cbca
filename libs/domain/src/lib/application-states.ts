/**
 * The admissibility part of an application's life (product.md):
 *
 *   draft → submitted ⇄ correction_requested → admitted | inadmissible | withdrawn
 *
 * One table of transitions and one function that guards them; the API refuses anything else with 409 INVALID_STATE.
 * Withdrawal by the entity is possible only once the application is submitted (submitted or correction_requested):
 * a draft is not withdrawn but deleted, and nothing is withdrawn after an admissibility decision.
 */

/** The states this part of the life moves between. */
export const ADMISSIBILITY_STATUSES = [
  'draft',
  'submitted',
  'correction_requested',
  'admitted',
  'inadmissible',
  'withdrawn',
] as const;
export type AdmissibilityStatus = (typeof ADMISSIBILITY_STATUSES)[number];

export const APPLICATION_ACTIONS = [
  'submit',
  'withdraw',
  'request_correction',
  'answer_correction',
  'admit',
  'declare_inadmissible',
  'declare_withdrawn',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** For each action: the states it may start from and the state it leads to. */
export const APPLICATION_TRANSITIONS: Readonly<
  Record<
    ApplicationAction,
    { readonly from: readonly AdmissibilityStatus[]; readonly to: AdmissibilityStatus }
  >
> = {
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
  // Desistiment: only while a correction request is unanswered (its due date is checked by the caller).
  declare_withdrawn: { from: ['correction_requested'], to: 'withdrawn' },
};

/** The state `action` leads to from `status`, or null when the action is not allowed in that state. */
export function applicationTransition(status: string, action: ApplicationAction): AdmissibilityStatus | null {
  const t = APPLICATION_TRANSITIONS[action];
  return (t.from as readonly string[]).includes(status) ? t.to : null;
}

/** The states from which `action` is allowed (for error messages and the UI). */
export function statesAllowing(action: ApplicationAction): readonly AdmissibilityStatus[] {
  return APPLICATION_TRANSITIONS[action].from;
}
