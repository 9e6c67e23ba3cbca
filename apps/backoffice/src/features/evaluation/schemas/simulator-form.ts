import { scoreBandIssues, type AllocationMethod, type FieldIssues, type ScoreBand } from '@cofinanca/domain';
import type { SimulateRequest } from '../../../api/types';
import { pointsInput } from '../../../lib/inputs';
import { parseMoneyInput, parsePercentInput } from '../../../lib/money-input';

/** One score band as the officer types it; `key` keeps the row (and its focus) when rows are added or removed. */
export interface BandDraft {
  key: number;
  minScore: string;
  percent: string;
}

/** What the simulator's form holds: empty texts and method keep the call's value. */
export interface SimulatorDraft {
  budget: string;
  allocationMethod: '' | AllocationMethod;
  minPartialAwardPercent: string;
  minimumTotalScore: string;
  /** Sent when the method simulated (the chosen one, else the call's) is `score_bands`. */
  scoreBands: BandDraft[];
}

export type SimpleField = 'budget' | 'minPartialAwardPercent' | 'minimumTotalScore';

export interface SimulateForm {
  body: SimulateRequest;
  /** The plain fields that are not a value at all (an amount, a percentage, points). */
  invalid: SimpleField[];
  /** The bands' broken rules, keyed by the API's paths (`scoreBands`, `scoreBands[1].minScore`): libs/domain's. */
  bandIssues: FieldIssues;
  /**
   * The band rows in the order they are sent: lowest minimum first, so that the table reads from the lowest band up
   * and the API's errors (`scoreBands[i]…`) name the rows as they are shown. Unchanged when a band is not valid.
   */
  bands: BandDraft[];
}

let nextKey = 0;
/** A new, empty band row. */
export function blankBand(): BandDraft {
  nextKey += 1;
  return { key: nextKey, minScore: '', percent: '' };
}

/** The call's bands as rows to edit, lowest minimum first, with the language's decimal separator. */
export function bandsForInput(
  bands: readonly ScoreBand[] | null | undefined,
  decimalSeparator: string,
): BandDraft[] {
  const local = (text: string) => (decimalSeparator === ',' ? text.replace('.', ',') : text);
  return [...(bands ?? [])]
    .sort((a, b) => a.minScore - b.minScore)
    .map((band) => ({
      ...blankBand(),
      minScore: local(String(band.minScore)),
      percent: local(band.percent),
    }));
}

/** The method the simulation runs with: the one chosen, else the call's. */
export function simulatedMethod(
  draft: Pick<SimulatorDraft, 'allocationMethod'>,
  callMethod: AllocationMethod,
) {
  return draft.allocationMethod || callMethod;
}

/**
 * The request of the simulator: only what was typed (the rest stays the call's), and the bands when the method
 * simulated is `score_bands`. The bands are checked by the domain's rules (the API checks them again and has the
 * last word); nothing should be sent while `invalid` or `bandIssues` name something.
 */
export function toSimulateRequest(d: SimulatorDraft, callMethod: AllocationMethod): SimulateForm {
  const body: SimulateRequest = {};
  const invalid: SimpleField[] = [];
  if (d.budget.trim()) {
    const v = parseMoneyInput(d.budget);
    if (v === null) invalid.push('budget');
    else body.budget = v;
  }
  if (d.allocationMethod) body.allocationMethod = d.allocationMethod;
  if (d.minPartialAwardPercent.trim()) {
    const v = parsePercentInput(d.minPartialAwardPercent);
    if (v === null) invalid.push('minPartialAwardPercent');
    else body.minPartialAwardPercent = v;
  }
  if (d.minimumTotalScore.trim()) {
    const v = pointsInput(d.minimumTotalScore);
    if (Number.isNaN(v)) invalid.push('minimumTotalScore');
    else body.minimumTotalScore = v;
  }
  if (simulatedMethod(d, callMethod) !== 'score_bands')
    return { body, invalid, bandIssues: {}, bands: d.scoreBands };

  // What cannot be read stays what was typed: the domain then names it (INVALID_POINTS, INVALID_PERCENT).
  const parsed: ScoreBand[] = d.scoreBands.map((row) => ({
    minScore: pointsInput(row.minScore),
    percent: parsePercentInput(row.percent) ?? row.percent,
  }));
  const bandIssues = scoreBandIssues(parsed);
  if (Object.keys(bandIssues).length > 0) return { body, invalid, bandIssues, bands: d.scoreBands };

  const order = parsed
    .map((band, i) => ({ band, row: d.scoreBands[i] }))
    .sort((a, b) => a.band.minScore - b.band.minScore);
  body.scoreBands = order.map((o) => o.band);
  return { body, invalid, bandIssues, bands: order.map((o) => o.row) };
}
