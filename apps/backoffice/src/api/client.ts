/**
 * The one HTTP client of the back-office: every request to the API goes through here.
 *
 * It is an openapi-fetch client over the generated `paths` of @cofinanca/contracts. Feature modules call it through
 * `api.get/post/patch/delete` (a thin view of the same client that turns problem+json answers into `ApiError`s);
 * their request and response types come from `./types`, which aliases the generated OpenAPI schemas.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '@cofinanca/contracts';
import { ApiError, toProblem } from './problem';

export const API_BASE = '/api/v1';

export const client = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

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

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface LooseInit {
  params?: { query?: Record<string, string | number | boolean> };
  body?: unknown;
}
type LooseFetch = (
  path: string,
  init?: LooseInit,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
type LooseClient = Record<Method, LooseFetch>;

/** Drops empty filters so that they are not sent as `?q=`. */
export function cleanQuery(query: Query | undefined): Record<string, string | number | boolean> | undefined {
  if (!query) return undefined;
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    out[key] = value;
  }
  return out;
}

/** A URL of the API with a query string (for links such as CSV exports). */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(cleanQuery(query) ?? {})) params.set(key, String(value));
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

export async function request<T>(
  method: Method,
  path: string,
  options: { query?: Query; body?: unknown } = {},
) {
  const loose = client as unknown as LooseClient;
  let result: Awaited<ReturnType<LooseFetch>>;
  try {
    result = await loose[method](`${API_BASE}${path}`, {
      params: { query: cleanQuery(options.query) },
      body: options.body,
    });
  } catch (cause) {
    throw new ApiError(0, { detail: cause instanceof Error ? cause.message : String(cause) });
  }
  const { data, error, response } = result;
  if (!response.ok) {
    const retry = response.headers.get('Retry-After');
    throw new ApiError(response.status, toProblem(error), retry ? Number(retry) : undefined);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};
