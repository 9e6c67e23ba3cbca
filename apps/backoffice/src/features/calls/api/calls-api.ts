import { apiUrl, client, unwrap } from '../../../api/client';
import type {
  CallFromTemplateRequest,
  CallListQuery,
  CreateCallRequest,
  ExtendCallRequest,
  UpdateCallRequest,
} from '../../../api/types';

const path = (id: string) => ({ params: { path: { id } } });

/** Calls as officers manage them (and as viewers read them). */
export const callsApi = {
  list: (query: CallListQuery) => unwrap(client.GET('/api/v1/calls', { params: { query } })),
  get: (id: string) => unwrap(client.GET('/api/v1/calls/{id}', path(id))),
  create: (body: CreateCallRequest) => unwrap(client.POST('/api/v1/calls', { body })),
  fromTemplate: (body: CallFromTemplateRequest) =>
    unwrap(client.POST('/api/v1/calls/from-template', { body })),
  update: (id: string, body: UpdateCallRequest) =>
    unwrap(client.PATCH('/api/v1/calls/{id}', { ...path(id), body })),
  publish: (id: string) => unwrap(client.POST('/api/v1/calls/{id}/publish', path(id))),
  close: (id: string) => unwrap(client.POST('/api/v1/calls/{id}/close', path(id))),
  startEvaluation: (id: string) => unwrap(client.POST('/api/v1/calls/{id}/start-evaluation', path(id))),
  extend: (id: string, body: ExtendCallRequest) =>
    unwrap(client.POST('/api/v1/calls/{id}/extend', { ...path(id), body })),
  exportUrl: (
    { page: _page, pageSize: _pageSize, ...filters }: CallListQuery,
    format: 'csv' | 'xlsx' = 'csv',
  ) =>
    format === 'xlsx'
      ? apiUrl('/api/v1/calls/export.xlsx', filters)
      : apiUrl('/api/v1/calls/export.csv', filters),
};
