/**
 * Field rules: the stable UPPER_SNAKE code of every rule a field can break, and the coded issue the domain and the
 * API report for a field path. The words of each code, in ca/es/en, live in the API's catalogue
 * (`apps/api/src/common/field-messages.ts`) and in the back-office catalogues (`errors.field.<CODE>`).
 */
export const FIELD_ERROR_CODES = [
  // Presence and shape of the input
  'REQUIRED',
  'UNKNOWN_FIELD',
  'NOT_STRING',
  'NOT_NUMBER',
  'NOT_INTEGER',
  'NOT_BOOLEAN',
  'NOT_ARRAY',
  'NOT_OBJECT',
  'TOO_SHORT',
  'TOO_LONG',
  'TOO_FEW',
  'TOO_MANY',
  'TOO_DEEP',
  'TOO_SMALL',
  'TOO_LARGE',
  'NOT_POSITIVE',
  'NOT_UNIQUE',
  'ONE_OF',
  'RESERVED',
  'INVALID_FORMAT',
  'INVALID_UUID',
  'INVALID_EMAIL',
  'INVALID_URL',
  'INVALID_PHONE',
  'INVALID_DATE',
  'INVALID_INSTANT',
  'INVALID_SORT',
  'INVALID_CHARACTERS',
  'INVALID_CODE',
  'MUST_ACCEPT',
  // Money, percentages, points
  'MAX_DECIMALS',
  'INVALID_PERCENT',
  'INVALID_POINTS',
  // Dates and instants
  'NOT_BEFORE',
  'NOT_AFTER',
  'MUST_BE_AFTER',
  'IN_THE_FUTURE',
  'IN_THE_PAST',
  'NOT_PASSED',
  // Identifiers, addresses and classifications
  'INVALID_NIF',
  'INVALID_PERSONAL_ID',
  'INVALID_IBAN',
  'INVALID_POSTCODE',
  'INVALID_MUNICIPALITY',
  'INVALID_HOLIDAY_SCOPE',
  'INVALID_SECTOR',
  'INVALID_COUNTRY',
  'INVALID_POLICY_MARKER',
  'SDG_TARGET_MISMATCH',
  // Calls
  'EXCEEDS_BUDGET',
  'EXCEEDS_BLOCK_TOTAL',
  'EXCEEDS_RUBRIC_TOTAL',
  // Applications
  'CALL_CLOSED',
  'CALL_NOT_OPEN',
  'ENTITY_NOT_VALIDATED',
  'PENDING_JUSTIFICATION',
  'EXECUTION_TOO_LONG',
  'EXCEEDS_CAP',
  'EXCEEDS_COFINANCING',
  'EXCEEDS_LINE_AMOUNT',
  'LINES_TOTAL_MISMATCH',
  'LINES_REQUESTED_MISMATCH',
  'FUNDING_MISMATCH',
  'SECTORS_NOT_100',
  'GENDER_MARKER_REQUIRED',
  'NOT_OWN_ENTITY',
  'UNKNOWN_ENTITY',
  'SAME_AS_APPLICANT',
  'ENTITY_NOT_ACTIVE',
  'UNKNOWN_DOCUMENT',
  'UNKNOWN_APPLICATION',
  'NOT_EVALUATOR',
  'CONFLICT_OF_INTEREST',
  'NOT_ENOUGH_EVALUATORS',
  'ALREADY_PRESENTED',
  // Files
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'FILE_TYPE',
  // Accounts, entities and state
  'TAKEN',
  'NOT_CURRENT_VERSION',
  'WRONG_STATE',
  'INCORRECT',
  'INVALID_TOKEN',
  'ACCOUNT_INACTIVE',
  'STAFF_ONLY',
  'ONLY_WITH_NEW_IBAN',
  'IBAN_CERTIFICATE_REQUIRED',
  'ENTITY_USERS_ONLY',
  'LAST_ACTIVE_USER',
  'LAST_ADMIN',
  'WRONG_YEAR',
  'NO_CALENDAR',
  'INVALID',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export function isFieldErrorCode(value: unknown): value is FieldErrorCode {
  return typeof value === 'string' && (FIELD_ERROR_CODES as readonly string[]).includes(value);
}

/** Values a message interpolates (`{ max: 200 }`, `{ min: '2026-03-01' }`). */
export type FieldErrorParams = Readonly<Record<string, string | number>>;

/** One broken rule of one field: its code and what its message needs. */
export interface FieldIssue {
  code: FieldErrorCode;
  params?: FieldErrorParams;
}

/** Broken rules by field path (`budgetLines[1].amount`). */
export type FieldIssues = Record<string, FieldIssue[]>;

/** `fieldIssue('TOO_LONG', { max: 200 })` → `{ code: 'TOO_LONG', params: { max: 200 } }`. */
export function fieldIssue(code: FieldErrorCode, params?: FieldErrorParams): FieldIssue {
  return params && Object.keys(params).length > 0 ? { code, params } : { code };
}

/** Appends an issue to a path of a map of issues. */
export function addFieldIssue(
  issues: FieldIssues,
  path: string,
  code: FieldErrorCode,
  params?: FieldErrorParams,
): void {
  (issues[path] ??= []).push(fieldIssue(code, params));
}
