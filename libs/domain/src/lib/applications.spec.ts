import {
  addCalendarMonths,
  ApplicationContent,
  applicationTotals,
  budgetMismatchErrors,
  centsOrZero,
  checkSubmission,
  executionExceeds,
  GENDER_MARKER_CODE,
  hasGenderMarker,
  lastAllowedEndDate,
  missingApplicationFields,
  REGISTRY_NUMBER_PATTERN,
  registryNumber,
  registryYear,
  SUBMISSION_RULE_ORDER,
  SubmissionInput,
  SubmissionRuleCode,
} from './applications';
import { CallParameters, defaultCallTemplate } from './calls';

const OPENS_AT = '2026-03-02T09:00:00+01:00';
const CLOSES_AT = '2026-04-02T23:59:59+02:00';

/** A published call: product.md defaults, cap 12000.00, 80 %, 12 months, window in March 2026. */
function publishedCall(overrides: Partial<CallParameters & { status: string }> = {}): CallParameters & {
  status: string;
} {
  return {
    ...defaultCallTemplate(),
    budget: '175823.40',
    maxAmountPerApplication: '12000.00',
    opensAt: OPENS_AT,
    closesAt: CLOSES_AT,
    status: 'published',
    ...overrides,
  };
}

/**
 * A complete application that passes every rule: 15000.00 total = 10000.00 requested (66.66 %) + 3000.00 co-funding +
 * 2000.00 own; two budget lines; sectors 60 + 40; gender marker 2; execution 2026-06-01 … 2027-05-31 (12 months).
 */
function validApplication(overrides: Partial<ApplicationContent> = {}): ApplicationContent {
  return {
    title: 'Aigua potable i gestió comunitària a Kédougou',
    summary: "Accés a l'aigua per a 1.200 persones amb comitès de gestió paritaris.",
    modality: 'development',
    countryCode: 'SN',
    locations: ['Kédougou'],
    startDate: '2026-06-01',
    endDate: '2027-05-31',
    totalCost: '15000.00',
    requestedAmount: '10000.00',
    ownContribution: '2000.00',
    cofunding: [{ funder: 'Fons Català de Cooperació', amount: '3000.00', status: 'confirmed' }],
    budgetLines: [
      {
        code: 'A.1',
        category: 'personnel',
        description: 'Personal local',
        amount: '9000.00',
        requestedAmount: '6000.00',
      },
      {
        code: 'A.2',
        category: 'equipment',
        description: 'Bombes i dipòsits',
        amount: '6000',
        requestedAmount: '4000',
      },
    ],
    sectors: [
      { code: '14030', percent: '60.00' },
      { code: '15170', percent: '40' },
    ],
    sdgs: [{ goal: 6, targets: ['6.1', '6.b'] }],
    policyMarkers: [
      { code: GENDER_MARKER_CODE, significance: 2 },
      { code: '2', significance: 1 },
    ],
    beneficiaries: {
      direct: { women: 650, men: 550, other: 0, byAge: { '0-17': { women: 300, men: 280, other: 0 } } },
      indirect: { women: 2000, men: 1900, other: 10 },
    },
    counterpart: {
      name: 'Association Kédougou Eau',
      countryCode: 'SN',
      description: 'ONG local des de 2009.',
    },
    partnerEntityIds: [],
    ...overrides,
  };
}

const REQUIRED_DOCUMENTS = ['project_document', 'budget_detail', 'entity_statutes'];

function validInput(overrides: Partial<SubmissionInput> = {}): SubmissionInput {
  return {
    now: new Date('2026-03-15T10:00:00Z'),
    call: publishedCall(),
    entityStatus: 'active',
    hasPendingJustification: false,
    application: validApplication(),
    documentTypes: [...REQUIRED_DOCUMENTS],
    ...overrides,
  };
}

const codeOf = (input: SubmissionInput): SubmissionRuleCode | null => checkSubmission(input)?.code ?? null;
const withApplication = (overrides: Partial<ApplicationContent>): SubmissionInput =>
  validInput({ application: validApplication(overrides) });
const withCall = (overrides: Partial<CallParameters & { status: string }>): SubmissionInput =>
  validInput({ call: publishedCall(overrides) });
const ms = (iso: string, delta = 0): Date => new Date(Date.parse(iso) + delta);

describe(centsOrZero.name, () => {
  it.each([
    ['12.50', 1250n],
    ['0', 0n],
    [null, 0n],
    [undefined, 0n],
    ['', 0n],
    ['abc', 0n],
    ['-5.00', 0n],
    ['1.234', 0n],
  ])('%p → %p', (value, cents) => expect(centsOrZero(value)).toBe(cents));
});

describe(applicationTotals.name, () => {
  it('adds up a valid application', () => {
    expect(applicationTotals(validApplication())).toEqual({
      budgetLinesTotal: '15000.00',
      budgetLinesRequested: '10000.00',
      cofundingTotal: '3000.00',
      fundingTotal: '15000.00',
      cofinancingPercent: '66.66',
      sectorsPercent: '100.00',
      budgetBalanced: true,
    });
  });

  it.each([
    ['12000.00', '15000.00', '80.00'],
    ['1.00', '3.00', '33.33'],
    ['2.00', '3.00', '66.66'],
    ['0.01', '3.00', '0.33'],
    ['15000.00', '15000.00', '100.00'],
    ['20000.00', '15000.00', '133.33'],
    ['0', '15000.00', '0.00'],
    [null, '15000.00', '0.00'],
    ['10000.00', null, null],
    ['10000.00', '0.00', null],
    ['10000.00', 'abc', null],
  ])('requested %p of total %p is %p %% (rounded down)', (requested, total, percent) => {
    expect(
      applicationTotals(validApplication({ requestedAmount: requested, totalCost: total }))
        .cofinancingPercent,
    ).toBe(percent);
  });

  it('tolerates an empty draft', () => {
    const empty: ApplicationContent = {
      title: null,
      summary: null,
      modality: null,
      countryCode: null,
      locations: [],
      startDate: null,
      endDate: null,
      totalCost: null,
      requestedAmount: null,
      ownContribution: null,
      cofunding: [],
      budgetLines: [],
      sectors: [],
      sdgs: [],
      policyMarkers: [],
      beneficiaries: null,
      counterpart: null,
      partnerEntityIds: [],
    };
    expect(applicationTotals(empty)).toEqual({
      budgetLinesTotal: '0.00',
      budgetLinesRequested: '0.00',
      cofundingTotal: '0.00',
      fundingTotal: '0.00',
      cofinancingPercent: null,
      sectorsPercent: '0.00',
      budgetBalanced: true,
    });
  });

  it('counts malformed amounts as 0 and says the budget is not balanced', () => {
    const totals = applicationTotals(
      validApplication({
        budgetLines: [
          { code: 'A', category: 'x', description: 'x', amount: '15000,00', requestedAmount: '10000.00' },
        ],
        cofunding: [{ funder: 'X', amount: 'tres mil', status: 'requested' }],
        sectors: [
          { code: '14030', percent: '60.00' },
          { code: '15170', percent: '40%' },
        ],
      }),
    );
    expect(totals).toMatchObject({
      budgetLinesTotal: '0.00',
      budgetLinesRequested: '10000.00',
      cofundingTotal: '0.00',
      fundingTotal: '12000.00',
      sectorsPercent: '60.00',
      budgetBalanced: false,
    });
  });

  it('adds cents exactly', () => {
    const totals = applicationTotals(
      validApplication({
        sectors: [
          { code: 'a', percent: '33.33' },
          { code: 'b', percent: '33.33' },
          { code: 'c', percent: '33.34' },
        ],
        cofunding: [
          { funder: 'a', amount: '0.10', status: 'confirmed' },
          { funder: 'b', amount: '0.20', status: 'requested' },
        ],
      }),
    );
    expect(totals.sectorsPercent).toBe('100.00');
    expect(totals.cofundingTotal).toBe('0.30');
  });

  it('says the budget is not balanced when a line asks for more than it costs', () => {
    const application = validApplication({
      budgetLines: [
        { code: 'A', category: 'x', description: 'x', amount: '9000.00', requestedAmount: '9000.01' },
        { code: 'B', category: 'x', description: 'x', amount: '6000.00', requestedAmount: '999.99' },
      ],
    });
    expect(applicationTotals(application).budgetBalanced).toBe(false);
  });
});

describe(missingApplicationFields.name, () => {
  const call = { modalities: ['development', 'epts'] as CallParameters['modalities'] };

  it('finds nothing in a complete application', () =>
    expect(missingApplicationFields(validApplication(), call)).toEqual([]));

  it.each<[string, Partial<ApplicationContent>, string[]]>([
    ['title null', { title: null }, ['title']],
    ['title blank', { title: '  ' }, ['title']],
    ['summary empty', { summary: '' }, ['summary']],
    ['modality null', { modality: null }, ['modality']],
    ['modality the call does not admit', { modality: 'humanitarian' }, ['modality']],
    ['modality unknown', { modality: 'tourism' }, ['modality']],
    ['countryCode null', { countryCode: null }, ['countryCode']],
    ['no locations', { locations: [] }, ['locations']],
    ['only blank locations', { locations: [' '] }, ['locations']],
    ['startDate null', { startDate: null }, ['startDate']],
    ['startDate not a real date', { startDate: '2026-02-30' }, ['startDate']],
    ['endDate null', { endDate: null }, ['endDate']],
    ['totalCost null', { totalCost: null }, ['totalCost']],
    ['totalCost zero', { totalCost: '0.00' }, ['totalCost']],
    ['totalCost malformed', { totalCost: '15.000,00' }, ['totalCost']],
    ['requestedAmount null', { requestedAmount: null }, ['requestedAmount']],
    ['requestedAmount zero', { requestedAmount: '0' }, ['requestedAmount']],
    ['ownContribution null', { ownContribution: null }, ['ownContribution']],
    ['no budget lines', { budgetLines: [] }, ['budgetLines']],
    ['no sectors', { sectors: [] }, ['sectors']],
    ['no SDGs', { sdgs: [] }, ['sdgs']],
    ['no beneficiaries', { beneficiaries: null }, ['beneficiaries']],
    [
      'no counterpart',
      { counterpart: null },
      ['counterpart.name', 'counterpart.countryCode', 'counterpart.description'],
    ],
    [
      'counterpart without a name',
      { counterpart: { name: '', countryCode: 'SN', description: 'x' } },
      ['counterpart.name'],
    ],
    [
      'counterpart without country and description',
      { counterpart: { name: 'x', countryCode: ' ', description: '' } },
      ['counterpart.countryCode', 'counterpart.description'],
    ],
  ])('reports %s', (_name, overrides, paths) =>
    expect(missingApplicationFields(validApplication(overrides), call)).toEqual(paths),
  );

  it('accepts an own contribution of 0 and no co-funding, policy markers or partners', () => {
    const application = validApplication({
      ownContribution: '0.00',
      cofunding: [],
      policyMarkers: [],
      partnerEntityIds: [],
    });
    expect(missingApplicationFields(application, call)).toEqual([]);
  });

  it('lists every path of an empty draft in form order', () => {
    const empty = validApplication({
      title: null,
      summary: null,
      modality: null,
      countryCode: null,
      locations: [],
      startDate: null,
      endDate: null,
      totalCost: null,
      requestedAmount: null,
      ownContribution: null,
      budgetLines: [],
      sectors: [],
      sdgs: [],
      beneficiaries: null,
      counterpart: null,
    });
    expect(missingApplicationFields(empty, call)).toEqual([
      'title',
      'summary',
      'modality',
      'countryCode',
      'locations',
      'startDate',
      'endDate',
      'totalCost',
      'requestedAmount',
      'ownContribution',
      'budgetLines',
      'sectors',
      'sdgs',
      'beneficiaries',
      'counterpart.name',
      'counterpart.countryCode',
      'counterpart.description',
    ]);
  });
});

describe(addCalendarMonths.name, () => {
  it.each([
    ['2027-01-01', 12, '2028-01-01'],
    ['2027-01-31', 1, '2027-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2027-03-31', 1, '2027-04-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-06-01', 0, '2026-06-01'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-06-30', 36, '2029-06-30'],
  ])('%s + %i months = %s', (from, months, to) => expect(addCalendarMonths(from, months)).toBe(to));

  it('throws on a bad date or count', () => {
    expect(() => addCalendarMonths('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addCalendarMonths('2026-02-01', 1.5)).toThrow(RangeError);
  });
});

describe(lastAllowedEndDate.name, () => {
  it.each([
    ['2027-01-01', 12, '2027-12-31'],
    ['2027-01-31', 1, '2027-02-27'],
    ['2028-01-31', 1, '2028-02-28'],
    ['2026-03-01', 1, '2026-03-31'],
    ['2026-06-01', 12, '2027-05-31'],
  ])('%s + %i months → %s', (start, months, last) => expect(lastAllowedEndDate(start, months)).toBe(last));
});

describe(executionExceeds.name, () => {
  it.each([
    ['2027-01-01', '2027-12-31', 12, false],
    ['2027-01-01', '2028-01-01', 12, true],
    ['2027-01-31', '2027-02-27', 1, false],
    ['2027-01-31', '2027-02-28', 1, true],
    ['2028-01-31', '2028-02-28', 1, false],
    ['2028-01-31', '2028-02-29', 1, true],
    ['2026-03-31', '2027-02-27', 11, false],
    ['2026-03-31', '2027-02-28', 11, true],
    ['2024-02-29', '2025-02-27', 12, false],
    ['2024-02-29', '2025-02-28', 12, true],
    ['2026-06-01', '2026-06-01', 1, false],
    ['2026-06-01', '2026-05-01', 1, false],
    ['2026-06-01', '2029-05-31', 36, false],
    ['2026-06-01', '2029-06-01', 36, true],
  ])('%s … %s in %i months exceeds: %p', (start, end, months, exceeds) =>
    expect(executionExceeds(start, end, months)).toBe(exceeds),
  );

  it('throws on malformed dates', () => {
    expect(() => executionExceeds('2026-13-01', '2027-01-01', 12)).toThrow(RangeError);
    expect(() => executionExceeds('2026-01-01', '2027-02-29', 12)).toThrow(RangeError);
  });
});

describe(hasGenderMarker.name, () => {
  it.each([
    [[{ code: '1', significance: 1 }], true],
    [[{ code: '1', significance: 2 }], true],
    [[{ code: '1', significance: 0 }], false],
    [[{ code: '2', significance: 2 }], false],
    [[], false],
    [null, false],
  ])('%j → %p', (markers, ok) => expect(hasGenderMarker(markers)).toBe(ok));
});

describe(budgetMismatchErrors.name, () => {
  it('finds nothing in a balanced budget', () =>
    expect(budgetMismatchErrors(validApplication())).toEqual({}));

  it('reports malformed line and co-funding amounts on their paths', () => {
    const errors = budgetMismatchErrors(
      validApplication({
        budgetLines: [
          { code: 'A', category: 'x', description: 'x', amount: '15000.00', requestedAmount: '1e4' },
        ],
        cofunding: [{ funder: 'X', amount: '', status: 'requested' }],
      }),
    );
    expect(errors['budgetLines[0].requestedAmount']).toEqual([{ code: 'MAX_DECIMALS', params: { max: 2 } }]);
    expect(errors['cofunding[0].amount']).toEqual([{ code: 'MAX_DECIMALS', params: { max: 2 } }]);
  });
});

describe(checkSubmission.name, () => {
  it('accepts a complete, valid application', () => expect(checkSubmission(validInput())).toBeNull());

  it('lists the rules in the order of api.md', () => {
    expect(SUBMISSION_RULE_ORDER).toEqual([
      'CALL_NOT_OPEN',
      'DEADLINE_PASSED',
      'ENTITY_NOT_VALIDATED',
      'PENDING_JUSTIFICATION',
      'APPLICATION_INCOMPLETE',
      'EXECUTION_TOO_LONG',
      'AMOUNT_OVER_CAP',
      'COFINANCING_OVER_LIMIT',
      'BUDGET_MISMATCH',
      'SECTORS_NOT_100',
      'GENDER_MARKER_REQUIRED',
      'MISSING_DOCUMENTS',
    ]);
  });

  it('reports the first broken rule as each earlier one is fixed, in order', () => {
    const input = validInput({
      call: publishedCall({ status: 'draft', maxCofinancingPercent: '50.00' }),
      entityStatus: 'pending_validation',
      hasPendingJustification: true,
      application: validApplication({
        title: null,
        endDate: '2027-06-01',
        requestedAmount: '12000.01',
        ownContribution: '1999.00',
        sectors: [{ code: '14030', percent: '99.99' }],
        policyMarkers: [],
      }),
      documentTypes: [],
    });
    const seen: Array<SubmissionRuleCode | null> = [codeOf(input)];
    const fixes: Array<() => void> = [
      () => (input.call.status = 'published'),
      () => (input.entityStatus = 'active'),
      () => (input.hasPendingJustification = false),
      () => (input.application.title = 'Títol'),
      () => (input.application.endDate = '2027-05-31'),
      () => (input.application.requestedAmount = '10000.00'),
      () => (input.call.maxCofinancingPercent = '80.00'),
      () => (input.application.ownContribution = '2000.00'),
      () => (input.application.sectors = [{ code: '14030', percent: '100.00' }]),
      () => (input.application.policyMarkers = [{ code: '1', significance: 1 }]),
      () => (input.documentTypes = [...REQUIRED_DOCUMENTS]),
    ];
    for (const fix of fixes) {
      fix();
      seen.push(codeOf(input));
    }
    expect(seen).toEqual([
      'CALL_NOT_OPEN',
      'ENTITY_NOT_VALIDATED',
      'PENDING_JUSTIFICATION',
      'APPLICATION_INCOMPLETE',
      'EXECUTION_TOO_LONG',
      'AMOUNT_OVER_CAP',
      'COFINANCING_OVER_LIMIT',
      'BUDGET_MISMATCH',
      'SECTORS_NOT_100',
      'GENDER_MARKER_REQUIRED',
      'MISSING_DOCUMENTS',
      null,
    ]);
  });

  describe('(1) the call window', () => {
    it.each([
      ['a draft call', withCall({ status: 'draft' })],
      ['a call closed early, before closesAt', withCall({ status: 'closed' })],
      ['one millisecond before opensAt', validInput({ now: ms(OPENS_AT, -1) })],
      ['a month before opensAt', validInput({ now: new Date('2026-02-01T00:00:00Z') })],
      [
        'a draft whose closesAt has passed',
        validInput({ call: publishedCall({ status: 'draft' }), now: ms(CLOSES_AT, 1) }),
      ],
      ['a published call without window', withCall({ opensAt: null, closesAt: null })],
    ])('CALL_NOT_OPEN: %s', (_name, input) => {
      expect(checkSubmission(input)).toEqual({
        code: 'CALL_NOT_OPEN',
        errors: { callId: [{ code: 'CALL_NOT_OPEN' }] },
      });
    });

    it.each([
      ['one millisecond after closesAt', validInput({ now: ms(CLOSES_AT, 1) })],
      ['one second after closesAt', validInput({ now: ms(CLOSES_AT, 1000) })],
      [
        'a closed call whose closesAt has passed',
        validInput({ call: publishedCall({ status: 'closed' }), now: ms(CLOSES_AT, 1) }),
      ],
      [
        'an evaluating call',
        validInput({ call: publishedCall({ status: 'evaluating' }), now: new Date('2026-06-01T00:00:00Z') }),
      ],
    ])('DEADLINE_PASSED: %s', (_name, input) => {
      expect(checkSubmission(input)).toEqual({
        code: 'DEADLINE_PASSED',
        errors: { callId: [{ code: 'CALL_CLOSED', params: { closesAt: CLOSES_AT } }] },
      });
    });

    it.each([
      ['exactly at opensAt', ms(OPENS_AT)],
      ['exactly at closesAt', ms(CLOSES_AT)],
      ['one millisecond before closesAt', ms(CLOSES_AT, -1)],
    ])('accepts %s', (_name, now) => expect(checkSubmission(validInput({ now }))).toBeNull());

    it('compares instants, whatever their offsets', () => {
      // 23:59:59+02:00 is 21:59:59Z
      expect(codeOf(validInput({ now: new Date('2026-04-02T21:59:59Z') }))).toBeNull();
      expect(codeOf(validInput({ now: new Date('2026-04-02T22:00:00Z') }))).toBe('DEADLINE_PASSED');
    });

    it('wins over every later rule', () => {
      const input = validInput({
        now: ms(CLOSES_AT, 1),
        entityStatus: 'suspended',
        hasPendingJustification: true,
        application: validApplication({ title: null }),
        documentTypes: [],
      });
      expect(codeOf(input)).toBe('DEADLINE_PASSED');
    });
  });

  describe('(2) the entity', () => {
    it.each(['pending_validation', 'suspended', 'rejected', ''])(
      'ENTITY_NOT_VALIDATED when %p',
      (entityStatus) => {
        expect(checkSubmission(validInput({ entityStatus }))).toEqual({
          code: 'ENTITY_NOT_VALIDATED',
          errors: { entityId: [{ code: 'ENTITY_NOT_VALIDATED' }] },
        });
      },
    );
    it('loses to the call window', () =>
      expect(
        codeOf(validInput({ entityStatus: 'suspended', call: publishedCall({ status: 'draft' }) })),
      ).toBe('CALL_NOT_OPEN'));
  });

  describe('(3) pending justification', () => {
    it('PENDING_JUSTIFICATION when an earlier grant awaits justification', () => {
      expect(checkSubmission(validInput({ hasPendingJustification: true }))).toEqual({
        code: 'PENDING_JUSTIFICATION',
        errors: { entityId: [{ code: 'PENDING_JUSTIFICATION' }] },
      });
    });
    it('loses to the entity check', () =>
      expect(codeOf(validInput({ hasPendingJustification: true, entityStatus: 'pending_validation' }))).toBe(
        'ENTITY_NOT_VALIDATED',
      ));
  });

  describe('(4) required fields', () => {
    it('APPLICATION_INCOMPLETE with every missing path', () => {
      expect(checkSubmission(withApplication({ title: '', sdgs: [], counterpart: null }))).toEqual({
        code: 'APPLICATION_INCOMPLETE',
        errors: {
          title: [{ code: 'REQUIRED' }],
          sdgs: [{ code: 'REQUIRED' }],
          'counterpart.name': [{ code: 'REQUIRED' }],
          'counterpart.countryCode': [{ code: 'REQUIRED' }],
          'counterpart.description': [{ code: 'REQUIRED' }],
        },
      });
    });

    it('APPLICATION_INCOMPLETE for a modality the call does not admit', () => {
      expect(checkSubmission(withApplication({ modality: 'epts' }))).toEqual({
        code: 'APPLICATION_INCOMPLETE',
        errors: { modality: [{ code: 'REQUIRED' }] },
      });
    });

    it('APPLICATION_INCOMPLETE for an end date before the start date', () => {
      expect(checkSubmission(withApplication({ startDate: '2026-06-01', endDate: '2026-05-31' }))).toEqual({
        code: 'APPLICATION_INCOMPLETE',
        errors: { endDate: [{ code: 'NOT_BEFORE', params: { min: '2026-06-01' } }] },
      });
    });

    it('accepts a one-day execution', () =>
      expect(codeOf(withApplication({ startDate: '2026-06-01', endDate: '2026-06-01' }))).toBeNull());

    it('loses to the pending justification', () =>
      expect(
        codeOf(validInput({ hasPendingJustification: true, application: validApplication({ title: null }) })),
      ).toBe('PENDING_JUSTIFICATION'));
  });

  describe('(5) execution length', () => {
    it('EXECUTION_TOO_LONG one day past start + 12 months − 1 day', () => {
      expect(checkSubmission(withApplication({ endDate: '2027-06-01' }))).toEqual({
        code: 'EXECUTION_TOO_LONG',
        errors: { endDate: [{ code: 'EXECUTION_TOO_LONG', params: { max: '2027-05-31', months: 12 } }] },
      });
    });

    it('follows the call parameter', () => {
      expect(codeOf(validInput({ call: publishedCall({ maxExecutionMonths: 6 }) }))).toBe(
        'EXECUTION_TOO_LONG',
      );
      expect(
        codeOf(
          validInput({
            call: publishedCall({ maxExecutionMonths: 24 }),
            application: validApplication({ endDate: '2028-05-31' }),
          }),
        ),
      ).toBeNull();
    });

    it('clamps at the end of the month', () => {
      const call = publishedCall({ maxExecutionMonths: 1 });
      const input = (endDate: string) =>
        validInput({ call, application: validApplication({ startDate: '2027-01-31', endDate }) });
      expect(codeOf(input('2027-02-27'))).toBeNull();
      expect(codeOf(input('2027-02-28'))).toBe('EXECUTION_TOO_LONG');
    });

    it('loses to a missing field', () =>
      expect(codeOf(withApplication({ endDate: '2030-01-01', summary: null }))).toBe(
        'APPLICATION_INCOMPLETE',
      ));
  });

  describe('(6) the cap per application', () => {
    it('AMOUNT_OVER_CAP one cent over', () => {
      expect(checkSubmission(withApplication({ requestedAmount: '12000.01' }))).toEqual({
        code: 'AMOUNT_OVER_CAP',
        errors: { requestedAmount: [{ code: 'EXCEEDS_CAP', params: { max: '12000.00' } }] },
      });
    });

    it('accepts exactly the cap (and exactly 80 %)', () => {
      // 12000.00 of 15000.00 is exactly 80 %: lines 9000/7200 + 6000/4800, own 0, co-funding 3000.
      const application = validApplication({
        requestedAmount: '12000',
        ownContribution: '0',
        budgetLines: [
          { code: 'A', category: 'x', description: 'x', amount: '9000.00', requestedAmount: '7200.00' },
          { code: 'B', category: 'x', description: 'x', amount: '6000.00', requestedAmount: '4800.00' },
        ],
      });
      expect(checkSubmission(validInput({ application }))).toBeNull();
    });

    it('skips the cap when the call has none', () =>
      expect(codeOf(validInput({ call: publishedCall({ maxAmountPerApplication: null }) }))).toBeNull());

    it('loses to the execution length', () =>
      expect(codeOf(withApplication({ requestedAmount: '50000.00', endDate: '2027-06-01' }))).toBe(
        'EXECUTION_TOO_LONG',
      ));
  });

  describe('(7) the co-financing percentage', () => {
    // requested 10000.00: 80 % allows it from a total cost of 12500.00 up.
    const atTotal = (totalCost: string, extra: Partial<ApplicationContent> = {}) =>
      withApplication({ totalCost, ...extra });

    it('COFINANCING_OVER_LIMIT one cent under the total that makes it 80 %', () => {
      expect(checkSubmission(atTotal('12499.99'))).toEqual({
        code: 'COFINANCING_OVER_LIMIT',
        errors: { requestedAmount: [{ code: 'EXCEEDS_COFINANCING', params: { percent: '80.00' } }] },
      });
    });

    it('accepts exactly 80 % (it only fails later, on the budget)', () =>
      expect(codeOf(atTotal('12500.00'))).toBe('BUDGET_MISMATCH'));

    it('accepts exactly 80 % with a balanced budget', () => {
      const application = validApplication({
        totalCost: '12500.00',
        ownContribution: '0.00',
        cofunding: [{ funder: 'x', amount: '2500.00', status: 'requested' }],
        budgetLines: [
          { code: 'A', category: 'x', description: 'x', amount: '12500.00', requestedAmount: '10000.00' },
        ],
      });
      expect(checkSubmission(validInput({ application }))).toBeNull();
    });

    it('is exact with non-round percentages', () => {
      // 33.33 % of 3.00 is 0.9999: 1.00 is over, 0.99 is not
      const call = publishedCall({ maxCofinancingPercent: '33.33' });
      const input = (requestedAmount: string) =>
        validInput({ call, application: validApplication({ totalCost: '3.00', requestedAmount }) });
      expect(codeOf(input('1.00'))).toBe('COFINANCING_OVER_LIMIT');
      expect(codeOf(input('0.99'))).toBe('BUDGET_MISMATCH');
    });

    it('allows 100 % when the call does', () =>
      expect(
        codeOf(
          validInput({
            call: publishedCall({ maxCofinancingPercent: '100.00' }),
            application: validApplication({ totalCost: '10000.00' }),
          }),
        ),
      ).toBe('BUDGET_MISMATCH'));

    it('loses to the cap', () =>
      expect(codeOf(atTotal('10000.00', { requestedAmount: '12000.01' }))).toBe('AMOUNT_OVER_CAP'));
  });

  describe('(8) the budget adds up', () => {
    it('BUDGET_MISMATCH when the lines do not add up to the total cost', () => {
      const application = validApplication({
        totalCost: '15000.01',
        ownContribution: '2000.01',
      });
      expect(checkSubmission(validInput({ application }))).toEqual({
        code: 'BUDGET_MISMATCH',
        errors: { totalCost: [{ code: 'LINES_TOTAL_MISMATCH', params: { expected: '15000.00' } }] },
      });
    });

    it("BUDGET_MISMATCH when the lines' requested parts do not add up to the requested amount", () => {
      const application = validApplication({ requestedAmount: '9999.99', ownContribution: '2000.01' });
      expect(checkSubmission(validInput({ application }))).toEqual({
        code: 'BUDGET_MISMATCH',
        errors: { requestedAmount: [{ code: 'LINES_REQUESTED_MISMATCH', params: { expected: '10000.00' } }] },
      });
    });

    it('BUDGET_MISMATCH when a line asks for more than it costs', () => {
      const application = validApplication({
        budgetLines: [
          { code: 'A', category: 'x', description: 'x', amount: '9000.00', requestedAmount: '9000.01' },
          { code: 'B', category: 'x', description: 'x', amount: '6000.00', requestedAmount: '999.99' },
        ],
      });
      expect(checkSubmission(validInput({ application }))).toEqual({
        code: 'BUDGET_MISMATCH',
        errors: {
          'budgetLines[0].requestedAmount': [{ code: 'EXCEEDS_LINE_AMOUNT', params: { max: '9000.00' } }],
        },
      });
    });

    it('BUDGET_MISMATCH when total cost ≠ requested + co-funding + own contribution', () => {
      expect(checkSubmission(withApplication({ ownContribution: '1999.99' }))).toEqual({
        code: 'BUDGET_MISMATCH',
        errors: {
          ownContribution: [
            { code: 'FUNDING_MISMATCH', params: { funding: '14999.99', totalCost: '15000.00' } },
          ],
        },
      });
    });

    it('BUDGET_MISMATCH names every broken field at once', () => {
      const application = validApplication({
        totalCost: '14000.00',
        requestedAmount: '9000.00',
        ownContribution: '1000.00',
        budgetLines: [
          { code: 'A', category: 'x', description: 'x', amount: '9000.00', requestedAmount: '9500.00' },
          { code: 'B', category: 'x', description: 'x', amount: '6000.00', requestedAmount: '500.00' },
        ],
      });
      const result = checkSubmission(validInput({ application }));
      expect(result?.code).toBe('BUDGET_MISMATCH');
      expect(Object.keys(result!.errors).sort()).toEqual([
        'budgetLines[0].requestedAmount',
        'ownContribution',
        'requestedAmount',
        'totalCost',
      ]);
    });

    it('counts confirmed and requested co-funding alike', () => {
      const application = validApplication({
        cofunding: [
          { funder: 'a', amount: '1000.00', status: 'confirmed' },
          { funder: 'b', amount: '2000.00', status: 'requested' },
        ],
      });
      expect(checkSubmission(validInput({ application }))).toBeNull();
    });

    it('compares in cents where floats would not', () => {
      const application = validApplication({
        totalCost: '0.30',
        requestedAmount: '0.10',
        ownContribution: '0.20',
        cofunding: [],
        budgetLines: [
          { code: 'A', category: 'x', description: 'x', amount: '0.10', requestedAmount: '0.10' },
          { code: 'B', category: 'x', description: 'x', amount: '0.20', requestedAmount: '0' },
        ],
      });
      expect(
        checkSubmission(validInput({ application, call: publishedCall({ maxCofinancingPercent: '50.00' }) })),
      ).toBeNull();
    });

    it('loses to the co-financing limit', () =>
      expect(codeOf(withApplication({ totalCost: '12000.00' }))).toBe('COFINANCING_OVER_LIMIT'));
  });

  describe('(9) sector percentages', () => {
    const sectors = (...percents: string[]) =>
      withApplication({ sectors: percents.map((percent, i) => ({ code: `1${i}`, percent })) });

    it.each([
      [['99.99']],
      [['100.01']],
      [['60.00', '39.99']],
      [['33.33', '33.33', '33.33']],
      [['50', '50', '0.01']],
    ])('SECTORS_NOT_100 for %p', (percents) => {
      const result = checkSubmission(sectors(...percents));
      expect(result?.code).toBe('SECTORS_NOT_100');
      expect(Object.keys(result!.errors)).toEqual(['sectors']);
    });

    it('says what they add up to', () =>
      expect(checkSubmission(sectors('60', '39.99'))?.errors).toEqual({
        sectors: [{ code: 'SECTORS_NOT_100', params: { total: '99.99' } }],
      }));

    it('refuses a malformed percentage even if the rest makes 100', () =>
      expect(codeOf(sectors('100', 'abc'))).toBe('SECTORS_NOT_100'));

    it.each([
      [['100']],
      [['100.00']],
      [['33.33', '33.33', '33.34']],
      [['0.01', '99.99']],
      [['25', '25.0', '25.00', '25']],
    ])('accepts %p', (percents) => expect(codeOf(sectors(...percents))).toBeNull());

    it('loses to the budget', () =>
      expect(codeOf(withApplication({ sectors: [{ code: '1', percent: '50' }], ownContribution: '0' }))).toBe(
        'BUDGET_MISMATCH',
      ));
  });

  describe('(10) the gender marker', () => {
    it.each([
      ['missing', [{ code: '2', significance: 2 }]],
      ['at significance 0', [{ code: '1', significance: 0 }]],
      ['with no markers at all', []],
    ])('GENDER_MARKER_REQUIRED when %s', (_name, policyMarkers) => {
      expect(checkSubmission(withApplication({ policyMarkers }))).toEqual({
        code: 'GENDER_MARKER_REQUIRED',
        errors: { policyMarkers: [{ code: 'GENDER_MARKER_REQUIRED', params: { marker: '1' } }] },
      });
    });

    it('accepts significance 1', () =>
      expect(codeOf(withApplication({ policyMarkers: [{ code: '1', significance: 1 }] }))).toBeNull());

    it('is not needed when the call does not require it', () =>
      expect(
        codeOf(
          validInput({
            call: publishedCall({ requiresGenderMarker: false }),
            application: validApplication({ policyMarkers: [] }),
          }),
        ),
      ).toBeNull());

    it('loses to the sectors', () =>
      expect(codeOf(withApplication({ policyMarkers: [], sectors: [{ code: '1', percent: '99' }] }))).toBe(
        'SECTORS_NOT_100',
      ));
  });

  describe('(11) required documents', () => {
    it('MISSING_DOCUMENTS names each missing required type', () => {
      expect(checkSubmission(validInput({ documentTypes: ['project_document'] }))).toEqual({
        code: 'MISSING_DOCUMENTS',
        errors: {
          'documents.budget_detail': [{ code: 'REQUIRED' }],
          'documents.entity_statutes': [{ code: 'REQUIRED' }],
        },
      });
    });

    it('ignores documents that are not required and extra documents', () =>
      expect(
        codeOf(validInput({ documentTypes: [...REQUIRED_DOCUMENTS, 'other', 'project_document'] })),
      ).toBeNull());

    it('follows the call list', () => {
      const call = publishedCall({ requiredDocuments: [] });
      expect(codeOf(validInput({ call, documentTypes: [] }))).toBeNull();
      const strict = publishedCall();
      strict.requiredDocuments[3].required = true;
      expect(checkSubmission(validInput({ call: strict }))?.errors).toEqual({
        'documents.counterpart_agreement': [{ code: 'REQUIRED' }],
      });
    });

    it('loses to the gender marker', () =>
      expect(
        codeOf(validInput({ documentTypes: [], application: validApplication({ policyMarkers: [] }) })),
      ).toBe('GENDER_MARKER_REQUIRED'));
  });
});

describe(registryNumber.name, () => {
  it.each([
    [2026, 42, 'REG-2026-000042'],
    [2026, 1, 'REG-2026-000001'],
    [2027, 999999, 'REG-2027-999999'],
    [2025, 123456, 'REG-2025-123456'],
  ])('%i, %i → %s', (year, sequence, text) => {
    expect(registryNumber(year, sequence)).toBe(text);
    expect(REGISTRY_NUMBER_PATTERN.test(text)).toBe(true);
  });

  it.each([
    [2026, 0],
    [2026, -1],
    [2026, 1_000_000],
    [2026, 1.5],
    [2026, Number.NaN],
    [999, 1],
    [10000, 1],
    [2026.5, 1],
  ])('throws RangeError for %p, %p', (year, sequence) =>
    expect(() => registryNumber(year, sequence)).toThrow(RangeError),
  );
});

describe(registryYear.name, () => {
  it('is the year in Europe/Madrid', () => {
    expect(registryYear(new Date('2026-12-31T22:59:59Z'))).toBe(2026);
    expect(registryYear(new Date('2026-12-31T23:00:00Z'))).toBe(2027);
  });
});
