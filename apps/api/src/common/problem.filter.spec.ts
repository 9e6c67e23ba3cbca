import { BadRequestException, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { QueryFailedError } from 'typeorm';
import { AppException, fieldError } from './app.exception';
import { isDatabaseUnavailable, toProblem } from './problem.filter';

const noHeaders = () => undefined;

describe(toProblem.name, () => {
  it('renders an AppException with its code, fields and headers', () => {
    const headers: Record<string, string> = {};
    const p = toProblem(
      new AppException(429, 'RATE_LIMITED', 'wait', { email: fieldError('TAKEN') }, { 'Retry-After': '60' }),
      'rid-1',
      (k, v) => (headers[k] = v),
    );
    expect(p).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      detail: 'wait',
      errors: { email: [{ code: 'TAKEN', message: 'Aquest valor ja està en ús.' }] },
      requestId: 'rid-1',
    });
    expect(headers['Retry-After']).toBe('60');
  });

  it('adds the members an AppException carries (e.g. the current sheet of a stale save), never over the standard ones', () => {
    const p = toProblem(
      AppException.staleVersion().with({ current: { version: 3 }, code: 'NOT_THIS', status: 200 }),
      'rid-2',
      noHeaders,
    );
    expect(p).toMatchObject({
      status: 409,
      code: 'STALE_VERSION',
      current: { version: 3 },
      requestId: 'rid-2',
    });
  });

  it.each([
    ['ca', 'Ha de tenir com a màxim 200 caràcters.'],
    ['es', 'Debe tener como máximo 200 caracteres.'],
    ['en', 'Must be at most 200 characters long.'],
  ] as const)('renders field messages in %s, with their code and params', (locale, message) => {
    const p = toProblem(
      AppException.validation({ name: fieldError('TOO_LONG', { max: 200 }) }),
      'r',
      noHeaders,
      locale,
    );
    expect(p.errors).toEqual({ name: [{ code: 'TOO_LONG', message, params: { max: 200 } }] });
  });

  it('renders field messages in Catalan when no language is given', () =>
    expect(
      toProblem(AppException.validation({ title: fieldError('REQUIRED') }), 'r', noHeaders).errors,
    ).toEqual({
      title: [{ code: 'REQUIRED', message: 'És obligatori.' }],
    }));

  it('maps Nest HTTP exceptions to stable codes', () => {
    expect(toProblem(new NotFoundException(), 'r', noHeaders).code).toBe('NOT_FOUND');
    expect(toProblem(new BadRequestException('bad'), 'r', noHeaders).code).toBe('VALIDATION_FAILED');
    expect(toProblem(new ThrottlerException(), 'r', noHeaders)).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
    });
  });

  it('maps body-parser errors', () => {
    expect(toProblem({ type: 'entity.too.large' }, 'r', noHeaders)).toMatchObject({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(toProblem({ type: 'entity.parse.failed' }, 'r', noHeaders)).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
  });

  it('maps a unique violation to 409 DUPLICATE without the SQL', () => {
    const err = Object.assign(new QueryFailedError('INSERT INTO users …', [], new Error('duplicate key')), {
      code: '23505',
    });
    const p = toProblem(err, 'r', noHeaders);
    expect(p).toMatchObject({ status: 409, code: 'DUPLICATE' });
    expect(JSON.stringify(p)).not.toContain('INSERT');
  });

  it('answers 503 with Retry-After when the database is unreachable', () => {
    const headers: Record<string, string> = {};
    const p = toProblem(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      'r',
      (k, v) => (headers[k] = v),
    );
    expect(p).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(headers['Retry-After']).toBe('5');
    expect(JSON.stringify(p)).not.toContain('5432');
  });

  it('turns anything else into a 500 that carries only the request id', () => {
    const err = new TypeError("Cannot read properties of undefined (reading 'secret')");
    err.stack = 'TypeError: at UsersService.create (users.service.ts:42)';
    const p = toProblem(err, 'rid-500', noHeaders);
    expect(p).toMatchObject({ status: 500, code: 'INTERNAL_ERROR', requestId: 'rid-500' });
    expect(JSON.stringify(p)).not.toMatch(/secret|users\.service|TypeError/);
  });
});

describe(isDatabaseUnavailable.name, () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, true],
    [{ code: '57P01' }, true],
    [{ message: 'Connection terminated unexpectedly' }, true],
    [{ code: '23505' }, false],
    [undefined, false],
    [{ code: '53300', message: 'sorry, too many clients already' }, true],
    [{ code: '57P03', message: 'the database system is starting up' }, true],
    [{ code: '08006' }, true],
    [{ code: 'EPIPE' }, true],
    [{ code: 'EHOSTUNREACH' }, true],
    [{ message: 'timeout exceeded when trying to connect' }, true],
    [{ message: 'Connection terminated due to connection timeout' }, true],
    [{ message: 'Client was closed and is not queryable' }, true],
    // Wrapped: TypeORM's driverError, an error's cause, an AggregateError of several addresses.
    [{ message: 'Query failed', driverError: { code: 'ECONNRESET' } }, true],
    [new Error('could not start the transaction', { cause: { code: 'ECONNREFUSED' } }), true],
    [new AggregateError([{ code: 'ECONNREFUSED' }, { code: 'ECONNREFUSED' }], ''), true],
    // Real bugs and bad statements stay what they are, whatever their text quotes.
    [
      { code: '22P02', message: 'invalid input syntax for type uuid: "Connection terminated unexpectedly"' },
      false,
    ],
    [{ code: '42P01', message: 'relation "sessions" does not exist' }, false],
    [{ code: '3D000', message: 'database "x" does not exist' }, false],
    [new TypeError('Connection terminated unexpectedly is not a function'), false],
    [new Error('the export stream ended: Connection terminated unexpectedly'), false],
  ])('%p → %p', (err, expected) => expect(isDatabaseUnavailable(err)).toBe(expected));
});
