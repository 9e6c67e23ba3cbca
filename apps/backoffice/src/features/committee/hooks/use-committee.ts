import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import type { CreateMeetingRequest, Meeting, UpdateMeetingRequest } from '../../../api/types';
import { committeeApi } from '../api/committee-api';

/** A call's committee meetings, the latest first. */
export function useMeetings(callId: string) {
  return useQuery({ queryKey: queryKeys.committee.list(callId), queryFn: () => committeeApi.list(callId) });
}

/** One meeting (read once while it is edited: the editor keeps its own copy until it saves or reloads). */
export function useMeeting(id: string) {
  return useQuery({
    queryKey: queryKeys.committee.meeting(id),
    queryFn: () => committeeApi.meeting(id),
    refetchOnWindowFocus: false,
  });
}

/** After a change: the answer replaces the cached meeting, the call's list reloads. */
function useStore() {
  const queryClient = useQueryClient();
  return (meeting: Meeting) => {
    queryClient.setQueryData(queryKeys.committee.meeting(meeting.id), meeting);
    void queryClient.invalidateQueries({ queryKey: queryKeys.committee.list(meeting.callId) });
  };
}

export function useCreateMeeting(callId: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (body: CreateMeetingRequest) => committeeApi.create(callId, body),
    onSuccess: store,
  });
}

export function useUpdateMeeting(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (body: UpdateMeetingRequest) => committeeApi.update(id, body),
    onSuccess: store,
  });
}

/** Approving the minutes: the meeting comes back approved, with the ranking it froze. */
export function useApproveMeeting(id: string) {
  const store = useStore();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => committeeApi.approve(id, version),
    onSuccess: (meeting) => {
      store(meeting);
      void queryClient.invalidateQueries({ queryKey: queryKeys.evaluation.rankings });
    },
  });
}
