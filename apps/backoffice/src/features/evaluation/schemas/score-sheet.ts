import { hundredthsToPoints, pointsToHundredths } from '@cofinanca/domain';
import type { Rubric, ScoreSheet, UpdateScoresRequest } from '../../../api/types';
import { isPointsInput, normaliseDecimal, pointsInput } from '../../../lib/inputs';

/** A line of the sheet as the form holds it: the points as typed ("7,5"), the rationale. */
export interface SheetLine {
  criterionCode: string;
  points: string;
  comment: string;
}

/** The most characters of a rationale (as the API takes it). */
export const COMMENT_MAX = 5000;

/** The form lines of a stored sheet (points in the language's decimal separator). */
export function toSheetLines(sheet: ScoreSheet, decimalComma: boolean): SheetLine[] {
  return sheet.scores.map((s) => ({
    criterionCode: s.criterionCode,
    points: s.points === null ? '' : decimalComma ? String(s.points).replace('.', ',') : String(s.points),
    comment: s.comment,
  }));
}

/**
 * Why a typed value cannot be saved as the points of a criterion, or null: not a number with two decimals at
 * most, or above the criterion's maximum. (The API checks the same and has the last word.)
 */
export function pointsProblem(typed: string, maxPoints: number): 'format' | 'max' | null {
  const text = normaliseDecimal(typed);
  if (text === '') return null;
  if (!isPointsInput(text)) return 'format';
  return pointsInput(text) > maxPoints ? 'max' : null;
}

/** The PUT body: every line, points that cannot be saved sent as not scored (they stay marked in the form). */
export function toSheetRequest(
  lines: readonly SheetLine[],
  version: number,
  maxOf: (code: string) => number,
) {
  const body: UpdateScoresRequest = {
    version,
    scores: lines.map((l) => ({
      criterionCode: l.criterionCode,
      points:
        l.points.trim() === '' || pointsProblem(l.points, maxOf(l.criterionCode))
          ? null
          : pointsInput(l.points),
      comment: l.comment,
    })),
  };
  return body;
}

export interface SheetTotals {
  blocks: { code: string; points: number; max: number }[];
  total: number;
  max: number;
}

/** The running block sums and total of what is typed (exact, in hundredths), for the page to show. */
export function sheetTotals(rubric: Rubric, lines: readonly SheetLine[]): SheetTotals {
  const byCode = new Map(lines.map((l) => [l.criterionCode, l]));
  let total = 0;
  let max = 0;
  const blocks = rubric.blocks.map((block) => {
    let points = 0;
    let blockMax = 0;
    for (const c of block.criteria) {
      blockMax += pointsToHundredths(c.maxPoints);
      const line = byCode.get(c.code);
      if (line && line.points.trim() !== '' && !pointsProblem(line.points, c.maxPoints)) {
        points += pointsToHundredths(pointsInput(line.points));
      }
    }
    total += points;
    max += blockMax;
    return { code: block.code, points: hundredthsToPoints(points), max: hundredthsToPoints(blockMax) };
  });
  return { blocks, total: hundredthsToPoints(total), max: hundredthsToPoints(max) };
}

/** Whether two sets of lines hold the same thing (nothing to save). */
export function sameLines(a: readonly SheetLine[], b: readonly SheetLine[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (l, i) =>
        l.criterionCode === b[i].criterionCode &&
        normaliseDecimal(l.points) === normaliseDecimal(b[i].points) &&
        l.comment === b[i].comment,
    )
  );
}
