import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import type { Application, ApplicationListQuery, CreateRequirementRequest } from '../../../api/types';
import { calendarApi } from '../../calendar/api/calendar-api';
import { applicationsApi } from '../api/applications-api';

export function useApplications(query: ApplicationListQuery) {
  return useQuery({
    queryKey: queryKeys.applications.list(query),
    queryFn: () => applicationsApi.list(query),
    placeholderData: keepPreviousData,
  });
}

/**
 * An application, its documents, correction requests and history change by the hand of others (the entity answers,
 * another officer decides): read again whenever a screen shows them, not after the default 30 s.
 */
const FRESH = { staleTime: 0 } as const;

export function useApplication(id: string) {
  return useQuery({
    queryKey: queryKeys.applications.detail(id),
    queryFn: () => applicationsApi.get(id),
    ...FRESH,
  });
}

export function useApplicationDocuments(id: string) {
  return useQuery({
    queryKey: queryKeys.applications.documents(id),
    queryFn: () => applicationsApi.documents(id),
    ...FRESH,
  });
}

export function useRequirements(id: string) {
  return useQuery({
    queryKey: queryKeys.applications.requirements(id),
    queryFn: () => applicationsApi.requirements(id),
    ...FRESH,
  });
}

export function useApplicationHistory(id: string) {
  return useQuery({
    queryKey: queryKeys.applications.history(id),
    queryFn: () => applicationsApi.history(id),
    ...FRESH,
  });
}

/** After a decision: the application, its requests, its history and the queue are read again. */
function useRefreshApplication(id: string) {
  const queryClient = useQueryClient();
  return (application?: Application) => {
    if (application) queryClient.setQueryData(queryKeys.applications.detail(id), application);
    void queryClient.invalidateQueries({ queryKey: queryKeys.applications.detail(id) });
    void queryClient.invalidateQueries({ queryKey: [...queryKeys.applications.all, 'list'] });
  };
}

export type ApplicationDecision = 'admit' | 'declareInadmissible' | 'declareWithdrawn';

export function useApplicationDecision(id: string) {
  const refresh = useRefreshApplication(id);
  return useMutation({
    mutationFn: ({ decision, reason }: { decision: ApplicationDecision; reason?: string }) => {
      switch (decision) {
        case 'admit':
          return applicationsApi.admit(id);
        case 'declareInadmissible':
          return applicationsApi.declareInadmissible(id, reason ?? '');
        case 'declareWithdrawn':
          return applicationsApi.declareWithdrawn(id, reason ?? '');
      }
    },
    onSuccess: (application) => refresh(application),
  });
}

export function useRequestCorrection(id: string) {
  const refresh = useRefreshApplication(id);
  return useMutation({
    mutationFn: (body: CreateRequirementRequest) => applicationsApi.requestCorrection(id, body),
    onSuccess: () => refresh(),
  });
}

/** The due date a correction request notified on `from` would have (business days of the council's calendar). */
export function useDueDatePreview(from: string, days: number | undefined) {
  return useQuery({
    queryKey: queryKeys.businessDays(from, days ?? 0, ''),
    queryFn: () => calendarApi.businessDays({ from, days: days ?? 0 }),
    enabled: !!from && days !== undefined && days > 0,
    staleTime: 60_000,
  });
}
