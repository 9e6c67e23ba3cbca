import { z } from 'zod';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;

export const outboxFiltersSchema = z.object({
  to: z.string().trim(),
  status: z.union([z.enum(OUTBOX_STATUSES), z.literal('')]),
});
export type OutboxFilters = z.infer<typeof outboxFiltersSchema>;
