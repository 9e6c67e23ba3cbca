import type { FieldError, Problem } from '@cofinanca/contracts';

/** An error answer of the API (RFC 9457 problem details), or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  /** The broken rules by field path: `{ code, message, params? }` each. */
  readonly fieldErrors: Record<string, FieldError[]>;
  readonly requestId?: string;
  /** Seconds from a `Retry-After` header (429). */
  readonly retryAfter?: number;

  constructor(status: number, problem: Partial<Problem> | undefined, retryAfter?: number) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code =
      problem?.code ?? (status === 0 ? 'NETWORK_ERROR' : status >= 500 ? 'INTERNAL_ERROR' : 'UNKNOWN');
    this.detail = problem?.detail;
    this.fieldErrors = problem?.errors ?? {};
    this.requestId = problem?.requestId;
    this.retryAfter = retryAfter;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function toProblem(body: unknown): Partial<Problem> | undefined {
  if (body && typeof body === 'object') return body as Partial<Problem>;
  if (typeof body === 'string' && body.length > 0) return { detail: body };
  return undefined;
}
