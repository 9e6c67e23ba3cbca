import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import type { AuditQuery } from '../../../api/types';
import { auditApi } from '../api/audit-api';

export function useAuditEvents(query: AuditQuery) {
  return useQuery({
    queryKey: queryKeys.audit.list(query),
    queryFn: () => auditApi.list(query),
    placeholderData: keepPreviousData,
  });
}
