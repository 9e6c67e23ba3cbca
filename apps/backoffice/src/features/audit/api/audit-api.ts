import { api, apiUrl } from '../../../api/client';
import type { AuditEventPage, AuditQuery } from '../../../api/types';

export const auditApi = {
  list: (query: AuditQuery) => api.get<AuditEventPage>('/audit', { ...query }),
  exportUrl: ({ page: _page, pageSize: _pageSize, ...filters }: AuditQuery) =>
    apiUrl('/audit/export.csv', filters),
};
