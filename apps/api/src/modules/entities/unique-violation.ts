import { QueryFailedError } from 'typeorm';
import { AppException, fieldError } from '../../common/app.exception';

/**
 * Turns the unique-index violation of a simultaneous request (which passed the existence check before the other one
 * committed) into the same 409 DUPLICATE naming the field, given the field path of each unique index.
 */
export function duplicateOf(fields: Record<string, string>): (error: unknown) => never {
  return (error: unknown) => {
    if (error instanceof QueryFailedError) {
      const { code, constraint } = error as QueryFailedError & { code?: string; constraint?: string };
      const field = constraint ? fields[constraint] : undefined;
      if (code === '23505' && field) {
        throw AppException.conflict('DUPLICATE', 'A record with the same unique key exists already.', {
          [field]: fieldError('TAKEN'),
        });
      }
    }
    throw error;
  };
}
