import type { ErrorCode, Problem } from '@cofinanca/contracts';

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
  errors?: Record<string, string[]>,
): Problem {
  return {
    type: `https://cofinanca.cat/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors && Object.keys(errors).length ? { errors } : {}),
    ...(requestId ? { requestId } : {}),
  };
}
