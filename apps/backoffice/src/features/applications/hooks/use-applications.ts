import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import type {
  Application,
  ApplicationListQuery,
  CreateRequirementRequest,
  RequirementAnswerRequest,
} from '../../../api/types';
import { calendarApi } from '../../calendar/api/calendar-api';
import { applicationsApi } from '../api/applications-api';

export function useApplications(query: ApplicationListQuery, enabled = true) {
  return useQuery({
    queryKey: queryKeys.applications.list(query),
    queryFn: () => applicationsApi.list(query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * An application, its documents, correction requests and history change by the hand of others (the entity answers,
 * an officer requests a correction or decides): read again whenever a screen shows them, not after the default 30 s.
 */
const FRESH = { staleTime: 0 } as const;

export function useApplication(id: string | undefined, options: { editing?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.applications.detail(id ?? ''),
    queryFn: () => applicationsApi.get(id as string),
    enabled: !!id,
    ...FRESH,
    // A form keeps its own copy while it is edited: no refetch behind its back.
    ...(options.editing ? { refetchOnWindowFocus: false } : {}),
  });
}

export function useApplicationDocuments(id: string) {
  return useQuery({
    queryKey: queryKeys.applications.documents(id),
    queryFn: () => applicationsApi.documents(id),
    ...FRESH,
  });
}

export function useRequirements(id: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.applications.requirements(id),
    queryFn: () => applicationsApi.requirements(id),
    ...FRESH,
    enabled,
  });
}

export function useApplicationHistory(id: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.applications.history(id),
    queryFn: () => applicationsApi.history(id),
    ...FRESH,
    enabled,
  });
}

// The NGO's draft, its documents, submission and answers.

export function useCreateApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (callId: string) => applicationsApi.create(callId),
    onSuccess: (app) => {
      queryClient.setQueryData(queryKeys.applications.detail(app.id), app);
      void queryClient.invalidateQueries({ queryKey: queryKeys.applications.lists });
    },
  });
}

export function useDeleteApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => applicationsApi.remove(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.applications.all }),
  });
}

/** Actions that change the application's state: the answer replaces the cached application. */
function useApplicationAction(action: (id: string) => Promise<Application>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: (app) => {
      queryClient.setQueryData(queryKeys.applications.detail(app.id), app);
      void queryClient.invalidateQueries({ queryKey: queryKeys.applications.lists });
      void queryClient.invalidateQueries({ queryKey: queryKeys.applications.history(app.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.applications.documents(app.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.applications.requirements(app.id) });
    },
  });
}

export const useSubmitApplication = () => useApplicationAction(applicationsApi.submit);
export const useWithdrawApplication = () => useApplicationAction(applicationsApi.withdraw);

export function useUploadDocument(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ type, file }: { type: string; file: File }) =>
      applicationsApi.uploadDocument(applicationId, type, file),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.applications.documents(applicationId) }),
  });
}

export function useRemoveDocument(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (docId: string) => applicationsApi.removeDocument(applicationId, docId),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.applications.documents(applicationId) }),
  });
}

export function useAnswerRequirement(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requirementId, body }: { requirementId: string; body: RequirementAnswerRequest }) =>
      applicationsApi.answerRequirement(applicationId, requirementId, body),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.applications.detail(applicationId) }),
  });
}

// Officers' decisions.

/** After a decision: the application, its requests, its history and the queue are read again. */
function useRefreshApplication(id: string) {
  const queryClient = useQueryClient();
  return (application?: Application) => {
    if (application) queryClient.setQueryData(queryKeys.applications.detail(id), application);
    void queryClient.invalidateQueries({ queryKey: queryKeys.applications.detail(id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.applications.lists });
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
