import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppException } from './app.exception';

/** `budgetLines.1.amount` → `budgetLines[1].amount` */
function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const error of errors) {
    const path = joinPath(parent, error.property);
    if (error.constraints) {
      out[path] = Object.entries(error.constraints).map(([rule, message]) =>
        rule === 'whitelistValidation' ? 'is not a known field' : message,
      );
    }
    if (error.children?.length) Object.assign(out, flattenValidationErrors(error.children, path));
  }
  return out;
}

/** Unknown fields are rejected, not ignored; every failure is a 400 VALIDATION_FAILED naming its fields. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => AppException.validation(flattenValidationErrors(errors)),
  });
}
