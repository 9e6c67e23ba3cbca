/**
 * From the approved ranking to the grants (product.md "Committee and resolution"; api.md "Committee and
 * resolution"): the provisional resolution's lines, the hearing period (allegations, conformity, reformulation),
 * and the offer of freed money to the waiting list after a renounce. Pure: money in cents, never floats.
 */
import { addBusinessDays } from './business-days';
import { parsePercent } from './calls';
import type { Cents } from './money';
import type { Ranking, RankingOutcome } from './ranking';

/** The outcomes a provisional resolution gives (a ranking with a `pending` row cannot be proposed). */
export type ProvisionalOutcome = Exclude<RankingOutcome, 'pending'>;

export interface ProvisionalLine {
  applicationId: string;
  rank: number;
  total: number;
  outcome: ProvisionalOutcome;
  award: Cents | null;
  partial: boolean;
}

export type ProposalRefusal = 'RANKING_INCOMPLETE';

/**
 * The lines of the provisional resolution from the approved ranking, in its order: `provisionally_granted` with the
 * award (partial marked), `waitlisted` in rank order, `below_threshold`. Refused while the ranking is not complete.
 */
export function provisionalLines(
  ranking: Pick<Ranking, 'complete' | 'items'>,
): { ok: true; lines: ProvisionalLine[] } | { ok: false; code: ProposalRefusal } {
  if (!ranking.complete || ranking.items.some((i) => i.outcome === 'pending')) {
    return { ok: false, code: 'RANKING_INCOMPLETE' };
  }
  return {
    ok: true,
    lines: ranking.items.map((i) => ({
      applicationId: i.applicationId,
      rank: i.rank,
      total: i.total,
      outcome: i.outcome as ProvisionalOutcome,
      award: i.outcome === 'provisionally_granted' ? i.award : null,
      partial: i.outcome === 'provisionally_granted' && i.partial,
    })),
  };
}

/**
 * The last day for allegations, conformity and reformulation: `allegationDays` business days counted from the day
 * after the proposal (LPAC art. 30, the council's calendar).
 */
export function allegationDueDate(
  proposedOn: string,
  allegationDays: number,
  holidays: ReadonlySet<string>,
  calendarYears?: ReadonlySet<number>,
): string {
  return addBusinessDays(proposedOn, allegationDays, holidays, calendarYears);
}

/** What an entity notified of the proposal did during the hearing. */
export type HearingAnswer = 'allegation' | 'reformulation' | 'conformity';

export interface HearingState {
  /** Today in Europe/Madrid (YYYY-MM-DD). */
  today: string;
  allegationDueDate: string;
  /** The applications notified of the proposal. */
  notified: readonly string[];
  /** Application → its answers so far. */
  answers: ReadonlyMap<string, readonly HearingAnswer[]>;
}

/** Whether the hearing is over: its due date has passed, or every notified application has answered. */
export function hearingOver(h: HearingState): boolean {
  return h.today > h.allegationDueDate || h.notified.every((id) => (h.answers.get(id)?.length ?? 0) > 0);
}

/** Why an entity cannot file an allegation, a conformity or a reformulation now. */
export type HearingRefusal = 'DEADLINE_PASSED' | 'ALREADY_CONFORMED' | 'NOT_NOTIFIED' | 'NOT_PARTIAL';

/**
 * Whether an application may file `answer` today: only notified ones, until the due date (inclusive; after it
 * `DEADLINE_PASSED`, even when every other entity has answered); conformity waives allegations, so nothing follows
 * it; a reformulation only when the award is below the requested amount.
 */
export function hearingRefusal(
  h: HearingState,
  applicationId: string,
  answer: HearingAnswer,
  amounts?: { award: Cents | null; requested: Cents },
): HearingRefusal | null {
  if (!h.notified.includes(applicationId)) return 'NOT_NOTIFIED';
  if (h.today > h.allegationDueDate) return 'DEADLINE_PASSED';
  if (h.answers.get(applicationId)?.includes('conformity')) return 'ALREADY_CONFORMED';
  if (answer === 'reformulation') {
    if (!amounts || amounts.award === null || amounts.award <= 0n || amounts.award >= amounts.requested) {
      return 'NOT_PARTIAL';
    }
  }
  return null;
}

/** The budget not committed to grants and open offers: never below zero. */
export function freeBudget(budget: Cents, committed: readonly Cents[]): Cents {
  const left = committed.reduce((acc, c) => acc - c, budget);
  return left > 0n ? left : 0n;
}

export type OfferRefusal = 'BUDGET_EXCEEDED' | 'NOTHING_FREE';

/**
 * The offer to the first waitlisted application after a renounce: min(its eligible amount, the free budget),
 * partial when below the eligible amount (the entity then reformulates); refused when the free budget is under
 * `minPartialAwardPercent` of its eligible amount (`BUDGET_EXCEEDED`) or nothing is free.
 */
export function offerFor(
  eligible: Cents,
  free: Cents,
  minPartialAwardPercent: string,
): { ok: true; amount: Cents; partial: boolean } | { ok: false; code: OfferRefusal } {
  if (free <= 0n) return { ok: false, code: 'NOTHING_FREE' };
  if (free >= eligible) return { ok: true, amount: eligible, partial: false };
  if (free * 10000n < parsePercent(minPartialAwardPercent) * eligible)
    return { ok: false, code: 'BUDGET_EXCEEDED' };
  return { ok: true, amount: free, partial: true };
}
