import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { fieldIssue, type FieldIssues } from '@cofinanca/domain';
import { AppException } from './app.exception';
import { childPath, MAX_BODY_DEPTH } from './body-limits';

/**
 * Input hygiene: rules every value a client sends must meet, whatever the route, before any DTO sees it.
 *
 * - No text (a value or an object key, at any depth) holds a NUL character or a lone UTF-16 surrogate: PostgreSQL
 *   refuses the first and cannot store the second; `INVALID_CHARACTERS` naming the field.
 * - No value nests deeper than MAX_DEPTH levels (`TOO_DEEP`): class-transformer and class-validator recurse.
 * - No object key is `__proto__`, `constructor` or `prototype` (JSON.parse makes `__proto__` an own property; the
 *   DTO layer would drop it silently): `UNKNOWN_FIELD` naming the path.
 * - A request body is JSON, or multipart on a route documented as consuming it: otherwise `415`.
 */
/** @nestjs/swagger's metadata key of `@ApiConsumes()` (its DECORATORS.API_CONSUMES, not exported). */
const SWAGGER_CONSUMES = 'swagger/apiConsumes';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The body limits' depth (deeper than any DTO nests): a deeper value is refused here, before any guard or recursive
 * code sees it, with the same path and limit the body limits would name.
 */
export const MAX_DEPTH = MAX_BODY_DEPTH;

/** At most this many issues are reported: a hostile body does not make a huge answer. */
const MAX_ISSUES = 50;

declare global {
  interface String {
    /** ES2024 (Node.js 20); not in the ES2023 lib the project compiles against. */
    isWellFormed(): boolean;
  }
}

/** A NUL character or a lone surrogate. */
export function hasBadCharacters(text: string): boolean {
  return text.includes('\u0000') || !text.isWellFormed();
}

/**
 * The issues of a value as the client sent it (a parsed body, a query, a path parameter), by field path. Iterative,
 * so a deeply nested body cannot overflow the stack; linear in the size of the value.
 */
export function inputIssues(value: unknown, root = ''): FieldIssues {
  // No prototype: a path may well be `constructor` or `__proto__`.
  const issues: FieldIssues = Object.create(null);
  let count = 0;
  const add = (path: string, code: 'INVALID_CHARACTERS' | 'UNKNOWN_FIELD' | 'TOO_DEEP') => {
    const at = path || 'body';
    if (count >= MAX_ISSUES || issues[at]?.some((i) => i.code === code)) return;
    (issues[at] ??= []).push(fieldIssue(code, code === 'TOO_DEEP' ? { max: MAX_DEPTH } : undefined));
    count++;
  };
  const stack: [unknown, string, number][] = [[value, root, 0]];
  while (stack.length && count < MAX_ISSUES) {
    const [current, path, depth] = stack.pop() as [unknown, string, number];
    if (typeof current === 'string') {
      if (hasBadCharacters(current)) add(path, 'INVALID_CHARACTERS');
    } else if (current !== null && typeof current === 'object' && depth >= MAX_DEPTH) {
      add(path, 'TOO_DEEP');
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], childPath(path, i), depth + 1]);
    } else if (current !== null && typeof current === 'object') {
      const keys = Object.keys(current);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        const at = childPath(path, key);
        if (FORBIDDEN_KEYS.has(key)) add(at, 'UNKNOWN_FIELD');
        else if (hasBadCharacters(key))
          add(childPath(path, JSON.stringify(key).slice(1, -1)), 'INVALID_CHARACTERS');
        else stack.push([(current as Record<string, unknown>)[key], at, depth + 1]);
      }
    }
  }
  return issues;
}

/** Throws `400 VALIDATION_FAILED` naming the fields when a value breaks a hygiene rule. */
export function assertCleanInput(value: unknown, root = ''): void {
  const issues = inputIssues(value, root);
  if (Object.keys(issues).length) throw AppException.validation(issues);
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * A body that is not JSON is refused with `415 UNSUPPORTED_MEDIA_TYPE` (else express.json leaves it unread and the
 * route would act on an empty body); multipart is accepted only on routes documented with
 * `@ApiConsumes('multipart/form-data')` (the uploads). Bodiless requests pass whatever their headers say.
 */
@Injectable()
export class JsonBodyInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const req = context.switchToHttp().getRequest<Request>();
      if (hasBody(req) && !req.is('application/json')) {
        const consumes =
          this.reflector.getAllAndMerge<string[]>(SWAGGER_CONSUMES, [
            context.getHandler(),
            context.getClass(),
          ]) ?? [];
        const multipart = consumes.includes('multipart/form-data') && req.is('multipart/form-data');
        if (!multipart) {
          throw new AppException(
            415,
            'UNSUPPORTED_MEDIA_TYPE',
            consumes.includes('multipart/form-data')
              ? 'The request body must be multipart/form-data.'
              : 'The request body must be JSON (Content-Type: application/json).',
          );
        }
      }
    }
    return next.handle();
  }
}
