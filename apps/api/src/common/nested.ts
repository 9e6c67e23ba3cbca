/**
 * Nested request values, validated by type at every level.
 *
 * class-validator's `@ValidateNested` walks into any array it meets: an array where an object is expected passes
 * when it is empty (`beneficiaries: []`), its items are validated as if each were the object, and an array inside a
 * list of objects (`budgetLines: [[]]`) is walked the same way instead of being refused. class-transformer keeps such
 * arrays as they are (an array of arrays becomes an array of arrays of instances). The decorators here replace a
 * value of the wrong shape, before validation, by a marker that the validators refuse at that very path:
 *
 * - `@NestedObject(() => AddressDto)`: an object; anything else (an array, a string, null when not optional) is
 *   `NOT_OBJECT` on the field, a missing one `REQUIRED` (unless `@IsOptional()`);
 * - `@NestedList(() => BudgetLineDto, { max: 200 })`: an array of at most `max` objects; a value that is not an
 *   array is `NOT_ARRAY` on the field, an item that is not an object (an array included) `NOT_OBJECT` on
 *   `budgetLines[1]`;
 * - `@MaxItems(50)`: the maximum size of any array, enforced and stated in the OpenAPI document (`maxItems`).
 *
 * The largest `maxItems` of every DTO bounds the body pre-check (`body-limits.ts`).
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsOptional,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';

/** A primitive that `@ValidateNested` refuses as `nestedValidation` (NOT_OBJECT) where it stands. */
const NOT_AN_OBJECT = Symbol('not an object');

/** `IsArray` refuses a Set; `@ValidateNested` walks into it and finds nothing: the field says NOT_ARRAY only. */
const notAList = (): Set<never> => new Set<never>();

const isList = (_object: unknown, value: unknown): boolean => Array.isArray(value);

type ClassOf = () => abstract new (...args: never[]) => object;

let largest = 0;

/** The largest `maxItems` any DTO allows (the body pre-check refuses longer arrays before validation). */
export function largestMaxItems(): number {
  return largest;
}

/** At most `max` items: enforced (`TOO_MANY`, only on an array) and stated in the OpenAPI document. */
export function MaxItems(max: number, options: ValidationOptions = {}): PropertyDecorator {
  largest = Math.max(largest, max);
  return applyDecorators(
    ArrayMaxSize(max, { ...options, validateIf: isList }),
    ApiProperty({ maxItems: max }),
  );
}

/** An object validated as `type()`: see the module comment. */
export function NestedObject(type: ClassOf): PropertyDecorator {
  return applyDecorators(
    Type(type),
    // After class-transformer's own conversion: an array where the object should be becomes the marker.
    Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? NOT_AN_OBJECT : value)),
    // Absent is REQUIRED; null is left to @ValidateNested (NOT_OBJECT), so that the field names one rule.
    IsDefined({ validateIf: (_o: unknown, value: unknown) => value !== null }),
    ValidateNested(),
  );
}

export interface NestedListOptions {
  max: number;
  min?: number;
  /** `null` and absent are accepted (and mean "none"); otherwise absent is REQUIRED and null NOT_ARRAY. */
  optional?: boolean;
}

/** An array of at most `max` objects validated as `type()`: see the module comment. */
export function NestedList(type: ClassOf, { max, min, optional }: NestedListOptions): PropertyDecorator {
  const toList = ({ value }: { value: unknown }): unknown => {
    if (value === undefined || (value === null && optional)) return value;
    if (!Array.isArray(value)) return notAList();
    return value.map((item: unknown) => (Array.isArray(item) ? NOT_AN_OBJECT : item));
  };
  return applyDecorators(
    ...(optional ? [IsOptional()] : [IsDefined()]),
    Type(type),
    Transform(toList),
    IsArray({ validateIf: (_o: unknown, value: unknown) => value !== undefined }),
    ...(min === undefined ? [] : [ArrayMinSize(min, { validateIf: isList }), ApiProperty({ minItems: min })]),
    MaxItems(max),
    ValidateNested({ each: true }),
  );
}

const isListOfObjects = (_object: unknown, value: unknown): boolean =>
  Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null);

/** Items unique by `key` (`NOT_UNIQUE`), checked once every item is an object (else each item says NOT_OBJECT). */
export function UniqueBy<T>(key: (item: T) => unknown): PropertyDecorator {
  return ArrayUnique(key, { validateIf: isListOfObjects });
}
