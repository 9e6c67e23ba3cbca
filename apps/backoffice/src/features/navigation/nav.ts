import type { Permission } from '@cofinanca/contracts';
import { ROUTES, type RoutePath } from '../../routes';

export interface NavItem {
  id:
    | 'home'
    | 'openCalls'
    | 'myApplications'
    | 'myEntity'
    | 'entities'
    | 'calls'
    | 'admissibility'
    | 'evaluationInbox'
    | 'myInterests'
    | 'evaluators'
    | 'users'
    | 'holidays'
    | 'calendar'
    | 'audit'
    | 'outbox'
    | 'profile';
  to: RoutePath;
  /** i18n key of the link text. */
  labelKey: string;
}

/** The links a person sees, from their permissions: nothing they may not use is shown. */
export function buildNavigation(permissions: ReadonlySet<Permission>): NavItem[] {
  const items: NavItem[] = [{ id: 'home', to: ROUTES.home, labelKey: 'nav.home' }];
  if (permissions.has('applications.apply')) {
    // The NGO portal: open calls, its applications and its entity.
    items.push({ id: 'openCalls', to: ROUTES.openCalls, labelKey: 'nav.openCalls' });
    items.push({ id: 'myApplications', to: ROUTES.myApplications, labelKey: 'nav.myApplications' });
  } else if (permissions.has('calls.read')) {
    items.push({ id: 'calls', to: ROUTES.calls, labelKey: 'nav.calls' });
  }
  if (permissions.has('entities.own'))
    items.push({ id: 'myEntity', to: ROUTES.myEntity, labelKey: 'nav.myEntity' });
  if (permissions.has('entities.read'))
    items.push({ id: 'entities', to: ROUTES.entities, labelKey: 'nav.entities' });
  if (permissions.has('applications.read')) {
    items.push({ id: 'admissibility', to: ROUTES.admissibility, labelKey: 'nav.admissibility' });
  }
  if (permissions.has('evaluations.score')) {
    // The evaluator's job: its assignments, and the register of interests that keeps conflicts away.
    items.push({ id: 'evaluationInbox', to: ROUTES.evaluationInbox, labelKey: 'nav.evaluationInbox' });
    items.push({ id: 'myInterests', to: ROUTES.myInterests, labelKey: 'nav.myInterests' });
  }
  if (permissions.has('evaluations.manage')) {
    items.push({ id: 'evaluators', to: ROUTES.evaluators, labelKey: 'nav.evaluators' });
  }
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
