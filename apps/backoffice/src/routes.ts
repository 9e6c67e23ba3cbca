/** Paths of every screen of the back-office. */
export const ROUTES = {
  home: '/',
  login: '/login',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  users: '/users',
  calendar: '/calendar',
  audit: '/audit',
  outbox: '/outbox',
  profile: '/profile',
  // NGO portal
  register: '/register',
  verifyEmail: '/verify-email',
  myEntity: '/my-entity',
  openCalls: '/open-calls',
  openCall: '/open-calls/:id',
  myApplications: '/my-applications',
  // Officers (and viewers for calls)
  entities: '/entities',
  entity: '/entities/:id',
  calls: '/calls',
  call: '/calls/:id',
  admissibility: '/admissibility',
  callAssignments: '/calls/:id/assignments',
  callRanking: '/calls/:id/ranking',
  callSimulator: '/calls/:id/simulator',
  applicationEvaluation: '/applications/:id/evaluation',
  callCommittee: '/calls/:id/committee',
  callCommitteeNew: '/calls/:id/committee/new',
  committeeMeeting: '/committee-meetings/:id',
  evaluators: '/evaluators',
  evaluatorInterests: '/evaluators/:id/interests',
  // Evaluators
  evaluationInbox: '/evaluation',
  myInterests: '/evaluation/interests',
  assignment: '/evaluation/assignments/:id',
  // Both: the NGO's form or the officer's review, by permission
  application: '/applications/:id',
} as const;

/** A concrete path for a route with an `:id` parameter. */
export function pathTo(route: `${string}:id${string}`, id: string): string {
  return route.replace(':id', encodeURIComponent(id));
}

export type RoutePath = (typeof ROUTES)[keyof typeof ROUTES];
