/**
 * The engine of the route × role test (`route-role.e2e-spec.ts`): the operations of the OpenAPI document the running
 * app builds, what each caller must get on each of them (from the document's `x-permission` and `roles.ts`), and a
 * small pool that runs the requests with limited concurrency.
 */
import { randomUUID } from 'node:crypto';
import { PERMISSIONS, ROLES, hasPermission, type Permission, type Role } from '@cofinanca/contracts';

/** Who may call an operation: public, any signed-in user, or anyone holding one of these permissions. */
export type Access = 'public' | 'authenticated' | Permission | readonly Permission[];

export interface Operation {
  operationId: string;
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** The document's path, e.g. `/api/v1/entities/{id}/members/{userId}`. */
  path: string;
  access: Access;
  /** The path parameters, in order. */
  params: string[];
}

const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const;

interface OpenApiOperation {
  operationId?: string;
  security?: unknown[];
  'x-permission'?: Permission | Permission[];
}

/**
 * Every operation of the document with the access it declares: `x-permission` (the `Authorize` decorator), else a
 * security requirement alone (`Authorize('authenticated')`), else none at all (`Public`).
 */
export function operationsOf(doc: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const permission = op['x-permission'];
      const access: Access = permission ?? (op.security?.length ? 'authenticated' : 'public');
      out.push({
        operationId: op.operationId ?? `${method.toUpperCase()} ${path}`,
        method,
        path,
        access,
        params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
      });
    }
  }
  return out;
}

export function sameAccess(a: Access, b: Access): boolean {
  const list = (x: Access) => (typeof x === 'string' ? [x] : [...x]).sort().join(',');
  return list(a) === list(b);
}

export function unknownPermissions(access: Access): string[] {
  if (access === 'public' || access === 'authenticated') return [];
  return (typeof access === 'string' ? [access] : [...access]).filter(
    (p) => !(PERMISSIONS as readonly string[]).includes(p),
  );
}

/** A caller: nobody (no credentials), or a user holding exactly one role. */
export type Caller = 'anonymous' | Role;
export const CALLERS: readonly Caller[] = ['anonymous', ...ROLES];

/** The permissions that reach a resource only when it is the caller's own entity's (the service checks it). */
export const OWNERSHIP_PERMISSIONS: readonly Permission[] = ['entities.own', 'applications.apply'];

export function mayCall(caller: Caller, access: Access): boolean {
  if (access === 'public') return true;
  if (caller === 'anonymous') return false;
  if (access === 'authenticated') return true;
  const anyOf = typeof access === 'string' ? [access] : access;
  return anyOf.some((p) => hasPermission([caller], p));
}

/**
 * What the path parameters name:
 * - `own`: resources the caller may reach (for an NGO user its own entity's; for staff any existing one);
 * - `other`: another entity's resources (or, for calls, a draft), which only the roles holding the family's
 *   `seesAll` permission reach; everyone else must get 404;
 * - `mixed`: the caller's own parent with a child of another entity (another entity's document under one's own
 *   application): 404 for everyone, the child does not belong to the parent;
 * - `random`: random UUIDs (or an unknown name): 404 for everyone.
 */
export type Target = 'own' | 'other' | 'mixed' | 'random';

export type Outcome =
  | { kind: 'status'; status: 401 | 403 | 404; code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' }
  /** Past the guard and the ownership check: anything but 401, 403, 404 or a 5xx. */
  | { kind: 'reach' };

export const UNAUTHENTICATED: Outcome = { kind: 'status', status: 401, code: 'UNAUTHENTICATED' };
export const FORBIDDEN: Outcome = { kind: 'status', status: 403, code: 'FORBIDDEN' };
export const NOT_FOUND: Outcome = { kind: 'status', status: 404, code: 'NOT_FOUND' };
export const REACH: Outcome = { kind: 'reach' };

/** Checks one answer against the outcome; returns what is wrong, or null. */
export function mismatch(
  outcome: Outcome,
  res: { status: number; body: unknown; text?: string },
): string | null {
  const code = (res.body as { code?: unknown } | undefined)?.code;
  if (outcome.kind === 'status') {
    if (res.status === outcome.status && code === outcome.code) return null;
    return `expected ${outcome.status} ${outcome.code}, got ${res.status} ${String(code ?? '')}`.trim();
  }
  if (res.status >= 500 || res.status === 401 || res.status === 403 || res.status === 404)
    return `expected to pass the guard and the ownership check, got ${res.status} ${String(code ?? '')}`.trim();
  return null;
}

export const randomId = (): string => randomUUID();

/** Runs the tasks with at most `limit` at a time; resolves when all are done. */
export async function pool<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
