import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import { applicationsApi } from '../../entities/api/portal-api';
import type { Application, ApplicationListQuery, RequirementAnswerRequest } from '../../../api/portal-types';

/**
 * An application, its documents, correction requests and history change by the hand of others (an officer requests
 * a correction or decides): read again whenever a screen shows them, not after the default 30 s.
 */
const FRESH = { staleTime: 0 } as const;

export function useApplications(query: ApplicationListQuery, enabled = true) {
  return useQuery({
    queryKey: queryKeys.applications.list(query),
    queryFn: () => applicationsApi.list(query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.applications.detail(id ?? ''),
    queryFn: () => applicationsApi.get(id as string),
    enabled: !!id,
    ...FRESH,
    // The form keeps its own copy while it is edited: no refetch behind its back.
    refetchOnWindowFocus: false,
  });
}

export function useCreateApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (callId: string) => applicationsApi.create(callId),
    onSuccess: (app) => {
      queryClient.setQueryData(queryKeys.applications.detail(app.id), app);
      void queryClient.invalidateQueries({ queryKey: ['applications', 'list'] });
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
      void queryClient.invalidateQueries({ queryKey: ['applications', 'list'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.applications.history(app.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.applications.documents(app.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.applications.requirements(app.id) });
    },
  });
}

export const useSubmitApplication = () => useApplicationAction(applicationsApi.submit);
export const useWithdrawApplication = () => useApplicationAction(applicationsApi.withdraw);

export function useDocuments(applicationId: string) {
  return useQuery({
    queryKey: queryKeys.applications.documents(applicationId),
    queryFn: () => applicationsApi.documents(applicationId),
    ...FRESH,
  });
}

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

export function useRequirements(applicationId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.applications.requirements(applicationId),
    queryFn: () => applicationsApi.requirements(applicationId),
    ...FRESH,
    enabled,
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

export function useHistory(applicationId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.applications.history(applicationId),
    queryFn: () => applicationsApi.history(applicationId),
    ...FRESH,
    enabled,
  });
}
