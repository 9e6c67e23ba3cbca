/**
 * zod schemas of the officers' small forms: a reason for a decision, a correction request, and the list filters.
 */
import { z } from 'zod';
import { isIsoDate } from '@cofinanca/domain';
import { todayInMadrid } from '../../../lib/madrid-time';
import { REASON_MAX, reasonSchema, type ReasonValues } from '../../../lib/reason-schema';

export { REASON_MAX, reasonSchema, type ReasonValues };

export const REQUIREMENT_ITEM_MAX = 2000;
export const REQUIREMENT_ITEMS_MAX = 50;

/**
 * A correction request: one or more items (what the entity must correct or provide) and, optionally, the date it
 * was notified when that is not today (never in the future).
 */
export function requirementSchema(today: string = todayInMadrid()) {
  return z.object({
    items: z
      .array(
        z.object({
          description: z
            .string()
            .trim()
            .min(1, { message: 'validation.required' })
            .max(REQUIREMENT_ITEM_MAX, { message: 'validation.tooLong' }),
        }),
      )
      .min(1, { message: 'office.validation.itemsMin' })
      .max(REQUIREMENT_ITEMS_MAX, { message: 'office.validation.itemsMax' }),
    notifiedOn: z
      .string()
      .trim()
      .refine((v) => v === '' || isIsoDate(v), { message: 'validation.date' })
      .refine((v) => v === '' || !isIsoDate(v) || v <= today, { message: 'office.validation.notFuture' }),
  });
}
export type RequirementValues = z.infer<ReturnType<typeof requirementSchema>>;

export interface CreateRequirementBody {
  items: { description: string }[];
  notifiedOn?: string;
}

export function toRequirementRequest(values: RequirementValues): CreateRequirementBody {
  const body: CreateRequirementBody = { items: values.items.map((i) => ({ description: i.description })) };
  if (values.notifiedOn) body.notifiedOn = values.notifiedOn;
  return body;
}

/** Whether desistiment may be declared: a correction request is unanswered and its due date has passed in Lleida. */
export function canDeclareWithdrawn(
  status: string,
  openRequirement: { dueDate: string; status?: string } | null | undefined,
  today: string = todayInMadrid(),
): boolean {
  return (
    status === 'correction_requested' &&
    !!openRequirement &&
    (openRequirement.status === undefined || openRequirement.status === 'open') &&
    openRequirement.dueDate < today
  );
}

/** The admissibility queue's default status filter: what waits for an officer. */
export const QUEUE_DEFAULT_STATUSES = ['submitted', 'correction_requested'] as const;

/**
 * The queue's status filter: one status, "pending" (both statuses that wait for an officer, sent as a
 * comma-separated list) or "" (any). The queue opens on "pending".
 */
export const PENDING_FILTER = 'pending';
export type QueueStatusFilter = string;
export const QUEUE_DEFAULT_FILTER: QueueStatusFilter = PENDING_FILTER;

/** The `status` query parameter of a queue filter (several statuses as a comma-separated list). */
export function queueStatusParam(filter: QueueStatusFilter): string | undefined {
  if (filter === '') return undefined;
  if (filter === PENDING_FILTER) return QUEUE_DEFAULT_STATUSES.join(',');
  return filter;
}
