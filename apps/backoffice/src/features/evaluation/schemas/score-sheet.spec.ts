import { describe, expect, it } from 'vitest';
import type { Rubric, ScoreSheet } from '../../../api/types';
import { pointsProblem, sameLines, sheetTotals, toSheetLines, toSheetRequest } from './score-sheet';

const name = { ca: 'x', es: 'x', en: 'x' };
const rubric = {
  blocks: [
    {
      code: 'A',
      name,
      minPoints: null,
      tieBreakOrder: 1,
      criteria: [
        { code: 'A1', name, guidance: null, maxPoints: 10 },
        { code: 'A2', name, guidance: 'Mireu el pressupost', maxPoints: 5.5 },
      ],
    },
    {
      code: 'B',
      name,
      minPoints: null,
      tieBreakOrder: null,
      criteria: [{ code: 'B1', name, guidance: null, maxPoints: 20 }],
    },
  ],
} as Rubric;
const maxOf = (code: string) => ({ A1: 10, A2: 5.5, B1: 20 })[code] ?? 0;

const sheet = {
  assignmentId: 'a',
  status: 'in_progress',
  total: 7.5,
  submittedAt: null,
  updatedAt: null,
  version: 2,
  scores: [
    { criterionCode: 'A1', points: 7.5, comment: 'Bé' },
    { criterionCode: 'A2', points: null, comment: '' },
    { criterionCode: 'B1', points: 0.1, comment: '' },
  ],
} as ScoreSheet;

describe(pointsProblem.name, () => {
  it.each([
    ['', null],
    ['7', null],
    ['7,25', null],
    ['7.25', null],
    ['5.5', null],
    ['5,51', 'max'],
    ['7,255', 'format'],
    ['-1', 'format'],
    ['abc', 'format'],
  ])('%s (max 5.5 for the last ones) → %s', (typed, expected) => {
    expect(pointsProblem(typed, typed.startsWith('5') ? 5.5 : 10)).toBe(expected);
  });
});

describe('the sheet form', () => {
  it('shows the stored points with the decimal separator of the language', () => {
    expect(toSheetLines(sheet, true).map((l) => l.points)).toEqual(['7,5', '', '0,1']);
    expect(toSheetLines(sheet, false).map((l) => l.points)).toEqual(['7.5', '', '0.1']);
  });

  it('sends every line with the version read; unreadable or too high points go as not scored', () => {
    const lines = [
      { criterionCode: 'A1', points: '7,25', comment: 'Bé' },
      { criterionCode: 'A2', points: '6', comment: 'massa' },
      { criterionCode: 'B1', points: '1,234', comment: '' },
    ];
    expect(toSheetRequest(lines, 2, maxOf)).toEqual({
      version: 2,
      scores: [
        { criterionCode: 'A1', points: 7.25, comment: 'Bé' },
        { criterionCode: 'A2', points: null, comment: 'massa' },
        { criterionCode: 'B1', points: null, comment: '' },
      ],
    });
  });

  it('adds up blocks and the total exactly (no float drift), skipping what cannot be saved', () => {
    const lines = [
      { criterionCode: 'A1', points: '0,1', comment: '' },
      { criterionCode: 'A2', points: '0,2', comment: '' },
      { criterionCode: 'B1', points: '25', comment: '' },
    ];
    expect(sheetTotals(rubric, lines)).toEqual({
      blocks: [
        { code: 'A', points: 0.3, max: 15.5 },
        { code: 'B', points: 0, max: 20 },
      ],
      total: 0.3,
      max: 35.5,
    });
  });

  it('sees "7,5" and "7.5" as the same points, a changed comment as a change', () => {
    const a = [{ criterionCode: 'A1', points: '7,5', comment: 'x' }];
    expect(sameLines(a, [{ criterionCode: 'A1', points: '7.5', comment: 'x' }])).toBe(true);
    expect(sameLines(a, [{ criterionCode: 'A1', points: '7.5', comment: 'y' }])).toBe(false);
  });
});
