/**
 * zod schemas of the officers' call screens. `callFormSchema` checks what the API would refuse with a 400 when a
 * draft is saved (formats and ranges); what publishing needs on top (texts in three languages, a budget, a rubric…)
 * is the live checklist of `callCompletenessErrors`, not a reason to refuse saving a draft.
 */
import { LANGUAGES, RESERVED_DOCUMENT_CODES } from '@cofinanca/domain';
import { z } from 'zod';
import type { CallForm } from './call-form';
import { isMoneyInput, isPercentInput, isPointsInput, normaliseDecimal } from '../../../lib/inputs';
import { CLOSES_DEFAULT_TIME, OPENS_DEFAULT_TIME, windowInstant } from '../../../lib/madrid-time';

export const CALL_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;
export const DOCUMENT_CODE_PATTERN = /^[a-z0-9_]{1,60}$/;
/** Document types the platform uses itself (the API refuses them as required-document codes). */
export { RESERVED_DOCUMENT_CODES };
export const MAX_POINTS = 9999.99;
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

/** A validation message: an i18n key and its values. */
export interface FieldProblem {
  key: string;
  values?: Record<string, string | number>;
}

type Ctx = z.RefinementCtx;
type Path = (string | number)[];

function issue(ctx: Ctx, path: Path, key: string, values?: Record<string, string | number>) {
  ctx.addIssue({ code: 'custom', path, message: key, params: values ? { values } : undefined });
}

function integerIn(ctx: Ctx, path: Path, value: string, min: number, max: number, optional = false) {
  const v = value.trim();
  if (optional && v === '') return;
  const n = /^\d{1,9}$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max)
    issue(ctx, path, 'office.validation.integerRange', { min, max });
}

function points(ctx: Ctx, path: Path, value: string, optional = false) {
  if (optional && normaliseDecimal(value) === '') return;
  if (!isPointsInput(value) || Number(normaliseDecimal(value)) > MAX_POINTS) {
    issue(ctx, path, 'office.validation.points', { max: MAX_POINTS });
  }
}

function percent(ctx: Ctx, path: Path, value: string) {
  if (!isPercentInput(value)) issue(ctx, path, 'office.validation.percent');
}

function optionalMoney(ctx: Ctx, path: Path, value: string) {
  if (normaliseDecimal(value) !== '' && !isMoneyInput(value)) issue(ctx, path, 'office.validation.money');
}

function maxLength(ctx: Ctx, path: Path, value: string, max: number) {
  if (value.trim().length > max) issue(ctx, path, 'office.validation.tooLong', { max });
}

function localised(ctx: Ctx, path: Path, value: { ca: string; es: string; en: string }, max: number) {
  for (const language of LANGUAGES) maxLength(ctx, [...path, language], value[language], max);
}

/** What must hold before a draft is saved. Issue paths are the API's field paths (see `issuePath`). */
export const callFormSchema = z.custom<CallForm>().superRefine((form, ctx) => {
  if (!CALL_CODE_PATTERN.test(form.code.trim())) issue(ctx, ['code'], 'office.validation.callCode');
  integerIn(ctx, ['year'], form.year, YEAR_MIN, YEAR_MAX);
  localised(ctx, ['title'], form.title, 300);
  localised(ctx, ['description'], form.description, 20000);

  optionalMoney(ctx, ['budget'], form.budget);
  optionalMoney(ctx, ['maxAmountPerApplication'], form.maxAmountPerApplication);
  percent(ctx, ['maxCofinancingPercent'], form.maxCofinancingPercent);
  percent(ctx, ['advancePercent'], form.advancePercent);
  percent(ctx, ['budgetDeviationPercent'], form.budgetDeviationPercent);
  percent(ctx, ['minPartialAwardPercent'], form.minPartialAwardPercent);

  const opens = windowInstant(form.opensAt.date, form.opensAt.time, OPENS_DEFAULT_TIME);
  const closes = windowInstant(form.closesAt.date, form.closesAt.time, CLOSES_DEFAULT_TIME);
  if (opens === undefined) issue(ctx, ['opensAt'], 'office.validation.dateTime');
  if (closes === undefined) issue(ctx, ['closesAt'], 'office.validation.dateTime');
  if (opens && closes && Date.parse(opens) >= Date.parse(closes)) {
    issue(ctx, ['closesAt'], 'office.check.closesAfterOpens');
  }
  integerIn(ctx, ['maxExecutionMonths'], form.maxExecutionMonths, 0, 120);
  integerIn(ctx, ['justificationMonths'], form.justificationMonths, 0, 60);
  integerIn(ctx, ['correctionDays'], form.correctionDays, 0, 365);
  integerIn(ctx, ['allegationDays'], form.allegationDays, 0, 365);

  points(ctx, ['minimumTotalScore'], form.minimumTotalScore);
  points(ctx, ['divergenceThreshold'], form.divergenceThreshold);
  integerIn(ctx, ['evaluatorsPerApplication'], form.evaluatorsPerApplication, 1, 20);
  if (form.allocationMethod === 'score_bands') {
    form.scoreBands.forEach((band, i) => {
      points(ctx, ['scoreBands', i, 'minScore'], band.minScore);
      percent(ctx, ['scoreBands', i, 'percent'], band.percent);
    });
  }

  form.rubric.blocks.forEach((block, b) => {
    const path: Path = ['rubric', 'blocks', b];
    maxLength(ctx, [...path, 'code'], block.code, 20);
    localised(ctx, [...path, 'name'], block.name, 300);
    points(ctx, [...path, 'minPoints'], block.minPoints, true);
    integerIn(ctx, [...path, 'tieBreakOrder'], block.tieBreakOrder, 1, 100, true);
    block.criteria.forEach((criterion, c) => {
      const cPath: Path = [...path, 'criteria', c];
      maxLength(ctx, [...cPath, 'code'], criterion.code, 20);
      localised(ctx, [...cPath, 'name'], criterion.name, 300);
      maxLength(ctx, [...cPath, 'guidance'], criterion.guidance, 4000);
      points(ctx, [...cPath, 'maxPoints'], criterion.maxPoints);
    });
  });

  form.requiredDocuments.forEach((doc, i) => {
    const code = doc.code.trim();
    if (!DOCUMENT_CODE_PATTERN.test(code)) {
      issue(ctx, ['requiredDocuments', i, 'code'], 'office.validation.documentCode');
    } else if ((RESERVED_DOCUMENT_CODES as readonly string[]).includes(code)) {
      issue(ctx, ['requiredDocuments', i, 'code'], 'office.validation.documentCodeReserved');
    }
    localised(ctx, ['requiredDocuments', i, 'name'], doc.name, 300);
  });
});

/** A zod issue path as the API writes field paths: `rubric.blocks[0].criteria[2].maxPoints`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, '');
}

/** The problems of a parse, by API field path (the first problem of each field). */
export function problemsByPath(result: {
  success: boolean;
  error?: z.ZodError;
}): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  if (result.success || !result.error) return out;
  for (const i of result.error.issues) {
    const path = issuePath(i.path);
    if (out[path]) continue;
    const params = (i as { params?: { values?: Record<string, string | number> } }).params;
    out[path] = { key: i.message, values: params?.values };
  }
  return out;
}

/** Validates the editor before saving; an empty object means the draft can be sent. */
export function callFormProblems(form: CallForm): Record<string, FieldProblem> {
  return problemsByPath(callFormSchema.safeParse(form));
}

// ---------------------------------------------------------------------------------------------------------------
// Small dialogs

const reasonText = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .max(2000, { message: 'validation.tooLong' });

/** "New call from template": a code and a year. */
export const fromTemplateSchema = z.object({
  code: z.string().trim().regex(CALL_CODE_PATTERN, { message: 'office.validation.callCode' }),
  year: z
    .string()
    .trim()
    .refine((v) => /^\d{4}$/.test(v) && Number(v) >= YEAR_MIN && Number(v) <= YEAR_MAX, {
      message: 'office.validation.year',
    }),
});
export type FromTemplateValues = z.infer<typeof fromTemplateSchema>;

export function toFromTemplateRequest(values: FromTemplateValues): { code: string; year: number } {
  return { code: values.code, year: Number(values.year) };
}

/** "Extend the deadline": a new closing date and time in Lleida, later than the current one, and a reason. */
export function extendSchema(currentClosesAt: string | null) {
  return z.object({ date: z.string(), time: z.string(), reason: reasonText }).superRefine((v, ctx) => {
    const iso = windowInstant(v.date, v.time, CLOSES_DEFAULT_TIME);
    if (!iso) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'office.validation.dateTime' });
      return;
    }
    if (currentClosesAt && Date.parse(iso) <= Date.parse(currentClosesAt)) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'office.validation.extendLater' });
    }
  });
}
export type ExtendValues = { date: string; time: string; reason: string };

export function toExtendRequest(values: ExtendValues): { closesAt: string; reason: string } {
  return {
    closesAt: windowInstant(values.date, values.time, CLOSES_DEFAULT_TIME) as string,
    reason: values.reason.trim(),
  };
}
