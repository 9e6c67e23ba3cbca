import { permissionsFor, type Permission } from '@cofinanca/contracts';
import { useMemo } from 'react';
import type { Me } from '../../../api/types';
import { useMe } from './use-me';

/** The permissions of a person: those the API sent, or those of their roles. */
export function permissionsOf(me: Pick<Me, 'roles' | 'permissions'> | null | undefined): Set<Permission> {
  if (!me) return new Set();
  if (Array.isArray(me.permissions) && me.permissions.length > 0) return new Set(me.permissions);
  return permissionsFor(me.roles);
}

export function usePermissions() {
  const { data: me } = useMe();
  return useMemo(() => permissionsOf(me), [me]);
}

export function useCan(permission: Permission): boolean {
  return usePermissions().has(permission);
}
