import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import type {
  AssignmentQuery,
  AutoAssignRequest,
  CallAssignmentQuery,
  ConsensusRequest,
  DeclarationRequest,
  EvaluatorQuery,
  SimulateRequest,
  UpdateInterestsRequest,
} from '../../../api/types';
import { evaluationApi } from '../api/evaluation-api';

/** The signed-in evaluator's assignments. */
export function useMyAssignments(query: AssignmentQuery) {
  return useQuery({
    queryKey: queryKeys.evaluation.mine(query),
    queryFn: () => evaluationApi.mine(query),
    placeholderData: keepPreviousData,
  });
}

/** An evaluator's register of interests (nothing is asked until the id is known). */
export function useInterests(userId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.evaluation.interests(userId ?? ''),
    queryFn: () => evaluationApi.interests(userId as string),
    enabled: !!userId,
  });
}

/** Saves a register: the answer replaces the cached one, the workload view (its counts of interests) reloads. */
export function useUpdateInterests(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateInterestsRequest) => evaluationApi.updateInterests(userId, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.evaluation.interests(userId), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.evaluation.evaluators });
    },
  });
}

export function useEvaluators(query: EvaluatorQuery) {
  return useQuery({
    queryKey: queryKeys.evaluation.evaluatorList(query),
    queryFn: () => evaluationApi.evaluators(query),
    placeholderData: keepPreviousData,
  });
}

export function useCallAssignments(callId: string, query: CallAssignmentQuery) {
  return useQuery({
    queryKey: queryKeys.evaluation.callAssignments(callId, query),
    queryFn: () => evaluationApi.callAssignments(callId, query),
    placeholderData: keepPreviousData,
  });
}

/** After any change of assignments: every assignment list and the loads of the evaluators reload. */
function useAssignmentMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.evaluation.assignments });
      void queryClient.invalidateQueries({ queryKey: queryKeys.evaluation.evaluators });
    },
  });
}

export function useAssign(callId: string) {
  return useAssignmentMutation((v: { applicationId: string; evaluatorId: string }) =>
    evaluationApi.assign(callId, v.applicationId, v.evaluatorId),
  );
}

export function useAutoAssign(callId: string) {
  return useAssignmentMutation((body: AutoAssignRequest) => evaluationApi.autoAssign(callId, body));
}

export function useRemoveAssignment() {
  return useAssignmentMutation((id: string) => evaluationApi.remove(id));
}

/** One assignment (the evaluator's own, or any for officers). */
export function useAssignment(id: string) {
  return useQuery({
    queryKey: queryKeys.evaluation.assignment(id),
    queryFn: () => evaluationApi.assignment(id),
    staleTime: 0,
  });
}

/** The score sheet of an assignment (read once: the autosave keeps its own copy while it is edited). */
export function useSheet(id: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.evaluation.sheet(id),
    queryFn: () => evaluationApi.sheet(id),
    enabled,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** The declaration on conflicts: the answer is the assignment, in progress (or declined for a conflict). */
export function useDeclare(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DeclarationRequest) => evaluationApi.declare(id, body),
    onSuccess: (assignment) => {
      queryClient.setQueryData(queryKeys.evaluation.assignment(id), assignment);
      // The lists reload; not the assignment itself: after a declared conflict it answers 404 (for good).
      void queryClient.invalidateQueries({
        queryKey: queryKeys.evaluation.assignments,
        predicate: (q) => q.queryKey[2] !== 'detail',
      });
    },
  });
}

export function useSubmitSheet(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => evaluationApi.submitSheet(id),
    onSuccess: (sheet) => {
      queryClient.setQueryData(queryKeys.evaluation.sheet(id), sheet);
      void queryClient.invalidateQueries({ queryKey: queryKeys.evaluation.assignments });
    },
  });
}

/** The ranking of a call, live during evaluation. */
export function useRanking(callId: string) {
  return useQuery({
    queryKey: queryKeys.evaluation.ranking(callId),
    queryFn: () => evaluationApi.ranking(callId),
    staleTime: 0,
  });
}

/** The severity of each evaluator in a call (how far its totals sit from the others'). */
export function useEvaluatorStats(callId: string) {
  return useQuery({
    queryKey: queryKeys.evaluation.stats(callId),
    queryFn: () => evaluationApi.stats(callId),
    staleTime: 0,
  });
}

/**
 * The evaluation of one application: the aggregation, the sheets (with names, for officers), the consensus. An
 * evaluator asks for it only once its own sheet is submitted (`enabled`): before, nothing of the others is fetched.
 */
export function useApplicationEvaluation(applicationId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.evaluation.application(applicationId),
    queryFn: () => evaluationApi.evaluation(applicationId),
    staleTime: 0,
    enabled,
  });
}

/** Records a consensus score: the evaluation view shows it and the ranking reloads. */
export function useConsensus(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConsensusRequest) => evaluationApi.consensus(applicationId, body),
    onSuccess: (evaluation) => {
      queryClient.setQueryData(queryKeys.evaluation.application(applicationId), evaluation);
      void queryClient.invalidateQueries({ queryKey: queryKeys.evaluation.rankings });
    },
  });
}

/** A what-if allocation: it stores nothing, so it is a mutation only in that it is asked on demand. */
export function useSimulation(callId: string) {
  return useMutation({ mutationFn: (body: SimulateRequest) => evaluationApi.simulate(callId, body) });
}

/** Reopens a submitted sheet: the application's evaluation and the assignment lists reload. */
export function useReopenSheet(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { assignmentId: string; reason: string }) =>
      evaluationApi.reopenSheet(v.assignmentId, v.reason),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.evaluation.application(applicationId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.evaluation.assignments });
      void queryClient.invalidateQueries({ queryKey: queryKeys.evaluation.rankings });
    },
  });
}
