import type { FieldErrorCode, FieldErrorParams } from '@cofinanca/domain';

export {
  FIELD_ERROR_CODES,
  isFieldErrorCode,
  type FieldErrorCode,
  type FieldErrorParams,
  type FieldIssue,
  type FieldIssues,
} from '@cofinanca/domain';

/** Stable machine codes of problem+json errors (api.md). */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'NOT_FOUND',
  'INVALID_STATE',
  'DUPLICATE',
  'STALE_VERSION',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
  'LAST_ADMIN',
  'INVALID_TOKEN',
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
  'CALL_INCOMPLETE',
  'DEADLINE_NOT_PASSED',
  'EMAIL_NOT_VERIFIED',
  'CONFLICT_OF_INTEREST',
  'BUDGET_EXCEEDED',
  'CALENDAR_MISSING',
  'ADMISSIBILITY_PENDING',
  'NOT_ENOUGH_EVALUATORS',
  'DECLARATION_REQUIRED',
  'SCORES_INCOMPLETE',
  'QUORUM_NOT_REACHED',
  'RANKING_INCOMPLETE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One broken rule of a field as the API sends it: the rule's code, its message in the caller's language, the values. */
export interface FieldError {
  code: FieldErrorCode;
  message: string;
  params?: FieldErrorParams;
}

/** A problem details body (RFC 9457) as the API sends it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: ErrorCode;
  /** Broken rules by field path (`budgetLines[1].amount`). */
  errors?: Record<string, FieldError[]>;
  requestId?: string;
}
