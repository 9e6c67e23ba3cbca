import type { ErrorCode } from '@cofinanca/contracts';

/** The one exception type of the API: a stable code, a status, an optional field map. The filter renders it. */
export class AppException extends Error {
  constructor(
    public readonly status: number,
    public readonly code: ErrorCode,
    message: string,
    public readonly errors?: Record<string, string[]>,
    public readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  static validation(errors: Record<string, string[]>, message = 'The request is not valid.'): AppException {
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
    errors?: Record<string, string[]>,
  ): AppException {
    return new AppException(409, code, message, errors);
  }
  static staleVersion(): AppException {
    return AppException.conflict(
      'STALE_VERSION',
      'Someone else changed this record; reload it and try again.',
      {
        version: ['is not the current version'],
      },
    );
  }
}
