/**
 * Ranking and allocation (product.md "The life of an application": Ranking, Allocation; "Evaluation in practice":
 * the live ranking and the simulator; api.md `GET /calls/:id/ranking`, `POST /calls/:id/allocation/simulate`).
 *
 * Money is integer cents (bigint), percentages exact basis points, points integer hundredths: nothing is a float.
 *
 * **Pending rows.** An application is `pending` while it is not evaluated (`isEvaluated`) or, when the call
 * requires a consensus, while it is divergent without one (its total is going to change). A pending row is ranked
 * by what is known (the aggregation of the sheets submitted so far; 0 without any), is listed with its eligible
 * amount, but gets no award, consumes no budget and does not stop the walk: the rows after it are allocated as if it
 * were not there. The ranking is then not `complete`, so it cannot be proposed (422 `RANKING_INCOMPLETE`).
 */
import type { AllocationMethod, CallParameters, Rubric, ScoreBand } from './calls';
import { parsePercent, type BasisPoints } from './calls';
import type { Cents } from './money';
import { parseMoney } from './money';
import {
  fundabilityReasons,
  pointsToHundredths,
  type AggregatedBlock,
  type Aggregation,
  type FundabilityReason,
} from './evaluation';

// ---------------------------------------------------------------------------------------------------------------
// Inputs

/** One application of the call as the ranking needs it. */
export interface RankingCandidate {
  applicationId: string;
  /** `REG-<year>-<6 digits>`; a tie-break after the submission instant when both have one. */
  registryNumber?: string | null;
  /** The application's submission instant (ISO 8601 with offset): earlier ranks first on a tie. */
  submittedAt: string;
  requestedAmount: Cents;
  totalCost: Cents;
  /**
   * The project's other funding (co-funding from other funders and the entity's own contribution): the award never
   * exceeds totalCost − otherFunding (no over-financing). Default 0.
   */
  otherFunding?: Cents;
  /** `aggregate()` of its submitted sheets (and consensus); only these four fields are read. */
  evaluation: Pick<Aggregation, 'total' | 'blocks' | 'divergent' | 'consensus'>;
  /** `isEvaluated()` of its assignments. */
  evaluated: boolean;
}

/** The call's parameters of the allocation (money in cents; percentages as the API's decimal strings, "80.00"). */
export interface AllocationParameters {
  budget: Cents;
  allocationMethod: AllocationMethod;
  /** `score_bands`: an application takes the band with the greatest minScore ≤ its total. */
  scoreBands: readonly ScoreBand[] | null;
  minPartialAwardPercent: string;
  minimumTotalScore: number;
  /** Null: no cap. */
  maxAmountPerApplication: Cents | null;
  maxCofinancingPercent: string;
  /** A divergent application needs a consensus before the ranking is complete. Default true in the call. */
  consensusRequired: boolean;
  /** Block codes compared, in this order, when totals tie (see `tieBreakBlockCodes`). */
  tieBreakBlocks: readonly string[];
}

/**
 * The blocks that break ties, in order: those with a `tieBreakOrder`, ascending (the default rubric: D EGiBDH = 1,
 * C technical quality = 2, product.md "Ranking"). A rubric without any gives none: ties then go to the earlier
 * submission.
 */
export function tieBreakBlockCodes(rubric: Rubric): string[] {
  return rubric.blocks
    .filter((b) => b.tieBreakOrder !== null && b.tieBreakOrder !== undefined)
    .sort((a, b) => (a.tieBreakOrder as number) - (b.tieBreakOrder as number))
    .map((b) => b.code);
}

/** A call's allocation parameters from its `CallParameters` (an empty budget counts as 0). */
export function allocationParameters(call: CallParameters, consensusRequired: boolean): AllocationParameters {
  return {
    budget: call.budget ? parseMoney(call.budget) : 0n,
    allocationMethod: call.allocationMethod,
    scoreBands: call.scoreBands,
    minPartialAwardPercent: call.minPartialAwardPercent,
    minimumTotalScore: call.minimumTotalScore,
    maxAmountPerApplication: call.maxAmountPerApplication ? parseMoney(call.maxAmountPerApplication) : null,
    maxCofinancingPercent: call.maxCofinancingPercent,
    consensusRequired,
    tieBreakBlocks: tieBreakBlockCodes(call.rubric),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Outputs

export type RankingOutcome = 'provisionally_granted' | 'waitlisted' | 'below_threshold' | 'pending';

/** Why a row is below threshold: the aggregation's reasons, or no score band covering its total. */
export type RankingReason = FundabilityReason | 'NO_SCORE_BAND';

export interface RankingItem {
  /** 1-based position in the ranking order (every row, pending and below threshold included). */
  rank: number;
  applicationId: string;
  total: number;
  blocks: AggregatedBlock[];
  /** Under these parameters' minimum total (block minimums as aggregated). */
  fundable: boolean;
  reasons: RankingReason[];
  /**
   * min(requested, max per application, max % × total cost, total cost − other funding), rounded down to the cent;
   * with `score_bands`, then × the band's percentage, rounded down.
   */
  eligibleAmount: Cents;
  /** The band's percentage with `score_bands` ("85.00"); null with `rank_order` or without a band. */
  bandPercent: string | null;
  /** Null unless `provisionally_granted`. */
  award: Cents | null;
  outcome: RankingOutcome;
  /** A partial award (the rest of the budget): the entity must reformulate. */
  partial: boolean;
  divergent: boolean;
  consensus: boolean;
  evaluated: boolean;
}

export interface Ranking {
  allocationMethod: AllocationMethod;
  budget: Cents;
  allocated: Cents;
  remaining: Cents;
  /** Every application evaluated and, when required, every divergent one with its consensus. */
  complete: boolean;
  items: RankingItem[];
}

// ---------------------------------------------------------------------------------------------------------------
// Order

function blockHundredths(blocks: readonly AggregatedBlock[], code: string): number {
  const block = blocks.find((b) => b.code === code);
  return block === undefined ? 0 : pointsToHundredths(block.points);
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The ranking order (product.md "Ranking"): total descending; then each tie-break block's points descending; then
 * the earlier submission instant; then the registry number, then the application id (ascending), so the order is
 * total and never depends on the input's order.
 */
export function compareForRanking(
  a: RankingCandidate,
  b: RankingCandidate,
  tieBreakBlocks: readonly string[],
): number {
  const byTotal = pointsToHundredths(b.evaluation.total) - pointsToHundredths(a.evaluation.total);
  if (byTotal !== 0) return byTotal;
  for (const code of tieBreakBlocks) {
    const byBlock = blockHundredths(b.evaluation.blocks, code) - blockHundredths(a.evaluation.blocks, code);
    if (byBlock !== 0) return byBlock;
  }
  const byInstant = Date.parse(a.submittedAt) - Date.parse(b.submittedAt);
  if (byInstant !== 0 && !Number.isNaN(byInstant)) return byInstant;
  if (a.registryNumber && b.registryNumber && a.registryNumber !== b.registryNumber) {
    return compareStrings(a.registryNumber, b.registryNumber);
  }
  return compareStrings(a.applicationId, b.applicationId);
}

/** The candidates in ranking order (a new array): `compareForRanking`, its keys computed once per candidate. */
export function rankingOrder(
  candidates: readonly RankingCandidate[],
  tieBreakBlocks: readonly string[],
): RankingCandidate[] {
  const keyed = candidates.map((c) => ({
    c,
    total: pointsToHundredths(c.evaluation.total),
    blocks: tieBreakBlocks.map((code) => blockHundredths(c.evaluation.blocks, code)),
    instant: Date.parse(c.submittedAt),
  }));
  keyed.sort((a, b) => {
    if (a.total !== b.total) return b.total - a.total;
    for (let i = 0; i < a.blocks.length; i++)
      if (a.blocks[i] !== b.blocks[i]) return b.blocks[i] - a.blocks[i];
    const byInstant = a.instant - b.instant;
    if (byInstant !== 0 && !Number.isNaN(byInstant)) return byInstant;
    const [x, y] = [a.c, b.c];
    if (x.registryNumber && y.registryNumber && x.registryNumber !== y.registryNumber) {
      return compareStrings(x.registryNumber, y.registryNumber);
    }
    return compareStrings(x.applicationId, y.applicationId);
  });
  return keyed.map((k) => k.c);
}

// ---------------------------------------------------------------------------------------------------------------
// Amounts

/** `amount × percent`, rounded down to the cent (amount ≥ 0). */
export function applyPercentDown(amount: Cents, percent: BasisPoints): Cents {
  return (amount * percent) / 10000n;
}

/**
 * The eligible amount (product.md "Allocation"): min(requested, max per application, max co-financing % × total
 * cost rounded down to the cent, total cost − other funding), never negative.
 */
export function eligibleAmount(
  candidate: Pick<RankingCandidate, 'requestedAmount' | 'totalCost' | 'otherFunding'>,
  maxAmountPerApplication: Cents | null,
  maxCofinancingPercent: string,
): Cents {
  const limits = [
    candidate.requestedAmount,
    applyPercentDown(candidate.totalCost, parsePercent(maxCofinancingPercent)),
    candidate.totalCost - (candidate.otherFunding ?? 0n),
  ];
  if (maxAmountPerApplication !== null) limits.push(maxAmountPerApplication);
  const least = limits.reduce((a, b) => (b < a ? b : a));
  return least < 0n ? 0n : least;
}

/** The band of a total: the one with the greatest minScore ≤ total, or null when none covers it. */
export function scoreBandFor(total: number, bands: readonly ScoreBand[] | null): ScoreBand | null {
  const t = pointsToHundredths(total);
  let best: ScoreBand | null = null;
  for (const band of bands ?? []) {
    const min = pointsToHundredths(band.minScore);
    if (min <= t && (best === null || min > pointsToHundredths(best.minScore))) best = band;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------------
// The ranking

function isPending(c: RankingCandidate, consensusRequired: boolean): boolean {
  return !c.evaluated || (consensusRequired && c.evaluation.divergent && !c.evaluation.consensus);
}

/**
 * The ranking of a call with its allocation (product.md "Allocation"). Rows in ranking order. For each row that is
 * not pending: not fundable (under `minimumTotalScore` or a block minimum), or no score band covering it →
 * `below_threshold`. The fundable ones, walking the order: a full award while its eligible amount fits in what is
 * left; the first that does not fit gets what is left if that is positive and at least `minPartialAwardPercent` of
 * its eligible amount (`partial`: it must reformulate), else it is `waitlisted`; every fundable row after it is
 * `waitlisted`, in rank order, even one that would fit. Pending rows: see the module comment.
 */
export function rankApplications(
  candidates: readonly RankingCandidate[],
  params: AllocationParameters,
): Ranking {
  const minPartial = parsePercent(params.minPartialAwardPercent);
  let remaining = params.budget;
  let walkOpen = true;
  const items = rankingOrder(candidates, params.tieBreakBlocks).map((c, index): RankingItem => {
    const reasons: RankingReason[] = fundabilityReasons(
      c.evaluation.total,
      c.evaluation.blocks,
      params.minimumTotalScore,
    );
    const fundable = reasons.length === 0;
    let eligible = eligibleAmount(c, params.maxAmountPerApplication, params.maxCofinancingPercent);
    let bandPercent: string | null = null;
    if (params.allocationMethod === 'score_bands') {
      const band = scoreBandFor(c.evaluation.total, params.scoreBands);
      if (band === null) {
        eligible = 0n;
        if (fundable) reasons.push('NO_SCORE_BAND');
      } else {
        bandPercent = band.percent;
        eligible = applyPercentDown(eligible, parsePercent(band.percent));
      }
    }
    const row = {
      rank: index + 1,
      applicationId: c.applicationId,
      total: c.evaluation.total,
      blocks: c.evaluation.blocks,
      fundable,
      reasons,
      eligibleAmount: eligible,
      bandPercent,
      divergent: c.evaluation.divergent,
      consensus: c.evaluation.consensus,
      evaluated: c.evaluated,
    };
    const result = (outcome: RankingOutcome, award: Cents | null = null, partial = false): RankingItem => ({
      ...row,
      award,
      outcome,
      partial,
    });
    if (isPending(c, params.consensusRequired)) return result('pending');
    if (reasons.length > 0) return result('below_threshold');
    if (!walkOpen) return result('waitlisted');
    if (eligible <= remaining) {
      remaining -= eligible;
      return result('provisionally_granted', eligible);
    }
    walkOpen = false;
    if (remaining > 0n && remaining * 10000n >= minPartial * eligible) {
      const award = remaining;
      remaining = 0n;
      return result('provisionally_granted', award, true);
    }
    return result('waitlisted');
  });
  const complete = candidates.every((c) => !isPending(c, params.consensusRequired));
  return {
    allocationMethod: params.allocationMethod,
    budget: params.budget,
    allocated: params.budget - remaining,
    remaining,
    complete,
    items,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The simulator

/** What the simulator may change (api.md `POST /calls/:id/allocation/simulate`). */
export interface SimulationOverrides {
  budget?: Cents;
  allocationMethod?: AllocationMethod;
  scoreBands?: readonly ScoreBand[] | null;
  minPartialAwardPercent?: string;
  minimumTotalScore?: number;
}

export interface RankingRowSummary {
  rank: number;
  outcome: RankingOutcome;
  award: Cents | null;
  partial: boolean;
}

/** An application whose outcome, award or partial flag differs between two rankings. */
export interface RankingChange {
  applicationId: string;
  /** Null when the application is only in the simulated ranking. */
  before: RankingRowSummary | null;
  /** Null when the application is only in the current ranking. */
  after: RankingRowSummary | null;
}

export interface Simulation extends Ranking {
  changes: RankingChange[];
}

const summary = (item: RankingItem): RankingRowSummary => ({
  rank: item.rank,
  outcome: item.outcome,
  award: item.award,
  partial: item.partial,
});

/** The applications whose outcome, award or partial flag differ, in the order of `after`, then those only in `before`. */
export function rankingChanges(before: Ranking, after: Ranking): RankingChange[] {
  const previous = new Map(before.items.map((i) => [i.applicationId, i]));
  const changes: RankingChange[] = [];
  for (const item of after.items) {
    const old = previous.get(item.applicationId);
    previous.delete(item.applicationId);
    if (
      old === undefined ||
      old.outcome !== item.outcome ||
      old.award !== item.award ||
      old.partial !== item.partial
    ) {
      changes.push({
        applicationId: item.applicationId,
        before: old ? summary(old) : null,
        after: summary(item),
      });
    }
  }
  for (const old of previous.values())
    changes.push({ applicationId: old.applicationId, before: summary(old), after: null });
  return changes;
}

/**
 * "What if the budget were X / the method Y / the threshold Z" (product.md "Simulator"): the ranking under the call's
 * parameters with the overrides applied, and its `changes` against the current ranking. Stores nothing.
 */
export function simulateAllocation(
  candidates: readonly RankingCandidate[],
  current: AllocationParameters,
  overrides: SimulationOverrides,
): Simulation {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const simulated = rankApplications(candidates, { ...current, ...defined });
  return { ...simulated, changes: rankingChanges(rankApplications(candidates, current), simulated) };
}
