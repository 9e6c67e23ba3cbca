import { apiUrl, client, unwrap } from '../../../api/client';
import type { AuditQuery } from '../../../api/types';

export const auditApi = {
  list: (query: AuditQuery) => unwrap(client.GET('/api/v1/audit', { params: { query } })),
  exportUrl: (
    { page: _page, pageSize: _pageSize, ...filters }: AuditQuery,
    format: 'csv' | 'xlsx' = 'csv',
  ) =>
    format === 'xlsx'
      ? apiUrl('/api/v1/audit/export.xlsx', filters)
      : apiUrl('/api/v1/audit/export.csv', filters),
};
