import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout, PublicLayout } from './layout/AppLayout';
import { RequireAuth, RequirePermission } from './layout/guards';
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
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
