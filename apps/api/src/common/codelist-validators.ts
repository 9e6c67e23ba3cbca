/**
 * class-validator decorators for the official classifications (@cofinanca/contracts codelists). Each works on a
 * single value or, with `{ each: true }`, on every element of an array. Their field rules (codes) are in
 * common/validation.ts CONSTRAINT_CODES, by name.
 */
import {
  registerDecorator,
  ValidatorConstraint,
  type ValidationOptions,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { isCountryCode, isPolicyMarkerCode, isSectorCode } from '@cofinanca/contracts';

@ValidatorConstraint({ name: 'isSectorCode' })
export class IsSectorCodeConstraint implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return isSectorCode(value);
  }
}

@ValidatorConstraint({ name: 'isCountryCode' })
export class IsCountryCodeConstraint implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return isCountryCode(value);
  }
}

@ValidatorConstraint({ name: 'isPolicyMarkerCode' })
export class IsPolicyMarkerCodeConstraint implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return isPolicyMarkerCode(value);
  }
}

function register(
  name: string,
  validator: new () => ValidatorConstraintInterface,
  options?: ValidationOptions,
) {
  return (object: object, propertyName: string) =>
    registerDecorator({ name, target: object.constructor, propertyName, options, validator });
}

/** An active OECD DAC 5-digit purpose code, e.g. "15170". */
export const IsSectorCode = (options?: ValidationOptions) =>
  register('isSectorCode', IsSectorCodeConstraint, options);

/** An ISO 3166-1 alpha-2 country code of the IATI Country list, upper case, e.g. "SN". */
export const IsCountryCode = (options?: ValidationOptions) =>
  register('isCountryCode', IsCountryCodeConstraint, options);

/** One of the DAC policy markers an application declares, as its IATI code string ("1", "2", …). */
export const IsPolicyMarkerCode = (options?: ValidationOptions) =>
  register('isPolicyMarkerCode', IsPolicyMarkerCodeConstraint, options);
