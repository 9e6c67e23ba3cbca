import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { getMetadataStorage, type ValidatorOptions } from 'class-validator';
import {
  fieldIssue,
  type FieldErrorCode,
  type FieldErrorParams,
  type FieldIssue,
  type FieldIssues,
} from '@cofinanca/domain';
import { AppException } from './app.exception';
import { assertCleanInput } from './input-hygiene';

/**
 * The field rule of each class-validator constraint, by constraint name (the built-ins and our own decorators).
 * A decorator whose name says too little (`@Matches`, `@Equals`) names its rule itself: `{ context: rule(CODE) }`.
 */
export const CONSTRAINT_CODES: Readonly<Record<string, FieldErrorCode>> = {
  whitelistValidation: 'UNKNOWN_FIELD',
  unknownValue: 'INVALID',
  nestedValidation: 'NOT_OBJECT',
  isDefined: 'REQUIRED',
  isNotEmpty: 'REQUIRED',
  arrayNotEmpty: 'REQUIRED',
  isString: 'NOT_STRING',
  isNumber: 'NOT_NUMBER',
  isInt: 'NOT_INTEGER',
  isBoolean: 'NOT_BOOLEAN',
  isArray: 'NOT_ARRAY',
  isObject: 'NOT_OBJECT',
  minLength: 'TOO_SHORT',
  maxLength: 'TOO_LONG',
  arrayMinSize: 'TOO_FEW',
  arrayMaxSize: 'TOO_MANY',
  min: 'TOO_SMALL',
  max: 'TOO_LARGE',
  arrayUnique: 'NOT_UNIQUE',
  isIn: 'ONE_OF',
  isNotIn: 'RESERVED',
  isEnum: 'ONE_OF',
  matches: 'INVALID_FORMAT',
  equals: 'INVALID',
  isUuid: 'INVALID_UUID',
  isEmail: 'INVALID_EMAIL',
  isUrl: 'INVALID_URL',
  // apps/api/src/common/codelist-validators.ts
  isSectorCode: 'INVALID_SECTOR',
  isCountryCode: 'INVALID_COUNTRY',
  isPolicyMarkerCode: 'INVALID_POLICY_MARKER',
  // modules/calls/call-validators.ts
  isPoints: 'INVALID_POINTS',
  isIsoInstant: 'INVALID_INSTANT',
  isAfterField: 'MUST_BE_AFTER',
  // modules/entities/entity-validators.ts
  isNif: 'INVALID_NIF',
  isPersonalId: 'INVALID_PERSONAL_ID',
  isIban: 'INVALID_IBAN',
  isPostcodeOfAddress: 'INVALID_POSTCODE',
  isMunicipalityCodeOfAddress: 'INVALID_MUNICIPALITY',
  isPastIsoDate: 'IN_THE_FUTURE',
  // modules/applications/application.dto.ts, modules/calendar/calendar.dto.ts
  isIsoDateString: 'INVALID_DATE',
  areTargetsOfGoal: 'SDG_TARGET_MISMATCH',
  isCalendarDate: 'INVALID_DATE',
  isIso8601: 'INVALID_DATE',
  isHolidayScope: 'INVALID_HOLIDAY_SCOPE',
};

type ParamsOf = (
  constraints: readonly unknown[],
  target: Record<string, unknown> | undefined,
) => FieldErrorParams;

const list = (values: unknown): string =>
  Array.isArray(values) ? values.join(', ') : Object.values(values ?? {}).join(', ');

/** The values a constraint's message needs, from the decorator's own arguments. */
const CONSTRAINT_PARAMS: Readonly<Record<string, ParamsOf>> = {
  minLength: ([min]) => ({ min: Number(min) }),
  maxLength: ([max]) => ({ max: Number(max) }),
  arrayMinSize: ([min]) => ({ min: Number(min) }),
  arrayMaxSize: ([max]) => ({ max: Number(max) }),
  min: ([min]) => ({ min: Number(min) }),
  max: ([max]) => ({ max: Number(max) }),
  isIn: ([values]) => ({ values: list(values) }),
  isNotIn: ([values]) => ({ values: list(values) }),
  isEnum: ([values]) => ({ values: list(values) }),
  isPoints: () => ({ min: 0 }),
  isAfterField: ([field], target) => {
    const other = target?.[String(field)];
    return { min: typeof other === 'string' ? other : String(field) };
  },
};

/** `@Matches(MONEY_PATTERN, { context: rule('MAX_DECIMALS', { max: 2 }) })`: the rule a decorator stands for. */
export function rule(
  code: FieldErrorCode,
  params?: FieldErrorParams,
): { code: FieldErrorCode; params?: FieldErrorParams } {
  return params ? { code, params } : { code };
}

/** `budgetLines.1.amount` → `budgetLines[1].amount` */
function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

function constraintsOf(target: object | undefined, property: string, name: string): readonly unknown[] {
  if (!target || typeof target !== 'object') return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === property && m.name === name);
  return metadata?.constraints ?? [];
}

function issueOf(error: ValidationError, name: string): FieldIssue {
  const context = error.contexts?.[name] as { code?: FieldErrorCode; params?: FieldErrorParams } | undefined;
  const code = context?.code ?? CONSTRAINT_CODES[name] ?? 'INVALID';
  const target = error.target as Record<string, unknown> | undefined;
  const params =
    context?.params ??
    CONSTRAINT_PARAMS[name]?.(constraintsOf(target, error.property, name), target) ??
    undefined;
  return fieldIssue(code, params);
}

/** class-validator's errors as coded field issues by path (the messages are the problem filter's, not these). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldIssues {
  const out: FieldIssues = {};
  for (const error of errors) {
    const path = joinPath(parent, error.property);
    if (error.constraints) out[path] = Object.keys(error.constraints).map((name) => issueOf(error, name));
    if (error.children?.length) Object.assign(out, flattenValidationErrors(error.children, path));
  }
  return out;
}

/** @nestjs/swagger's metadata key of an `@ApiProperty()` (its DECORATORS.API_MODEL_PROPERTIES, not exported). */
const SWAGGER_PROPERTY = 'swagger/apiModelProperties';

/** Whether a DTO property is documented `nullable: true` (the OpenAPI document is the contract); unknown: undefined. */
function nullableOf(target: object, property: string): boolean | undefined {
  const meta = Reflect.getMetadata(SWAGGER_PROPERTY, target, property) as { nullable?: boolean } | undefined;
  return meta ? meta.nullable === true : undefined;
}

/**
 * `null` given for a property the DTO does not document as nullable, by path (`@IsOptional()` lets `null` through,
 * and a NOT NULL column would then refuse it with a 500). Walks the transformed DTO instances, iteratively.
 */
export function nullIssues(dto: object): FieldIssues {
  const out: FieldIssues = Object.create(null);
  const stack: [unknown, string][] = [[dto, '']];
  while (stack.length) {
    const [value, path] = stack.pop() as [unknown, string];
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push([item, `${path}[${i}]`]));
      continue;
    }
    if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) === Object.prototype)
      continue;
    for (const [key, child] of Object.entries(value)) {
      const at = joinPath(path, key);
      if (child === null) {
        if (nullableOf(value, key) === false) out[at] = [fieldIssue('REQUIRED')];
      } else stack.push([child, at]);
    }
  }
  return out;
}

/**
 * The validation pipe of the API: the hygiene rules of every value a client sends (common/input-hygiene.ts), then
 * class-validator on the DTO, plus `null` only where the DTO documents it.
 */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') assertCleanInput(value, metadata.data ?? '');
    return super.transform(value, metadata);
  }

  protected override async validate(
    object: object,
    validatorOptions?: ValidatorOptions,
  ): Promise<ValidationError[]> {
    const errors = await super.validate(object, validatorOptions);
    const nulls = nullIssues(object);
    if (Object.keys(nulls).length) {
      throw AppException.validation({ ...nulls, ...flattenValidationErrors(errors) });
    }
    return errors;
  }
}

/** Unknown fields are rejected, not ignored; every failure is a 400 VALIDATION_FAILED naming its fields. */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    // The target lets a rule's parameters (a maximum length, the other field of a pair) reach its message.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => AppException.validation(flattenValidationErrors(errors)),
  });
}
