import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import type {
  AuditQuery,
  Entity,
  EntityListQuery,
  InviteMemberRequest,
  RegisterRequest,
  UpdateEntityRequest,
} from '../../../api/types';
import { useMe } from '../../auth/hooks/use-me';
import { entitiesApi, registrationApi } from '../api/entities-api';

export function useEntities(query: EntityListQuery) {
  return useQuery({
    queryKey: queryKeys.entities.list(query),
    queryFn: () => entitiesApi.list(query),
    placeholderData: keepPreviousData,
  });
}

/** The signed-in entity user's entity id (from /auth/me). */
export function useOwnEntityId(): string | null {
  return useMe().data?.entityId ?? null;
}

/** One entity (an officer's view of any, an NGO user's of its own): nothing is asked until the id is known. */
export function useEntity(id: string | null | undefined) {
  return useQuery({
    queryKey: queryKeys.entities.detail(id ?? ''),
    queryFn: () => entitiesApi.get(id as string),
    enabled: !!id,
  });
}

export function useEntityMembers(id: string | null | undefined) {
  return useQuery({
    queryKey: queryKeys.entities.members(id ?? ''),
    queryFn: () => entitiesApi.members(id as string),
    enabled: !!id,
  });
}

/** The audit events of one entity, newest first. */
export function useEntityHistory(id: string, page: number, pageSize = 10) {
  const query: AuditQuery = { subjectType: 'entity', subjectId: id, page, pageSize };
  return useQuery({
    queryKey: queryKeys.audit.list(query),
    queryFn: () => entitiesApi.history(query),
    placeholderData: keepPreviousData,
  });
}

export type EntityAction = 'validate' | 'reject' | 'suspend' | 'reactivate' | 'validateIban';

/** A status change of an entity; the answer replaces the cached profile and the lists and history reload. */
export function useEntityAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, reason }: { action: EntityAction; reason?: string }): Promise<Entity> => {
      switch (action) {
        case 'validate':
          return entitiesApi.validate(id);
        case 'reject':
          return entitiesApi.reject(id, reason ?? '');
        case 'suspend':
          return entitiesApi.suspend(id, reason ?? '');
        case 'reactivate':
          return entitiesApi.reactivate(id);
        case 'validateIban':
          return entitiesApi.validateIban(id);
      }
    },
    onSuccess: (entity) => {
      queryClient.setQueryData(queryKeys.entities.detail(id), entity);
      void queryClient.invalidateQueries({ queryKey: queryKeys.entities.lists });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit.all });
    },
  });
}

export function useUpdateEntity(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateEntityRequest) => entitiesApi.update(id, body),
    onSuccess: (entity) => {
      queryClient.setQueryData(queryKeys.entities.detail(id), entity);
      void queryClient.invalidateQueries({ queryKey: queryKeys.entities.lists });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit.all });
    },
  });
}

export function useUploadCertificate(entityId: string) {
  return useMutation({ mutationFn: (file: File) => entitiesApi.uploadCertificate(entityId, file) });
}

export function useInviteMember(entityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteMemberRequest) => entitiesApi.invite(entityId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.entities.members(entityId) }),
  });
}

export function useRemoveMember(entityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => entitiesApi.removeMember(entityId, userId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.entities.members(entityId) }),
  });
}

export function useRegister() {
  return useMutation({ mutationFn: (body: RegisterRequest) => registrationApi.register(body) });
}

export function useVerifyEmail() {
  return useMutation({ mutationFn: (token: string) => registrationApi.verifyEmail(token) });
}

export function useResendVerification() {
  return useMutation({ mutationFn: () => registrationApi.resendVerification() });
}

/** Whether the signed-in user's own address is still unverified (from the entity's members list). */
export function useOwnAddressUnverified(entityId: string | null): boolean {
  const me = useMe().data;
  const members = useEntityMembers(entityId).data;
  const own = members?.find((m) => m.id === me?.id);
  return !!own && !own.emailVerified;
}
