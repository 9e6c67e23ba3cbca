/**
 * The one HTTP client of the back-office: every request to the API goes through here.
 *
 * It is an openapi-fetch client over the generated `paths` of @cofinanca/contracts, so that request paths, path and
 * query parameters, bodies and answers are checked against the API description. Feature modules call it directly
 * and pass the answer through `unwrap()`, which turns problem+json answers into `ApiError`s:
 *
 *   unwrap(client.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body }))
 */
import createClient, { createQuerySerializer, type Middleware } from 'openapi-fetch';
import type { paths } from '@cofinanca/contracts';
import { ApiError, toProblem } from './problem';

export const API_BASE = '/api/v1';

type QueryValue = string | number | boolean | null | undefined;
type Query = Record<string, QueryValue>;

/** Drops empty filters so that they are not sent as `?q=`. */
function cleanQuery(query: object | undefined): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries((query ?? {}) as Query)) {
    if (value === undefined || value === null || value === '') continue;
    out[key] = value;
  }
  return out;
}

const serializeQuery = createQuerySerializer();

export const client = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  querySerializer: (query) => serializeQuery(cleanQuery(query as object | undefined)),
});

type Unauthorized = () => void;
const unauthorizedListeners = new Set<Unauthorized>();

/** Called on every 401 of an authenticated request (not on a failed sign-in). */
export function onUnauthorized(listener: Unauthorized): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

const PUBLIC_PATHS = [`${API_BASE}/auth/login`, `${API_BASE}/auth/me`, `${API_BASE}/auth/password-reset`];

const unauthorizedMiddleware: Middleware = {
  onResponse({ request, response }) {
    if (response.status !== 401) return undefined;
    const path = new URL(request.url, 'http://localhost').pathname;
    if (PUBLIC_PATHS.some((p) => path.startsWith(p))) return undefined;
    for (const listener of unauthorizedListeners) listener();
    return undefined;
  },
};
client.use(unauthorizedMiddleware);

/**
 * The screen's language goes with every request (`Accept-Language`), so that the API's messages — field errors on
 * public routes, exports — follow the language the person chose here rather than the browser's.
 */
const languageMiddleware: Middleware = {
  onRequest({ request }) {
    const language = document.documentElement.lang;
    if (language) request.headers.set('Accept-Language', language);
    return request;
  },
};
client.use(languageMiddleware);

/** What a call of `client` resolves to (the shape openapi-fetch gives, success or error). */
interface ClientResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The data of a call of `client`, or an `ApiError`: the problem+json of an error answer, or a network failure
 * (status 0). Answers without a body (204, 202) resolve to undefined.
 */
export async function unwrap<T>(
  call: Promise<ClientResult<T>>,
): Promise<[T] extends [never] ? undefined : T> {
  let result: ClientResult<T>;
  try {
    result = await call;
  } catch (cause) {
    throw new ApiError(0, { detail: cause instanceof Error ? cause.message : String(cause) });
  }
  const { data, error, response } = result;
  if (!response.ok) {
    const retry = response.headers.get('Retry-After');
    throw new ApiError(response.status, toProblem(error), retry ? Number(retry) : undefined);
  }
  return data as [T] extends [never] ? undefined : T;
}

/** The paths of the API that answer a GET, and the query each takes. */
type GetPath = {
  [P in keyof paths]: paths[P] extends { get: { parameters: { query?: unknown } } } ? P : never;
}[keyof paths];
type GetQuery<P extends GetPath> = paths[P] extends { get: { parameters: { query?: infer Q } } }
  ? NonNullable<Q>
  : never;

/** A URL of the API with a query string (for links such as CSV exports). */
export function apiUrl<P extends GetPath>(path: P, query?: GetQuery<P>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(cleanQuery(query))) params.set(key, String(value));
  const qs = params.toString();
  return `${path}${qs ? `?${qs}` : ''}`;
}
