import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import { useMe } from '../../auth/hooks/use-me';
import { entityApi, registrationApi } from '../api/portal-api';
import type { InviteMemberRequest, RegisterRequest, UpdateEntityRequest } from '../../../api/portal-types';

/** The signed-in entity user's entity id (from /auth/me). */
export function useOwnEntityId(): string | null {
  return useMe().data?.entityId ?? null;
}

export function useEntity(entityId: string | null) {
  return useQuery({
    queryKey: queryKeys.entities.detail(entityId ?? ''),
    queryFn: () => entityApi.get(entityId as string),
    enabled: !!entityId,
  });
}

export function useUpdateEntity(entityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateEntityRequest) => entityApi.update(entityId, body),
    onSuccess: (entity) => {
      queryClient.setQueryData(queryKeys.entities.detail(entityId), entity);
      void queryClient.invalidateQueries({ queryKey: queryKeys.entities.all });
    },
  });
}

export function useUploadCertificate(entityId: string) {
  return useMutation({ mutationFn: (file: File) => entityApi.uploadCertificate(entityId, file) });
}

export function useMembers(entityId: string | null) {
  return useQuery({
    queryKey: queryKeys.entities.members(entityId ?? ''),
    queryFn: () => entityApi.members(entityId as string),
    enabled: !!entityId,
  });
}

export function useInviteMember(entityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteMemberRequest) => entityApi.invite(entityId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.entities.members(entityId) }),
  });
}

export function useRemoveMember(entityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => entityApi.removeMember(entityId, userId),
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
  const members = useMembers(entityId).data;
  const own = members?.find((m) => m.id === me?.id);
  return !!own && !own.emailVerified;
}
