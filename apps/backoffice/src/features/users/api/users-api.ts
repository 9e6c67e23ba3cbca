import { apiUrl, client, unwrap } from '../../../api/client';
import type { CreateUserRequest, UpdateUserRequest, UserListQuery } from '../../../api/types';

export const usersApi = {
  list: (query: UserListQuery) => unwrap(client.GET('/api/v1/users', { params: { query } })),
  create: (body: CreateUserRequest) => unwrap(client.POST('/api/v1/users', { body })),
  update: (id: string, body: UpdateUserRequest) =>
    unwrap(client.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
  resendInvitation: (id: string) =>
    unwrap(client.POST('/api/v1/users/{id}/invitation', { params: { path: { id } } })),
  /** The CSV (or XLSX) export of the same list (a link: the browser downloads it with the session cookie). */
  exportUrl: (
    { page: _page, pageSize: _pageSize, ...filters }: UserListQuery,
    format: 'csv' | 'xlsx' = 'csv',
  ) =>
    format === 'xlsx'
      ? apiUrl('/api/v1/users/export.xlsx', filters)
      : apiUrl('/api/v1/users/export.csv', filters),
};
