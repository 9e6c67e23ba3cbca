import { describe, expect, it } from 'vitest';
import type { ApplicationEvaluation } from '../../../api/types';
import { lineOf, otherSheets } from './others';

type Sheet = NonNullable<ApplicationEvaluation['sheets']>[number];
const sheet = (total: number, over: Partial<Sheet> = {}): Sheet => ({
  total,
  scores: [
    { criterionCode: 'A1', points: total / 2, comment: `A1 per ${total}` },
    { criterionCode: 'B1', points: total / 2, comment: '' },
  ],
  submittedAt: '2026-12-01T10:00:00.000Z',
  ...over,
});

describe(otherSheets.name, () => {
  it("leaves out the evaluator's own sheet and numbers the others from 1, in the API's order", () => {
    const out = otherSheets({ sheets: [sheet(60), sheet(50, { own: true }), sheet(80)] });
    expect(out.map((s) => [s.number, s.total])).toEqual([
      [1, 60],
      [2, 80],
    ]);
    expect(out[0]).not.toHaveProperty('own');
  });

  it('gives nothing when only its own sheet is in, or when none is in', () => {
    expect(otherSheets({ sheets: [sheet(50, { own: true })] })).toEqual([]);
    expect(otherSheets({ sheets: [] })).toEqual([]);
  });

  it('keeps nothing that could name an evaluator, even if an answer carried it', () => {
    const [only] = otherSheets({
      sheets: [sheet(70, { evaluatorId: 'x', evaluatorName: 'Anna' })],
    });
    expect(Object.keys(only).sort()).toEqual(['number', 'scores', 'submittedAt', 'total']);
  });
});

describe(lineOf.name, () => {
  it("reads a criterion's points and rationale, and nothing for a criterion the sheet lacks", () => {
    expect(lineOf(sheet(60), 'A1')).toEqual({ points: 30, comment: 'A1 per 60' });
    expect(lineOf(sheet(60), 'Z9')).toEqual({ points: null, comment: '' });
  });
});
