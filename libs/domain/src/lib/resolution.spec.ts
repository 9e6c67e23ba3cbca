import {
  allegationDueDate,
  freeBudget,
  hearingOver,
  hearingRefusal,
  offerFor,
  provisionalLines,
  type HearingAnswer,
  type HearingState,
} from './resolution';
import type { RankingItem } from './ranking';

const item = (
  applicationId: string,
  rank: number,
  outcome: RankingItem['outcome'],
  award: bigint | null = null,
  partial = false,
): RankingItem => ({
  rank,
  applicationId,
  total: 90 - rank,
  blocks: [],
  fundable: outcome !== 'below_threshold',
  reasons: outcome === 'below_threshold' ? ['BELOW_MINIMUM_TOTAL'] : [],
  eligibleAmount: 1_000_000n,
  bandPercent: null,
  award,
  outcome,
  partial,
  divergent: false,
  consensus: false,
  evaluated: outcome !== 'pending',
});

describe(provisionalLines.name, () => {
  it('gives each application of a complete ranking its line, in order, awards only to the granted', () => {
    const result = provisionalLines({
      complete: true,
      items: [
        item('a', 1, 'provisionally_granted', 1_000_000n),
        item('b', 2, 'provisionally_granted', 600_000n, true),
        item('c', 3, 'waitlisted'),
        item('d', 4, 'below_threshold'),
      ],
    });
    expect(result).toEqual({
      ok: true,
      lines: [
        {
          applicationId: 'a',
          rank: 1,
          total: 89,
          outcome: 'provisionally_granted',
          award: 1_000_000n,
          partial: false,
        },
        {
          applicationId: 'b',
          rank: 2,
          total: 88,
          outcome: 'provisionally_granted',
          award: 600_000n,
          partial: true,
        },
        { applicationId: 'c', rank: 3, total: 87, outcome: 'waitlisted', award: null, partial: false },
        { applicationId: 'd', rank: 4, total: 86, outcome: 'below_threshold', award: null, partial: false },
      ],
    });
  });

  it.each([
    ['not complete', { complete: false, items: [item('a', 1, 'provisionally_granted', 1n)] }],
    ['complete but with a pending row', { complete: true, items: [item('a', 1, 'pending')] }],
  ])('refuses a ranking %s', (_label, ranking) => {
    expect(provisionalLines(ranking)).toEqual({ ok: false, code: 'RANKING_INCOMPLETE' });
  });
});

describe(allegationDueDate.name, () => {
  it('counts business days from the day after the proposal, skipping weekends and the calendar', () => {
    // Friday 2026-12-04 + 10 business days, with two days of the calendar off (7 and 8 December) and without.
    const holidays = new Set(['2026-12-07', '2026-12-08']);
    expect(allegationDueDate('2026-12-04', 10, holidays)).toBe('2026-12-22');
    expect(allegationDueDate('2026-12-04', 10, new Set())).toBe('2026-12-18');
  });
});

describe('the hearing', () => {
  const state = (today: string, answers: Record<string, HearingAnswer[]> = {}): HearingState => ({
    today,
    allegationDueDate: '2026-12-18',
    notified: ['a', 'b'],
    answers: new Map(Object.entries(answers)),
  });

  it.each([
    ['open on its due date with answers missing', state('2026-12-18', { a: ['conformity'] }), false],
    ['over the day after its due date', state('2026-12-19'), true],
    [
      'over early once every notified application has answered',
      state('2026-12-10', { a: ['allegation'], b: ['conformity'] }),
      true,
    ],
  ])('is %s', (_label, h, over) => {
    expect(hearingOver(h)).toBe(over);
  });

  it.each<
    [
      string,
      HearingState,
      string,
      HearingAnswer,
      { award: bigint | null; requested: bigint } | undefined,
      string | null,
    ]
  >([
    ['an allegation on the due date', state('2026-12-18'), 'a', 'allegation', undefined, null],
    ['an allegation after it', state('2026-12-19'), 'a', 'allegation', undefined, 'DEADLINE_PASSED'],
    [
      'an allegation by an application not notified',
      state('2026-12-10'),
      'z',
      'allegation',
      undefined,
      'NOT_NOTIFIED',
    ],
    [
      'anything after conformity',
      state('2026-12-10', { a: ['conformity'] }),
      'a',
      'allegation',
      undefined,
      'ALREADY_CONFORMED',
    ],
    ['a second allegation', state('2026-12-10', { a: ['allegation'] }), 'a', 'allegation', undefined, null],
    [
      'a reformulation of a partial award',
      state('2026-12-10'),
      'a',
      'reformulation',
      { award: 600_000n, requested: 1_000_000n },
      null,
    ],
    [
      'a reformulation of a full award',
      state('2026-12-10'),
      'a',
      'reformulation',
      { award: 1_000_000n, requested: 1_000_000n },
      'NOT_PARTIAL',
    ],
    [
      'a reformulation without an award',
      state('2026-12-10'),
      'a',
      'reformulation',
      { award: null, requested: 1_000_000n },
      'NOT_PARTIAL',
    ],
    ['a reformulation without amounts', state('2026-12-10'), 'a', 'reformulation', undefined, 'NOT_PARTIAL'],
  ])('refuses or takes %s', (_label, h, id, answer, amounts, expected) => {
    expect(hearingRefusal(h, id, answer, amounts)).toBe(expected);
  });
});

describe(freeBudget.name, () => {
  it.each([
    [6_600_000n, [3_000_000n, 2_000_000n], 1_600_000n],
    [6_600_000n, [], 6_600_000n],
    [1_000_000n, [600_000n, 600_000n], 0n],
  ])('of %p with %p committed is %p', (budget, committed, free) => {
    expect(freeBudget(budget, committed)).toBe(free);
  });
});

describe(offerFor.name, () => {
  it.each([
    [
      'the whole eligible amount when it fits',
      1_000_000n,
      1_500_000n,
      '50.00',
      { ok: true, amount: 1_000_000n, partial: false },
    ],
    [
      'exactly the eligible amount',
      1_000_000n,
      1_000_000n,
      '50.00',
      { ok: true, amount: 1_000_000n, partial: false },
    ],
    [
      'a partial award at exactly the minimum %',
      1_000_000n,
      500_000n,
      '50.00',
      { ok: true, amount: 500_000n, partial: true },
    ],
    [
      'nothing a cent under the minimum %',
      1_000_000n,
      499_999n,
      '50.00',
      { ok: false, code: 'BUDGET_EXCEEDED' },
    ],
    ['nothing when nothing is free', 1_000_000n, 0n, '0.00', { ok: false, code: 'NOTHING_FREE' }],
    ['any amount when the minimum is 0 %', 1_000_000n, 1n, '0', { ok: true, amount: 1n, partial: true }],
  ])('offers %s', (_label, eligible, free, pct, expected) => {
    expect(offerFor(eligible, free, pct)).toEqual(expected);
  });
});
