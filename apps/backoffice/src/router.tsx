import type { Permission } from '@cofinanca/contracts';
import type { ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout, PublicLayout } from './layout/AppLayout';
import { RequireAuth, RequirePermission } from './layout/guards';
import { AdmissibilityPage } from './pages/AdmissibilityPage';
import { ApplicationPage } from './pages/ApplicationPage';
import { AuditPage } from './pages/AuditPage';
import { CallPage } from './pages/CallPage';
import { CallsPage } from './pages/CallsPage';
import { EntitiesPage } from './pages/EntitiesPage';
import { EntityPage } from './pages/EntityPage';
import { MyApplicationsPage } from './pages/MyApplicationsPage';
import { MyEntityPage } from './pages/MyEntityPage';
import { OpenCallPage } from './pages/OpenCallPage';
import { OpenCallsPage } from './pages/OpenCallsPage';
import { RegisterPage } from './pages/RegisterPage';
import { VerifyEmailPage } from './pages/VerifyEmailPage';
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
          { path: ROUTES.register, element: <RegisterPage /> },
          { path: ROUTES.verifyEmail, element: <VerifyEmailPage /> },
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
          ...guarded('entities.own', [[ROUTES.myEntity, <MyEntityPage />]]),
          ...guarded('applications.apply', [
            [ROUTES.openCalls, <OpenCallsPage />],
            [ROUTES.openCall, <OpenCallPage />],
            [ROUTES.myApplications, <MyApplicationsPage />],
          ]),
          ...guarded('entities.read', [
            [ROUTES.entities, <EntitiesPage />],
            [ROUTES.entity, <EntityPage />],
          ]),
          ...guarded('calls.read', [
            [ROUTES.calls, <CallsPage />],
            [ROUTES.call, <CallPage />],
          ]),
          ...guarded('applications.read', [[ROUTES.admissibility, <AdmissibilityPage />]]),
          { path: ROUTES.application, element: <ApplicationPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
