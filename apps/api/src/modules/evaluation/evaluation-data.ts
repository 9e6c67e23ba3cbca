/**
 * What the ranking, the severity table and the simulator read of a call: its applications under evaluation or later
 * and every assignment of the call with its submitted sheet, in two queries whatever the number of applications (no
 * query per application), aggregated in memory by the pure rules of libs/domain.
 */
import type { EntityManager } from 'typeorm';
import {
  aggregate,
  allocationParameters,
  APPLICATION_STATUSES,
  isEvaluated,
  parseMoney,
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
  assignments: LoadedSheet[];
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

interface SheetRow {
  id: string;
  application_id: string;
  evaluator_id: string;
  evaluator_name: string;
  status: AssignmentStatus;
  submitted_at: Date | null;
  scores: SheetScore[] | null;
}

/**
 * Every application of the call under evaluation or later, with its assignments, submitted sheets and consensus,
 * aggregated: one query for the applications (with their entity and consensus), one for all the call's
 * assignments (with the submitted sheets only), whatever their number.
 */
export async function loadCallEvaluation(m: EntityManager, call: CallEntity): Promise<LoadedApplication[]> {
  const [apps, sheets] = await Promise.all([
    m.query(
      `SELECT a.id, a.status, a.registry_number, a.title, e.legal_name AS entity_name, a.submitted_at,
              a.requested_amount, a.total_cost, a.own_contribution, a.cofunding, c.scores AS consensus
         FROM applications a
         JOIN entities e ON e.id = a.entity_id
         LEFT JOIN consensus_scores c ON c.application_id = a.id
        WHERE a.call_id = $1 AND a.status::text = ANY($2::text[])`,
      [call.id, EVALUATED_OR_LATER],
    ) as Promise<AppRow[]>,
    m.query(
      `SELECT s.id, s.application_id, s.evaluator_id, u.name AS evaluator_name, s.status, s.submitted_at,
              CASE WHEN s.status = 'submitted' THEN sh.scores END AS scores
         FROM assignments s
         JOIN users u ON u.id = s.evaluator_id
         LEFT JOIN score_sheets sh ON sh.assignment_id = s.id
        WHERE s.call_id = $1
        ORDER BY s.submitted_at NULLS LAST, s.id`,
      [call.id],
    ) as Promise<SheetRow[]>,
  ]);
  const byApp = new Map<string, LoadedSheet[]>();
  for (const s of sheets) {
    let list = byApp.get(s.application_id);
    if (!list) byApp.set(s.application_id, (list = []));
    list.push({
      assignmentId: s.id,
      evaluatorId: s.evaluator_id,
      evaluatorName: s.evaluator_name,
      status: s.status,
      submittedAt: s.submitted_at,
      scores: s.scores,
    });
  }
  return apps.map((a) => {
    const assignments = byApp.get(a.id) ?? [];
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
      assignments,
      ...aggregateLoaded(call, assignments, a.consensus),
    };
  });
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
