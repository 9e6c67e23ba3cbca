import { client, unwrap } from '../../../api/client';
import type { OutboxQuery } from '../../../api/types';

export const outboxApi = {
  list: (query: OutboxQuery) => unwrap(client.GET('/api/v1/outbox', { params: { query } })),
};
