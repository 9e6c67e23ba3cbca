/**
 * A cheap check of the parsed JSON before class-transformer and class-validator see it, so that the cost of
 * validating a request is bounded whatever a client sends: a 300 KB body of one 100,000-item array used to keep the
 * event loop (every other request, /api/health included) busy for seconds while thousands of field errors were built.
 *
 * One pass over the value, stopping at the first limit crossed, answers 400 VALIDATION_FAILED naming the field:
 * - an array longer than any list a DTO takes (the largest `@MaxItems`): `TOO_MANY` on the array;
 * - an object with more properties than any DTO has: `TOO_MANY` on the first property past the limit;
 * - objects and arrays nested deeper than any DTO nests: `TOO_DEEP` on the first one too deep;
 * - more values in all than the largest legitimate body holds: `TOO_MANY` on the value past the limit.
 * Below these limits the DTO's own rules (each list's `maxItems`, each string's `maxLength`) answer as usual.
 */
import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { FieldIssues } from '@cofinanca/domain';
import { AppException, fieldError } from './app.exception';
import { largestMaxItems } from './nested';

export interface BodyLimits {
  /** The longest array (default: the largest `maxItems` of every DTO). */
  maxItems: number;
  /** The most properties of one object (the largest DTO has about 30). */
  maxProperties: number;
  /** The deepest nesting of objects and arrays, the body itself being 1 (a call's rubric criterion name is 7). */
  maxDepth: number;
  /** Values in all (a call with the largest rubric, 30 blocks × 50 criteria, holds about 14,000). */
  maxNodes: number;
}

/** Deeper than any DTO nests (a call's rubric criterion name is 7); input hygiene refuses deeper values first. */
export const MAX_BODY_DEPTH = 10;

export function defaultBodyLimits(): BodyLimits {
  return { maxItems: largestMaxItems(), maxProperties: 100, maxDepth: MAX_BODY_DEPTH, maxNodes: 25_000 };
}

const isContainer = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** `budgetLines` + `3` → `budgetLines[3]`; `` + `entity` → `entity` (the field paths of validation errors). */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/** The first limit `value` crosses, as field errors; null within every limit. */
export function bodyLimitErrors(value: unknown, limits: BodyLimits): FieldIssues | null {
  if (!isContainer(value)) return null;
  const stack: { value: object; path: string; depth: number }[] = [{ value, path: '', depth: 1 }];
  let nodes = 1;
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { path, depth } = frame;
    let entries: [string | number, unknown][];
    if (Array.isArray(frame.value)) {
      const items = frame.value as unknown[];
      if (items.length > limits.maxItems) {
        return { [path || childPath('', limits.maxItems)]: fieldError('TOO_MANY', { max: limits.maxItems }) };
      }
      entries = items.map((item, index) => [index, item]);
    } else {
      const keys = Object.keys(frame.value);
      if (keys.length > limits.maxProperties) {
        return {
          [childPath(path, keys[limits.maxProperties])]: fieldError('TOO_MANY', {
            max: limits.maxProperties,
          }),
        };
      }
      entries = keys.map((key) => [key, (frame.value as Record<string, unknown>)[key]]);
    }
    for (const [key, child] of entries) {
      nodes += 1;
      if (nodes > limits.maxNodes) {
        return { [childPath(path, key)]: fieldError('TOO_MANY', { max: limits.maxNodes }) };
      }
      if (!isContainer(child)) continue;
      if (depth + 1 > limits.maxDepth) {
        return { [childPath(path, key)]: fieldError('TOO_DEEP', { max: limits.maxDepth }) };
      }
      stack.push({ value: child, path: childPath(path, key), depth: depth + 1 });
    }
  }
  return null;
}

/** Runs before the validation pipe on every body and query: see the module comment. */
@Injectable()
export class BodyLimitsPipe implements PipeTransform {
  constructor(private readonly limits: BodyLimits = defaultBodyLimits()) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    const errors = bodyLimitErrors(value, this.limits);
    if (errors) throw AppException.validation(errors);
    return value;
  }
}
