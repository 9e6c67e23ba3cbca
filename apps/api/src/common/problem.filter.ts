import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DEFAULT_LOCALE, type ErrorCode, type Locale, type Problem } from '@cofinanca/contracts';
import { AppException } from './app.exception';
import { callerLocale } from './field-messages';
import { problem } from './problem';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  409: 'INVALID_STATE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Socket errors of a database connection that is refused, reset or cannot be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs that mean "no session right now", not "this statement is wrong": class 08 (connection exception),
 * 57P01–57P03 (shutdown, crash, starting up or in recovery) and 53300 (too many connections).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;

/** What node-postgres and its pool say when the connection is gone or none could be had in time (the whole message). */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated( unexpectedly| due to connection timeout)?|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|connect (ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH) \S+)$/;

/**
 * Connection-level failures: the database is down, unreachable or refusing sessions. Looks through TypeORM's
 * `driverError`, an error's `cause` and an AggregateError's `errors` (a host with several addresses). An error the
 * server answered with a SQLSTATE is judged by that code alone, so a statement error whose text happens to quote
 * such words (a value a client sent) stays what it is.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code)) return true;
  if (/^[0-9A-Z]{5}$/.test(code)) return UNAVAILABLE_SQLSTATE.test(code);
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  const nested = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return nested.some((n) => n !== error && isDatabaseUnavailable(n, depth + 1));
}

/**
 * Every error leaves as RFC 9457 problem+json with a stable code, its field messages in the caller's language (the
 * signed-in user's locale, else Accept-Language, else Catalan); a 500 never carries internals.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const requestId = String(req.id ?? res.getHeader('x-request-id') ?? '');
    const body = toProblem(exception, requestId, (k, v) => res.setHeader(k, v), callerLocale(req));
    if (body.status >= 500) {
      this.logger.error({ err: exception, requestId, path: req.url }, 'request failed');
    }
    if (res.headersSent) return;
    res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }
}

/** Maps any error to its problem details; 5xx bodies never carry internals. */
export function toProblem(
  exception: unknown,
  requestId: string,
  setHeader: (name: string, value: string) => void,
  locale: Locale = DEFAULT_LOCALE,
): Problem {
  if (exception instanceof AppException) {
    for (const [k, v] of Object.entries(exception.headers ?? {})) setHeader(k, v);
    return {
      ...exception.extensions,
      ...problem(exception.status, exception.code, exception.message, requestId, exception.errors, locale),
    };
  }
  if (exception instanceof ThrottlerException) {
    return problem(429, 'RATE_LIMITED', 'Too many requests; wait and try again.', requestId);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED');
    const response = exception.getResponse();
    const message =
      status >= 500
        ? 'Something went wrong on our side. Quote the request id if you contact support.'
        : typeof response === 'object' &&
            response &&
            'message' in response &&
            typeof response.message === 'string'
          ? response.message
          : exception.message;
    return problem(status, code, message, requestId);
  }
  // Errors raised by express's body parser.
  const e = exception as { type?: string; status?: number; statusCode?: number; code?: string } | null;
  if (e?.type === 'entity.too.large')
    return problem(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.', requestId);
  if (e?.type === 'entity.parse.failed')
    return problem(400, 'VALIDATION_FAILED', 'The request body is not valid JSON.', requestId);
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
    return problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body encoding is not supported.', requestId);
  }
  if (isDatabaseUnavailable(exception)) {
    setHeader('Retry-After', '5');
    return problem(
      503,
      'SERVICE_UNAVAILABLE',
      'The database is not reachable right now; try again shortly.',
      requestId,
    );
  }
  if (exception instanceof QueryFailedError) {
    const code = (exception as QueryFailedError & { code?: string }).code;
    if (code === '23505')
      return problem(409, 'DUPLICATE', 'A record with the same unique key exists already.', requestId);
    if (code === '22P02' || code === '22007' || code === '22008') {
      return problem(400, 'VALIDATION_FAILED', 'A value has the wrong format.', requestId);
    }
  }
  return problem(
    500,
    'INTERNAL_ERROR',
    'Something went wrong on our side. Quote the request id if you contact support.',
    requestId,
  );
}
