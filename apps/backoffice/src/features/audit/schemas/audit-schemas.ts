import { z } from 'zod';
import { isIsoDate } from '@cofinanca/domain';

const optionalDate = z.string().refine((v) => v === '' || isIsoDate(v), { message: 'validation.date' });

export const auditFiltersSchema = z
  .object({
    action: z.string().trim(),
    subjectType: z.string().trim(),
    subjectId: z.string().trim(),
    actorId: z.string().trim(),
    from: optionalDate,
    to: optionalDate,
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'validation.dateRange', path: ['to'] });
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const EMPTY_AUDIT_FILTERS: AuditFilters = {
  action: '',
  subjectType: '',
  subjectId: '',
  actorId: '',
  from: '',
  to: '',
};
