import { api } from '../../../api/client';
import type { OutboxMessagePage, OutboxQuery } from '../../../api/types';

export const outboxApi = {
  list: (query: OutboxQuery) => api.get<OutboxMessagePage>('/outbox', { ...query }),
};
