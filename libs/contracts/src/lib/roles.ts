/**
 * Roles and the one function that maps them to permissions. The API enforces permissions on every route; the
 * back-office uses the same map to show only what a person may do.
 */
export const ROLES = ['admin', 'officer', 'evaluator', 'finance', 'viewer', 'entity'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'users.read',
  'users.manage',
  'audit.read',
  'outbox.read',
  'calendar.read',
  'calendar.manage',
  'calls.read',
  'calls.manage',
  'entities.read',
  'entities.manage',
  'entities.own',
  'applications.read',
  'applications.manage',
  'applications.apply',
  'evaluations.manage',
  'evaluations.score',
  'payments.manage',
  'reports.read',
  'settings.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // Platform administration, and reading calls as every signed-in user does: an admin does not decide grants (api.md).
  admin: [
    'calls.read',
    'users.read',
    'users.manage',
    'audit.read',
    'outbox.read',
    'calendar.read',
    'calendar.manage',
    'settings.manage',
  ],
  officer: [
    'audit.read',
    'calendar.read',
    'calls.read',
    'calls.manage',
    'entities.read',
    'entities.manage',
    'applications.read',
    'applications.manage',
    'evaluations.manage',
    'reports.read',
  ],
  // Its own register of interests and assignments (the API checks they are its own).
  evaluator: ['calendar.read', 'calls.read', 'evaluations.score'],
  finance: ['calendar.read', 'calls.read', 'payments.manage', 'reports.read'],
  viewer: ['calendar.read', 'calls.read', 'reports.read'],
  // An NGO user: its own entity's profile and members, and its own applications (the API checks ownership).
  entity: ['calendar.read', 'calls.read', 'entities.own', 'applications.apply'],
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Every permission held by someone with these roles. */
export function permissionsFor(roles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role] ?? []) out.add(p);
  return out;
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return permissionsFor(roles).has(permission);
}
