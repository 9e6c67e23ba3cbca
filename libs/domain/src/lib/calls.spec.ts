import {
  ALLOCATION_METHODS,
  blockTotal,
  callCompletenessErrors,
  CallParameters,
  defaultCallTemplate,
  isIsoInstant,
  isPercent,
  isPoints,
  LANGUAGES,
  MODALITIES,
  parsePercent,
  PERCENT_PATTERN,
  Rubric,
  rubricTotal,
  scoreBandIssues,
} from './calls';
import type { FieldIssues } from './field-errors';

/** The default template made publishable: budget, cap and window filled in. */
function completeCall(overrides: Partial<CallParameters> = {}): CallParameters {
  return {
    ...defaultCallTemplate(),
    budget: '175823.40',
    maxAmountPerApplication: '12000.00',
    opensAt: '2026-03-02T09:00:00+01:00',
    closesAt: '2026-04-02T23:59:59+02:00',
    ...overrides,
  };
}

const text = (ca: string, es = ca, en = ca) => ({ ca, es, en });

describe('constants', () => {
  it('lists the modalities, allocation methods and languages of the contract', () => {
    expect(MODALITIES).toEqual(['development', 'epts', 'humanitarian']);
    expect(ALLOCATION_METHODS).toEqual(['rank_order', 'score_bands']);
    expect(LANGUAGES).toEqual(['ca', 'es', 'en']);
  });
});

describe(parsePercent.name, () => {
  it.each([
    ['0', 0n],
    ['0.5', 50n],
    ['0.05', 5n],
    ['20', 2000n],
    ['80.00', 8000n],
    ['33.33', 3333n],
    ['99.99', 9999n],
    ['100', 10000n],
    ['100.0', 10000n],
    ['100.00', 10000n],
  ])('%p → %p basis points', (value, bp) => expect(parsePercent(value)).toBe(bp));

  it.each(['100.01', '101', '200', '-1', '1.234', '80,00', '', ' 80', '.5', '80.', '1e2', '0100'])(
    'rejects %p',
    (value) => expect(() => parsePercent(value)).toThrow(RangeError),
  );
});

describe(isPercent.name, () => {
  it.each([
    ['0', true],
    ['100.00', true],
    ['50.5', true],
    ['100.01', false],
    ['abc', false],
  ])('%p → %p', (value, ok) => expect(isPercent(value)).toBe(ok));
  it('rejects a number', () => expect(isPercent(80 as unknown as string)).toBe(false));
  it('is anchored', () => expect(PERCENT_PATTERN.test('x80.00')).toBe(false));
});

describe(isIsoInstant.name, () => {
  it.each([
    '2026-03-02T09:00:00+01:00',
    '2026-03-02T09:00:00Z',
    '2026-03-02T09:00Z',
    '2026-03-02T09:00:00.123+01:00',
    '2026-04-02T23:59:59-05:30',
  ])('accepts %p', (v) => expect(isIsoInstant(v)).toBe(true));
  it.each([
    '2026-03-02',
    '2026-03-02T09:00:00',
    '2026-02-30T09:00:00Z',
    '2026-03-02 09:00:00Z',
    '2026-03-02T25:00:00Z',
    'yesterday',
    '',
  ])('rejects %p', (v) => expect(isIsoInstant(v)).toBe(false));
  it('rejects a non-string', () => expect(isIsoInstant(null as unknown as string)).toBe(false));
});

describe(isPoints.name, () => {
  it.each([
    [0, true],
    [5, true],
    [2.5, true],
    [0.01, true],
    [33.33, true],
    [0.005, false],
    [1.234, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])('%p → %p', (value, ok) => expect(isPoints(value)).toBe(ok));
});

describe(rubricTotal.name, () => {
  it('is 100 for the default rubric', () => expect(rubricTotal(defaultCallTemplate().rubric)).toBe(100));
  it('is 0 for an empty rubric', () => expect(rubricTotal({ blocks: [] })).toBe(0));
  it('adds two-decimal points exactly', () => {
    const rubric: Rubric = {
      blocks: [
        {
          code: 'A',
          name: text('A'),
          criteria: [
            { code: 'A1', name: text('A1'), maxPoints: 0.1 },
            { code: 'A2', name: text('A2'), maxPoints: 0.2 },
          ],
        },
        { code: 'B', name: text('B'), criteria: [{ code: 'B1', name: text('B1'), maxPoints: 33.33 }] },
      ],
    };
    expect(blockTotal(rubric.blocks[0])).toBe(0.3);
    expect(rubricTotal(rubric)).toBe(33.63);
  });
});

describe(defaultCallTemplate.name, () => {
  const template = defaultCallTemplate();
  const blocks = template.rubric.blocks;

  it('carries product.md defaults', () => {
    expect(template).toMatchObject({
      modalities: ['development'],
      requiresGenderMarker: true,
      budget: null,
      maxAmountPerApplication: null,
      maxCofinancingPercent: '80.00',
      opensAt: null,
      closesAt: null,
      maxExecutionMonths: 12,
      advancePercent: '50.00',
      justificationMonths: 3,
      correctionDays: 10,
      allegationDays: 10,
      budgetDeviationPercent: '20.00',
      minimumTotalScore: 50,
      divergenceThreshold: 20,
      allocationMethod: 'rank_order',
      minPartialAwardPercent: '50.00',
      scoreBands: null,
    });
  });

  it('has a title and description in every language', () => {
    for (const language of LANGUAGES) {
      expect(template.title[language].length).toBeGreaterThan(10);
      expect(template.description[language].length).toBeGreaterThan(10);
    }
    expect(template.title.ca).toBe(
      'Convocatòria de subvencions per a projectes de cooperació al desenvolupament',
    );
  });

  it.each([
    ['A', 15, ['A1', 'A2', 'A3', 'A4'], [5, 4, 3, 3]],
    ['B', 10, ['B1', 'B2', 'B3'], [4, 4, 2]],
    ['C', 25, ['C1', 'C2', 'C3', 'C4'], [6, 10, 5, 4]],
    ['D', 20, ['D1', 'D2', 'D3', 'D4'], [5, 7, 5, 3]],
    ['E', 10, ['E1'], [10]],
    ['F', 10, ['F1', 'F2', 'F3'], [4, 4, 2]],
    ['G', 10, ['G1'], [10]],
  ])('block %s: %i points in criteria %p', (code, points, codes, maxPoints) => {
    const block = blocks.find((b) => b.code === code);
    expect(block).toBeDefined();
    expect(blockTotal(block!)).toBe(points);
    expect(block!.criteria.map((c) => c.code)).toEqual(codes);
    expect(block!.criteria.map((c) => c.maxPoints)).toEqual(maxPoints);
  });

  it('has the blocks A–G in order, totalling 100 points', () => {
    expect(blocks.map((b) => b.code)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    expect(rubricTotal(template.rubric)).toBe(100);
  });

  it('gives block D a minimum of 10 and breaks ties by D, then C', () => {
    const byCode = Object.fromEntries(blocks.map((b) => [b.code, b]));
    expect(byCode['D'].minPoints).toBe(10);
    expect(byCode['D'].tieBreakOrder).toBe(1);
    expect(byCode['C'].tieBreakOrder).toBe(2);
    expect(blocks.filter((b) => b.minPoints != null).map((b) => b.code)).toEqual(['D']);
    expect(blocks.filter((b) => b.tieBreakOrder != null).map((b) => b.code)).toEqual(['C', 'D']);
  });

  it('names every block and criterion in ca, es and en, each translation distinct from the Catalan', () => {
    const names = blocks.flatMap((b) => [b.name, ...b.criteria.map((c) => c.name)]);
    expect(names).toHaveLength(7 + 20);
    for (const name of names) {
      for (const language of LANGUAGES) expect(name[language].trim()).not.toBe('');
      expect(name.en).not.toBe(name.ca);
    }
  });

  it('gives every criterion a one-sentence Catalan hint', () => {
    for (const c of blocks.flatMap((b) => b.criteria)) {
      expect(c.guidance).toMatch(/^[A-ZÀ-Ú].+\.$/);
      expect(c.guidance!.split('. ')).toHaveLength(1);
    }
  });

  it('lists the default required documents', () => {
    expect(template.requiredDocuments.map((d) => [d.code, d.required])).toEqual([
      ['project_document', true],
      ['budget_detail', true],
      ['entity_statutes', true],
      ['counterpart_agreement', false],
    ]);
    expect(template.requiredDocuments[0].name).toEqual({
      ca: 'Formulari tècnic del projecte',
      es: 'Formulario técnico del proyecto',
      en: 'Project technical form',
    });
  });

  it('returns a fresh object every time', () => {
    const a = defaultCallTemplate();
    a.rubric.blocks[0].criteria[0].maxPoints = 99;
    a.modalities.push('epts');
    a.title.ca = 'x';
    const b = defaultCallTemplate();
    expect(b.rubric.blocks[0].criteria[0].maxPoints).toBe(5);
    expect(b.modalities).toEqual(['development']);
    expect(b.title.ca).not.toBe('x');
  });

  it('needs only budget, cap and window to be publishable', () => {
    expect(Object.keys(callCompletenessErrors(template)).sort()).toEqual([
      'budget',
      'closesAt',
      'maxAmountPerApplication',
      'opensAt',
    ]);
    expect(callCompletenessErrors(completeCall())).toEqual({});
  });
});

describe(callCompletenessErrors.name, () => {
  it('finds nothing in a complete call', () => expect(callCompletenessErrors(completeCall())).toEqual({}));

  type Case = [string, (c: CallParameters) => void, FieldIssues];
  it.each<Case>([
    ['empty Spanish title', (c) => (c.title.es = ''), { 'title.es': [{ code: 'REQUIRED' }] }],
    ['blank Catalan title', (c) => (c.title.ca = '   '), { 'title.ca': [{ code: 'REQUIRED' }] }],
    [
      'empty English description',
      (c) => (c.description.en = ''),
      { 'description.en': [{ code: 'REQUIRED' }] },
    ],
    [
      'no description at all',
      (c) => (c.description = null as unknown as CallParameters['description']),
      {
        'description.ca': [{ code: 'REQUIRED' }],
        'description.es': [{ code: 'REQUIRED' }],
        'description.en': [{ code: 'REQUIRED' }],
      },
    ],
    ['no modalities', (c) => (c.modalities = []), { modalities: [{ code: 'REQUIRED' }] }],
    [
      'an unknown modality',
      (c) => (c.modalities = ['development', 'tourism' as never]),
      { modalities: [{ code: 'ONE_OF', params: { values: 'development, epts, humanitarian' } }] },
    ],
    [
      'a repeated modality',
      (c) => (c.modalities = ['epts', 'epts']),
      { modalities: [{ code: 'NOT_UNIQUE' }] },
    ],
    ['no budget', (c) => (c.budget = null), { budget: [{ code: 'REQUIRED' }] }],
    ['zero budget', (c) => (c.budget = '0.00'), { budget: [{ code: 'NOT_POSITIVE' }] }],
    [
      'malformed budget',
      (c) => (c.budget = '1.000,00'),
      { budget: [{ code: 'MAX_DECIMALS', params: { max: 2 } }] },
    ],
    [
      'no cap',
      (c) => (c.maxAmountPerApplication = null),
      { maxAmountPerApplication: [{ code: 'REQUIRED' }] },
    ],
    [
      'zero cap',
      (c) => (c.maxAmountPerApplication = '0'),
      { maxAmountPerApplication: [{ code: 'NOT_POSITIVE' }] },
    ],
    [
      'cap one cent over the budget',
      (c) => (c.maxAmountPerApplication = '175823.41'),
      { maxAmountPerApplication: [{ code: 'EXCEEDS_BUDGET', params: { max: '175823.40' } }] },
    ],
    [
      'zero co-financing',
      (c) => (c.maxCofinancingPercent = '0.00'),
      { maxCofinancingPercent: [{ code: 'NOT_POSITIVE' }] },
    ],
    [
      'co-financing over 100',
      (c) => (c.maxCofinancingPercent = '100.01'),
      { maxCofinancingPercent: [{ code: 'INVALID_PERCENT' }] },
    ],
    [
      'advance over 100',
      (c) => (c.advancePercent = '101'),
      { advancePercent: [{ code: 'INVALID_PERCENT' }] },
    ],
    [
      'malformed deviation',
      (c) => (c.budgetDeviationPercent = '20%'),
      { budgetDeviationPercent: [{ code: 'INVALID_PERCENT' }] },
    ],
    [
      'partial award over 100',
      (c) => (c.minPartialAwardPercent = '150.00'),
      { minPartialAwardPercent: [{ code: 'INVALID_PERCENT' }] },
    ],
    ['no opensAt', (c) => (c.opensAt = null), { opensAt: [{ code: 'REQUIRED' }] }],
    ['no closesAt', (c) => (c.closesAt = null), { closesAt: [{ code: 'REQUIRED' }] }],
    [
      'opensAt without offset',
      (c) => (c.opensAt = '2026-03-02T09:00:00'),
      { opensAt: [{ code: 'INVALID_INSTANT' }] },
    ],
    [
      'closesAt equal to opensAt (same instant, other offset)',
      (c) => {
        c.opensAt = '2026-03-02T09:00:00+01:00';
        c.closesAt = '2026-03-02T08:00:00Z';
      },
      { closesAt: [{ code: 'MUST_BE_AFTER', params: { min: '2026-03-02T09:00:00+01:00' } }] },
    ],
    [
      'closesAt before opensAt',
      (c) => (c.closesAt = '2026-03-01T09:00:00+01:00'),
      { closesAt: [{ code: 'MUST_BE_AFTER', params: { min: '2026-03-02T09:00:00+01:00' } }] },
    ],
    [
      'zero execution months',
      (c) => (c.maxExecutionMonths = 0),
      { maxExecutionMonths: [{ code: 'TOO_SMALL', params: { min: 1 } }] },
    ],
    [
      'fractional justification months',
      (c) => (c.justificationMonths = 1.5),
      { justificationMonths: [{ code: 'NOT_INTEGER' }] },
    ],
    [
      'zero correction days',
      (c) => (c.correctionDays = 0),
      { correctionDays: [{ code: 'TOO_SMALL', params: { min: 1 } }] },
    ],
    [
      'negative allegation days',
      (c) => (c.allegationDays = -1),
      { allegationDays: [{ code: 'TOO_SMALL', params: { min: 1 } }] },
    ],
    [
      'no rubric blocks',
      (c) => (c.rubric.blocks = []),
      { 'rubric.blocks': [{ code: 'TOO_FEW', params: { min: 1 } }] },
    ],
    [
      'a block without criteria',
      (c) => (c.rubric.blocks[4].criteria = []),
      { 'rubric.blocks[4].criteria': [{ code: 'TOO_FEW', params: { min: 1 } }] },
    ],
    [
      'a repeated block code',
      (c) => (c.rubric.blocks[1].code = 'A'),
      { 'rubric.blocks[1].code': [{ code: 'NOT_UNIQUE' }] },
    ],
    [
      'an empty block code',
      (c) => (c.rubric.blocks[2].code = ''),
      { 'rubric.blocks[2].code': [{ code: 'REQUIRED' }] },
    ],
    [
      'a criterion code repeated in another block',
      (c) => (c.rubric.blocks[1].criteria[0].code = 'A1'),
      { 'rubric.blocks[1].criteria[0].code': [{ code: 'NOT_UNIQUE' }] },
    ],
    [
      'zero maxPoints',
      (c) => {
        c.rubric.blocks[0].criteria[2].maxPoints = 0;
        c.minimumTotalScore = 10;
      },
      { 'rubric.blocks[0].criteria[2].maxPoints': [{ code: 'INVALID_POINTS', params: { min: 0.01 } }] },
    ],
    [
      'maxPoints with three decimals',
      (c) => (c.rubric.blocks[0].criteria[0].maxPoints = 5.001),
      { 'rubric.blocks[0].criteria[0].maxPoints': [{ code: 'INVALID_POINTS', params: { min: 0.01 } }] },
    ],
    [
      'an untranslated criterion',
      (c) => (c.rubric.blocks[3].criteria[1].name.en = ''),
      { 'rubric.blocks[3].criteria[1].name.en': [{ code: 'REQUIRED' }] },
    ],
    [
      'an untranslated block',
      (c) => (c.rubric.blocks[6].name.es = ''),
      { 'rubric.blocks[6].name.es': [{ code: 'REQUIRED' }] },
    ],
    [
      'block minimum over its total',
      (c) => (c.rubric.blocks[3].minPoints = 20.01),
      { 'rubric.blocks[3].minPoints': [{ code: 'EXCEEDS_BLOCK_TOTAL', params: { max: 20 } }] },
    ],
    [
      'negative block minimum',
      (c) => (c.rubric.blocks[3].minPoints = -1),
      { 'rubric.blocks[3].minPoints': [{ code: 'INVALID_POINTS', params: { min: 0 } }] },
    ],
    [
      'a repeated tie-break order',
      (c) => (c.rubric.blocks[5].tieBreakOrder = 1),
      { 'rubric.blocks[5].tieBreakOrder': [{ code: 'NOT_UNIQUE' }] },
    ],
    [
      'tie-break order 0',
      (c) => (c.rubric.blocks[0].tieBreakOrder = 0),
      { 'rubric.blocks[0].tieBreakOrder': [{ code: 'TOO_SMALL', params: { min: 1 } }] },
    ],
    [
      'minimum total over the rubric total',
      (c) => (c.minimumTotalScore = 100.01),
      { minimumTotalScore: [{ code: 'EXCEEDS_RUBRIC_TOTAL', params: { max: 100 } }] },
    ],
    [
      'negative minimum total',
      (c) => (c.minimumTotalScore = -1),
      { minimumTotalScore: [{ code: 'INVALID_POINTS', params: { min: 0 } }] },
    ],
    [
      'negative divergence threshold',
      (c) => (c.divergenceThreshold = -5),
      { divergenceThreshold: [{ code: 'INVALID_POINTS', params: { min: 0 } }] },
    ],
    [
      'an unknown allocation method',
      (c) => (c.allocationMethod = 'lottery' as never),
      { allocationMethod: [{ code: 'ONE_OF', params: { values: 'rank_order, score_bands' } }] },
    ],
    [
      'score_bands without bands',
      (c) => (c.allocationMethod = 'score_bands'),
      { scoreBands: [{ code: 'REQUIRED' }] },
    ],
    [
      'score_bands with an empty list',
      (c) => {
        c.allocationMethod = 'score_bands';
        c.scoreBands = [];
      },
      { scoreBands: [{ code: 'REQUIRED' }] },
    ],
    [
      'a band at 0 % and one over 100 %',
      (c) => {
        c.allocationMethod = 'score_bands';
        c.scoreBands = [
          { minScore: 80, percent: '100.00' },
          { minScore: 65, percent: '0.00' },
          { minScore: 50, percent: '100.50' },
        ];
      },
      {
        'scoreBands[1].percent': [{ code: 'NOT_POSITIVE' }],
        'scoreBands[2].percent': [{ code: 'INVALID_PERCENT' }],
      },
    ],
    [
      'two bands with the same minimum',
      (c) => {
        c.allocationMethod = 'score_bands';
        c.scoreBands = [
          { minScore: 80, percent: '100.00' },
          { minScore: 80, percent: '85.00' },
        ];
      },
      { 'scoreBands[1].minScore': [{ code: 'NOT_UNIQUE' }] },
    ],
    [
      'a repeated required-document code',
      (c) => (c.requiredDocuments[3].code = 'budget_detail'),
      { 'requiredDocuments[3].code': [{ code: 'NOT_UNIQUE' }] },
    ],
    [
      'an untranslated required document',
      (c) => (c.requiredDocuments[0].name.ca = ''),
      { 'requiredDocuments[0].name.ca': [{ code: 'REQUIRED' }] },
    ],
  ])('reports %s', (_name, change, expected) => {
    const call = completeCall();
    change(call);
    expect(callCompletenessErrors(call)).toEqual(expected);
  });

  it('accepts the boundaries', () => {
    const call = completeCall({
      maxAmountPerApplication: '175823.40',
      maxCofinancingPercent: '100.00',
      advancePercent: '0',
      budgetDeviationPercent: '100',
      minPartialAwardPercent: '0.00',
      maxExecutionMonths: 1,
      justificationMonths: 1,
      correctionDays: 1,
      allegationDays: 1,
      minimumTotalScore: 100,
      divergenceThreshold: 0,
      opensAt: '2026-03-02T09:00:00+01:00',
      closesAt: '2026-03-02T08:00:01Z',
    });
    call.rubric.blocks[3].minPoints = 20;
    expect(callCompletenessErrors(call)).toEqual({});
  });

  it('accepts valid score bands', () => {
    const call = completeCall({
      allocationMethod: 'score_bands',
      scoreBands: [
        { minScore: 80, percent: '100.00' },
        { minScore: 65, percent: '85.00' },
        { minScore: 50, percent: '70.00' },
      ],
    });
    expect(callCompletenessErrors(call)).toEqual({});
  });

  it('accepts a call without required documents', () => {
    expect(callCompletenessErrors(completeCall({ requiredDocuments: [] }))).toEqual({});
  });

  it('reports several fields at once', () => {
    const errors = callCompletenessErrors(
      completeCall({ budget: null, modalities: [], closesAt: null, correctionDays: 0 }),
    );
    expect(Object.keys(errors).sort()).toEqual(['budget', 'closesAt', 'correctionDays', 'modalities']);
  });

  it('does not compare the cap with a missing budget', () => {
    expect(
      callCompletenessErrors(completeCall({ budget: null, maxAmountPerApplication: '999999.00' })),
    ).toEqual({
      budget: [{ code: 'REQUIRED' }],
    });
  });
});

describe(scoreBandIssues.name, () => {
  it('accepts bands in any order, a minimum of 0 and a band at 100 %', () => {
    expect(
      scoreBandIssues([
        { minScore: 50, percent: '70.00' },
        { minScore: 0, percent: '10' },
        { minScore: 80.5, percent: '100.00' },
      ]),
    ).toEqual({});
  });

  it('requires at least one band', () => {
    expect(scoreBandIssues([])).toEqual({ scoreBands: [{ code: 'REQUIRED' }] });
    expect(scoreBandIssues(null)).toEqual({ scoreBands: [{ code: 'REQUIRED' }] });
  });

  it('names each row that breaks a rule, by its index', () => {
    expect(
      scoreBandIssues([
        { minScore: 60, percent: '80.00' },
        { minScore: 60, percent: '0' },
        { minScore: -1, percent: '101' },
        { minScore: 70.125, percent: '50.5' },
      ]),
    ).toEqual({
      'scoreBands[1].minScore': [{ code: 'NOT_UNIQUE' }],
      'scoreBands[1].percent': [{ code: 'NOT_POSITIVE' }],
      'scoreBands[2].minScore': [{ code: 'INVALID_POINTS', params: { min: 0 } }],
      'scoreBands[2].percent': [{ code: 'INVALID_PERCENT' }],
      'scoreBands[3].minScore': [{ code: 'INVALID_POINTS', params: { min: 0 } }],
    });
  });
});
