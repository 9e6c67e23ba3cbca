import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import type { ChangePasswordRequest, LoginRequest, Me, UpdateMeRequest } from '../../../api/types';
import { setLocale, storedLocale } from '../../../i18n';
import { authApi } from '../api/auth-api';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => authApi.login(body),
    onSuccess: async ({ user }) => {
      queryClient.clear();
      queryClient.setQueryData<Me | null>(queryKeys.me, user);
      // No choice made in this browser: use the person's own language.
      if (!storedLocale()) await setLocale(user.locale, false);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => authApi.logout(),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData<Me | null>(queryKeys.me, null);
    },
  });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMeRequest) => authApi.updateMe(body),
    onSuccess: (me) => queryClient.setQueryData<Me | null>(queryKeys.me, me),
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: (body: ChangePasswordRequest) => authApi.changePassword(body) });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => authApi.requestPasswordReset({ email }) });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => authApi.confirmPasswordReset(body),
  });
}
