import {
  DEFAULT_LOCALE,
  type ErrorCode,
  type FieldIssues,
  type Locale,
  type Problem,
} from '@cofinanca/contracts';
import { renderFieldErrors } from './field-messages';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(
  status: number,
  code: ErrorCode,
  detail: string,
  requestId?: string,
  errors?: FieldIssues,
  locale: Locale = DEFAULT_LOCALE,
): Problem {
  return {
    type: `https://cofinanca.cat/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors && Object.keys(errors).length ? { errors: renderFieldErrors(errors, locale) } : {}),
    ...(requestId ? { requestId } : {}),
  };
}
