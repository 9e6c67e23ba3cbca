import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from '@cofinanca/contracts';

/** The person behind a request, as the auth guard resolved it. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  entityId: string | null;
  locale: string;
  sessionId: string;
}

interface Context {
  requestId?: string;
  user?: AuthUser;
}

const storage = new AsyncLocalStorage<Context>();

/** Per-request context (request id, signed-in user) for audit events and logs. */
export const RequestContext = {
  run<T>(ctx: Context, fn: () => T): T {
    return storage.run(ctx, fn);
  },
  get(): Context {
    return storage.getStore() ?? {};
  },
  setUser(user: AuthUser): void {
    const store = storage.getStore();
    if (store) store.user = user;
  },
};
