import { apiUrl, client, unwrap } from '../../../api/client';
import { multipart } from '../../../api/multipart';
import type {
  ApplicationListQuery,
  CreateApplicationRequest,
  CreateRequirementRequest,
  RequirementAnswerRequest,
  UpdateApplicationRequest,
} from '../../../api/types';

const path = (id: string) => ({ params: { path: { id } } });
const enc = encodeURIComponent;

/**
 * Every call on applications, for both audiences: the NGO drafts, submits and answers correction requests; officers
 * review the queue and decide. The API checks who may do what; the screens only offer what the role may.
 */
export const applicationsApi = {
  list: (query: ApplicationListQuery) => unwrap(client.GET('/api/v1/applications', { params: { query } })),
  /** The CSV (or XLSX) export of the same list (a link: the browser downloads it with the session cookie). */
  exportUrl: (
    { page: _page, pageSize: _pageSize, ...filters }: ApplicationListQuery,
    format: 'csv' | 'xlsx' = 'csv',
  ) =>
    format === 'xlsx'
      ? apiUrl('/api/v1/applications/export.xlsx', filters)
      : apiUrl('/api/v1/applications/export.csv', filters),
  get: (id: string) => unwrap(client.GET('/api/v1/applications/{id}', path(id))),
  history: (id: string) => unwrap(client.GET('/api/v1/applications/{id}/history', path(id))),
  receiptUrl: (id: string) => `/api/v1/applications/${enc(id)}/receipt.pdf`,

  // The NGO's draft and its submission.
  create: (callId: string, body: CreateApplicationRequest = {}) =>
    unwrap(client.POST('/api/v1/calls/{callId}/applications', { params: { path: { callId } }, body })),
  update: (id: string, body: UpdateApplicationRequest) =>
    unwrap(client.PATCH('/api/v1/applications/{id}', { ...path(id), body })),
  remove: (id: string) => unwrap(client.DELETE('/api/v1/applications/{id}', path(id))),
  submit: (id: string) => unwrap(client.POST('/api/v1/applications/{id}/submit', path(id))),
  withdraw: (id: string) => unwrap(client.POST('/api/v1/applications/{id}/withdraw', path(id))),

  // Documents.
  documents: (id: string) => unwrap(client.GET('/api/v1/applications/{id}/documents', path(id))),
  uploadDocument: (id: string, type: string, file: File) =>
    unwrap(client.POST('/api/v1/applications/{id}/documents', { ...path(id), ...multipart(file, type) })),
  removeDocument: (id: string, docId: string) =>
    unwrap(client.DELETE('/api/v1/applications/{id}/documents/{docId}', { params: { path: { id, docId } } })),
  documentUrl: (id: string, docId: string) =>
    `/api/v1/applications/${enc(id)}/documents/${enc(docId)}/content`,

  // Correction requests (requeriments): officers ask, the NGO answers.
  requirements: (id: string) => unwrap(client.GET('/api/v1/applications/{id}/requirements', path(id))),
  requestCorrection: (id: string, body: CreateRequirementRequest) =>
    unwrap(client.POST('/api/v1/applications/{id}/requirements', { ...path(id), body })),
  answerRequirement: (id: string, requirementId: string, body: RequirementAnswerRequest) =>
    unwrap(
      client.POST('/api/v1/applications/{id}/requirements/{requirementId}/response', {
        params: { path: { id, requirementId } },
        body,
      }),
    ),

  // Officers' admissibility decisions.
  admit: (id: string) => unwrap(client.POST('/api/v1/applications/{id}/admit', path(id))),
  declareInadmissible: (id: string, reason: string) =>
    unwrap(client.POST('/api/v1/applications/{id}/declare-inadmissible', { ...path(id), body: { reason } })),
  declareWithdrawn: (id: string, reason: string) =>
    unwrap(client.POST('/api/v1/applications/{id}/declare-withdrawn', { ...path(id), body: { reason } })),
};
