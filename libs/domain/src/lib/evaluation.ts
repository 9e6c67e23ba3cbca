/**
 * Scoring (product.md "The life of an application": Evaluation, Aggregation, Threshold; "Evaluation in practice";
 * api.md "Evaluation"): the points an evaluator may give, what a sheet needs before it is submitted, and the
 * aggregation of the submitted sheets of one application into criteria, blocks, total, spread and fundability.
 *
 * Points are JSON numbers with at most two decimals. Every sum, mean and comparison here is done on integer
 * hundredths (4.25 → 425), so no float error accumulates; a value leaves as `hundredths / 100`, the double nearest
 * to its two-decimal text, which JSON writes back as that text.
 */
import type { Rubric, RubricBlock } from './calls';
import { addFieldIssue, fieldIssue, type FieldIssue, type FieldIssues } from './field-errors';

// ---------------------------------------------------------------------------------------------------------------
// Points as integer hundredths

/** Points × 100, an integer: 4.25 → 425. */
export type Hundredths = number;

/** True when the value is a finite number with at most two decimals (exactly: read from its shortest decimal text). */
export function hasAtMostTwoDecimals(value: number): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (Number.isInteger(value)) return true;
  // Fast and exact below 1e9: the double nearest to k/100 is the one whose shortest text has two decimals at most.
  if (Math.abs(value) < 1e9) return Math.round(value * 100) / 100 === value;
  const text = String(Math.abs(value));
  // A non-integer written with an exponent is below 1e-6: more than two decimals.
  if (text.includes('e')) return false;
  return text.length - text.indexOf('.') - 1 <= 2;
}

/** 4.25 → 425. Throws a RangeError on a value that is not a finite number with at most two decimals. */
export function pointsToHundredths(points: number): Hundredths {
  if (!hasAtMostTwoDecimals(points))
    throw new RangeError(`Not points with at most two decimals: ${String(points)}`);
  return Math.round(points * 100) + 0;
}

/** 425 → 4.25 (the double JSON writes as "4.25"). */
export function hundredthsToPoints(hundredths: Hundredths): number {
  return hundredths / 100 + 0;
}

/**
 * `num / den` rounded half-up (half away from zero, as BigDecimal's HALF_UP) to an integer, exactly: integer
 * arithmetic only. `den` must be positive.
 */
export function divideRoundHalfUp(num: bigint, den: bigint): bigint {
  if (den <= 0n) throw new RangeError('The divisor must be positive');
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const rounded = (2n * abs + den) / (2n * den);
  return negative ? -rounded : rounded;
}

/** The mean of integer hundredths rounded half-up to hundredths (2 decimals); null for an empty list. */
export function meanHundredths(values: readonly Hundredths[]): Hundredths | null {
  if (values.length === 0) return null;
  const sum = values.reduce((acc, v) => acc + BigInt(v), 0n);
  return Number(divideRoundHalfUp(sum, BigInt(values.length)));
}

// ---------------------------------------------------------------------------------------------------------------
// The rubric seen as a list of criteria

export interface RubricCriterionRef {
  code: string;
  blockCode: string;
  maxPoints: number;
}

/** Every criterion of the rubric in rubric order (block by block), with its block. */
export function rubricCriteria(rubric: Rubric): RubricCriterionRef[] {
  return rubric.blocks.flatMap((block) =>
    (block.criteria ?? []).map((c) => ({ code: c.code, blockCode: block.code, maxPoints: c.maxPoints })),
  );
}

/**
 * `rubricCriteria` remembered per rubric object, for loops over thousands of applications of one call (read only:
 * a rubric is not changed once its call is published).
 */
const CRITERIA = new WeakMap<Rubric, readonly RubricCriterionRef[]>();
function criteriaOf(rubric: Rubric): readonly RubricCriterionRef[] {
  let found = CRITERIA.get(rubric);
  if (found === undefined) {
    found = rubricCriteria(rubric);
    CRITERIA.set(rubric, found);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Validating what an evaluator or an officer sends

/**
 * What is wrong with a points value for a criterion of `maxPoints`, or null when it is valid:
 * `NOT_NUMBER` (not a finite number), `INVALID_POINTS` `{ min: 0 }` (more than two decimals), `TOO_SMALL`
 * `{ min: 0 }` (negative), `TOO_LARGE` `{ max: maxPoints }` (over the criterion's maximum). Checked in that order.
 */
export function pointsIssue(value: unknown, maxPoints: number): FieldIssue | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fieldIssue('NOT_NUMBER');
  if (!hasAtMostTwoDecimals(value)) return fieldIssue('INVALID_POINTS', { min: 0 });
  if (value < 0) return fieldIssue('TOO_SMALL', { min: 0 });
  if (pointsToHundredths(value) > pointsToHundredths(maxPoints))
    return fieldIssue('TOO_LARGE', { max: maxPoints });
  return null;
}

/** One line of a score sheet or of a consensus: `points` null while the evaluator has not scored it. */
export interface ScoreInput {
  criterionCode: string;
  points: number | null;
  comment?: string | null;
}

export interface ScoreInputOptions {
  /** A null `points` is allowed (a draft sheet); a consensus needs every value. Default false. */
  allowNull?: boolean;
  /** Every criterion of the rubric must be present (a consensus). Default false. */
  requireAll?: boolean;
}

/**
 * The field errors of a list of scores against the rubric (the 400 of `PUT …/scores` and of `POST …/consensus`),
 * keyed by the input's paths: `scores[i].criterionCode` `ONE_OF` `{ values }` for a criterion the rubric does not
 * have, `NOT_UNIQUE` for one given twice; `scores[i].points` as `pointsIssue` (and `REQUIRED` for a null when
 * `allowNull` is false); with `requireAll`, `scores` `REQUIRED` `{ criteria }` naming the criteria left out.
 */
export function scoreInputErrors(
  rubric: Rubric,
  scores: readonly ScoreInput[],
  options: ScoreInputOptions = {},
): FieldIssues {
  const errors: FieldIssues = {};
  const criteria = new Map(rubricCriteria(rubric).map((c) => [c.code, c]));
  const seen = new Set<string>();
  scores.forEach((score, i) => {
    const path = `scores[${i}]`;
    const criterion = criteria.get(score.criterionCode);
    if (criterion === undefined) {
      addFieldIssue(errors, `${path}.criterionCode`, 'ONE_OF', { values: [...criteria.keys()].join(', ') });
      return;
    }
    if (seen.has(criterion.code)) {
      addFieldIssue(errors, `${path}.criterionCode`, 'NOT_UNIQUE');
      return;
    }
    seen.add(criterion.code);
    if (score.points === null || score.points === undefined) {
      if (!options.allowNull) addFieldIssue(errors, `${path}.points`, 'REQUIRED');
      return;
    }
    const issue = pointsIssue(score.points, criterion.maxPoints);
    if (issue !== null) (errors[`${path}.points`] ??= []).push(issue);
  });
  if (options.requireAll) {
    const missing = [...criteria.keys()].filter((code) => !seen.has(code));
    if (missing.length > 0) addFieldIssue(errors, 'scores', 'REQUIRED', { criteria: missing.join(', ') });
  }
  return errors;
}

/** A sheet line as stored and answered: every criterion of the rubric, in rubric order. */
export interface SheetScore {
  criterionCode: string;
  points: number | null;
  comment: string;
}

/**
 * The sheet as the API answers it: one line per rubric criterion in rubric order, null points and an empty comment
 * where nothing was given; lines for criteria the rubric does not have are dropped (the first of a repeated code wins).
 */
export function normaliseSheet(rubric: Rubric, scores: readonly ScoreInput[]): SheetScore[] {
  const byCode = new Map<string, ScoreInput>();
  for (const s of scores) if (!byCode.has(s.criterionCode)) byCode.set(s.criterionCode, s);
  return rubricCriteria(rubric).map((c) => {
    const s = byCode.get(c.code);
    return { criterionCode: c.code, points: s?.points ?? null, comment: s?.comment ?? '' };
  });
}

export interface MissingScore {
  criterionCode: string;
  /** Both may be missing. */
  missing: Array<'points' | 'comment'>;
}

/** Every criterion, in rubric order, that still lacks points or a non-blank comment (submitting needs both). */
export function missingScores(rubric: Rubric, scores: readonly ScoreInput[]): MissingScore[] {
  return normaliseSheet(rubric, scores).flatMap((s) => {
    const missing: Array<'points' | 'comment'> = [];
    if (s.points === null) missing.push('points');
    if (s.comment.trim() === '') missing.push('comment');
    return missing.length > 0 ? [{ criterionCode: s.criterionCode, missing }] : [];
  });
}

/**
 * The `errors` of `422 SCORES_INCOMPLETE`: `scores[i].points` and `scores[i].comment` `REQUIRED` `{ criterion }`,
 * `i` being the line of the normalised sheet (rubric order, as `GET …/scores` answers). Empty when the sheet can be
 * submitted.
 */
export function sheetCompletenessErrors(rubric: Rubric, scores: readonly ScoreInput[]): FieldIssues {
  const errors: FieldIssues = {};
  const index = new Map(rubricCriteria(rubric).map((c, i) => [c.code, i]));
  for (const m of missingScores(rubric, scores)) {
    for (const field of m.missing) {
      addFieldIssue(errors, `scores[${index.get(m.criterionCode)}].${field}`, 'REQUIRED', {
        criterion: m.criterionCode,
      });
    }
  }
  return errors;
}

/** The total of a sheet: the exact sum of the points given (null counts as 0). */
export function sheetTotal(scores: readonly ScoreInput[]): number {
  return hundredthsToPoints(sheetTotalHundredths(scores));
}

function sheetTotalHundredths(scores: readonly ScoreInput[]): Hundredths {
  return scores.reduce(
    (acc, s) => acc + (s.points === null || s.points === undefined ? 0 : pointsToHundredths(s.points)),
    0,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// When an application is evaluated

/** The assignment statuses of api.md "Evaluation". */
export type EvaluationAssignmentStatus =
  'pending_declaration' | 'conflict_declared' | 'in_progress' | 'submitted';

/**
 * "Evaluated" (product.md "Evaluation in practice"): every assignment not declined for a conflict is submitted, and
 * there are at least `evaluatorsPerApplication` submitted ones.
 */
export function isEvaluated(
  assignments: ReadonlyArray<{ status: EvaluationAssignmentStatus }>,
  evaluatorsPerApplication: number,
): boolean {
  const active = assignments.filter((a) => a.status !== 'conflict_declared');
  return (
    active.every((a) => a.status === 'submitted') && active.length >= Math.max(1, evaluatorsPerApplication)
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Aggregation

/** The call's parameters the aggregation needs (points). */
export interface AggregationParameters {
  /** Default 50. */
  minimumTotalScore: number;
  /** Default 20: a spread strictly greater than this is divergent. */
  divergenceThreshold: number;
}

/** A submitted sheet: its lines (a submitted sheet is complete; a missing line counts as 0). */
export interface SubmittedSheet {
  scores: readonly ScoreInput[];
}

/** An officer's consensus: points for every criterion (see `scoreInputErrors` with `requireAll`). */
export interface ConsensusInput {
  scores: ReadonlyArray<{ criterionCode: string; points: number }>;
}

export interface AggregatedCriterion {
  code: string;
  max: number;
  /** The mean of the submitted sheets, half-up to 2 decimals; null without a submitted sheet. */
  mean: number | null;
  /** The consensus points when one is recorded, else the mean. */
  points: number | null;
}

export interface AggregatedBlock {
  code: string;
  /** The sum of its criteria's points. */
  points: number;
  /** Present when the block has a minimum. */
  minPoints?: number;
  /** points ≥ minPoints (true for a block without a minimum). */
  reached: boolean;
}

export type FundabilityReason = 'BELOW_MINIMUM_TOTAL' | `BELOW_BLOCK_MINIMUM:${string}`;

export interface Aggregation {
  criteria: AggregatedCriterion[];
  blocks: AggregatedBlock[];
  /** The sum of the blocks. */
  total: number;
  /** The submitted sheets the means rest on. */
  submitted: number;
  /** The submitted sheets' totals, in the order given. */
  sheetTotals: number[];
  /** max − min of the submitted totals (0 with fewer than two sheets). */
  spread: number;
  /** spread > divergenceThreshold. */
  divergent: boolean;
  /** A consensus replaced the means. */
  consensus: boolean;
  /** total ≥ minimumTotalScore and every block with a minimum reaches it. */
  fundable: boolean;
  /** Why not fundable: BELOW_MINIMUM_TOTAL first, then BELOW_BLOCK_MINIMUM:<code> in rubric order. */
  reasons: FundabilityReason[];
}

/** The reasons an application with these blocks and total is not fundable (empty: fundable). */
export function fundabilityReasons(
  total: number,
  blocks: ReadonlyArray<Pick<AggregatedBlock, 'code' | 'reached'>>,
  minimumTotalScore: number,
): FundabilityReason[] {
  const reasons: FundabilityReason[] = [];
  if (pointsToHundredths(total) < pointsToHundredths(minimumTotalScore)) reasons.push('BELOW_MINIMUM_TOTAL');
  for (const b of blocks) if (!b.reached) reasons.push(`BELOW_BLOCK_MINIMUM:${b.code}`);
  return reasons;
}

function aggregateBlock(block: RubricBlock, points: ReadonlyMap<string, Hundredths | null>): AggregatedBlock {
  const sum = (block.criteria ?? []).reduce((acc, c) => acc + (points.get(c.code) ?? 0), 0);
  const hasMinimum = block.minPoints !== null && block.minPoints !== undefined;
  return {
    code: block.code,
    points: hundredthsToPoints(sum),
    ...(hasMinimum ? { minPoints: block.minPoints as number } : {}),
    reached: !hasMinimum || sum >= pointsToHundredths(block.minPoints as number),
  };
}

/**
 * What the aggregation needs of an application's submitted sheets, as exact sums (what a database can compute
 * for thousands of applications in one query): how many sheets, the sum of each criterion's points over them, and
 * each sheet's total, all in integer hundredths. `sheetSums()` computes them from the sheets.
 */
export interface SheetSums {
  submitted: number;
  /** Criterion code → the sum over the submitted sheets of its points × 100 (a missing line counts as 0). */
  sums: Readonly<Record<string, Hundredths>>;
  /** Each submitted sheet's total × 100 (over the rubric's criteria). */
  sheetTotals: readonly Hundredths[];
}

/**
 * A submitted sheet as two parallel lists, its criterion codes and their points (what the database keeps of a sheet
 * for the ranking, without the rationales): line `i` scores `codes[i]` with `points[i]`.
 */
export interface SheetColumns {
  codes: readonly string[];
  points: ReadonlyArray<number | null | undefined>;
}

const CRITERION_INDEX = new WeakMap<Rubric, ReadonlyMap<string, number>>();
/** Criterion code → its position among the rubric's criteria (made once per rubric). */
function criterionIndex(rubric: Rubric): ReadonlyMap<string, number> {
  let found = CRITERION_INDEX.get(rubric);
  if (found === undefined) {
    found = new Map(criteriaOf(rubric).map((c, i) => [c.code, i]));
    CRITERION_INDEX.set(rubric, found);
  }
  return found;
}

/**
 * The exact sums of these submitted sheets given as columns (per sheet, the first scored line of a criterion counts;
 * a line of a criterion outside the rubric, or without points, counts for nothing). A call's ranking sums 30,000
 * sheets with it, so it walks arrays rather than building a map per sheet.
 */
export function columnSums(rubric: Rubric, sheets: readonly SheetColumns[]): SheetSums {
  const criteria = criteriaOf(rubric);
  const index = criterionIndex(rubric);
  const totals = new Array<Hundredths>(criteria.length).fill(0);
  // seen[k] === the sheet's number + 1 once criterion k is counted for that sheet.
  const seen = new Array<number>(criteria.length).fill(0);
  const sheetTotals = sheets.map((sheet, number) => {
    let total = 0;
    for (let line = 0; line < sheet.codes.length; line++) {
      const k = index.get(sheet.codes[line]);
      const points = sheet.points[line];
      if (k === undefined || seen[k] === number + 1 || points === null || points === undefined) continue;
      seen[k] = number + 1;
      const h = pointsToHundredths(points);
      totals[k] += h;
      total += h;
    }
    return total;
  });
  const sums: Record<string, Hundredths> = {};
  criteria.forEach((c, k) => (sums[c.code] = totals[k]));
  return { submitted: sheets.length, sums, sheetTotals };
}

/** The exact sums of these submitted sheets (per line, the first of a repeated criterion counts). */
export function sheetSums(rubric: Rubric, sheets: readonly SubmittedSheet[]): SheetSums {
  return columnSums(
    rubric,
    sheets.map((sheet) => ({
      codes: sheet.scores.map((s) => s.criterionCode),
      points: sheet.scores.map((s) => s.points),
    })),
  );
}

/**
 * Aggregates the submitted sheets of one application (product.md "Aggregation", "Threshold"): each criterion's mean
 * half-up to 2 decimals, replaced by the consensus points when a consensus is given (a criterion the consensus
 * leaves out keeps its mean); block = sum of its criteria; total = sum of blocks; spread = max − min of the sheets'
 * totals; divergent when the spread exceeds the threshold; fundable when the total reaches the minimum and every
 * block with a minimum reaches it. Pass only submitted sheets.
 */
export function aggregate(
  rubric: Rubric,
  sheets: readonly SubmittedSheet[],
  consensus: ConsensusInput | null | undefined,
  params: AggregationParameters,
): Aggregation {
  return aggregateSums(rubric, sheetSums(rubric, sheets), consensus, params);
}

/** `aggregate` from the sheets' exact sums (the same rules: `aggregate` is this over `sheetSums`). */
export function aggregateSums(
  rubric: Rubric,
  input: SheetSums,
  consensus: ConsensusInput | null | undefined,
  params: AggregationParameters,
): Aggregation {
  const consensusPoints = new Map((consensus?.scores ?? []).map((s) => [s.criterionCode, s.points]));
  const n = BigInt(input.submitted);
  const points = new Map<string, Hundredths | null>();
  const criteria: AggregatedCriterion[] = criteriaOf(rubric).map((c) => {
    const mean = n === 0n ? null : Number(divideRoundHalfUp(BigInt(input.sums[c.code] ?? 0), n));
    const agreed = consensusPoints.get(c.code);
    const chosen = agreed !== undefined && agreed !== null ? pointsToHundredths(agreed) : mean;
    points.set(c.code, chosen);
    return {
      code: c.code,
      max: c.maxPoints,
      mean: mean === null ? null : hundredthsToPoints(mean),
      points: chosen === null ? null : hundredthsToPoints(chosen),
    };
  });
  const blocks = rubric.blocks.map((b) => aggregateBlock(b, points));
  const total = blocks.reduce((acc, b) => acc + pointsToHundredths(b.points), 0);
  const totals = input.sheetTotals;
  const spread = totals.length < 2 ? 0 : Math.max(...totals) - Math.min(...totals);
  const reasons = fundabilityReasons(hundredthsToPoints(total), blocks, params.minimumTotalScore);
  return {
    criteria,
    blocks,
    total: hundredthsToPoints(total),
    submitted: input.submitted,
    sheetTotals: totals.map(hundredthsToPoints),
    spread: hundredthsToPoints(spread),
    divergent: spread > pointsToHundredths(params.divergenceThreshold),
    consensus: consensusPoints.size > 0,
    fundable: reasons.length === 0,
    reasons,
  };
}
