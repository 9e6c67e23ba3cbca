import { describe, expect, it } from 'vitest';
import { permissionsFor, type Role } from '@cofinanca/contracts';
import { buildNavigation } from './nav';

const ids = (...roles: Role[]) => buildNavigation(permissionsFor(roles)).map((item) => item.id);

describe('buildNavigation', () => {
  it('gives an admin the calls (read only), users, holidays, audit and outbox', () => {
    expect(ids('admin')).toEqual(['home', 'calls', 'users', 'holidays', 'audit', 'outbox', 'profile']);
  });

  it('gives an officer the audit log and the calculator, not users or outbox', () => {
    expect(ids('officer')).toEqual([
      'home',
      'calls',
      'entities',
      'admissibility',
      'evaluators',
      'calendar',
      'audit',
      'profile',
    ]);
  });

  it('gives an NGO user its portal: open calls, its applications and its entity', () => {
    expect(ids('entity')).toEqual(['home', 'openCalls', 'myApplications', 'myEntity', 'calendar', 'profile']);
  });

  it('gives a viewer and finance the calls, the calendar and their profile', () => {
    for (const role of ['viewer', 'finance'] as const) {
      expect(ids(role)).toEqual(['home', 'calls', 'calendar', 'profile']);
    }
  });

  it('gives an evaluator its inbox and its register of interests', () => {
    expect(ids('evaluator')).toEqual([
      'home',
      'calls',
      'evaluationInbox',
      'myInterests',
      'calendar',
      'profile',
    ]);
  });

  it('merges the permissions of several roles without duplicates', () => {
    expect(ids('officer', 'admin')).toEqual([
      'home',
      'calls',
      'entities',
      'admissibility',
      'evaluators',
      'users',
      'holidays',
      'audit',
      'outbox',
      'profile',
    ]);
  });

  it('shows only home and profile without permissions', () => {
    expect(buildNavigation(new Set()).map((item) => item.id)).toEqual(['home', 'profile']);
  });
});
