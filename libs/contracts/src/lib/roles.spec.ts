import {
  hasPermission,
  isRole,
  permissionsFor,
  PERMISSIONS,
  ROLES,
  type Permission,
  type Role,
} from './roles';

describe(permissionsFor.name, () => {
  it('gives each role only permissions that exist', () => {
    for (const role of ROLES) for (const p of permissionsFor([role])) expect(PERMISSIONS).toContain(p);
  });

  it('unions the permissions of several roles', () => {
    const both = permissionsFor(['admin', 'officer']);
    expect(both.has('users.manage')).toBe(true);
    expect(both.has('applications.manage')).toBe(true);
  });

  it('gives nothing to nobody', () => expect(permissionsFor([]).size).toBe(0));
});

describe(hasPermission.name, () => {
  const table: [Role, Permission, boolean][] = [
    ['admin', 'users.manage', true],
    ['admin', 'applications.manage', false], // an admin does not decide grants
    ['officer', 'users.manage', false],
    ['officer', 'audit.read', true],
    ['viewer', 'audit.read', false],
    ['viewer', 'calls.read', true],
    ['admin', 'calls.read', true], // any signed-in user reads calls (api.md)
    ['admin', 'calls.manage', false],
    ['entity', 'applications.apply', true],
    ['entity', 'entities.manage', false],
    ['evaluator', 'evaluations.score', true],
    ['evaluator', 'evaluations.manage', false], // only officers assign
    ['officer', 'evaluations.manage', true],
    ['officer', 'evaluations.score', false],
    ['admin', 'evaluations.manage', false],
    ['viewer', 'evaluations.manage', false],
    ['finance', 'evaluations.score', false],
    ['finance', 'payments.manage', true],
    ['finance', 'outbox.read', false],
  ];
  it.each(table)('%s has %s: %p', (role, permission, expected) => {
    expect(hasPermission([role], permission)).toBe(expected);
  });
});

describe(isRole.name, () => {
  it.each([
    ['admin', true],
    ['entity', true],
    ['root', false],
    [3, false],
  ])('%p → %p', (value, expected) => expect(isRole(value)).toBe(expected));
});
