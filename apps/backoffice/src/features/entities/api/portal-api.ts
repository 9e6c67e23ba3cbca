import { apiUrl, client, unwrap } from '../../../api/client';
import type {
  ApplicationListQuery,
  CallListQuery,
  CreateApplicationRequest,
  InviteMemberRequest,
  RegisterRequest,
  RequirementAnswerRequest,
  UpdateApplicationRequest,
  UpdateEntityRequest,
} from '../../../api/portal-types';

/** A multipart body for openapi-fetch: the FormData goes as it is (the browser sets the boundary). */
function multipart(file: File, type: string) {
  const form = new FormData();
  form.append('type', type);
  form.append('file', file);
  return {
    body: form as unknown as { file: string; type: string },
    bodySerializer: (body: unknown) => body as FormData,
  };
}

const id = (value: string) => ({ params: { path: { id: value } } });

export const registrationApi = {
  register: (body: RegisterRequest) => unwrap(client.POST('/api/v1/auth/register', { body })),
  verifyEmail: (token: string) => unwrap(client.POST('/api/v1/auth/verify-email', { body: { token } })),
  /** A new verification link for the signed-in user (the first one expired or was lost). */
  resendVerification: () => unwrap(client.POST('/api/v1/auth/verify-email/resend')),
};

export const entityApi = {
  get: (entityId: string) => unwrap(client.GET('/api/v1/entities/{id}', id(entityId))),
  update: (entityId: string, body: UpdateEntityRequest) =>
    unwrap(client.PATCH('/api/v1/entities/{id}', { ...id(entityId), body })),
  /** The bank-ownership certificate of a new IBAN (uploaded before saving the IBAN). */
  uploadCertificate: (entityId: string, file: File) => {
    const { body, bodySerializer } = multipart(file, 'bank_certificate');
    return unwrap(
      client.POST('/api/v1/entities/{id}/documents', {
        ...id(entityId),
        body: body as { file: string; type: 'bank_certificate' },
        bodySerializer,
      }),
    );
  },
  /**
   * Active entities other than one's own whose legal name contains `q` (at least 2 characters; at most 20 answers):
   * the partners of a joint project.
   */
  directorySearch: (q: string) =>
    unwrap(client.GET('/api/v1/entities/directory', { params: { query: { q } } })),
  /** The names of the partners already chosen (at most 20 ids; entities no longer active are left out). */
  directoryByIds: (ids: readonly string[]) =>
    unwrap(client.GET('/api/v1/entities/directory', { params: { query: { ids: ids.join(',') } } })),
  members: (entityId: string) => unwrap(client.GET('/api/v1/entities/{id}/members', id(entityId))),
  invite: (entityId: string, body: InviteMemberRequest) =>
    unwrap(client.POST('/api/v1/entities/{id}/members', { ...id(entityId), body })),
  removeMember: (entityId: string, userId: string) =>
    unwrap(
      client.DELETE('/api/v1/entities/{id}/members/{userId}', { params: { path: { id: entityId, userId } } }),
    ),
};

export const callsApi = {
  list: (query: CallListQuery) => unwrap(client.GET('/api/v1/calls', { params: { query } })),
  get: (callId: string) => unwrap(client.GET('/api/v1/calls/{id}', id(callId))),
};

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
  create: (callId: string, body: CreateApplicationRequest = {}) =>
    unwrap(client.POST('/api/v1/calls/{callId}/applications', { params: { path: { callId } }, body })),
  get: (applicationId: string) => unwrap(client.GET('/api/v1/applications/{id}', id(applicationId))),
  update: (applicationId: string, body: UpdateApplicationRequest) =>
    unwrap(client.PATCH('/api/v1/applications/{id}', { ...id(applicationId), body })),
  remove: (applicationId: string) => unwrap(client.DELETE('/api/v1/applications/{id}', id(applicationId))),
  submit: (applicationId: string) =>
    unwrap(client.POST('/api/v1/applications/{id}/submit', id(applicationId))),
  withdraw: (applicationId: string) =>
    unwrap(client.POST('/api/v1/applications/{id}/withdraw', id(applicationId))),
  receiptUrl: (applicationId: string) =>
    `/api/v1/applications/${encodeURIComponent(applicationId)}/receipt.pdf`,
  history: (applicationId: string) =>
    unwrap(client.GET('/api/v1/applications/{id}/history', id(applicationId))),

  documents: (applicationId: string) =>
    unwrap(client.GET('/api/v1/applications/{id}/documents', id(applicationId))),
  uploadDocument: (applicationId: string, type: string, file: File) =>
    unwrap(
      client.POST('/api/v1/applications/{id}/documents', { ...id(applicationId), ...multipart(file, type) }),
    ),
  removeDocument: (applicationId: string, docId: string) =>
    unwrap(
      client.DELETE('/api/v1/applications/{id}/documents/{docId}', {
        params: { path: { id: applicationId, docId } },
      }),
    ),
  documentUrl: (applicationId: string, docId: string) =>
    `/api/v1/applications/${encodeURIComponent(applicationId)}/documents/${encodeURIComponent(docId)}/content`,

  requirements: (applicationId: string) =>
    unwrap(client.GET('/api/v1/applications/{id}/requirements', id(applicationId))),
  answerRequirement: (applicationId: string, requirementId: string, body: RequirementAnswerRequest) =>
    unwrap(
      client.POST('/api/v1/applications/{id}/requirements/{requirementId}/response', {
        params: { path: { id: applicationId, requirementId } },
        body,
      }),
    ),
};
