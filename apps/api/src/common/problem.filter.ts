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

/** Connection-level failures: the database is down or unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  if (!e) return false;
  if (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      '57P01',
      '57P02',
      '57P03',
      '08000',
      '08003',
      '08006',
      '08001',
      '08004',
    ].includes(e.code ?? '')
  ) {
    return true;
  }
  return /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error/i.test(
    e.message ?? '',
  );
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
    return problem(exception.status, exception.code, exception.message, requestId, exception.errors, locale);
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
