import { defaultCallTemplate, type Rubric } from './calls';
import {
  aggregate,
  aggregateSums,
  columnSums,
  divideRoundHalfUp,
  fundabilityReasons,
  hasAtMostTwoDecimals,
  hundredthsToPoints,
  isEvaluated,
  meanHundredths,
  missingScores,
  normaliseSheet,
  pointsIssue,
  pointsToHundredths,
  rubricCriteria,
  scoreInputErrors,
  sheetCompletenessErrors,
  sheetSums,
  sheetTotal,
  type AggregationParameters,
  type EvaluationAssignmentStatus,
  type ScoreInput,
  type SubmittedSheet,
} from './evaluation';

/** The default rubric of product.md (100 points, block D EGiBDH with a minimum of 10). */
const rubric: Rubric = defaultCallTemplate().rubric;
const params: AggregationParameters = { minimumTotalScore: 50, divergenceThreshold: 20 };

/** A complete submitted sheet of the default rubric: the given points, 0 elsewhere. */
function sheet(points: Record<string, number>): SubmittedSheet {
  return {
    scores: rubricCriteria(rubric).map((c) => ({
      criterionCode: c.code,
      points: points[c.code] ?? 0,
      comment: 'ok',
    })),
  };
}

/** A sheet giving every criterion its maximum (100 points). */
const full = (): Record<string, number> =>
  Object.fromEntries(rubricCriteria(rubric).map((c) => [c.code, c.maxPoints]));

/** Exactly 49.99 points with D at 10: C 25, A1–A3 12, B3 2.99, D1 5 + D2 5. */
const justBelowMinimum = { C1: 6, C2: 10, C3: 5, C4: 4, A1: 5, A2: 4, A3: 3, B3: 2.99, D1: 5, D2: 5 };

describe('the default rubric fixture', () => {
  it('has 100 points, 20 criteria in blocks A–G, and block D at a minimum of 50 %', () => {
    expect(rubricCriteria(rubric)).toHaveLength(20);
    expect(sheetTotal(sheet(full()).scores)).toBe(100);
    expect(sheetTotal(sheet(justBelowMinimum).scores)).toBe(49.99);
    const d = rubric.blocks.find((b) => b.code === 'D');
    expect(d?.minPoints).toBe(10);
    expect(d?.criteria.reduce((acc, c) => acc + c.maxPoints, 0)).toBe(20);
  });
});

describe(hasAtMostTwoDecimals.name, () => {
  it.each([
    [0, true],
    [1, true],
    [4.25, true],
    [0.1, true],
    [0.01, true],
    [-1.5, true],
    [1e21, true],
    [4.255, false],
    [0.001, false],
    [1e-7, false],
    [0.1 + 0.2, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])('%p → %p', (value, expected) => {
    expect(hasAtMostTwoDecimals(value)).toBe(expected);
  });
});

describe(pointsToHundredths.name, () => {
  it.each([
    [0, 0],
    [4.35, 435],
    [0.29, 29],
    [0.07, 7],
    [10, 1000],
    [99.99, 9999],
    [-0, 0],
  ])('%p → %p', (points, hundredths) => {
    expect(Object.is(pointsToHundredths(points), hundredths)).toBe(true);
  });

  it.each([1.005, Number.NaN, 0.1 + 0.2])('throws on %p', (points) => {
    expect(() => pointsToHundredths(points)).toThrow(RangeError);
  });

  it('round-trips through hundredthsToPoints', () => {
    for (let h = 0; h <= 10000; h += 1) expect(pointsToHundredths(hundredthsToPoints(h))).toBe(h);
  });
});

describe(divideRoundHalfUp.name, () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [4n, 3n, 1n],
    [5n, 3n, 2n],
    [-4n, 3n, -1n],
    [-5n, 3n, -2n],
    [0n, 7n, 0n],
    [6n, 3n, 2n],
  ])('%p / %p → %p (half away from zero)', (num, den, expected) => {
    expect(divideRoundHalfUp(num, den)).toBe(expected);
  });

  it('refuses a divisor that is not positive', () => {
    expect(() => divideRoundHalfUp(1n, 0n)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1n, -1n)).toThrow(RangeError);
  });
});

describe(meanHundredths.name, () => {
  it.each([
    [[], null],
    [[425], 425],
    [[425, 426], 426], // 4.255 → 4.26
    [[333, 334], 334], // 3.335 → 3.34, where floats give 3.33
    [[1, 2], 2], // 0.015 → 0.02
    [[100, 100, 101], 100], // 1.0033 → 1.00
    [[100, 101, 101], 101], // 1.0067 → 1.01
    [[0, 0, 1], 0], // 0.0033 → 0.00
    [[0, 1], 1], // 0.005 → 0.01
  ])('%p → %p', (values, expected) => {
    expect(meanHundredths(values)).toBe(expected);
  });
});

describe(pointsIssue.name, () => {
  it.each([
    ['4', { code: 'NOT_NUMBER' }],
    [null, { code: 'NOT_NUMBER' }],
    [Number.NaN, { code: 'NOT_NUMBER' }],
    [Number.POSITIVE_INFINITY, { code: 'NOT_NUMBER' }],
    [4.255, { code: 'INVALID_POINTS', params: { min: 0 } }],
    [1e-7, { code: 'INVALID_POINTS', params: { min: 0 } }],
    [-0.001, { code: 'INVALID_POINTS', params: { min: 0 } }],
    [-1, { code: 'TOO_SMALL', params: { min: 0 } }],
    [-0.01, { code: 'TOO_SMALL', params: { min: 0 } }],
    [5.01, { code: 'TOO_LARGE', params: { max: 5 } }],
    [6, { code: 'TOO_LARGE', params: { max: 5 } }],
    [5, null],
    [4.99, null],
    [0, null],
    [0.01, null],
  ])('%p against a maximum of 5 → %p', (value, expected) => {
    expect(pointsIssue(value, 5)).toEqual(expected);
  });

  it('compares with a two-decimal maximum exactly', () => {
    expect(pointsIssue(2.5, 2.5)).toBeNull();
    expect(pointsIssue(2.51, 2.5)).toEqual({ code: 'TOO_LARGE', params: { max: 2.5 } });
  });
});

describe(scoreInputErrors.name, () => {
  const codes = rubricCriteria(rubric)
    .map((c) => c.code)
    .join(', ');

  it('accepts a draft with null points and no comment', () => {
    expect(
      scoreInputErrors(
        rubric,
        [
          { criterionCode: 'A1', points: null },
          { criterionCode: 'D2', points: 7 },
        ],
        {
          allowNull: true,
        },
      ),
    ).toEqual({});
  });

  it('names an unknown criterion, a repeated one and bad points by their input paths', () => {
    expect(
      scoreInputErrors(
        rubric,
        [
          { criterionCode: 'Z9', points: 1 },
          { criterionCode: 'A1', points: 5.5 },
          { criterionCode: 'A1', points: 1 },
          { criterionCode: 'A2', points: 1.234 },
          { criterionCode: 'A3', points: -2 },
          { criterionCode: 'A4', points: null },
        ],
        { allowNull: false },
      ),
    ).toEqual({
      'scores[0].criterionCode': [{ code: 'ONE_OF', params: { values: codes } }],
      'scores[1].points': [{ code: 'TOO_LARGE', params: { max: 5 } }],
      'scores[2].criterionCode': [{ code: 'NOT_UNIQUE' }],
      'scores[3].points': [{ code: 'INVALID_POINTS', params: { min: 0 } }],
      'scores[4].points': [{ code: 'TOO_SMALL', params: { min: 0 } }],
      'scores[5].points': [{ code: 'REQUIRED' }],
    });
  });

  it('with requireAll (a consensus) names the criteria left out', () => {
    const all = rubricCriteria(rubric).map((c) => ({ criterionCode: c.code, points: 0 }));
    expect(scoreInputErrors(rubric, all, { requireAll: true })).toEqual({});
    expect(
      scoreInputErrors(
        rubric,
        all.filter((s) => s.criterionCode !== 'B2' && s.criterionCode !== 'G1'),
        { requireAll: true },
      ),
    ).toEqual({ scores: [{ code: 'REQUIRED', params: { criteria: 'B2, G1' } }] });
  });
});

describe(normaliseSheet.name, () => {
  it('gives every criterion in rubric order, fills the gaps and drops unknown codes', () => {
    const lines = normaliseSheet(rubric, [
      { criterionCode: 'G1', points: 3, comment: 'g' },
      { criterionCode: 'X1', points: 3, comment: 'x' },
      { criterionCode: 'A1', points: 2 },
      { criterionCode: 'A1', points: 4, comment: 'second' },
    ]);
    expect(lines.map((l) => l.criterionCode)).toEqual(rubricCriteria(rubric).map((c) => c.code));
    expect(lines[0]).toEqual({ criterionCode: 'A1', points: 2, comment: '' });
    expect(lines[1]).toEqual({ criterionCode: 'A2', points: null, comment: '' });
    expect(lines[19]).toEqual({ criterionCode: 'G1', points: 3, comment: 'g' });
  });
});

describe(missingScores.name, () => {
  it('lists each criterion without points or without a (non-blank) comment', () => {
    const scores: ScoreInput[] = sheet(full()).scores.map((s) => ({ ...s }));
    expect(missingScores(rubric, scores)).toEqual([]);
    scores[0] = { criterionCode: 'A1', points: null, comment: 'ok' };
    scores[1] = { criterionCode: 'A2', points: 1, comment: '   ' };
    scores[2] = { criterionCode: 'A3', points: null, comment: '' };
    scores[3] = { criterionCode: 'A4', points: 0, comment: null };
    expect(missingScores(rubric, scores)).toEqual([
      { criterionCode: 'A1', missing: ['points'] },
      { criterionCode: 'A2', missing: ['comment'] },
      { criterionCode: 'A3', missing: ['points', 'comment'] },
      { criterionCode: 'A4', missing: ['comment'] },
    ]);
  });

  it('counts 0 points as given', () => {
    expect(missingScores(rubric, sheet({}).scores)).toEqual([]);
  });
});

describe(sheetCompletenessErrors.name, () => {
  it('keys the SCORES_INCOMPLETE errors by the line of the sheet in rubric order', () => {
    const scores = sheet(full()).scores.filter((s) => s.criterionCode !== 'D2');
    expect(sheetCompletenessErrors(rubric, scores)).toEqual({
      'scores[12].points': [{ code: 'REQUIRED', params: { criterion: 'D2' } }],
      'scores[12].comment': [{ code: 'REQUIRED', params: { criterion: 'D2' } }],
    });
    expect(sheetCompletenessErrors(rubric, sheet(full()).scores)).toEqual({});
  });
});

describe(sheetTotal.name, () => {
  it.each([
    [[], 0],
    [[0.1, 0.2], 0.3],
    [[0.1, 0.2, null], 0.3],
    [[4.99, 3.33, 2.68], 11],
    [[0.01, 0.01, 0.01], 0.03],
  ])('%p → %p exactly', (points, total) => {
    expect(sheetTotal(points.map((p, i) => ({ criterionCode: `C${i}`, points: p })))).toBe(total);
  });
});

describe(isEvaluated.name, () => {
  const s = (...statuses: EvaluationAssignmentStatus[]) => statuses.map((status) => ({ status }));
  it.each([
    [s(), 2, false],
    [s('submitted'), 2, false],
    [s('submitted', 'submitted'), 2, true],
    [s('submitted', 'submitted', 'conflict_declared'), 2, true],
    [s('submitted', 'conflict_declared'), 2, false],
    [s('submitted', 'submitted', 'in_progress'), 2, false],
    [s('submitted', 'submitted', 'pending_declaration'), 2, false],
    [s('submitted', 'submitted', 'submitted'), 2, true],
    [s('submitted'), 1, true],
    [s('conflict_declared'), 1, false],
    [s('submitted', 'submitted', 'submitted'), 3, true],
    [s('submitted', 'submitted'), 3, false],
  ])('%p with %p required → %p', (assignments, required, expected) => {
    expect(isEvaluated(assignments, required)).toBe(expected);
  });
});

describe(fundabilityReasons.name, () => {
  it.each([
    [50, true, []],
    [49.99, true, ['BELOW_MINIMUM_TOTAL']],
    [80, false, ['BELOW_BLOCK_MINIMUM:D']],
    [10, false, ['BELOW_MINIMUM_TOTAL', 'BELOW_BLOCK_MINIMUM:D']],
  ])('total %p, D reached %p → %p', (total, reached, reasons) => {
    expect(
      fundabilityReasons(
        total,
        [
          { code: 'C', reached: true },
          { code: 'D', reached },
        ],
        50,
      ),
    ).toEqual(reasons);
  });
});

describe(aggregate.name, () => {
  it('takes each criterion mean half-up to 2 decimals, sums blocks and total from the rounded means', () => {
    const result = aggregate(
      rubric,
      [sheet({ ...full(), A1: 3.33, C2: 0.01 }), sheet({ ...full(), A1: 3.34, C2: 0 })],
      null,
      params,
    );
    const a1 = result.criteria.find((c) => c.code === 'A1');
    const c2 = result.criteria.find((c) => c.code === 'C2');
    expect(a1).toEqual({ code: 'A1', max: 5, mean: 3.34, points: 3.34 }); // 3.335 → 3.34
    expect(c2).toEqual({ code: 'C2', max: 10, mean: 0.01, points: 0.01 }); // 0.005 → 0.01
    expect(result.blocks.find((b) => b.code === 'A')).toEqual({ code: 'A', points: 13.34, reached: true });
    expect(result.blocks.find((b) => b.code === 'C')).toEqual({ code: 'C', points: 15.01, reached: true });
    // 100 − (5 − 3.34) − (10 − 0.01) = 88.35; the sheets total 88.34 and 88.34
    expect(result.total).toBe(88.35);
    expect(result.sheetTotals).toEqual([88.34, 88.34]);
    expect(result.spread).toBe(0);
    expect(result.divergent).toBe(false);
    expect(result.submitted).toBe(2);
    expect(result.fundable).toBe(true);
    expect(result.reasons).toEqual([]);
    expect(result.consensus).toBe(false);
  });

  it('lists criteria and blocks in rubric order, with minPoints only on blocks that have one', () => {
    const result = aggregate(rubric, [sheet(full())], null, params);
    expect(result.criteria.map((c) => c.code)).toEqual(rubricCriteria(rubric).map((c) => c.code));
    expect(result.blocks).toEqual([
      { code: 'A', points: 15, reached: true },
      { code: 'B', points: 10, reached: true },
      { code: 'C', points: 25, reached: true },
      { code: 'D', points: 20, minPoints: 10, reached: true },
      { code: 'E', points: 10, reached: true },
      { code: 'F', points: 10, reached: true },
      { code: 'G', points: 10, reached: true },
    ]);
    expect(result.total).toBe(100);
  });

  it.each([
    [{ ...justBelowMinimum, B3: 3 }, 50, []],
    [justBelowMinimum, 49.99, ['BELOW_MINIMUM_TOTAL']],
    [{ ...full(), D2: 2, D3: 0, D4: 2.99 }, 89.99, ['BELOW_BLOCK_MINIMUM:D']], // D = 9.99
    [{ ...full(), D2: 2, D3: 0, D4: 3 }, 90, []], // D = 10: exactly 50 %
    [{ A1: 5, D1: 5, D2: 5 }, 15, ['BELOW_MINIMUM_TOTAL']],
    [{ A1: 5, D1: 4.99 }, 9.99, ['BELOW_MINIMUM_TOTAL', 'BELOW_BLOCK_MINIMUM:D']],
  ])('threshold: %p → total %p, reasons %p', (points, total, reasons) => {
    const result = aggregate(rubric, [sheet(points), sheet(points)], null, params);
    expect(result.total).toBe(total);
    expect(result.reasons).toEqual(reasons);
    expect(result.fundable).toBe(reasons.length === 0);
    expect(result.blocks.find((b) => b.code === 'D')?.reached).toBe(
      !reasons.includes('BELOW_BLOCK_MINIMUM:D'),
    );
  });

  it.each([
    [70, 50, 20, false], // exactly the threshold is not divergent
    [70.01, 50, 20.01, true],
    [50, 70.01, 20.01, true],
    [70, 70, 0, false],
  ])('spread: sheets %p and %p → %p, divergent %p', (first, second, spread, divergent) => {
    // G1 and E1 (10 each) and C (25), A (15), B (10), F (10) carry the difference; D stays at 20
    const make = (total: number) => {
      const points: Record<string, number> = { D1: 5, D2: 7, D3: 5, D4: 3 };
      let rest = pointsToHundredths(total) - 2000;
      for (const c of rubricCriteria(rubric).filter((x) => x.blockCode !== 'D')) {
        const given = Math.min(rest, pointsToHundredths(c.maxPoints));
        points[c.code] = hundredthsToPoints(given);
        rest -= given;
      }
      return sheet(points);
    };
    const result = aggregate(rubric, [make(first), make(second)], null, params);
    expect(result.sheetTotals).toEqual([first, second]);
    expect(result.spread).toBe(spread);
    expect(result.divergent).toBe(divergent);
  });

  it('takes the spread over all the submitted sheets (max − min)', () => {
    const result = aggregate(rubric, [sheet({ A1: 5 }), sheet({ C2: 10 }), sheet({ A1: 1 })], null, params);
    expect(result.sheetTotals).toEqual([5, 10, 1]);
    expect(result.spread).toBe(9);
  });

  it('honours a call divergence threshold other than 20', () => {
    const sheets = [sheet({ A1: 5 }), sheet({})];
    expect(aggregate(rubric, sheets, null, { ...params, divergenceThreshold: 5 }).divergent).toBe(false);
    expect(aggregate(rubric, sheets, null, { ...params, divergenceThreshold: 4.99 }).divergent).toBe(true);
  });

  it('lets a consensus replace the means (the means are still shown) and decide fundability', () => {
    const sheets = [sheet(full()), sheet({})]; // 100 and 0: divergent
    const before = aggregate(rubric, sheets, null, params);
    expect(before.total).toBe(50);
    expect(before.divergent).toBe(true);
    const consensus = {
      scores: rubricCriteria(rubric).map((c) => ({
        criterionCode: c.code,
        points: c.blockCode === 'D' ? 0 : c.maxPoints,
      })),
    };
    const after = aggregate(rubric, sheets, consensus, params);
    expect(after.consensus).toBe(true);
    expect(after.criteria.find((c) => c.code === 'D2')).toEqual({ code: 'D2', max: 7, mean: 3.5, points: 0 });
    expect(after.criteria.find((c) => c.code === 'A1')).toEqual({ code: 'A1', max: 5, mean: 2.5, points: 5 });
    expect(after.total).toBe(80);
    expect(after.blocks.find((b) => b.code === 'D')).toEqual({
      code: 'D',
      points: 0,
      minPoints: 10,
      reached: false,
    });
    expect(after.reasons).toEqual(['BELOW_BLOCK_MINIMUM:D']);
    expect(after.fundable).toBe(false);
    // the spread and divergence are of the sheets, not of the consensus
    expect(after.spread).toBe(100);
    expect(after.divergent).toBe(true);
  });

  it('keeps the mean of a criterion a consensus leaves out', () => {
    const result = aggregate(
      rubric,
      [sheet({ A1: 4 }), sheet({ A1: 2 })],
      { scores: [{ criterionCode: 'G1', points: 9.5 }] },
      params,
    );
    expect(result.criteria.find((c) => c.code === 'A1')?.points).toBe(3);
    expect(result.criteria.find((c) => c.code === 'G1')).toEqual({
      code: 'G1',
      max: 10,
      mean: 0,
      points: 9.5,
    });
    expect(result.total).toBe(12.5);
  });

  it('with no submitted sheet: no means, total 0, no spread', () => {
    const result = aggregate(rubric, [], null, params);
    expect(result.criteria.every((c) => c.mean === null && c.points === null)).toBe(true);
    expect(result.total).toBe(0);
    expect(result.spread).toBe(0);
    expect(result.divergent).toBe(false);
    expect(result.submitted).toBe(0);
    expect(result.reasons).toEqual(['BELOW_MINIMUM_TOTAL', 'BELOW_BLOCK_MINIMUM:D']);
  });

  it('counts a missing line of a sheet as 0 and ignores criteria the rubric does not have', () => {
    const result = aggregate(
      rubric,
      [
        {
          scores: [
            { criterionCode: 'A1', points: 4 },
            { criterionCode: 'Q1', points: 50 },
          ],
        },
        { scores: [{ criterionCode: 'A1', points: null }] },
      ],
      null,
      params,
    );
    expect(result.criteria.find((c) => c.code === 'A1')?.mean).toBe(2);
    expect(result.sheetTotals).toEqual([4, 0]);
    expect(result.total).toBe(2);
  });

  it('never accumulates float error over many sheets', () => {
    const sheets = Array.from({ length: 10 }, () => sheet({ A1: 0.1, A2: 0.2, C2: 0.7 }));
    const result = aggregate(rubric, sheets, null, params);
    expect(result.total).toBe(1);
    expect(result.sheetTotals.every((t) => t === 1)).toBe(true);
  });
});

describe(columnSums.name, () => {
  const [a1, a2] = rubricCriteria(rubric).map((c) => c.code);
  const codes = rubricCriteria(rubric).map((c) => c.code);
  const zero = Object.fromEntries(codes.map((c) => [c, 0]));

  it.each([
    ['no sheet', [], { submitted: 0, sums: zero, sheetTotals: [] }],
    [
      'one line each',
      [{ codes: [a1, a2], points: [1.5, 2.25] }],
      { submitted: 1, sums: { ...zero, [a1]: 150, [a2]: 225 }, sheetTotals: [375] },
    ],
    [
      'the first scored line of a repeated criterion counts',
      [{ codes: [a1, a1], points: [1, 3] }],
      { submitted: 1, sums: { ...zero, [a1]: 100 }, sheetTotals: [100] },
    ],
    [
      'a line without points does not hide a later one',
      [{ codes: [a1, a1], points: [null, 3] }],
      { submitted: 1, sums: { ...zero, [a1]: 300 }, sheetTotals: [300] },
    ],
    [
      'a criterion outside the rubric counts for nothing',
      [{ codes: ['ZZ9', a2], points: [9, 1] }],
      { submitted: 1, sums: { ...zero, [a2]: 100 }, sheetTotals: [100] },
    ],
    [
      'each sheet counts its own lines (a repeat in the second sheet is its first)',
      [
        { codes: [a1], points: [1] },
        { codes: [a1, a1], points: [2, 4] },
      ],
      { submitted: 2, sums: { ...zero, [a1]: 300 }, sheetTotals: [100, 200] },
    ],
  ])('%s', (_label, sheets, expected) => {
    expect(columnSums(rubric, sheets)).toEqual(expected);
  });

  it('is what sheetSums gives for the same sheets in any order of lines', () => {
    const sheets = [sheet({ [a1]: 1.25, [a2]: 3 }), sheet({ [a2]: 0.5 })].map((s) => ({
      scores: [...s.scores].reverse(),
    }));
    const columns = sheets.map((s) => ({
      codes: s.scores.map((x) => x.criterionCode),
      points: s.scores.map((x) => x.points),
    }));
    expect(columnSums(rubric, columns)).toEqual(sheetSums(rubric, sheets));
    expect(sheetSums(rubric, sheets).sums[a1]).toBe(125);
  });
});

describe(aggregateSums.name, () => {
  /** A deterministic generator (a linear congruential one): the same cases on every run. */
  let seed = 20261204;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const randomSheet = (): SubmittedSheet => ({
    scores: rubricCriteria(rubric).map((c) => ({
      criterionCode: c.code,
      points: next(c.maxPoints * 100 + 1) / 100,
      comment: 'ok',
    })),
  });

  it.each(Array.from({ length: 60 }, (_, i) => i % 5))(
    'gives what aggregate gives, from the sums a database computes (%i sheets)',
    (count) => {
      const sheets = Array.from({ length: count }, randomSheet);
      const consensus =
        next(3) === 0 ? { scores: [{ criterionCode: rubricCriteria(rubric)[0].code, points: 1.5 }] } : null;
      const sums = sheetSums(rubric, sheets);
      expect(sums.submitted).toBe(count);
      expect(sums.sheetTotals).toEqual(sheets.map((s) => pointsToHundredths(sheetTotal(s.scores))));
      expect(aggregateSums(rubric, sums, consensus, params)).toEqual(
        aggregate(rubric, sheets, consensus, params),
      );
    },
  );

  it('reads a criterion missing from the sums as 0 and no sheet as no mean', () => {
    const none = aggregateSums(rubric, { submitted: 0, sums: {}, sheetTotals: [] }, null, params);
    expect(none.criteria.every((c) => c.mean === null)).toBe(true);
    expect(none).toMatchObject({ total: 0, spread: 0, submitted: 0, fundable: false });
    const [first] = rubricCriteria(rubric);
    const one = aggregateSums(
      rubric,
      { submitted: 2, sums: { [first.code]: 501 }, sheetTotals: [250, 251] },
      null,
      params,
    );
    // 5.01 / 2 = 2.505 → 2.51 half-up; the others 0.
    expect(one.criteria[0].mean).toBe(2.51);
    expect(one.criteria[1].mean).toBe(0);
    expect(one.spread).toBe(0.01);
  });
});
