import { z } from 'zod';
import { HOLIDAY_SCOPES, isIsoDate } from '@cofinanca/domain';

export const INE_CODE = /^\d{5}$/;
export const DEFAULT_MUNICIPALITY = '25120';

const dateSchema = z.string().refine((v) => isIsoDate(v), { message: 'validation.date' });

export const holidaySchema = z
  .object({
    date: dateSchema,
    scopeKind: z.enum([...HOLIDAY_SCOPES, 'local']),
    ineCode: z.string().trim(),
    name: z
      .string()
      .trim()
      .min(1, { message: 'validation.required' })
      .max(200, { message: 'validation.tooLong' }),
  })
  .superRefine((v, ctx) => {
    if (v.scopeKind === 'local' && !INE_CODE.test(v.ineCode)) {
      ctx.addIssue({ code: 'custom', path: ['ineCode'], message: 'validation.ineCode' });
    }
  });
export type HolidayValues = z.infer<typeof holidaySchema>;

export function toScope(values: Pick<HolidayValues, 'scopeKind' | 'ineCode'>): string {
  return values.scopeKind === 'local' ? `local:${values.ineCode}` : values.scopeKind;
}

export const businessDaysSchema = z.object({
  from: dateSchema,
  days: z.coerce
    .number<string>({ message: 'validation.positiveInt' })
    .int({ message: 'validation.positiveInt' })
    .min(1, { message: 'validation.positiveInt' })
    .max(366, { message: 'validation.positiveInt' }),
  municipality: z.string().trim().regex(INE_CODE, { message: 'validation.ineCode' }),
});
export type BusinessDaysInput = z.input<typeof businessDaysSchema>;
export type BusinessDaysValues = z.output<typeof businessDaysSchema>;

/**
 * The year named by a 422 CALENDAR_MISSING (a deadline would cross a year whose holidays have not been entered), read
 * from the problem's `detail`; null for any other error.
 */
export function calendarMissingYear(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, detail } = error as { code?: unknown; detail?: unknown };
  if (code !== 'CALENDAR_MISSING') return null;
  const match = typeof detail === 'string' ? /\b(\d{4})\b/.exec(detail) : null;
  return match ? Number(match[1]) : null;
}
