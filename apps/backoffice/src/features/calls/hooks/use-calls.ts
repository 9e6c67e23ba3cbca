import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import type {
  Call,
  CallFromTemplateRequest,
  CallListQuery,
  CreateCallRequest,
  ExtendCallRequest,
  UpdateCallRequest,
} from '../../../api/types';
import { callsApi } from '../api/calls-api';

export function useCalls(query: CallListQuery) {
  return useQuery({
    queryKey: queryKeys.calls.list(query),
    queryFn: () => callsApi.list(query),
    placeholderData: keepPreviousData,
  });
}

/** One call (officers manage it, NGOs read it to apply): nothing is asked until the id is known. */
export function useCall(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.calls.detail(id ?? ''),
    queryFn: () => callsApi.get(id as string),
    enabled: !!id,
  });
}

/** Mutations answer the updated call: it replaces the cached one, and the lists reload. */
function useCallMutation<V>(mutationFn: (variables: V) => Promise<Call>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (call) => {
      queryClient.setQueryData(queryKeys.calls.detail(call.id), call);
      void queryClient.invalidateQueries({ queryKey: queryKeys.calls.lists });
    },
  });
}

export function useCreateCallFromTemplate() {
  return useCallMutation((body: CallFromTemplateRequest) => callsApi.fromTemplate(body));
}

export function useCreateCall() {
  return useCallMutation((body: CreateCallRequest) => callsApi.create(body));
}

export function useUpdateCall(id: string) {
  return useCallMutation((body: UpdateCallRequest) => callsApi.update(id, body));
}

export function usePublishCall(id: string) {
  return useCallMutation((_: void) => callsApi.publish(id));
}

export function useCloseCall(id: string) {
  return useCallMutation((_: void) => callsApi.close(id));
}

export function useStartEvaluation(id: string) {
  return useCallMutation((_: void) => callsApi.startEvaluation(id));
}

export function useExtendCall(id: string) {
  return useCallMutation((body: ExtendCallRequest) => callsApi.extend(id, body));
}
