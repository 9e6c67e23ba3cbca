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
  /** The media type of its request body, if it has one (`application/json`, `multipart/form-data`). */
  bodyType?: string;
}

const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const;

interface OpenApiOperation {
  operationId?: string;
  security?: unknown[];
  'x-permission'?: Permission | Permission[];
  requestBody?: { content?: Record<string, unknown> };
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
        bodyType: Object.keys(op.requestBody?.content ?? {})[0],
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

/** True when the caller passes the guard only through an ownership permission (the NGO user on its own data). */
export function reachesByOwnershipOnly(caller: Caller, access: Access): boolean {
  if (caller === 'anonymous' || access === 'public' || access === 'authenticated') return false;
  const held = (typeof access === 'string' ? [access] : [...access]).filter((p) =>
    hasPermission([caller], p),
  );
  return held.length > 0 && held.every((p) => OWNERSHIP_PERMISSIONS.includes(p));
}

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
 * - `random`: random UUIDs (or an unknown name): 404 for everyone;
 * - `foreign`: the caller's own resource with a body naming another entity's (its entity, document…), sent by
 *   those who reach it through ownership only: 400 VALIDATION_FAILED naming that field; or, on a list or export,
 *   a query that selects another entity's rows only: 200 without any of them.
 */
export type Target = 'own' | 'other' | 'mixed' | 'random' | 'foreign';

export type Outcome =
  | { kind: 'status'; status: 401 | 403 | 404; code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' }
  /** Past the guard and the ownership check: anything but 401, 403, 404 or a 5xx. */
  | { kind: 'reach' }
  /** Refused for a field that names another entity's resource. */
  | { kind: 'field'; field: string; rule: string }
  /** 200, and none of `markers` (another entity's ids and names) anywhere in the answer. */
  | { kind: 'absent' };

export const UNAUTHENTICATED: Outcome = { kind: 'status', status: 401, code: 'UNAUTHENTICATED' };
export const FORBIDDEN: Outcome = { kind: 'status', status: 403, code: 'FORBIDDEN' };
export const NOT_FOUND: Outcome = { kind: 'status', status: 404, code: 'NOT_FOUND' };
export const REACH: Outcome = { kind: 'reach' };

/** Checks one answer against the outcome; returns what is wrong, or null. */
export function mismatch(
  outcome: Outcome,
  res: { status: number; body: unknown; text?: string },
  markers: readonly string[] = [],
): string | null {
  const code = (res.body as { code?: unknown } | undefined)?.code;
  if (outcome.kind === 'field') {
    const errors = (res.body as { errors?: Record<string, { code?: string }[]> } | undefined)?.errors ?? {};
    const rules = (errors[outcome.field] ?? []).map((e) => e.code);
    if (res.status === 400 && code === 'VALIDATION_FAILED' && rules.includes(outcome.rule)) return null;
    return `expected 400 VALIDATION_FAILED with ${outcome.field}: ${outcome.rule}, got ${res.status} ${String(code ?? '')} ${JSON.stringify(errors)}`;
  }
  if (outcome.kind === 'absent') {
    const text = res.text ?? JSON.stringify(res.body);
    const leaked = markers.filter((m) => text.includes(m));
    if (res.status === 200 && leaked.length === 0) return null;
    return `expected 200 without another entity's data, got ${res.status} ${String(code ?? '')} with ${JSON.stringify(leaked)}`;
  }
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
