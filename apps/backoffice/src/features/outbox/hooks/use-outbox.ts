import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import type { OutboxQuery } from '../../../api/types';
import { outboxApi } from '../api/outbox-api';

export function useOutbox(query: OutboxQuery) {
  return useQuery({
    queryKey: queryKeys.outbox.list(query),
    queryFn: () => outboxApi.list(query),
    placeholderData: keepPreviousData,
  });
}
