import type { AuditQuery, OutboxQuery, UserListQuery } from './types';

/** Every TanStack Query key of the back-office, from one object. */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  users: {
    all: ['users'] as const,
    list: (query: UserListQuery) => ['users', 'list', query] as const,
  },
  audit: {
    all: ['audit'] as const,
    list: (query: AuditQuery) => ['audit', 'list', query] as const,
  },
  outbox: {
    all: ['outbox'] as const,
    list: (query: OutboxQuery) => ['outbox', 'list', query] as const,
  },
  holidays: {
    all: ['holidays'] as const,
    year: (year: number) => ['holidays', year] as const,
  },
  businessDays: (from: string, days: number, municipality: string) =>
    ['business-days', from, days, municipality] as const,
};
