import { apiUrl, client, unwrap } from '../../../api/client';
import type { AuditQuery, EntityListQuery, UpdateEntityRequest } from '../../../api/types';

const path = (id: string) => ({ params: { path: { id } } });

/** The officers' calls on entities (NGOs): list, profile, members, status changes and history. */
export const entitiesApi = {
  list: (query: EntityListQuery) => unwrap(client.GET('/api/v1/entities', { params: { query } })),
  get: (id: string) => unwrap(client.GET('/api/v1/entities/{id}', path(id))),
  update: (id: string, body: UpdateEntityRequest) =>
    unwrap(client.PATCH('/api/v1/entities/{id}', { ...path(id), body })),
  members: (id: string) => unwrap(client.GET('/api/v1/entities/{id}/members', path(id))),
  validate: (id: string) => unwrap(client.POST('/api/v1/entities/{id}/validate', path(id))),
  reject: (id: string, reason: string) =>
    unwrap(client.POST('/api/v1/entities/{id}/reject', { ...path(id), body: { reason } })),
  suspend: (id: string, reason: string) =>
    unwrap(client.POST('/api/v1/entities/{id}/suspend', { ...path(id), body: { reason } })),
  reactivate: (id: string) => unwrap(client.POST('/api/v1/entities/{id}/reactivate', path(id))),
  validateIban: (id: string) => unwrap(client.POST('/api/v1/entities/{id}/validate-iban', path(id))),
  history: (query: AuditQuery) => unwrap(client.GET('/api/v1/audit', { params: { query } })),
  /** The CSV (or XLSX) export of the same list (a link: the browser downloads it with the session cookie). */
  exportUrl: (
    { page: _page, pageSize: _pageSize, ...filters }: EntityListQuery,
    format: 'csv' | 'xlsx' = 'csv',
  ) =>
    format === 'xlsx'
      ? apiUrl('/api/v1/entities/export.xlsx', filters)
      : apiUrl('/api/v1/entities/export.csv', filters),
  /** A document of the entity (the bank-ownership certificate of a pending IBAN). */
  documentUrl: (id: string, docId: string) =>
    `/api/v1/entities/${encodeURIComponent(id)}/documents/${encodeURIComponent(docId)}/content`,
};
