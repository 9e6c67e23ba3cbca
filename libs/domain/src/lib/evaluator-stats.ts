/**
 * Evaluator severity (product.md "Evaluation in practice": Severity; api.md `GET /calls/:id/evaluator-stats`).
 * Exact: totals are integer hundredths, the deviation is summed as a fraction and rounded once, half-up (away from
 * zero) to 2 decimals.
 */
import { divideRoundHalfUp, hundredthsToPoints, pointsToHundredths } from './evaluation';

/** One application of the call: its submitted sheets only, and whether it is divergent (`aggregate().divergent`). */
export interface StatsApplication {
  applicationId: string;
  divergent: boolean;
  sheets: ReadonlyArray<{ evaluatorId: string; total: number }>;
}

export interface EvaluatorStats {
  evaluatorId: string;
  /** Its submitted sheets in the call. */
  submitted: number;
  /** The mean of their totals, half-up to 2 decimals; null without a submitted sheet. */
  meanTotal: number | null;
  /**
   * The mean, over its submitted sheets, of (its total − the mean total of the other submitted sheets of the same
   * application), half-up (away from zero) to 2 decimals; a sheet alone on its application is left out; null when
   * no sheet is left. Negative: harsher than the others.
   */
  meanDeviation: number | null;
  /** The sheets `meanDeviation` rests on. */
  deviationSheets: number;
  /** Its applications (with a submitted sheet of its own) that are divergent. */
  divergent: number;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

/** An exact fraction num/den (den > 0), kept reduced. */
interface Fraction {
  num: bigint;
  den: bigint;
}

function addFractions(a: Fraction, b: Fraction): Fraction {
  const num = a.num * b.den + b.num * a.den;
  const den = a.den * b.den;
  const g = gcd(num, den);
  return { num: num / g, den: den / g };
}

interface Accumulator {
  submitted: number;
  totalSum: bigint;
  deviation: Fraction;
  deviationSheets: number;
  divergent: number;
}

/**
 * Per evaluator: submitted sheets, mean total, mean deviation from the other evaluators and divergent applications.
 * Evaluators come in the order of `evaluatorIds` (those without a sheet get zeros and nulls), then any other with a
 * sheet in order of first appearance.
 */
export function evaluatorStats(
  applications: readonly StatsApplication[],
  evaluatorIds: readonly string[] = [],
): EvaluatorStats[] {
  const acc = new Map<string, Accumulator>();
  const entry = (id: string): Accumulator => {
    let a = acc.get(id);
    if (a === undefined) {
      a = { submitted: 0, totalSum: 0n, deviation: { num: 0n, den: 1n }, deviationSheets: 0, divergent: 0 };
      acc.set(id, a);
    }
    return a;
  };
  for (const id of evaluatorIds) entry(id);
  for (const application of applications) {
    const totals = application.sheets.map((s) => BigInt(pointsToHundredths(s.total)));
    const sum = totals.reduce((x, y) => x + y, 0n);
    const others = BigInt(totals.length - 1);
    const counted = new Set<string>();
    application.sheets.forEach((sheet, i) => {
      const a = entry(sheet.evaluatorId);
      a.submitted += 1;
      a.totalSum += totals[i];
      if (others > 0n) {
        // total − (sum − total) / others = (total × others − (sum − total)) / others
        a.deviation = addFractions(a.deviation, { num: totals[i] * others - (sum - totals[i]), den: others });
        a.deviationSheets += 1;
      }
      if (application.divergent && !counted.has(sheet.evaluatorId)) {
        counted.add(sheet.evaluatorId);
        a.divergent += 1;
      }
    });
  }
  return [...acc.entries()].map(([evaluatorId, a]) => ({
    evaluatorId,
    submitted: a.submitted,
    meanTotal:
      a.submitted === 0
        ? null
        : hundredthsToPoints(Number(divideRoundHalfUp(a.totalSum, BigInt(a.submitted)))),
    meanDeviation:
      a.deviationSheets === 0
        ? null
        : hundredthsToPoints(
            Number(divideRoundHalfUp(a.deviation.num, a.deviation.den * BigInt(a.deviationSheets))),
          ),
    deviationSheets: a.deviationSheets,
    divergent: a.divergent,
  }));
}
