/**
 * class-validator decorators for an entity's data (Spanish identifiers, postal address, dates), backed by the pure
 * checks of libs/domain, and the class-transformer helpers that normalise identifiers before they are checked and
 * stored. Their field rules (codes) are in common/validation.ts CONSTRAINT_CODES, by name.
 */
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import {
  dateInTimeZone,
  isIneMunicipalityCode,
  isIsoDate,
  isSpanishPostcode,
  isValidIban,
  isValidNif,
  isValidPersonalId,
  normaliseIban,
  normaliseTaxId,
} from '@cofinanca/domain';

/** " g-25.012.345 " → "G25012345"; anything that is not a string is left for the validators to refuse. */
export const taxId = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? normaliseTaxId(value) : value;
/** "es91 2100 …" → "ES912100…". */
export const iban = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? normaliseIban(value) : value;

function check(name: string, test: (value: string, args: ValidationArguments) => boolean) {
  return (options?: ValidationOptions) => (object: object, propertyName: string) =>
    registerDecorator({
      name,
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          typeof value === 'string' && test(value, args),
      },
    });
}

/** The NIF of a legal person (letter, 7 digits, control character). */
export const IsNif = check('isNif', isValidNif);

/** A DNI or NIE with its control letter. */
export const IsPersonalId = check('isPersonalId', isValidPersonalId);

/** An IBAN of a SEPA country with valid check digits (and, for Spain, the account code's own). */
export const IsIban = check('isIban', isValidIban);

/** The country of the address being validated (the decorated property's sibling `countryCode`). */
const inSpain = (args: ValidationArguments) =>
  (args.object as { countryCode?: unknown }).countryCode === 'ES';

/** In Spain a 5-digit postcode of a province (01000–52999) whose province is the municipality's. */
export const IsPostcodeOfAddress = check('isPostcodeOfAddress', (value, args) => {
  if (!inSpain(args)) return value.length > 0;
  const municipality = (args.object as { municipalityCode?: unknown }).municipalityCode;
  return (
    isSpanishPostcode(value) &&
    (typeof municipality !== 'string' ||
      !isIneMunicipalityCode(municipality) ||
      municipality.slice(0, 2) === value.slice(0, 2))
  );
});

/** In Spain the 5-digit INE municipality code (Lleida 25120); elsewhere any local code. */
export const IsMunicipalityCodeOfAddress = check('isMunicipalityCodeOfAddress', (value, args) =>
  inSpain(args) ? isIneMunicipalityCode(value) : value.length > 0,
);

/** A `YYYY-MM-DD` date not later than today in Europe/Madrid (e.g. a foundation date). */
export const IsPastIsoDate = check(
  'isPastIsoDate',
  (value) => isIsoDate(value) && value <= dateInTimeZone(new Date()),
);
