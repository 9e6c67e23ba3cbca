import { apiUrl, client, unwrap } from '../../../api/client';
import type { AuditQuery } from '../../../api/types';

export const auditApi = {
  list: (query: AuditQuery) => unwrap(client.GET('/api/v1/audit', { params: { query } })),
  exportUrl: ({ page: _page, pageSize: _pageSize, ...filters }: AuditQuery) =>
    apiUrl('/api/v1/audit/export.csv', filters),
};
