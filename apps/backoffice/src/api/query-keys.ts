import type {
  ApplicationListQuery,
  AssignmentQuery,
  AuditQuery,
  CallAssignmentQuery,
  CallListQuery,
  EvaluatorQuery,
  OutboxQuery,
  UserListQuery,
} from './types';

/** Every TanStack Query key of the back-office, from one object. */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  users: {
    all: ['users'] as const,
    list: (query: UserListQuery) => ['users', 'list', query] as const,
  },
  audit: {
    all: ['audit'] as const,
    list: (query: AuditQuery) => ['audit', 'list', query] as const,
  },
  outbox: {
    all: ['outbox'] as const,
    list: (query: OutboxQuery) => ['outbox', 'list', query] as const,
  },
  holidays: {
    all: ['holidays'] as const,
    year: (year: number) => ['holidays', year] as const,
    /** This year's and next year's calendar (GET /calendar/status): under `all`, so any change refreshes it. */
    status: ['holidays', 'status'] as const,
  },
  businessDays: (from: string, days: number, municipality: string) =>
    ['business-days', from, days, municipality] as const,
  // Grants (issue 3): one tree per resource, shared by the NGO portal and the officers' screens.
  entities: {
    all: ['entities'] as const,
    lists: ['entities', 'list'] as const,
    list: (query: object) => ['entities', 'list', query] as const,
    directorySearch: (q: string) => ['entities', 'directory', 'search', q] as const,
    directoryByIds: (ids: readonly string[]) =>
      ['entities', 'directory', 'ids', [...ids].sort().join(',')] as const,
    detail: (id: string) => ['entities', 'detail', id] as const,
    members: (id: string) => ['entities', 'detail', id, 'members'] as const,
  },
  calls: {
    all: ['calls'] as const,
    lists: ['calls', 'list'] as const,
    list: (query: CallListQuery) => ['calls', 'list', query] as const,
    detail: (id: string) => ['calls', 'detail', id] as const,
  },
  applications: {
    all: ['applications'] as const,
    lists: ['applications', 'list'] as const,
    list: (query: ApplicationListQuery) => ['applications', 'list', query] as const,
    detail: (id: string) => ['applications', 'detail', id] as const,
    documents: (id: string) => ['applications', 'detail', id, 'documents'] as const,
    requirements: (id: string) => ['applications', 'detail', id, 'requirements'] as const,
    history: (id: string) => ['applications', 'detail', id, 'history'] as const,
  },
  // Evaluation (issue 9): assignments (the evaluator's and each call's), evaluators and their registers.
  evaluation: {
    all: ['evaluation'] as const,
    assignments: ['evaluation', 'assignments'] as const,
    mine: (query: AssignmentQuery) => ['evaluation', 'assignments', 'mine', query] as const,
    callAssignments: (callId: string, query: CallAssignmentQuery) =>
      ['evaluation', 'assignments', 'call', callId, query] as const,
    assignment: (id: string) => ['evaluation', 'assignments', 'detail', id] as const,
    sheet: (id: string) => ['evaluation', 'assignments', 'detail', id, 'sheet'] as const,
    rankings: ['evaluation', 'ranking'] as const,
    ranking: (callId: string) => ['evaluation', 'ranking', callId] as const,
    stats: (callId: string) => ['evaluation', 'ranking', callId, 'stats'] as const,
    application: (applicationId: string) => ['evaluation', 'application', applicationId] as const,
    evaluators: ['evaluation', 'evaluators'] as const,
    evaluatorList: (query: EvaluatorQuery) => ['evaluation', 'evaluators', 'list', query] as const,
    interests: (userId: string) => ['evaluation', 'evaluators', 'interests', userId] as const,
  },
  // Committee (issue 10): a call's meetings of the evaluation committee, and each meeting.
  committee: {
    all: ['committee'] as const,
    list: (callId: string) => ['committee', 'call', callId] as const,
    meeting: (id: string) => ['committee', 'meeting', id] as const,
  },
};
