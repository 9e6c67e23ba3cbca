import type { Permission } from '@cofinanca/contracts';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState, Loading } from '../components/States';
import { useMe } from '../features/auth/hooks/use-me';
import { usePermissions } from '../features/auth/hooks/use-permissions';
import { ForbiddenPage } from '../pages/ForbiddenPage';
import { ROUTES } from '../routes';

/** Only for signed-in people; the others go to the sign-in page and come back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const search = next && next !== '/' ? `?next=${encodeURIComponent(next)}` : '';
    return <Navigate to={`${ROUTES.login}${search}`} replace />;
  }
  return children;
}

/** Shows a "not allowed" page to people without the permission (the API refuses them anyway). */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const permissions = usePermissions();
  return permissions.has(permission) ? children : <ForbiddenPage />;
}
