/**
 * An application's content (api.md "Applications"): its live totals and the rules its submission must pass, in the
 * order product.md gives them. Money is compared exactly in integer cents.
 */
import { CallParameters, isIsoInstant, parsePercent } from './calls';
import { dateInTimeZone, isIsoDate, yearOf } from './dates';
import { Cents, formatMoney, MONEY_PATTERN, parseMoney, sumCents } from './money';
import {
  addFieldIssue,
  fieldIssue,
  type FieldErrorCode,
  type FieldErrorParams,
  type FieldIssues,
} from './field-errors';

export interface BudgetLine {
  code: string;
  category: string;
  description: string;
  amount: string;
  requestedAmount: string;
}

/** Whether a co-funder's contribution is confirmed or only requested. */
export const COFUNDING_STATUSES = ['confirmed', 'requested'] as const;
export type CofundingStatus = (typeof COFUNDING_STATUSES)[number];

export interface Cofunding {
  funder: string;
  amount: string;
  status: CofundingStatus;
}

export interface SectorShare {
  code: string;
  percent: string;
}

export interface SdgSelection {
  goal: number;
  targets: string[];
}

/** The significance of a DAC policy marker: 0 not targeted, 1 significant, 2 principal objective. */
export const MARKER_SIGNIFICANCES = [0, 1, 2] as const;

/** A DAC policy marker (code as in IATI PolicyMarker.xml) with its significance 0, 1 or 2. */
export interface PolicyMarkerSelection {
  code: string;
  significance: number;
}

/** How beneficiaries are counted by sex. */
export const SEXES = ['women', 'men', 'other'] as const;
export type Sex = (typeof SEXES)[number];

export type SexCounts = Record<Sex, number>;

export const AGE_BANDS = ['0-17', '18-29', '30-64', '65+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export interface BeneficiaryGroup extends SexCounts {
  byAge?: Partial<Record<AgeBand, SexCounts>> | null;
}

export interface ApplicationContent {
  title: string | null;
  summary: string | null;
  modality: string | null;
  countryCode: string | null;
  locations: string[];
  startDate: string | null;
  endDate: string | null;
  totalCost: string | null;
  requestedAmount: string | null;
  ownContribution: string | null;
  cofunding: Cofunding[];
  budgetLines: BudgetLine[];
  sectors: SectorShare[];
  sdgs: SdgSelection[];
  policyMarkers: PolicyMarkerSelection[];
  beneficiaries: { direct: BeneficiaryGroup; indirect: BeneficiaryGroup } | null;
  counterpart: { name: string; countryCode: string; description: string } | null;
  partnerEntityIds: string[];
}

/** The DAC policy marker for gender equality (IATI PolicyMarker code 1). */
export const GENDER_MARKER_CODE = '1';

// ---------------------------------------------------------------------------------------------------------------
// Totals

export interface ApplicationTotals {
  budgetLinesTotal: string;
  budgetLinesRequested: string;
  cofundingTotal: string;
  /** requestedAmount + Σ cofunding + ownContribution. */
  fundingTotal: string;
  /** requestedAmount / totalCost × 100 with 2 decimals rounded down; null without a positive total cost. */
  cofinancingPercent: string | null;
  sectorsPercent: string;
  /** Every budget check of the submission holds (see budgetMismatchErrors). */
  budgetBalanced: boolean;
}

/** Cents of a money string, or 0 for null, empty or malformed input (the form is half-filled while it is typed). */
export function centsOrZero(value: string | null | undefined): Cents {
  return typeof value === 'string' && MONEY_PATTERN.test(value) ? parseMoney(value) : 0n;
}

const list = <T>(items: readonly T[] | null | undefined): readonly T[] => (Array.isArray(items) ? items : []);

interface BudgetSums {
  totalCost: Cents;
  requested: Cents;
  own: Cents;
  linesTotal: Cents;
  linesRequested: Cents;
  cofunding: Cents;
  funding: Cents;
}

function budgetSums(a: ApplicationContent): BudgetSums {
  const lines = list(a.budgetLines);
  const requested = centsOrZero(a.requestedAmount);
  const own = centsOrZero(a.ownContribution);
  const cofunding = sumCents(list(a.cofunding).map((c) => centsOrZero(c.amount)));
  return {
    totalCost: centsOrZero(a.totalCost),
    requested,
    own,
    linesTotal: sumCents(lines.map((l) => centsOrZero(l.amount))),
    linesRequested: sumCents(lines.map((l) => centsOrZero(l.requestedAmount))),
    cofunding,
    funding: requested + cofunding + own,
  };
}

/**
 * What does not add up in the budget, keyed by field path: lines against totalCost, their requested parts against
 * requestedAmount, each line's requested part against its amount, and totalCost against requested + co-funding + own
 * contribution. Malformed amounts count as 0 and are reported on their own path.
 */
export function budgetMismatchErrors(a: ApplicationContent): FieldIssues {
  const errors: FieldIssues = {};
  const add = (path: string, code: FieldErrorCode, params?: FieldErrorParams): void =>
    addFieldIssue(errors, path, code, params);
  const s = budgetSums(a);
  list(a.budgetLines).forEach((line, i) => {
    const valid = (field: 'amount' | 'requestedAmount'): boolean => {
      const ok = typeof line[field] === 'string' && MONEY_PATTERN.test(line[field]);
      if (!ok) add(`budgetLines[${i}].${field}`, 'MAX_DECIMALS', { max: 2 });
      return ok;
    };
    const amountOk = valid('amount');
    const requestedOk = valid('requestedAmount');
    if (amountOk && requestedOk && parseMoney(line.requestedAmount) > parseMoney(line.amount)) {
      add(`budgetLines[${i}].requestedAmount`, 'EXCEEDS_LINE_AMOUNT', { max: line.amount });
    }
  });
  list(a.cofunding).forEach((c, i) => {
    if (typeof c.amount !== 'string' || !MONEY_PATTERN.test(c.amount)) {
      add(`cofunding[${i}].amount`, 'MAX_DECIMALS', { max: 2 });
    }
  });
  if (s.linesTotal !== s.totalCost) {
    add('totalCost', 'LINES_TOTAL_MISMATCH', { expected: formatMoney(s.linesTotal) });
  }
  if (s.linesRequested !== s.requested) {
    add('requestedAmount', 'LINES_REQUESTED_MISMATCH', { expected: formatMoney(s.linesRequested) });
  }
  if (s.funding !== s.totalCost) {
    add('ownContribution', 'FUNDING_MISMATCH', {
      funding: formatMoney(s.funding),
      totalCost: formatMoney(s.totalCost),
    });
  }
  return errors;
}

/** Basis points (hundredths of a percent) of a percentage string, or 0 when malformed. */
function basisPointsOrZero(value: string | null | undefined): bigint {
  return centsOrZero(value);
}

/** Live totals for the application form. Null or malformed amounts count as 0. */
export function applicationTotals(a: ApplicationContent): ApplicationTotals {
  const s = budgetSums(a);
  const sectors = sumCents(list(a.sectors).map((x) => basisPointsOrZero(x.percent)));
  return {
    budgetLinesTotal: formatMoney(s.linesTotal),
    budgetLinesRequested: formatMoney(s.linesRequested),
    cofundingTotal: formatMoney(s.cofunding),
    fundingTotal: formatMoney(s.funding),
    cofinancingPercent: s.totalCost > 0n ? formatMoney((s.requested * 10000n) / s.totalCost) : null,
    sectorsPercent: formatMoney(sectors),
    budgetBalanced: Object.keys(budgetMismatchErrors(a)).length === 0,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Required fields

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function isPositiveAmount(value: string | null): boolean {
  return typeof value === 'string' && MONEY_PATTERN.test(value) && parseMoney(value) > 0n;
}

function isAmount(value: string | null): boolean {
  return typeof value === 'string' && MONEY_PATTERN.test(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;

const isSexCounts = (value: unknown): boolean => isRecord(value) && SEXES.every((s) => isCount(value[s]));

/** Counts by sex, and by age band when given: the shape the form and the API write. */
function isBeneficiaryGroup(value: unknown): boolean {
  if (!isSexCounts(value)) return false;
  const byAge = (value as Record<string, unknown>)['byAge'];
  if (byAge === null || byAge === undefined) return true;
  return (
    isRecord(byAge) &&
    Object.entries(byAge).every(
      ([band, counts]) => (AGE_BANDS as readonly string[]).includes(band) && isSexCounts(counts),
    )
  );
}

function isBeneficiaries(value: unknown): boolean {
  return isRecord(value) && isBeneficiaryGroup(value['direct']) && isBeneficiaryGroup(value['indirect']);
}

function isSdgSelection(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const goal = value['goal'];
  return (
    Number.isInteger(goal) &&
    (goal as number) >= 1 &&
    (goal as number) <= 17 &&
    Array.isArray(value['targets'])
  );
}

/** A list of at least one item, every item an object (content stored before nested values were checked may not be). */
function isListOfRecords(items: unknown, item: (value: unknown) => boolean = isRecord): boolean {
  return Array.isArray(items) && items.length > 0 && items.every(item);
}

/**
 * The field paths a submission still needs, in form order. A modality the call does not admit counts as missing;
 * totalCost and requestedAmount must be positive amounts, ownContribution an amount (it may be 0); lists, SDGs and
 * beneficiaries count only when well formed (objects of the right shape, whatever was stored).
 */
export function missingApplicationFields(
  a: ApplicationContent,
  call: Pick<CallParameters, 'modalities'>,
): string[] {
  const missing: string[] = [];
  const need = (path: string, present: boolean): void => {
    if (!present) missing.push(path);
  };
  need('title', !isBlank(a.title));
  need('summary', !isBlank(a.summary));
  need(
    'modality',
    !isBlank(a.modality) && (list(call.modalities) as readonly string[]).includes(a.modality as string),
  );
  need('countryCode', !isBlank(a.countryCode));
  need(
    'locations',
    list(a.locations).some((l) => !isBlank(l)),
  );
  need('startDate', typeof a.startDate === 'string' && isIsoDate(a.startDate));
  need('endDate', typeof a.endDate === 'string' && isIsoDate(a.endDate));
  need('totalCost', isPositiveAmount(a.totalCost));
  need('requestedAmount', isPositiveAmount(a.requestedAmount));
  need('ownContribution', isAmount(a.ownContribution));
  need('budgetLines', isListOfRecords(a.budgetLines));
  need('sectors', isListOfRecords(a.sectors));
  need('sdgs', isListOfRecords(a.sdgs, isSdgSelection));
  need('beneficiaries', isBeneficiaries(a.beneficiaries));
  need('counterpart.name', !isBlank(a.counterpart?.name));
  need('counterpart.countryCode', !isBlank(a.counterpart?.countryCode));
  need('counterpart.description', !isBlank(a.counterpart?.description));
  return missing;
}

// ---------------------------------------------------------------------------------------------------------------
// Execution period

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * The date `months` calendar months after `value`, clamped to the end of a shorter month: 2027-01-31 + 1 → 2027-02-28.
 * Throws RangeError on a malformed date or a non-integer count.
 */
export function addCalendarMonths(value: string, months: number): string {
  if (!isIsoDate(value)) throw new RangeError(`Not a date (YYYY-MM-DD): ${String(value)}`);
  if (!Number.isInteger(months)) throw new RangeError(`Months must be an integer: ${String(months)}`);
  const [y, m, d] = value.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(d, daysInMonth(year, month)), 2)}`;
}

/** The last end date allowed for an execution of `maxMonths` months: start + maxMonths months − 1 day. */
export function lastAllowedEndDate(startDate: string, maxMonths: number): string {
  const end = new Date(`${addCalendarMonths(startDate, maxMonths)}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** True when the execution ends after start + maxMonths calendar months − 1 day (2027-01-01 + 12 → 2027-12-31). */
export function executionExceeds(startDate: string, endDate: string, maxMonths: number): boolean {
  if (!isIsoDate(endDate)) throw new RangeError(`Not a date (YYYY-MM-DD): ${String(endDate)}`);
  return endDate > lastAllowedEndDate(startDate, maxMonths);
}

// ---------------------------------------------------------------------------------------------------------------
// Submission

export interface SubmissionInput {
  now: Date;
  call: CallParameters & { status: string };
  entityStatus: string;
  hasPendingJustification: boolean;
  application: ApplicationContent;
  /** The `type` of every document attached to the application. */
  documentTypes: string[];
}

export type SubmissionRuleCode =
  | 'CALL_NOT_OPEN'
  | 'DEADLINE_PASSED'
  | 'ENTITY_NOT_VALIDATED'
  | 'PENDING_JUSTIFICATION'
  | 'APPLICATION_INCOMPLETE'
  | 'EXECUTION_TOO_LONG'
  | 'AMOUNT_OVER_CAP'
  | 'COFINANCING_OVER_LIMIT'
  | 'BUDGET_MISMATCH'
  | 'SECTORS_NOT_100'
  | 'GENDER_MARKER_REQUIRED'
  | 'MISSING_DOCUMENTS';

/** The submission rules in the order they are checked (api.md). */
export const SUBMISSION_RULE_ORDER: readonly SubmissionRuleCode[] = [
  'CALL_NOT_OPEN',
  'DEADLINE_PASSED',
  'ENTITY_NOT_VALIDATED',
  'PENDING_JUSTIFICATION',
  'APPLICATION_INCOMPLETE',
  'EXECUTION_TOO_LONG',
  'AMOUNT_OVER_CAP',
  'COFINANCING_OVER_LIMIT',
  'BUDGET_MISMATCH',
  'SECTORS_NOT_100',
  'GENDER_MARKER_REQUIRED',
  'MISSING_DOCUMENTS',
];

export interface SubmissionViolation {
  code: SubmissionRuleCode;
  errors: FieldIssues;
}

type Rule = (input: SubmissionInput) => SubmissionViolation | null;

const violation = (code: SubmissionRuleCode, errors: FieldIssues): SubmissionViolation => ({
  code,
  errors,
});

function instant(value: string | null): number | null {
  return typeof value === 'string' && isIsoInstant(value) ? Date.parse(value) : null;
}

/**
 * (1) The call window, both ends inclusive. After closesAt the answer is DEADLINE_PASSED whatever the call's later
 * status; otherwise a call that is not published, or not open yet, is CALL_NOT_OPEN. Also the rule for creating a
 * draft on a call.
 */
export function checkCallWindow(
  call: Pick<CallParameters, 'opensAt' | 'closesAt'> & { status: string },
  now: Date,
): SubmissionViolation | null {
  const opensAt = instant(call.opensAt);
  const closesAt = instant(call.closesAt);
  const at = now.getTime();
  if (call.status !== 'draft' && closesAt !== null && at > closesAt) {
    return violation('DEADLINE_PASSED', {
      callId: [fieldIssue('CALL_CLOSED', { closesAt: call.closesAt as string })],
    });
  }
  if (call.status !== 'published' || opensAt === null || closesAt === null || at < opensAt) {
    return violation('CALL_NOT_OPEN', { callId: [fieldIssue('CALL_NOT_OPEN')] });
  }
  return null;
}

const callWindowRule: Rule = ({ now, call }) => checkCallWindow(call, now);

/** (2) Only a validated (active) entity submits. */
const entityRule: Rule = ({ entityStatus }) =>
  entityStatus === 'active'
    ? null
    : violation('ENTITY_NOT_VALIDATED', { entityId: [fieldIssue('ENTITY_NOT_VALIDATED')] });

/** (3) No earlier grant pending justification. */
const pendingJustificationRule: Rule = ({ hasPendingJustification }) =>
  hasPendingJustification
    ? violation('PENDING_JUSTIFICATION', { entityId: [fieldIssue('PENDING_JUSTIFICATION')] })
    : null;

/** (4) Every required field, and an end date not before the start date. */
const completenessRule: Rule = ({ application: a, call }) => {
  const errors: FieldIssues = {};
  for (const path of missingApplicationFields(a, call)) errors[path] = [fieldIssue('REQUIRED')];
  if (!errors['startDate'] && !errors['endDate'] && (a.endDate as string) < (a.startDate as string)) {
    errors['endDate'] = [fieldIssue('NOT_BEFORE', { min: a.startDate as string })];
  }
  return Object.keys(errors).length > 0 ? violation('APPLICATION_INCOMPLETE', errors) : null;
};

/** (5) The execution period fits the call's maximum months. */
const executionRule: Rule = ({ application: a, call }) => {
  const start = a.startDate as string;
  if (!executionExceeds(start, a.endDate as string, call.maxExecutionMonths)) return null;
  const last = lastAllowedEndDate(start, call.maxExecutionMonths);
  return violation('EXECUTION_TOO_LONG', {
    endDate: [fieldIssue('EXECUTION_TOO_LONG', { max: last, months: call.maxExecutionMonths })],
  });
};

/** (6) The requested amount is within the call's cap per application. */
const capRule: Rule = ({ application: a, call }) => {
  if (call.maxAmountPerApplication === null) return null;
  const cap = parseMoney(call.maxAmountPerApplication);
  return parseMoney(a.requestedAmount as string) > cap
    ? violation('AMOUNT_OVER_CAP', {
        requestedAmount: [fieldIssue('EXCEEDS_CAP', { max: formatMoney(cap) })],
      })
    : null;
};

/** (7) requested × 100 ≤ percent × total cost, exactly: cents × 10000 against basis points × cents. */
const cofinancingRule: Rule = ({ application: a, call }) => {
  const percent = parsePercent(call.maxCofinancingPercent);
  const requested = parseMoney(a.requestedAmount as string);
  const totalCost = parseMoney(a.totalCost as string);
  if (requested * 10000n <= percent * totalCost) return null;
  return violation('COFINANCING_OVER_LIMIT', {
    requestedAmount: [fieldIssue('EXCEEDS_COFINANCING', { percent: formatMoney(percent) })],
  });
};

/** (8) The budget adds up. */
const budgetRule: Rule = ({ application }) => {
  const errors = budgetMismatchErrors(application);
  return Object.keys(errors).length > 0 ? violation('BUDGET_MISMATCH', errors) : null;
};

/** (9) Sector percentages add up to exactly 100.00. */
const sectorsRule: Rule = ({ application: a }) => {
  const total = sumCents(list(a.sectors).map((s) => basisPointsOrZero(s.percent)));
  const malformed = list(a.sectors).some(
    (s) => typeof s.percent !== 'string' || !MONEY_PATTERN.test(s.percent),
  );
  if (total === 10000n && !malformed) return null;
  return violation('SECTORS_NOT_100', {
    sectors: [fieldIssue('SECTORS_NOT_100', { total: formatMoney(total) })],
  });
};

/** True when the application carries the DAC gender-equality marker with significance 1 or 2. */
export function hasGenderMarker(markers: readonly PolicyMarkerSelection[] | null | undefined): boolean {
  return list(markers).some((m) => m.code === GENDER_MARKER_CODE && m.significance >= 1);
}

/** (10) The gender marker at significance ≥ 1 when the call requires it. */
const genderMarkerRule: Rule = ({ application: a, call }) =>
  !call.requiresGenderMarker || hasGenderMarker(a.policyMarkers)
    ? null
    : violation('GENDER_MARKER_REQUIRED', {
        policyMarkers: [fieldIssue('GENDER_MARKER_REQUIRED', { marker: GENDER_MARKER_CODE })],
      });

/** (11) A document of every required type. */
const documentsRule: Rule = ({ call, documentTypes }) => {
  const attached = new Set(documentTypes);
  const errors: FieldIssues = {};
  for (const d of list(call.requiredDocuments)) {
    if (d.required && !attached.has(d.code)) errors[`documents.${d.code}`] = [fieldIssue('REQUIRED')];
  }
  return Object.keys(errors).length > 0 ? violation('MISSING_DOCUMENTS', errors) : null;
};

const RULES: readonly Rule[] = [
  callWindowRule,
  entityRule,
  pendingJustificationRule,
  completenessRule,
  executionRule,
  capRule,
  cofinancingRule,
  budgetRule,
  sectorsRule,
  genderMarkerRule,
  documentsRule,
];

/**
 * The first submission rule the application breaks, in api.md's order, or null when it may be submitted. Rules
 * after the completeness check rely on it: they only see present, well-formed amounts and dates.
 */
export function checkSubmission(input: SubmissionInput): SubmissionViolation | null {
  for (const rule of RULES) {
    const broken = rule(input);
    if (broken) return broken;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Registry numbers

export const REGISTRY_NUMBER_PATTERN = /^REG-\d{4}-\d{6}$/;
export const MAX_REGISTRY_SEQUENCE = 999_999;

/** The registry number of a submission: REG-2026-000042. Throws RangeError outside sequence 1..999999. */
export function registryNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`Registry year must have four digits: ${String(year)}`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_REGISTRY_SEQUENCE) {
    throw new RangeError(`Registry sequence must be from 1 to ${MAX_REGISTRY_SEQUENCE}: ${String(sequence)}`);
  }
  return `REG-${year}-${pad(sequence, 6)}`;
}

/** The registry year of a submission instant: its calendar year in Europe/Madrid. */
export function registryYear(submittedAt: Date): number {
  return yearOf(dateInTimeZone(submittedAt));
}
