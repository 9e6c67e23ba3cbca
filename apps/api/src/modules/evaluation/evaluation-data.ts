/**
 * What the ranking, the severity table and the simulator read of a call: its applications under evaluation or later
 * with their sheets summed in SQL, in two statements whatever the number of applications (no query per application),
 * aggregated by the pure rules of libs/domain (`aggregateSums`). One application's view reads its sheets whole.
 */
import type { EntityManager } from 'typeorm';
import {
  aggregate,
  aggregateSums,
  allocationParameters,
  APPLICATION_STATUSES,
  isEvaluated,
  hundredthsToPoints,
  parseMoney,
  columnSums,
  sumCents,
  type Aggregation,
  type AssignmentStatus,
  type Cofunding,
  type RankingCandidate,
  type SheetScore,
} from '@cofinanca/domain';
import type { CallEntity } from '../calls/call.entity';
import { toCallParameters } from '../calls/call-parameters';
import type { ConsensusScore } from './consensus.entity';

/** The application statuses that take part in the evaluation and the ranking: under evaluation and after. */
export const EVALUATED_OR_LATER: readonly string[] = APPLICATION_STATUSES.slice(
  APPLICATION_STATUSES.indexOf('under_evaluation'),
);

export interface LoadedSheet {
  assignmentId: string;
  evaluatorId: string;
  evaluatorName: string;
  status: AssignmentStatus;
  submittedAt: Date | null;
  /** Only for a submitted sheet. */
  scores: SheetScore[] | null;
}

export interface LoadedApplication {
  id: string;
  status: string;
  registryNumber: string | null;
  title: string | null;
  entityName: string;
  submittedAt: Date | null;
  requestedAmount: string | null;
  totalCost: string | null;
  ownContribution: string | null;
  cofunding: Cofunding[];
  consensus: ConsensusScore[] | null;
  /** Each submitted sheet's evaluator and total. */
  sheetTotals: { evaluatorId: string; total: number }[];
  aggregation: Aggregation;
  evaluated: boolean;
}

/** The aggregation parameters of a call (its numeric columns are strings). */
export function aggregationParams(call: CallEntity) {
  return {
    minimumTotalScore: Number(call.minimumTotalScore),
    divergenceThreshold: Number(call.divergenceThreshold),
  };
}

/** The call's allocation parameters (money in cents). */
export function callAllocation(call: CallEntity) {
  return allocationParameters(toCallParameters(call), call.consensusRequired);
}

/** The submitted sheets of an application's assignments. */
export function submittedSheets(assignments: readonly LoadedSheet[]): LoadedSheet[] {
  return assignments.filter((a) => a.status === 'submitted' && a.scores !== null);
}

/** Aggregates one application's loaded assignments (and consensus) under the call's rules. */
export function aggregateLoaded(
  call: CallEntity,
  assignments: readonly LoadedSheet[],
  consensus: ConsensusScore[] | null,
): { aggregation: Aggregation; evaluated: boolean } {
  const sheets = submittedSheets(assignments).map((a) => ({ scores: a.scores as SheetScore[] }));
  return {
    aggregation: aggregate(
      call.rubric,
      sheets,
      consensus ? { scores: consensus } : null,
      aggregationParams(call),
    ),
    evaluated: isEvaluated(assignments, call.evaluatorsPerApplication),
  };
}

interface AppRow {
  id: string;
  status: string;
  registry_number: string | null;
  title: string | null;
  entity_name: string;
  submitted_at: Date | null;
  requested_amount: string | null;
  total_cost: string | null;
  own_contribution: string | null;
  cofunding: Cofunding[] | null;
  consensus: ConsensusScore[] | null;
}

/**
 * Per application: its assignments' statuses (`a,b`) and its submitted sheets (`evaluatorId=[codes]=[points];…`, in
 * submission order), as text: one short row per application instead of one per sheet, cheap to read.
 */
interface SheetRow {
  application_id: string;
  statuses: string;
  sheets: string | null;
}

/**
 * A call's applications under evaluation or later, aggregated, in two statements whatever their number (no query
 * per application): the applications with their entity's name and consensus; and, grouped by application, their
 * assignments' statuses and the criterion codes and points of each submitted sheet (the column `points`, kept by the
 * database from `scores`: no comments are read). The points go through `columnSums` and `aggregateSums`, the same
 * rules as `aggregate`.
 */
export async function loadCallEvaluation(m: EntityManager, call: CallEntity): Promise<LoadedApplication[]> {
  const apps = (await m.query(
    `SELECT a.id, a.status, a.registry_number, a.title, e.legal_name AS entity_name, a.submitted_at,
            a.requested_amount, a.total_cost, a.own_contribution, a.cofunding, c.scores AS consensus
       FROM applications a
       JOIN entities e ON e.id = a.entity_id
       LEFT JOIN consensus_scores c ON c.application_id = a.id
      WHERE a.call_id = $1 AND a.status::text = ANY($2::text[])`,
    [call.id, EVALUATED_OR_LATER],
  )) as AppRow[];
  const sheets = (await m.query(
    `SELECT s.application_id, string_agg(s.status::text, ',') AS statuses,
            string_agg(s.evaluator_id::text || '=' || sh.points, ';' ORDER BY s.submitted_at, s.evaluator_id)
              FILTER (WHERE s.status = 'submitted') AS sheets
       FROM assignments s
       LEFT JOIN score_sheets sh ON sh.assignment_id = s.id
      WHERE s.call_id = $1
      GROUP BY s.application_id`,
    [call.id],
  )) as SheetRow[];
  const sheetsOf = new Map(sheets.map((r) => [r.application_id, r]));
  const params = aggregationParams(call);
  // Every sheet of a call usually lists the same criterion codes in the same order: parsed once.
  const codeLists = new Map<string, string[]>();
  const codesOf = (text: string) => {
    let list = codeLists.get(text);
    if (!list) codeLists.set(text, (list = JSON.parse(text) as string[]));
    return list;
  };
  return apps.map((a) => {
    const mine = sheetsOf.get(a.id);
    const submitted = (mine?.sheets ? mine.sheets.split(';') : []).map((text) => {
      const [evaluatorId, codes, points] = text.split('=');
      return { evaluatorId, codes: codesOf(codes), points: JSON.parse(points) as (number | null)[] };
    });
    const sums = columnSums(call.rubric, submitted);
    const statuses = (mine?.statuses ? mine.statuses.split(',') : []).map((status) => ({
      status: status as AssignmentStatus,
    }));
    return {
      id: a.id,
      status: a.status,
      registryNumber: a.registry_number,
      title: a.title,
      entityName: a.entity_name,
      submittedAt: a.submitted_at,
      requestedAmount: a.requested_amount,
      totalCost: a.total_cost,
      ownContribution: a.own_contribution,
      cofunding: a.cofunding ?? [],
      consensus: a.consensus,
      sheetTotals: submitted.map((sheet, i) => ({
        evaluatorId: sheet.evaluatorId,
        total: hundredthsToPoints(sums.sheetTotals[i]),
      })),
      aggregation: aggregateSums(call.rubric, sums, a.consensus ? { scores: a.consensus } : null, params),
      evaluated: isEvaluated(statuses, call.evaluatorsPerApplication),
    };
  });
}

/** The names of the evaluators assigned in the call. */
export async function evaluatorNames(m: EntityManager, callId: string): Promise<Map<string, string>> {
  const rows = (await m.query(
    `SELECT u.id, u.name FROM users u WHERE u.id IN (SELECT DISTINCT evaluator_id FROM assignments WHERE call_id = $1)`,
    [callId],
  )) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A numeric(14,2) column (a decimal string, never a float) in cents. */
const cents = (value: string | null): bigint => (value ? parseMoney(value) : 0n);

/** An application as the ranking of libs/domain reads it (money in cents). */
export function toCandidate(a: LoadedApplication): RankingCandidate {
  return {
    applicationId: a.id,
    registryNumber: a.registryNumber,
    submittedAt: (a.submittedAt ?? new Date(0)).toISOString(),
    requestedAmount: cents(a.requestedAmount),
    totalCost: cents(a.totalCost),
    otherFunding: cents(a.ownContribution) + sumCents(a.cofunding.map((c) => cents(c.amount))),
    evaluation: a.aggregation,
    evaluated: a.evaluated,
  };
}
