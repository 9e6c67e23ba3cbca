/**
 * The checklist of the "Review and submit" section: every submission rule of api.md, in its order, checked with the
 * functions of libs/domain the API runs (`checkSubmission`, `missingApplicationFields`, `budgetMismatchErrors`…), each
 * item linked to the section of the form where it is fixed.
 */
import {
  budgetMismatchErrors,
  checkSubmission,
  executionExceeds,
  hasGenderMarker,
  isIsoDate,
  isPercent,
  lastAllowedEndDate,
  missingApplicationFields,
  MONEY_PATTERN,
  parseMoney,
  parsePercent,
  applicationTotals,
  type SubmissionInput,
  type SubmissionRuleCode,
  type SubmissionViolation,
} from '@cofinanca/domain';

export const SECTIONS = [
  'project',
  'budget',
  'classification',
  'beneficiaries',
  'counterpart',
  'documents',
  'review',
] as const;
export type SectionId = (typeof SECTIONS)[number];

/** The section of the form where a field path (the API's notation) is filled in. */
export function sectionOf(path: string): SectionId {
  const root = path.split(/[.[]/)[0];
  switch (root) {
    case 'title':
    case 'summary':
    case 'modality':
    case 'countryCode':
    case 'locations':
    case 'startDate':
    case 'endDate':
      return 'project';
    case 'totalCost':
    case 'requestedAmount':
    case 'ownContribution':
    case 'budgetLines':
    case 'cofunding':
      return 'budget';
    case 'sectors':
    case 'sdgs':
    case 'policyMarkers':
      return 'classification';
    case 'beneficiaries':
      return 'beneficiaries';
    case 'counterpart':
    case 'partnerEntityIds':
      return 'counterpart';
    case 'documents':
      return 'documents';
    default:
      return 'review';
  }
}

export interface ChecklistItem {
  /** Unique within the list (a rule, or a rule and a field). */
  key: string;
  rule: SubmissionRuleCode;
  /** true: met · false: broken · null: cannot be checked until the required fields are filled in. */
  ok: boolean | null;
  section: SectionId;
  /** The field involved (API path), when the item is about one field or document. */
  field?: string;
  /** Values for the item's text (amounts as decimal strings, dates, document codes). */
  params?: Record<string, string | number>;
}

export interface Checklist {
  items: ChecklistItem[];
  /** What the API would answer now: the first broken rule, or null when the application can be submitted. */
  first: SubmissionViolation | null;
}

const isAmount = (v: string | null): v is string => typeof v === 'string' && MONEY_PATTERN.test(v);

export function buildChecklist(input: SubmissionInput): Checklist {
  const { application: a, call } = input;
  const first = checkSubmission(input);
  const items: ChecklistItem[] = [];

  // 1. The call's window: it is the first rule, so checkSubmission answers it exactly.
  const windowBroken = first?.code === 'CALL_NOT_OPEN' || first?.code === 'DEADLINE_PASSED';
  items.push({
    key: 'window',
    rule: windowBroken ? first!.code : 'CALL_NOT_OPEN',
    ok: !windowBroken,
    section: 'review',
    params: { closesAt: call.closesAt ?? '' },
  });

  // 2. A validated entity.
  items.push({
    key: 'entity',
    rule: 'ENTITY_NOT_VALIDATED',
    ok: input.entityStatus === 'active',
    section: 'review',
  });

  // 3. (Pending justification is only known to the server: it is checked on submission.)

  // 4. Required fields.
  const missing = missingApplicationFields(a, call);
  for (const field of missing) {
    items.push({
      key: `missing:${field}`,
      rule: 'APPLICATION_INCOMPLETE',
      ok: false,
      section: sectionOf(field),
      field,
    });
  }
  const datesOk =
    typeof a.startDate === 'string' &&
    typeof a.endDate === 'string' &&
    isIsoDate(a.startDate) &&
    isIsoDate(a.endDate);
  if (datesOk && (a.endDate as string) < (a.startDate as string)) {
    items.push({
      key: 'dates-order',
      rule: 'APPLICATION_INCOMPLETE',
      ok: false,
      section: 'project',
      field: 'endDate',
    });
  }
  if (missing.length === 0 && !items.some((i) => i.key === 'dates-order')) {
    items.push({ key: 'complete', rule: 'APPLICATION_INCOMPLETE', ok: true, section: 'review' });
  }

  // 5. Execution period.
  const lastEnd = datesOk ? lastAllowedEndDate(a.startDate as string, call.maxExecutionMonths) : '';
  items.push({
    key: 'execution',
    rule: 'EXECUTION_TOO_LONG',
    ok: datesOk
      ? !executionExceeds(a.startDate as string, a.endDate as string, call.maxExecutionMonths)
      : null,
    section: 'project',
    field: 'endDate',
    params: { months: call.maxExecutionMonths, lastEnd },
  });

  // 6. Cap per application.
  const requestedOk = isAmount(a.requestedAmount);
  if (call.maxAmountPerApplication !== null) {
    items.push({
      key: 'cap',
      rule: 'AMOUNT_OVER_CAP',
      ok: requestedOk
        ? parseMoney(a.requestedAmount as string) <= parseMoney(call.maxAmountPerApplication)
        : null,
      section: 'budget',
      field: 'requestedAmount',
      params: { cap: call.maxAmountPerApplication },
    });
  }

  // 7. Co-financing percentage (exact: requested × 100 ≤ percent × total cost, in cents).
  const totalOk = isAmount(a.totalCost) && parseMoney(a.totalCost as string) > 0n;
  items.push({
    key: 'cofinancing',
    rule: 'COFINANCING_OVER_LIMIT',
    ok:
      requestedOk && totalOk && isPercent(call.maxCofinancingPercent)
        ? parseMoney(a.requestedAmount as string) * 10000n <=
          parsePercent(call.maxCofinancingPercent) * parseMoney(a.totalCost as string)
        : null,
    section: 'budget',
    field: 'requestedAmount',
    params: {
      max: call.maxCofinancingPercent,
      percent: applicationTotals(a).cofinancingPercent ?? '',
    },
  });

  // 8. A budget that adds up.
  const mismatch = budgetMismatchErrors(a);
  const mismatchFields = Object.keys(mismatch);
  items.push({
    key: 'budget',
    rule: 'BUDGET_MISMATCH',
    ok: a.budgetLines.length === 0 ? null : mismatchFields.length === 0,
    section: 'budget',
    field: mismatchFields[0],
  });

  // 9. Sectors adding up to 100.
  const sectorsPercent = applicationTotals(a).sectorsPercent;
  items.push({
    key: 'sectors',
    rule: 'SECTORS_NOT_100',
    ok:
      a.sectors.length === 0
        ? null
        : sectorsPercent === '100.00' && a.sectors.every((s) => isPercent(s.percent)),
    section: 'classification',
    field: 'sectors',
    params: { percent: sectorsPercent },
  });

  // 10. The gender marker, when the call requires it.
  if (call.requiresGenderMarker) {
    items.push({
      key: 'gender',
      rule: 'GENDER_MARKER_REQUIRED',
      ok: hasGenderMarker(a.policyMarkers),
      section: 'classification',
      field: 'policyMarkers',
    });
  }

  // 11. A document of each required type.
  const attached = new Set(input.documentTypes);
  for (const doc of call.requiredDocuments) {
    if (!doc.required) continue;
    items.push({
      key: `document:${doc.code}`,
      rule: 'MISSING_DOCUMENTS',
      ok: attached.has(doc.code),
      section: 'documents',
      field: `documents.${doc.code}`,
      params: { code: doc.code },
    });
  }

  return { items, first };
}

/** The items still to fix (broken ones first, then those that cannot be checked yet). */
export function openItems(checklist: Checklist): ChecklistItem[] {
  return [...checklist.items.filter((i) => i.ok === false), ...checklist.items.filter((i) => i.ok === null)];
}
