import type { Permission } from '@cofinanca/contracts';
import { ROUTES, type RoutePath } from '../../routes';

export interface NavItem {
  id: 'home' | 'users' | 'holidays' | 'calendar' | 'audit' | 'outbox' | 'profile';
  to: RoutePath;
  /** i18n key of the link text. */
  labelKey: string;
}

/** The links a person sees, from their permissions: nothing they may not use is shown. */
export function buildNavigation(permissions: ReadonlySet<Permission>): NavItem[] {
  const items: NavItem[] = [{ id: 'home', to: ROUTES.home, labelKey: 'nav.home' }];
  if (permissions.has('users.read')) items.push({ id: 'users', to: ROUTES.users, labelKey: 'nav.users' });
  if (permissions.has('calendar.manage')) {
    items.push({ id: 'holidays', to: ROUTES.calendar, labelKey: 'nav.holidays' });
  } else if (permissions.has('calendar.read')) {
    items.push({ id: 'calendar', to: ROUTES.calendar, labelKey: 'nav.calendar' });
  }
  if (permissions.has('audit.read')) items.push({ id: 'audit', to: ROUTES.audit, labelKey: 'nav.audit' });
  if (permissions.has('outbox.read')) items.push({ id: 'outbox', to: ROUTES.outbox, labelKey: 'nav.outbox' });
  items.push({ id: 'profile', to: ROUTES.profile, labelKey: 'nav.profile' });
  return items;
}
