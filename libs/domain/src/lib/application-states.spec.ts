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
  // The evaluation's own actions start after admissibility (tested below).
  evaluate: {},
  reopen_evaluation: {},
};

const EVALUATION_ACTIONS: readonly ApplicationAction[] = ['evaluate', 'reopen_evaluation'];

/** States after admissibility (resolution, execution): no admissibility action applies to them. */
const LATER_STATES = ['granted', 'in_execution', 'closed', 'unknown'];

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

  it.each(
    APPLICATION_ACTIONS.flatMap((a) =>
      [...LATER_STATES, ...(EVALUATION_ACTIONS.includes(a) ? [] : ['under_evaluation'])].map(
        (s) => [a, s] as const,
      ),
    ),
  )('%s from %s is refused', (action, status) => {
    expect(applicationTransition(status, action)).toBeNull();
  });

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
  it.each(APPLICATION_ACTIONS.filter((a) => !EVALUATION_ACTIONS.includes(a)))(
    'lists the states %s starts from',
    (action) => {
      expect([...statesAllowing(action)].sort()).toEqual(Object.keys(ALLOWED[action]).sort());
    },
  );
});

describe('the evaluation of an application', () => {
  it('is evaluated from under evaluation only, and a reopened sheet takes it back', () => {
    expect(applicationTransition('under_evaluation', 'evaluate')).toBe('evaluated');
    expect(applicationTransition('evaluated', 'reopen_evaluation')).toBe('under_evaluation');
    expect(applicationTransition('evaluated', 'evaluate')).toBeNull();
    expect(applicationTransition('under_evaluation', 'reopen_evaluation')).toBeNull();
    expect(applicationTransition('admitted', 'evaluate')).toBeNull();
    expect(statesAllowing('evaluate')).toEqual(['under_evaluation']);
    expect(statesAllowing('reopen_evaluation')).toEqual(['evaluated']);
  });
});
