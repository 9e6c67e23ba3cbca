import { defaultCallTemplate, type Rubric, type ScoreBand } from './calls';
import { aggregate, rubricCriteria, type Aggregation } from './evaluation';
import { formatMoney, parseMoney, type Cents } from './money';
import {
  allocationParameters,
  applyPercentDown,
  eligibleAmount,
  rankApplications,
  rankingChanges,
  rankingOrder,
  scoreBandFor,
  simulateAllocation,
  tieBreakBlockCodes,
  type AllocationParameters,
  type Ranking,
  type RankingCandidate,
} from './ranking';

const eur = (value: string): Cents => parseMoney(value);

/** An aggregation with the given total and blocks C and D (D has the default minimum of 10). */
function evaluation(total: number, d = 15, c = 20, extra: Partial<Aggregation> = {}): Aggregation {
  const blocks = [
    { code: 'C', points: c, reached: true },
    { code: 'D', points: d, minPoints: 10, reached: d >= 10 },
  ];
  return {
    criteria: [],
    blocks,
    total,
    submitted: 2,
    sheetTotals: [total, total],
    spread: 0,
    divergent: false,
    consensus: false,
    fundable: true,
    reasons: [],
    ...extra,
  };
}

let sequence = 0;

/** A candidate asking `requested` of a project costing 2 × requested, submitted at a distinct instant. */
function candidate(
  id: string,
  total: number,
  requested: string,
  extra: Partial<RankingCandidate> = {},
): RankingCandidate {
  sequence += 1;
  const amount = eur(requested);
  return {
    applicationId: id,
    submittedAt: new Date(Date.UTC(2026, 2, 10, 9, 0, sequence)).toISOString(),
    requestedAmount: amount,
    totalCost: amount * 2n,
    otherFunding: amount,
    evaluation: evaluation(total),
    evaluated: true,
    ...extra,
  };
}

const params = (overrides: Partial<AllocationParameters> = {}): AllocationParameters => ({
  budget: eur('100.00'),
  allocationMethod: 'rank_order',
  scoreBands: null,
  minPartialAwardPercent: '50.00',
  minimumTotalScore: 50,
  maxAmountPerApplication: null,
  maxCofinancingPercent: '80.00',
  consensusRequired: true,
  tieBreakBlocks: ['D', 'C'],
  ...overrides,
});

/** id → [outcome, award, partial] for short assertions. */
function outcomes(ranking: Ranking): Array<[string, string, string | null, boolean]> {
  return ranking.items.map((i) => [
    i.applicationId,
    i.outcome,
    i.award === null ? null : formatMoney(i.award),
    i.partial,
  ]);
}

const ids = (ranking: Ranking | RankingCandidate[]): string[] =>
  Array.isArray(ranking) ? ranking.map((c) => c.applicationId) : ranking.items.map((i) => i.applicationId);

describe(tieBreakBlockCodes.name, () => {
  it('reads the default rubric: EGiBDH block D, then technical quality C', () => {
    expect(tieBreakBlockCodes(defaultCallTemplate().rubric)).toEqual(['D', 'C']);
  });

  it('orders by tieBreakOrder, skipping blocks without one', () => {
    const rubric: Rubric = {
      blocks: [
        { code: 'X', name: { ca: 'x', es: 'x', en: 'x' }, tieBreakOrder: 3, criteria: [] },
        { code: 'Y', name: { ca: 'y', es: 'y', en: 'y' }, tieBreakOrder: null, criteria: [] },
        { code: 'Z', name: { ca: 'z', es: 'z', en: 'z' }, tieBreakOrder: 1, criteria: [] },
      ],
    };
    expect(tieBreakBlockCodes(rubric)).toEqual(['Z', 'X']);
    expect(tieBreakBlockCodes({ blocks: [] })).toEqual([]);
  });
});

describe(allocationParameters.name, () => {
  it("maps a call's parameters", () => {
    const call = { ...defaultCallTemplate(), budget: '175823.40', maxAmountPerApplication: '12000.00' };
    expect(allocationParameters(call, true)).toEqual({
      budget: 17582340n,
      allocationMethod: 'rank_order',
      scoreBands: null,
      minPartialAwardPercent: '50.00',
      minimumTotalScore: 50,
      maxAmountPerApplication: 1200000n,
      maxCofinancingPercent: '80.00',
      consensusRequired: true,
      tieBreakBlocks: ['D', 'C'],
    });
    expect(allocationParameters(defaultCallTemplate(), false)).toMatchObject({
      budget: 0n,
      maxAmountPerApplication: null,
      consensusRequired: false,
    });
  });
});

describe(rankingOrder.name, () => {
  const at = (instant: string) => ({ submittedAt: instant });
  const tie = (id: string, d: number, c: number, instant: string, extra: Partial<RankingCandidate> = {}) =>
    candidate(id, 70, '10.00', { evaluation: evaluation(70, d, c), ...at(instant), ...extra });

  it('sorts by total descending', () => {
    const list = [candidate('a', 60, '1.00'), candidate('b', 80.01, '1.00'), candidate('c', 80, '1.00')];
    expect(ids(rankingOrder(list, ['D', 'C']))).toEqual(['b', 'c', 'a']);
  });

  it.each([
    [
      'the EGiBDH block D first',
      [tie('a', 15, 25, '2026-03-01T09:00:00Z'), tie('b', 15.01, 10, '2026-03-02T09:00:00Z')],
      ['b', 'a'],
    ],
    [
      'then the technical-quality block C',
      [tie('a', 15, 20, '2026-03-01T09:00:00Z'), tie('b', 15, 20.01, '2026-03-02T09:00:00Z')],
      ['b', 'a'],
    ],
    [
      'then the earlier submission instant (offsets compared as instants)',
      [tie('a', 15, 20, '2026-03-01T10:00:00+01:00'), tie('b', 15, 20, '2026-03-01T08:59:59Z')],
      ['b', 'a'],
    ],
    [
      'then the registry number',
      [
        tie('a', 15, 20, '2026-03-01T09:00:00Z', { registryNumber: 'REG-2026-000002' }),
        tie('b', 15, 20, '2026-03-01T10:00:00+01:00', { registryNumber: 'REG-2026-000001' }),
      ],
      ['b', 'a'],
    ],
    [
      'then the application id',
      [tie('b', 15, 20, '2026-03-01T09:00:00Z'), tie('a', 15, 20, '2026-03-01T09:00:00Z')],
      ['a', 'b'],
    ],
  ])('breaks ties by %s', (_, list, expected) => {
    expect(ids(rankingOrder(list, ['D', 'C']))).toEqual(expected);
    expect(ids(rankingOrder([...list].reverse(), ['D', 'C']))).toEqual(expected);
  });

  it('goes straight to the submission instant when the rubric names no tie-break block', () => {
    const list = [tie('a', 20, 25, '2026-03-02T09:00:00Z'), tie('b', 10, 10, '2026-03-01T09:00:00Z')];
    expect(ids(rankingOrder(list, []))).toEqual(['b', 'a']);
    expect(ids(rankingOrder(list, ['D', 'C']))).toEqual(['a', 'b']);
  });

  it('does not sort the input in place', () => {
    const list = [candidate('a', 10, '1.00'), candidate('b', 90, '1.00')];
    rankingOrder(list, []);
    expect(ids(list)).toEqual(['a', 'b']);
  });
});

describe(eligibleAmount.name, () => {
  it.each([
    // requested, total cost, other funding, cap, max %, eligible
    ['10000.00', '20000.00', '10000.00', '12000.00', '80.00', '10000.00'], // the request
    ['15000.00', '20000.00', '5000.00', '12000.00', '80.00', '12000.00'], // the cap per application
    ['9000.00', '10000.00', '1000.00', null, '80.00', '8000.00'], // 80 % of the cost
    ['900.00', '1000.01', '100.01', null, '80.00', '800.00'], // 800.008 rounded down
    ['300.00', '333.33', '33.33', null, '80.00', '266.66'], // 266.664 rounded down
    ['300.00', '333.33', '33.33', null, '80.01', '266.69'], // 266.69733 rounded down
    ['1.00', '0.99', '0.00', null, '12.34', '0.12'], // 0.122166 rounded down
    ['100.00', '300.00', '250.00', null, '80.00', '50.00'], // no over-financing: cost − other funding
    ['100.00', '300.00', '300.00', null, '80.00', '0.00'],
    ['100.00', '300.00', '400.00', null, '80.00', '0.00'], // never negative
    ['100.00', '100.00', '0.00', null, '100.00', '100.00'],
  ])(
    'requested %s, cost %s, other %s, cap %p, %s %% → %s',
    (requested, cost, other, cap, percent, expected) => {
      expect(
        formatMoney(
          eligibleAmount(
            { requestedAmount: eur(requested), totalCost: eur(cost), otherFunding: eur(other) },
            cap === null ? null : eur(cap),
            percent,
          ),
        ),
      ).toBe(expected);
    },
  );

  it('treats missing other funding as 0', () => {
    expect(eligibleAmount({ requestedAmount: eur('500.00'), totalCost: eur('500.00') }, null, '80.00')).toBe(
      eur('400.00'),
    );
  });
});

describe(applyPercentDown.name, () => {
  it.each([
    ['10000.01', 8500n, '8500.00'],
    ['99.99', 7000n, '69.99'],
    ['0.01', 9999n, '0.00'],
    ['12345.67', 10000n, '12345.67'],
  ])('%s × %p bp → %s', (amount, bp, expected) => {
    expect(formatMoney(applyPercentDown(eur(amount), bp))).toBe(expected);
  });
});

const bands: ScoreBand[] = [
  { minScore: 50, percent: '70.00' },
  { minScore: 80, percent: '100.00' },
  { minScore: 65, percent: '85.00' },
];

describe(scoreBandFor.name, () => {
  it.each([
    [100, '100.00'],
    [80, '100.00'],
    [79.99, '85.00'],
    [65, '85.00'],
    [64.99, '70.00'],
    [50, '70.00'],
    [49.99, null],
  ])('total %p → %p', (total, percent) => {
    expect(scoreBandFor(total, bands)?.percent ?? null).toBe(percent);
  });

  it('finds nothing without bands', () => {
    expect(scoreBandFor(90, null)).toBeNull();
    expect(scoreBandFor(90, [])).toBeNull();
  });
});

describe(rankApplications.name, () => {
  describe('rank_order', () => {
    it.each([
      [
        'exactly the minimum %: a partial award',
        '100.00',
        [
          ['a', 'provisionally_granted', '40.00', false],
          ['b', 'provisionally_granted', '40.00', false],
          ['c', 'provisionally_granted', '20.00', true],
          ['d', 'waitlisted', null, false],
        ],
      ],
      [
        'a cent below the minimum %: waitlisted',
        '99.99',
        [
          ['a', 'provisionally_granted', '40.00', false],
          ['b', 'provisionally_granted', '40.00', false],
          ['c', 'waitlisted', null, false],
          ['d', 'waitlisted', null, false],
        ],
      ],
      [
        'an exact fit: a full award, not partial',
        '120.00',
        [
          ['a', 'provisionally_granted', '40.00', false],
          ['b', 'provisionally_granted', '40.00', false],
          ['c', 'provisionally_granted', '40.00', false],
          ['d', 'waitlisted', null, false],
        ],
      ],
      [
        'over 50 %: partial',
        '119.99',
        [
          ['a', 'provisionally_granted', '40.00', false],
          ['b', 'provisionally_granted', '40.00', false],
          ['c', 'provisionally_granted', '39.99', true],
          ['d', 'waitlisted', null, false],
        ],
      ],
      [
        'everything fits',
        '1000.00',
        [
          ['a', 'provisionally_granted', '40.00', false],
          ['b', 'provisionally_granted', '40.00', false],
          ['c', 'provisionally_granted', '40.00', false],
          ['d', 'provisionally_granted', '10.00', false],
        ],
      ],
      [
        'no budget',
        '0.00',
        [
          ['a', 'waitlisted', null, false],
          ['b', 'waitlisted', null, false],
          ['c', 'waitlisted', null, false],
          ['d', 'waitlisted', null, false],
        ],
      ],
    ])('budget: %s (%s)', (_, budget, expected) => {
      const list = [
        candidate('a', 90, '40.00'),
        candidate('b', 80, '40.00'),
        candidate('c', 70, '40.00'),
        candidate('d', 60, '10.00'), // would fit what is left, but comes after the first that did not
      ];
      const ranking = rankApplications(list, params({ budget: eur(budget) }));
      expect(outcomes(ranking)).toEqual(expected);
      const allocated = ranking.items.reduce((acc, i) => acc + (i.award ?? 0n), 0n);
      expect(ranking.allocated).toBe(allocated);
      expect(ranking.remaining).toBe(eur(budget) - allocated);
      expect(ranking.budget).toBe(eur(budget));
      expect(ranking.complete).toBe(true);
    });

    it.each([
      ['0.00', '0.01', ['provisionally_granted', '0.01', true]],
      ['0.00', '0.00', ['waitlisted', null, false]], // never an award of 0
      ['100.00', '39.99', ['waitlisted', null, false]], // 100 %: a partial award is never enough
      ['25.00', '10.00', ['provisionally_granted', '10.00', true]],
      ['25.00', '9.99', ['waitlisted', null, false]],
    ])('minPartialAwardPercent %s with %s left for 40.00', (percent, left, [outcome, award, partial]) => {
      const list = [candidate('a', 90, '40.00'), candidate('b', 80, '40.00')];
      const ranking = rankApplications(
        list,
        params({ budget: eur('40.00') + eur(left), minPartialAwardPercent: percent }),
      );
      expect(outcomes(ranking)[1]).toEqual(['b', outcome, award, partial]);
    });

    it('puts the non-fundable below threshold with their reasons, without stopping the walk', () => {
      const list = [
        candidate('top-no-d', 85, '40.00', { evaluation: evaluation(85, 9.99) }),
        candidate('a', 80, '40.00'),
        candidate('low', 49.99, '40.00'),
        candidate('b', 60, '40.00'),
        candidate('both', 30, '40.00', { evaluation: evaluation(30, 5) }),
      ];
      const ranking = rankApplications(list, params({ budget: eur('80.00') }));
      expect(outcomes(ranking)).toEqual([
        ['top-no-d', 'below_threshold', null, false],
        ['a', 'provisionally_granted', '40.00', false],
        ['b', 'provisionally_granted', '40.00', false],
        ['low', 'below_threshold', null, false],
        ['both', 'below_threshold', null, false],
      ]);
      expect(ranking.items.map((i) => i.reasons)).toEqual([
        ['BELOW_BLOCK_MINIMUM:D'],
        [],
        [],
        ['BELOW_MINIMUM_TOTAL'],
        ['BELOW_MINIMUM_TOTAL', 'BELOW_BLOCK_MINIMUM:D'],
      ]);
      expect(ranking.items.map((i) => i.fundable)).toEqual([false, true, true, false, false]);
      expect(ranking.items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5]);
    });

    it('lists the waiting list in rank order', () => {
      const list = [
        candidate('w3', 55, '40.00'),
        candidate('g', 95, '40.00'),
        candidate('w1', 75, '40.00'),
        candidate('w2', 65, '40.00'),
      ];
      const ranking = rankApplications(
        list,
        params({ budget: eur('50.00'), minPartialAwardPercent: '50.00' }),
      );
      expect(ranking.items.filter((i) => i.outcome === 'waitlisted').map((i) => i.applicationId)).toEqual([
        'w1',
        'w2',
        'w3',
      ]);
    });

    it('allocates the eligible amount: capped, 80 % of the cost, rounded down', () => {
      const list = [
        candidate('capped', 90, '20000.00'),
        candidate('percent', 80, '9000.00', { totalCost: eur('10000.01'), otherFunding: eur('1000.01') }),
      ];
      const ranking = rankApplications(
        list,
        params({ budget: eur('100000.00'), maxAmountPerApplication: eur('12000.00') }),
      );
      expect(ranking.items.map((i) => formatMoney(i.eligibleAmount))).toEqual(['12000.00', '8000.00']);
      expect(outcomes(ranking)).toEqual([
        ['capped', 'provisionally_granted', '12000.00', false],
        ['percent', 'provisionally_granted', '8000.00', false],
      ]);
      expect(formatMoney(ranking.remaining)).toBe('80000.00');
      expect(ranking.items.every((i) => i.bandPercent === null)).toBe(true);
    });

    it('never over-finances: every award ≤ total cost − other funding', () => {
      const list = [
        candidate('a', 90, '1000.00', { totalCost: eur('1000.00'), otherFunding: eur('700.00') }),
        candidate('b', 80, '1000.00', { totalCost: eur('5000.00'), otherFunding: eur('4999.99') }),
        candidate('c', 70, '1000.00', { totalCost: eur('1250.00'), otherFunding: eur('0.00') }),
      ];
      const ranking = rankApplications(
        list,
        params({ budget: eur('1000000.00'), maxCofinancingPercent: '100.00' }),
      );
      expect(outcomes(ranking)).toEqual([
        ['a', 'provisionally_granted', '300.00', false],
        ['b', 'provisionally_granted', '0.01', false],
        ['c', 'provisionally_granted', '1000.00', false],
      ]);
      for (const item of ranking.items) {
        const c = list.find((x) => x.applicationId === item.applicationId) as RankingCandidate;
        expect((item.award ?? 0n) <= c.totalCost - (c.otherFunding ?? 0n)).toBe(true);
      }
    });
  });

  describe('score_bands', () => {
    it('multiplies the eligible amount by the band, rounding down, then allocates in rank order', () => {
      const list = [
        candidate('b100', 80, '10000.01'),
        candidate('b85', 79.99, '10000.01'),
        candidate('b70', 64.99, '10000.01'),
        candidate('b70b', 50, '10000.00'),
      ];
      const ranking = rankApplications(
        list,
        params({
          budget: eur('26000.00'),
          allocationMethod: 'score_bands',
          scoreBands: bands,
          maxCofinancingPercent: '100.00',
        }),
      );
      expect(ranking.allocationMethod).toBe('score_bands');
      expect(ranking.items.map((i) => i.bandPercent)).toEqual(['100.00', '85.00', '70.00', '70.00']);
      expect(ranking.items.map((i) => formatMoney(i.eligibleAmount))).toEqual([
        '10000.01',
        '8500.00', // 8500.0085
        '7000.00', // 7000.007
        '7000.00',
      ]);
      // 26000 − 10000.01 − 8500.00 = 7499.99 ≥ 7000.00; then 499.99 < 50 % of 7000.00
      expect(outcomes(ranking)).toEqual([
        ['b100', 'provisionally_granted', '10000.01', false],
        ['b85', 'provisionally_granted', '8500.00', false],
        ['b70', 'provisionally_granted', '7000.00', false],
        ['b70b', 'waitlisted', null, false],
      ]);
      expect(formatMoney(ranking.remaining)).toBe('499.99');
    });

    it('gives a partial award of a banded amount', () => {
      const list = [candidate('a', 90, '100.00'), candidate('b', 70, '100.00')];
      const ranking = rankApplications(
        list,
        params({
          budget: eur('150.00'),
          allocationMethod: 'score_bands',
          scoreBands: bands,
          maxCofinancingPercent: '100.00',
        }),
      );
      // b: 85 % of 100.00 = 85.00; 50.00 left ≥ 42.50
      expect(outcomes(ranking)).toEqual([
        ['a', 'provisionally_granted', '100.00', false],
        ['b', 'provisionally_granted', '50.00', true],
      ]);
    });

    it('puts a fundable application no band covers below threshold (NO_SCORE_BAND)', () => {
      const list = [candidate('a', 90, '100.00'), candidate('b', 55, '100.00')];
      const ranking = rankApplications(
        list,
        params({
          budget: eur('1000.00'),
          allocationMethod: 'score_bands',
          scoreBands: [{ minScore: 60, percent: '100.00' }],
        }),
      );
      expect(outcomes(ranking)[1]).toEqual(['b', 'below_threshold', null, false]);
      expect(ranking.items[1].fundable).toBe(true);
      expect(ranking.items[1].reasons).toEqual(['NO_SCORE_BAND']);
      expect(ranking.items[1].eligibleAmount).toBe(0n);
    });
  });

  describe('pending rows (the live ranking)', () => {
    it('ranks a not-yet-evaluated application by what is known, gives it nothing and lets the walk go past it', () => {
      const list = [
        candidate('evaluated-1', 80, '40.00'),
        candidate('pending', 95, '40.00', { evaluated: false }),
        candidate('evaluated-2', 70, '40.00'),
        candidate('unscored', 0, '40.00', {
          evaluated: false,
          evaluation: evaluation(0, 0, 0, { submitted: 0 }),
        }),
      ];
      const ranking = rankApplications(list, params({ budget: eur('80.00') }));
      expect(outcomes(ranking)).toEqual([
        ['pending', 'pending', null, false],
        ['evaluated-1', 'provisionally_granted', '40.00', false],
        ['evaluated-2', 'provisionally_granted', '40.00', false],
        ['unscored', 'pending', null, false],
      ]);
      expect(ranking.items[0].eligibleAmount).toBe(eur('40.00'));
      expect(ranking.items[0].evaluated).toBe(false);
      expect(ranking.complete).toBe(false);
      expect(ranking.allocated).toBe(eur('80.00'));
    });

    it.each([
      [true, false, 'pending', false],
      [true, true, 'provisionally_granted', true],
      [false, false, 'provisionally_granted', true],
      [false, true, 'provisionally_granted', true],
    ])(
      'a divergent application, consensusRequired %p, consensus %p → %s, complete %p',
      (consensusRequired, consensus, outcome, complete) => {
        const list = [
          candidate('d', 80, '40.00', {
            evaluation: evaluation(80, 15, 20, { divergent: true, spread: 25, consensus }),
          }),
        ];
        const ranking = rankApplications(list, params({ consensusRequired }));
        expect(ranking.items[0].outcome).toBe(outcome);
        expect(ranking.items[0].divergent).toBe(true);
        expect(ranking.items[0].consensus).toBe(consensus);
        expect(ranking.complete).toBe(complete);
      },
    );

    it('is complete for a call without applications', () => {
      const ranking = rankApplications([], params());
      expect(ranking).toEqual({
        allocationMethod: 'rank_order',
        budget: eur('100.00'),
        allocated: 0n,
        remaining: eur('100.00'),
        complete: true,
        items: [],
      });
    });
  });

  it('ranks the default rubric from real aggregations (D breaks a tie of totals)', () => {
    const rubric = defaultCallTemplate().rubric;
    const sheet = (points: Record<string, number>) => ({
      scores: rubricCriteria(rubric).map((c) => ({ criterionCode: c.code, points: points[c.code] ?? 0 })),
    });
    const agg = (points: Record<string, number>) =>
      aggregate(rubric, [sheet(points), sheet(points)], null, {
        minimumTotalScore: 50,
        divergenceThreshold: 20,
      });
    // both 60 points; x has D 12, y has D 15
    const x = agg({
      A1: 5,
      A2: 4,
      A3: 3,
      A4: 3,
      B1: 4,
      B2: 4,
      B3: 2,
      C2: 10,
      C1: 6,
      C3: 5,
      C4: 2,
      D1: 5,
      D2: 7,
    });
    const y = agg({
      A1: 5,
      A2: 4,
      A3: 3,
      A4: 3,
      B1: 4,
      B2: 4,
      B3: 2,
      C2: 10,
      C1: 6,
      C3: 2,
      C4: 2,
      D1: 5,
      D2: 7,
      D3: 3,
    });
    expect([x.total, y.total]).toEqual([60, 60]);
    const ranking = rankApplications(
      [candidate('x', 0, '1000.00', { evaluation: x }), candidate('y', 0, '1000.00', { evaluation: y })],
      params({ budget: eur('1000.00'), tieBreakBlocks: tieBreakBlockCodes(rubric) }),
    );
    expect(outcomes(ranking)).toEqual([
      ['y', 'provisionally_granted', '1000.00', false],
      ['x', 'waitlisted', null, false],
    ]);
  });
});

describe(simulateAllocation.name, () => {
  const list = () => [
    candidate('a', 90, '40.00'),
    candidate('b', 75, '40.00'),
    candidate('c', 64, '40.00'),
    candidate('d', 52, '40.00'),
  ];

  it('changes nothing without overrides (undefined ones are ignored)', () => {
    const current = params();
    const simulation = simulateAllocation(list(), current, {
      budget: undefined,
      minimumTotalScore: undefined,
    });
    expect(simulation.changes).toEqual([]);
    expect(outcomes(simulation)).toEqual(outcomes(rankApplications(list(), current)));
  });

  it('names who enters with a bigger budget, with before and after', () => {
    const simulation = simulateAllocation(list(), params(), { budget: eur('160.00') });
    expect(simulation.budget).toBe(eur('160.00'));
    expect(simulation.changes).toEqual([
      {
        applicationId: 'c',
        before: { rank: 3, outcome: 'provisionally_granted', award: eur('20.00'), partial: true },
        after: { rank: 3, outcome: 'provisionally_granted', award: eur('40.00'), partial: false },
      },
      {
        applicationId: 'd',
        before: { rank: 4, outcome: 'waitlisted', award: null, partial: false },
        after: { rank: 4, outcome: 'provisionally_granted', award: eur('40.00'), partial: false },
      },
    ]);
  });

  it('names who leaves with a higher threshold', () => {
    const simulation = simulateAllocation(list(), params(), { minimumTotalScore: 65 });
    expect(simulation.changes.map((c) => [c.applicationId, c.before?.outcome, c.after?.outcome])).toEqual([
      ['c', 'provisionally_granted', 'below_threshold'],
      ['d', 'waitlisted', 'below_threshold'],
    ]);
    expect(simulation.items.find((i) => i.applicationId === 'c')?.reasons).toEqual(['BELOW_MINIMUM_TOTAL']);
  });

  it('names the awards another method or minimum partial changes', () => {
    const bandsSimulation = simulateAllocation(list(), params({ maxCofinancingPercent: '100.00' }), {
      allocationMethod: 'score_bands',
      scoreBands: bands,
    });
    // a 100 % → 40.00, b 85 % → 34.00, c 70 % → 28.00 does not fit: 26.00 left ≥ 50 % of 28.00, partial
    expect(outcomes(bandsSimulation)).toEqual([
      ['a', 'provisionally_granted', '40.00', false],
      ['b', 'provisionally_granted', '34.00', false],
      ['c', 'provisionally_granted', '26.00', true],
      ['d', 'waitlisted', null, false],
    ]);
    expect(bandsSimulation.changes.map((c) => c.applicationId)).toEqual(['b', 'c']);

    const strict = simulateAllocation(list(), params(), { minPartialAwardPercent: '60.00' });
    expect(strict.changes).toEqual([
      {
        applicationId: 'c',
        before: { rank: 3, outcome: 'provisionally_granted', award: eur('20.00'), partial: true },
        after: { rank: 3, outcome: 'waitlisted', award: null, partial: false },
      },
    ]);
  });

  it('stores nothing: the inputs are left as they were', () => {
    const candidates = list();
    const current = params();
    const copy = JSON.stringify({ candidates, current }, (_, v) =>
      typeof v === 'bigint' ? v.toString() : v,
    );
    simulateAllocation(candidates, current, {
      budget: eur('1.00'),
      allocationMethod: 'score_bands',
      scoreBands: bands,
    });
    expect(
      JSON.stringify({ candidates, current }, (_, v) => (typeof v === 'bigint' ? v.toString() : v)),
    ).toBe(copy);
  });
});

describe(rankingChanges.name, () => {
  it('reports applications present on one side only', () => {
    const before = rankApplications([candidate('a', 90, '10.00'), candidate('gone', 80, '10.00')], params());
    const after = rankApplications([candidate('a', 90, '10.00'), candidate('new', 80, '10.00')], params());
    expect(rankingChanges(before, after)).toEqual([
      {
        applicationId: 'new',
        before: null,
        after: { rank: 2, outcome: 'provisionally_granted', award: eur('10.00'), partial: false },
      },
      {
        applicationId: 'gone',
        before: { rank: 2, outcome: 'provisionally_granted', award: eur('10.00'), partial: false },
        after: null,
      },
    ]);
  });

  it('ignores a change of rank alone', () => {
    const before = rankApplications([candidate('a', 90, '10.00'), candidate('b', 80, '10.00')], params());
    const after = rankApplications([candidate('a', 70, '10.00'), candidate('b', 80, '10.00')], params());
    expect(rankingChanges(before, after)).toEqual([]);
  });
});
