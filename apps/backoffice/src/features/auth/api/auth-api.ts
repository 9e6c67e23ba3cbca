import { api } from '../../../api/client';
import { isApiError } from '../../../api/problem';
import type {
  ChangePasswordRequest,
  LoginRequest,
  LoginResponse,
  Me,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
  UpdateMeRequest,
} from '../../../api/types';

export const authApi = {
  login: (body: LoginRequest) => api.post<LoginResponse>('/auth/login', body),
  logout: () => api.post<void>('/auth/logout'),
  /** The signed-in person, or null when there is no session. */
  me: async (): Promise<Me | null> => {
    try {
      return await api.get<Me>('/auth/me');
    } catch (error) {
      if (isApiError(error) && error.status === 401) return null;
      throw error;
    }
  },
  updateMe: (body: UpdateMeRequest) => api.patch<Me>('/auth/me', body),
  changePassword: (body: ChangePasswordRequest) => api.post<void>('/auth/change-password', body),
  requestPasswordReset: (body: PasswordResetRequest) => api.post<void>('/auth/password-reset', body),
  confirmPasswordReset: (body: PasswordResetConfirmRequest) =>
    api.post<void>('/auth/password-reset/confirm', body),
};
