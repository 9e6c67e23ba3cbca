import { apiUrl, client, unwrap } from '../../../api/client';
import type { ApplicationListQuery, CreateRequirementRequest } from '../../../api/types';

const path = (id: string) => ({ params: { path: { id } } });
const enc = encodeURIComponent;

/** Applications as officers review them: the admissibility queue, one application, and the decisions. */
export const applicationsApi = {
  list: (query: ApplicationListQuery) => unwrap(client.GET('/api/v1/applications', { params: { query } })),
  get: (id: string) => unwrap(client.GET('/api/v1/applications/{id}', path(id))),
  documents: (id: string) => unwrap(client.GET('/api/v1/applications/{id}/documents', path(id))),
  requirements: (id: string) => unwrap(client.GET('/api/v1/applications/{id}/requirements', path(id))),
  history: (id: string) => unwrap(client.GET('/api/v1/applications/{id}/history', path(id))),
  requestCorrection: (id: string, body: CreateRequirementRequest) =>
    unwrap(client.POST('/api/v1/applications/{id}/requirements', { ...path(id), body })),
  admit: (id: string) => unwrap(client.POST('/api/v1/applications/{id}/admit', path(id))),
  declareInadmissible: (id: string, reason: string) =>
    unwrap(client.POST('/api/v1/applications/{id}/declare-inadmissible', { ...path(id), body: { reason } })),
  declareWithdrawn: (id: string, reason: string) =>
    unwrap(client.POST('/api/v1/applications/{id}/declare-withdrawn', { ...path(id), body: { reason } })),
  exportUrl: (
    { page: _page, pageSize: _pageSize, ...filters }: ApplicationListQuery,
    format: 'csv' | 'xlsx' = 'csv',
  ) =>
    format === 'xlsx'
      ? apiUrl('/api/v1/applications/export.xlsx', filters)
      : apiUrl('/api/v1/applications/export.csv', filters),
  documentUrl: (id: string, docId: string) =>
    `/api/v1/applications/${enc(id)}/documents/${enc(docId)}/content`,
  receiptUrl: (id: string) => `/api/v1/applications/${enc(id)}/receipt.pdf`,
};
