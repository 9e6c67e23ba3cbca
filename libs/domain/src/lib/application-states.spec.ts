import {
  ADMISSIBILITY_STATUSES,
  APPLICATION_ACTIONS,
  applicationTransition,
  statesAllowing,
  type AdmissibilityStatus,
  type ApplicationAction,
  type ApplicationStatus,
} from './application-states';

/** The expected result of every (state, action) pair; absent means refused. */
const ALLOWED: Record<ApplicationAction, Partial<Record<AdmissibilityStatus, ApplicationStatus>>> = {
  submit: { draft: 'submitted' },
  withdraw: { submitted: 'withdrawn', correction_requested: 'withdrawn' },
  request_correction: { submitted: 'correction_requested' },
  answer_correction: { correction_requested: 'submitted' },
  admit: { submitted: 'admitted' },
  declare_inadmissible: { submitted: 'inadmissible', correction_requested: 'inadmissible' },
  declare_withdrawn: { correction_requested: 'withdrawn' },
  start_evaluation: { admitted: 'under_evaluation' },
};

/** States after admissibility (resolution, execution): no admissibility action applies to them. */
const LATER_STATES = ['under_evaluation', 'granted', 'in_execution', 'closed', 'unknown'];

describe(applicationTransition.name, () => {
  const pairs = APPLICATION_ACTIONS.flatMap((action) =>
    ADMISSIBILITY_STATUSES.map((status) => [action, status, ALLOWED[action][status] ?? null] as const),
  );

  it('covers every action × state pair', () => {
    expect(pairs).toHaveLength(APPLICATION_ACTIONS.length * ADMISSIBILITY_STATUSES.length);
  });

  it.each(pairs)('%s from %s → %s', (action, status, expected) => {
    expect(applicationTransition(status, action)).toBe(expected);
  });

  it.each(APPLICATION_ACTIONS.flatMap((a) => LATER_STATES.map((s) => [a, s] as const)))(
    '%s from %s is refused',
    (action, status) => {
      expect(applicationTransition(status, action)).toBeNull();
    },
  );

  it('never lets a draft be withdrawn (it is deleted instead) nor a decision be undone', () => {
    expect(applicationTransition('draft', 'withdraw')).toBeNull();
    for (const decided of ['admitted', 'inadmissible', 'withdrawn']) {
      for (const action of APPLICATION_ACTIONS.filter((a) => a !== 'start_evaluation')) {
        expect(applicationTransition(decided, action)).toBeNull();
      }
    }
    // Only an admitted application goes on, to evaluation.
    expect(applicationTransition('admitted', 'start_evaluation')).toBe('under_evaluation');
    expect(applicationTransition('inadmissible', 'start_evaluation')).toBeNull();
  });
});

describe(statesAllowing.name, () => {
  it.each(APPLICATION_ACTIONS)('lists the states %s starts from', (action) => {
    expect([...statesAllowing(action)].sort()).toEqual(Object.keys(ALLOWED[action]).sort());
  });
});
