import type { ApplicationEvaluation, EvaluationSheet } from '../../../api/types';

/** Another evaluator's submitted sheet as an evaluator sees it: numbered, never named. */
export interface OtherSheet {
  /** 1, 2… in the order the API lists the sheets (the order they were submitted). */
  number: number;
  total: number;
  scores: EvaluationSheet['scores'];
  submittedAt: string | null;
}

/**
 * The other evaluators' sheets in the evaluation an evaluator reads once its own is submitted: every sheet but the
 * one the API marks as its own (`own`), numbered from 1. The API never sends names or ids to an evaluator; the
 * numbers only tell the sheets apart on this page.
 */
export function otherSheets(evaluation: Pick<ApplicationEvaluation, 'sheets'>): OtherSheet[] {
  return (evaluation.sheets ?? [])
    .filter((s) => !s.own)
    .map((s, i) => ({ number: i + 1, total: s.total, scores: s.scores, submittedAt: s.submittedAt }));
}

/** A sheet's points and rationale for one criterion (null points and an empty rationale when it has none). */
export function lineOf(
  sheet: Pick<OtherSheet, 'scores'>,
  criterionCode: string,
): { points: number | null; comment: string } {
  const line = sheet.scores.find((l) => l.criterionCode === criterionCode);
  return { points: line?.points ?? null, comment: line?.comment ?? '' };
}
