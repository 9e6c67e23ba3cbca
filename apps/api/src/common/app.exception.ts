import type { ErrorCode } from '@cofinanca/contracts';
import {
  fieldIssue,
  type FieldErrorCode,
  type FieldErrorParams,
  type FieldIssue,
  type FieldIssues,
} from '@cofinanca/domain';

/**
 * One broken rule of a field, for the `errors` of an AppException: `{ code: fieldError('TOO_LONG', { max: 200 }) }`.
 * The problem filter renders the message in the caller's language.
 */
export function fieldError(code: FieldErrorCode, params?: FieldErrorParams): FieldIssue[] {
  return [fieldIssue(code, params)];
}

/**
 * The one exception type of the API: a stable code, a status, an optional map of coded field issues. The filter
 * renders it, with the field messages in the caller's language.
 */
export class AppException extends Error {
  constructor(
    public readonly status: number,
    public readonly code: ErrorCode,
    message: string,
    public readonly errors?: FieldIssues,
    public readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  /** Members of the problem besides the standard ones (e.g. the current sheet of a stale save, to rebase on). */
  extensions?: Record<string, unknown>;

  /** This exception with extra members in its problem. */
  with(extensions: Record<string, unknown>): this {
    this.extensions = { ...this.extensions, ...extensions };
    return this;
  }

  static validation(errors: FieldIssues, message = 'The request is not valid.'): AppException {
    return new AppException(400, 'VALIDATION_FAILED', message, errors);
  }
  static notFound(what = 'resource'): AppException {
    return new AppException(404, 'NOT_FOUND', `The ${what} does not exist.`);
  }
  static unauthenticated(message = 'Sign in to continue.'): AppException {
    return new AppException(401, 'UNAUTHENTICATED', message);
  }
  static forbidden(message = 'You are not allowed to do this.'): AppException {
    return new AppException(403, 'FORBIDDEN', message);
  }
  static conflict(
    code: 'INVALID_STATE' | 'DUPLICATE' | 'STALE_VERSION' | 'LAST_ADMIN',
    message: string,
    errors?: FieldIssues,
  ): AppException {
    return new AppException(409, code, message, errors);
  }
  static staleVersion(): AppException {
    return AppException.conflict(
      'STALE_VERSION',
      'Someone else changed this record; reload it and try again.',
      { version: fieldError('NOT_CURRENT_VERSION') },
    );
  }
}

export type { FieldIssues };
