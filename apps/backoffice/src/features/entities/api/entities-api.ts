import { apiUrl, client, unwrap } from '../../../api/client';
import { multipart } from '../../../api/multipart';
import type {
  AuditQuery,
  EntityListQuery,
  InviteMemberRequest,
  RegisterRequest,
  UpdateEntityRequest,
} from '../../../api/types';

const path = (id: string) => ({ params: { path: { id } } });
const enc = encodeURIComponent;

/** Registration of a new entity and its first user (public), and the e-mail verification. */
export const registrationApi = {
  register: (body: RegisterRequest) => unwrap(client.POST('/api/v1/auth/register', { body })),
  verifyEmail: (token: string) => unwrap(client.POST('/api/v1/auth/verify-email', { body: { token } })),
  /** A new verification link for the signed-in user (the first one expired or was lost). */
  resendVerification: () => unwrap(client.POST('/api/v1/auth/verify-email/resend')),
};

/**
 * Every call on entities (NGOs), for both audiences: officers list, validate, suspend and edit them; an entity's
 * users keep their own profile, members and bank certificate. The API checks who may do what.
 */
export const entitiesApi = {
  list: (query: EntityListQuery) => unwrap(client.GET('/api/v1/entities', { params: { query } })),
  /** The CSV (or XLSX) export of the same list (a link: the browser downloads it with the session cookie). */
  exportUrl: (
    { page: _page, pageSize: _pageSize, ...filters }: EntityListQuery,
    format: 'csv' | 'xlsx' = 'csv',
  ) =>
    format === 'xlsx'
      ? apiUrl('/api/v1/entities/export.xlsx', filters)
      : apiUrl('/api/v1/entities/export.csv', filters),
  get: (id: string) => unwrap(client.GET('/api/v1/entities/{id}', path(id))),
  update: (id: string, body: UpdateEntityRequest) =>
    unwrap(client.PATCH('/api/v1/entities/{id}', { ...path(id), body })),
  history: (query: AuditQuery) => unwrap(client.GET('/api/v1/audit', { params: { query } })),

  // Officers' status changes.
  validate: (id: string) => unwrap(client.POST('/api/v1/entities/{id}/validate', path(id))),
  reject: (id: string, reason: string) =>
    unwrap(client.POST('/api/v1/entities/{id}/reject', { ...path(id), body: { reason } })),
  suspend: (id: string, reason: string) =>
    unwrap(client.POST('/api/v1/entities/{id}/suspend', { ...path(id), body: { reason } })),
  reactivate: (id: string) => unwrap(client.POST('/api/v1/entities/{id}/reactivate', path(id))),
  validateIban: (id: string) => unwrap(client.POST('/api/v1/entities/{id}/validate-iban', path(id))),

  // Members.
  members: (id: string) => unwrap(client.GET('/api/v1/entities/{id}/members', path(id))),
  invite: (id: string, body: InviteMemberRequest) =>
    unwrap(client.POST('/api/v1/entities/{id}/members', { ...path(id), body })),
  removeMember: (id: string, userId: string) =>
    unwrap(client.DELETE('/api/v1/entities/{id}/members/{userId}', { params: { path: { id, userId } } })),

  // Documents: the bank-ownership certificate of a new IBAN (uploaded before saving the IBAN).
  uploadCertificate: (id: string, file: File) => {
    const { body, bodySerializer } = multipart(file, 'bank_certificate');
    return unwrap(
      client.POST('/api/v1/entities/{id}/documents', {
        ...path(id),
        body: body as { file: string; type: 'bank_certificate' },
        bodySerializer,
      }),
    );
  },
  documentUrl: (id: string, docId: string) => `/api/v1/entities/${enc(id)}/documents/${enc(docId)}/content`,

  /**
   * The directory: active entities other than one's own whose legal name contains `q` (at least 2 characters; at
   * most 20 answers), the partners of a joint project.
   */
  directorySearch: (q: string) =>
    unwrap(client.GET('/api/v1/entities/directory', { params: { query: { q } } })),
  /** The names of the partners already chosen (at most 20 ids; entities no longer active are left out). */
  directoryByIds: (ids: readonly string[]) =>
    unwrap(client.GET('/api/v1/entities/directory', { params: { query: { ids: ids.join(',') } } })),
};
