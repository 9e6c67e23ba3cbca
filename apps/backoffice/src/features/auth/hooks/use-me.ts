import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import { authApi } from '../api/auth-api';

/** The signed-in person (null when signed out). */
export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: authApi.me, staleTime: 5 * 60_000, retry: false });
}
