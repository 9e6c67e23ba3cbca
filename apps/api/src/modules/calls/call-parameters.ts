import type { CallParameters, CallStatus } from '@cofinanca/domain';
import type { CallEntity } from './call.entity';

/**
 * A call row as the pure rules of @cofinanca/domain read it (instants as ISO strings, points as numbers): the one
 * mapping the completeness check, the call window and the submission rules all use.
 */
export function toCallParameters(c: CallEntity): CallParameters & { status: CallStatus } {
  return {
    title: c.title,
    description: c.description,
    modalities: c.modalities,
    requiresGenderMarker: c.requiresGenderMarker,
    budget: c.budget,
    maxAmountPerApplication: c.maxAmountPerApplication,
    maxCofinancingPercent: c.maxCofinancingPercent,
    opensAt: c.opensAt?.toISOString() ?? null,
    closesAt: c.closesAt?.toISOString() ?? null,
    maxExecutionMonths: c.maxExecutionMonths,
    advancePercent: c.advancePercent,
    justificationMonths: c.justificationMonths,
    correctionDays: c.correctionDays,
    allegationDays: c.allegationDays,
    budgetDeviationPercent: c.budgetDeviationPercent,
    minimumTotalScore: Number(c.minimumTotalScore),
    divergenceThreshold: Number(c.divergenceThreshold),
    allocationMethod: c.allocationMethod,
    minPartialAwardPercent: c.minPartialAwardPercent,
    scoreBands: c.scoreBands,
    rubric: c.rubric,
    requiredDocuments: c.requiredDocuments,
    evaluatorsPerApplication: c.evaluatorsPerApplication,
    consensusRequired: c.consensusRequired,
    status: c.status,
  };
}
