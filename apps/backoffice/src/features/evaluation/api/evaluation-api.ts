import { client, unwrap } from '../../../api/client';
import type {
  AssignmentQuery,
  AutoAssignRequest,
  CallAssignmentQuery,
  ConsensusRequest,
  DeclarationRequest,
  SimulateRequest,
  UpdateScoresRequest,
  EvaluatorQuery,
  UpdateInterestsRequest,
} from '../../../api/types';

const path = (id: string) => ({ params: { path: { id } } });

/**
 * The evaluation calls of the back-office: an evaluator's assignments and register of interests; the officers'
 * assignment board and workload view. The API decides what each role may do and enforces every rule (conflicts,
 * duplicates, balance); the screens only show and ask.
 */
export const evaluationApi = {
  // Assignments: the evaluator's own (the API gives an evaluator only its own), or any one for officers.
  mine: (query: AssignmentQuery) =>
    unwrap(client.GET('/api/v1/assignments', { params: { query: { ...query, mine: true } } })),
  assignment: (id: string) => unwrap(client.GET('/api/v1/assignments/{id}', path(id))),
  declare: (id: string, body: DeclarationRequest) =>
    unwrap(client.POST('/api/v1/assignments/{id}/declaration', { ...path(id), body })),

  // The score sheet of an assignment: draft saved with `version`, then submitted (locked).
  sheet: (id: string) => unwrap(client.GET('/api/v1/assignments/{id}/scores', path(id))),
  saveSheet: (id: string, body: UpdateScoresRequest) =>
    unwrap(client.PUT('/api/v1/assignments/{id}/scores', { ...path(id), body })),
  submitSheet: (id: string) => unwrap(client.POST('/api/v1/assignments/{id}/submit', path(id))),
  /** Officers: a submitted sheet back to its evaluator, with the reason (e-mailed to it). */
  reopenSheet: (id: string, reason: string) =>
    unwrap(client.POST('/api/v1/assignments/{id}/reopen', { ...path(id), body: { reason } })),

  // Officers: the ranking of a call (live during evaluation) and its exports.
  ranking: (callId: string) => unwrap(client.GET('/api/v1/calls/{id}/ranking', path(callId))),
  stats: (callId: string) => unwrap(client.GET('/api/v1/calls/{id}/evaluator-stats', path(callId))),
  simulate: (callId: string, body: SimulateRequest) =>
    unwrap(client.POST('/api/v1/calls/{id}/allocation/simulate', { ...path(callId), body })),
  evaluation: (applicationId: string) =>
    unwrap(client.GET('/api/v1/applications/{id}/evaluation', path(applicationId))),
  consensus: (applicationId: string, body: ConsensusRequest) =>
    unwrap(client.POST('/api/v1/applications/{id}/consensus', { ...path(applicationId), body })),
  rankingExportUrl: (callId: string, format: 'csv' | 'xlsx') =>
    `/api/v1/calls/${encodeURIComponent(callId)}/ranking.${format}`,

  // Registers of interests: the evaluator's own, or any evaluator's for officers.
  interests: (userId: string) =>
    unwrap(client.GET('/api/v1/evaluators/{userId}/interests', { params: { path: { userId } } })),
  updateInterests: (userId: string, body: UpdateInterestsRequest) =>
    unwrap(client.PUT('/api/v1/evaluators/{userId}/interests', { params: { path: { userId } }, body })),

  // Officers: the evaluators and their loads, a call's assignments, assigning and removing.
  evaluators: (query: EvaluatorQuery) => unwrap(client.GET('/api/v1/evaluators', { params: { query } })),
  callAssignments: (callId: string, query: CallAssignmentQuery) =>
    unwrap(client.GET('/api/v1/calls/{id}/assignments', { params: { path: { id: callId }, query } })),
  assign: (callId: string, applicationId: string, evaluatorId: string) =>
    unwrap(
      client.POST('/api/v1/calls/{id}/assignments', {
        ...path(callId),
        body: { applicationId, evaluatorId },
      }),
    ),
  autoAssign: (callId: string, body: AutoAssignRequest) =>
    unwrap(client.POST('/api/v1/calls/{id}/assignments/auto', { ...path(callId), body })),
  remove: (id: string) => unwrap(client.DELETE('/api/v1/assignments/{id}', path(id))),
};
