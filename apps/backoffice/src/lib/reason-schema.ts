import { z } from 'zod';

export const REASON_MAX = 2000;

/** A reason told to the entity (reject, suspend, declare inadmissible or withdrawn). */
export const reasonSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, { message: 'validation.required' })
    .max(REASON_MAX, { message: 'validation.tooLong' }),
});
export type ReasonValues = z.infer<typeof reasonSchema>;
