import { client, unwrap } from '../../../api/client';
import type { CreateMeetingRequest, UpdateMeetingRequest } from '../../../api/types';

const path = (id: string) => ({ params: { path: { id } } });

/**
 * The evaluation committee's meetings (officers): a call's list, one meeting with its quorum and agenda, the
 * changes of a draft and the approval of its minutes. The API checks the composition, the quorum and the ranking;
 * the screens only preview them.
 */
export const committeeApi = {
  list: (callId: string) => unwrap(client.GET('/api/v1/calls/{id}/committee-meetings', path(callId))),
  create: (callId: string, body: CreateMeetingRequest) =>
    unwrap(client.POST('/api/v1/calls/{id}/committee-meetings', { ...path(callId), body })),
  meeting: (id: string) => unwrap(client.GET('/api/v1/committee-meetings/{id}', path(id))),
  update: (id: string, body: UpdateMeetingRequest) =>
    unwrap(client.PATCH('/api/v1/committee-meetings/{id}', { ...path(id), body })),
  /** The minutes stored at the approval, in one language. */
  minutesUrl: (id: string, lang: 'ca' | 'es' | 'en') =>
    `/api/v1/committee-meetings/${encodeURIComponent(id)}/minutes.pdf?lang=${lang}`,
  approve: (id: string, version: number) =>
    unwrap(client.POST('/api/v1/committee-meetings/{id}/approve', { ...path(id), body: { version } })),
};
