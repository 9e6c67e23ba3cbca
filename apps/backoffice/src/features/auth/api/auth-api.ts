import { client, unwrap } from '../../../api/client';
import { isApiError } from '../../../api/problem';
import type {
  ChangePasswordRequest,
  LoginRequest,
  Me,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
  UpdateMeRequest,
} from '../../../api/types';

export const authApi = {
  login: (body: LoginRequest) => unwrap(client.POST('/api/v1/auth/login', { body })),
  logout: () => unwrap(client.POST('/api/v1/auth/logout')),
  /** The signed-in person, or null when there is no session. */
  me: async (): Promise<Me | null> => {
    try {
      return await unwrap(client.GET('/api/v1/auth/me'));
    } catch (error) {
      if (isApiError(error) && error.status === 401) return null;
      throw error;
    }
  },
  updateMe: (body: UpdateMeRequest) => unwrap(client.PATCH('/api/v1/auth/me', { body })),
  changePassword: (body: ChangePasswordRequest) =>
    unwrap(client.POST('/api/v1/auth/change-password', { body })),
  requestPasswordReset: (body: PasswordResetRequest) =>
    unwrap(client.POST('/api/v1/auth/password-reset', { body })),
  confirmPasswordReset: (body: PasswordResetConfirmRequest) =>
    unwrap(client.POST('/api/v1/auth/password-reset/confirm', { body })),
};
