import { api, apiUrl } from '../../../api/client';
import type { CreateUserRequest, UpdateUserRequest, User, UserListQuery, UserPage } from '../../../api/types';

export const usersApi = {
  list: (query: UserListQuery) => api.get<UserPage>('/users', { ...query }),
  create: (body: CreateUserRequest) => api.post<User>('/users', body),
  update: (id: string, body: UpdateUserRequest) => api.patch<User>(`/users/${encodeURIComponent(id)}`, body),
  /** The CSV export of the same list (a link: the browser downloads it with the session cookie). */
  exportUrl: ({ page: _page, pageSize: _pageSize, ...filters }: UserListQuery) =>
    apiUrl('/users/export.csv', filters),
};
