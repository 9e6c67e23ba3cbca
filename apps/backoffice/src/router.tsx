import type { Permission } from '@cofinanca/contracts';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout, PublicLayout } from './layout/AppLayout';
import { RequireAuth, RequirePermission } from './layout/guards';
import { Loading } from './components/States';
import { AuditPage } from './pages/AuditPage';
import { CalendarPage } from './pages/CalendarPage';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OutboxPage } from './pages/OutboxPage';
import { ProfilePage } from './pages/ProfilePage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { RouteErrorPage } from './pages/RouteErrorPage';
import { UsersPage } from './pages/UsersPage';
import { ROUTES } from './routes';

export { ROUTES };

/**
 * The grant screens load on first use, in their own chunks: the sign-in page and the platform screens stay small,
 * and the codelists and the application form come only with the pages that need them.
 */
function lazyPage<K extends string>(load: () => Promise<{ [P in K]: () => ReactNode }>, name: K) {
  const Page = lazy<ComponentType>(async () => ({ default: (await load())[name] }));
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}

const pages = {
  register: lazyPage(() => import('./pages/RegisterPage'), 'RegisterPage'),
  verifyEmail: lazyPage(() => import('./pages/VerifyEmailPage'), 'VerifyEmailPage'),
  myEntity: lazyPage(() => import('./pages/MyEntityPage'), 'MyEntityPage'),
  openCalls: lazyPage(() => import('./pages/OpenCallsPage'), 'OpenCallsPage'),
  openCall: lazyPage(() => import('./pages/OpenCallPage'), 'OpenCallPage'),
  myApplications: lazyPage(() => import('./pages/MyApplicationsPage'), 'MyApplicationsPage'),
  entities: lazyPage(() => import('./pages/EntitiesPage'), 'EntitiesPage'),
  entity: lazyPage(() => import('./pages/EntityPage'), 'EntityPage'),
  calls: lazyPage(() => import('./pages/CallsPage'), 'CallsPage'),
  call: lazyPage(() => import('./pages/CallPage'), 'CallPage'),
  admissibility: lazyPage(() => import('./pages/AdmissibilityPage'), 'AdmissibilityPage'),
  application: lazyPage(() => import('./pages/ApplicationPage'), 'ApplicationPage'),
  evaluationInbox: lazyPage(() => import('./pages/EvaluationInboxPage'), 'EvaluationInboxPage'),
  myInterests: lazyPage(() => import('./pages/MyInterestsPage'), 'MyInterestsPage'),
  evaluators: lazyPage(() => import('./pages/EvaluatorsPage'), 'EvaluatorsPage'),
  evaluatorInterests: lazyPage(() => import('./pages/EvaluatorInterestsPage'), 'EvaluatorInterestsPage'),
  assignment: lazyPage(() => import('./pages/AssignmentPage'), 'AssignmentPage'),
  callRanking: lazyPage(() => import('./pages/CallRankingPage'), 'CallRankingPage'),
  callSimulator: lazyPage(() => import('./pages/CallSimulatorPage'), 'CallSimulatorPage'),
  applicationEvaluation: lazyPage(
    () => import('./pages/ApplicationEvaluationPage'),
    'ApplicationEvaluationPage',
  ),
  callAssignments: lazyPage(() => import('./pages/CallAssignmentsPage'), 'CallAssignmentsPage'),
  callCommittee: lazyPage(() => import('./pages/CallCommitteePage'), 'CallCommitteePage'),
  callCommitteeNew: lazyPage(() => import('./pages/CallCommitteeNewPage'), 'CallCommitteeNewPage'),
  committeeMeeting: lazyPage(() => import('./pages/CommitteeMeetingPage'), 'CommitteeMeetingPage'),
};

/** Routes shown only to people holding the permission (the API checks it again). */
function guarded(permission: Permission, pages: [string, ReactNode][]): RouteObject[] {
  return pages.map(([path, element]) => ({
    path,
    element: <RequirePermission permission={permission}>{element}</RequirePermission>,
  }));
}

export const routes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: ROUTES.login, element: <LoginPage /> },
          { path: ROUTES.forgotPassword, element: <ForgotPasswordPage /> },
          { path: ROUTES.resetPassword, element: <ResetPasswordPage /> },
          { path: ROUTES.register, element: pages.register },
          { path: ROUTES.verifyEmail, element: pages.verifyEmail },
        ],
      },
      {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { path: ROUTES.home, element: <HomePage /> },
          {
            path: ROUTES.users,
            element: (
              <RequirePermission permission="users.read">
                <UsersPage />
              </RequirePermission>
            ),
          },
          {
            path: ROUTES.calendar,
            element: (
              <RequirePermission permission="calendar.read">
                <CalendarPage />
              </RequirePermission>
            ),
          },
          {
            path: ROUTES.audit,
            element: (
              <RequirePermission permission="audit.read">
                <AuditPage />
              </RequirePermission>
            ),
          },
          {
            path: ROUTES.outbox,
            element: (
              <RequirePermission permission="outbox.read">
                <OutboxPage />
              </RequirePermission>
            ),
          },
          { path: ROUTES.profile, element: <ProfilePage /> },
          ...guarded('entities.own', [[ROUTES.myEntity, pages.myEntity]]),
          ...guarded('applications.apply', [
            [ROUTES.openCalls, pages.openCalls],
            [ROUTES.openCall, pages.openCall],
            [ROUTES.myApplications, pages.myApplications],
          ]),
          ...guarded('entities.read', [
            [ROUTES.entities, pages.entities],
            [ROUTES.entity, pages.entity],
          ]),
          ...guarded('calls.read', [
            [ROUTES.calls, pages.calls],
            [ROUTES.call, pages.call],
          ]),
          ...guarded('applications.read', [[ROUTES.admissibility, pages.admissibility]]),
          ...guarded('evaluations.score', [
            [ROUTES.evaluationInbox, pages.evaluationInbox],
            [ROUTES.myInterests, pages.myInterests],
            [ROUTES.assignment, pages.assignment],
          ]),
          ...guarded('evaluations.manage', [
            [ROUTES.evaluators, pages.evaluators],
            [ROUTES.evaluatorInterests, pages.evaluatorInterests],
            [ROUTES.callAssignments, pages.callAssignments],
            [ROUTES.callRanking, pages.callRanking],
            [ROUTES.callSimulator, pages.callSimulator],
            [ROUTES.applicationEvaluation, pages.applicationEvaluation],
            [ROUTES.callCommittee, pages.callCommittee],
            [ROUTES.callCommitteeNew, pages.callCommitteeNew],
            [ROUTES.committeeMeeting, pages.committeeMeeting],
          ]),
          { path: ROUTES.application, element: pages.application },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
