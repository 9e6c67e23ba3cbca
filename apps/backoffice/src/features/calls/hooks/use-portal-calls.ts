import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import { callsApi } from '../../entities/api/portal-api';
import type { CallListQuery } from '../../../api/portal-types';

export function useCalls(query: CallListQuery) {
  return useQuery({
    queryKey: queryKeys.calls.list(query),
    queryFn: () => callsApi.list(query),
    placeholderData: keepPreviousData,
  });
}

export function useCall(callId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.calls.detail(callId ?? ''),
    queryFn: () => callsApi.get(callId as string),
    enabled: !!callId,
  });
}
