/**
 * class-validator decorators for call parameters, built on the pure checks of @cofinanca/domain. Their field rules
 * (codes) are in common/validation.ts CONSTRAINT_CODES, by name.
 */
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { isIsoInstant, isPoints } from '@cofinanca/domain';

/** Points are numeric(6,2) in the database. */
export const MAX_POINTS = 9999.99;

/** Points: a JSON number from 0 to 9999.99 with at most two decimals. */
export function IsPoints(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isPoints',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && isPoints(value) && value >= 0 && value <= MAX_POINTS,
      },
    });
}

/** An ISO 8601 instant that carries its offset or Z ("2026-03-02T09:00:00+01:00"): never a bare local time. */
export function IsIsoInstant(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isIsoInstant',
      target: object.constructor,
      propertyName,
      options,
      validator: { validate: (value: unknown) => typeof value === 'string' && isIsoInstant(value) },
    });
}

/** Later than the instant in another field of the same object, when both are valid instants. */
export function IsAfterField(field: string, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isAfterField',
      target: object.constructor,
      propertyName,
      constraints: [field],
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const other = (args.object as Record<string, unknown>)[field];
          if (typeof value !== 'string' || typeof other !== 'string') return true;
          if (!isIsoInstant(value) || !isIsoInstant(other)) return true;
          return Date.parse(value) > Date.parse(other);
        },
      },
    });
}
