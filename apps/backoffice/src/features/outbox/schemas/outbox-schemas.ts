import { OUTBOX_STATUSES } from '@cofinanca/domain';
import { z } from 'zod';

export { OUTBOX_STATUSES };

export const outboxFiltersSchema = z.object({
  to: z.string().trim(),
  status: z.union([z.enum(OUTBOX_STATUSES), z.literal('')]),
});
export type OutboxFilters = z.infer<typeof outboxFiltersSchema>;
