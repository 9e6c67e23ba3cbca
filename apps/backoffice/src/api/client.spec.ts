import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiUrl, client, onUnauthorized, unwrap } from './client';
import { ApiError } from './problem';

const baseUrl = 'http://localhost';

function answer(status: number, body?: unknown, headers: Record<string, string> = {}) {
  return vi.fn(
    async (_request: Request) =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
      }),
  );
}

describe('unwrap(client…)', () => {
  const unsubscribe: Array<() => void> = [];
  afterEach(() => unsubscribe.splice(0).forEach((off) => off()));

  it('returns the data and does not send empty query values', async () => {
    const page = { items: [], total: 0, page: 1, pageSize: 20 };
    const fetch = answer(200, page);
    const data = await unwrap(
      client.GET('/api/v1/users', {
        params: { query: { q: '', page: 1, pageSize: 20, active: false } },
        baseUrl,
        fetch,
      }),
    );
    expect(data).toEqual(page);
    const url = new URL(fetch.mock.calls[0][0].url);
    expect(url.pathname).toBe('/api/v1/users');
    expect([...url.searchParams.keys()].sort()).toEqual(['active', 'page', 'pageSize']);
  });

  it('fills in and encodes path parameters', async () => {
    const fetch = answer(204);
    const data = await unwrap(
      client.DELETE('/api/v1/calendar/holidays/{id}', { params: { path: { id: 'a/b' } }, baseUrl, fetch }),
    );
    expect(data).toBeUndefined();
    expect(new URL(fetch.mock.calls[0][0].url).pathname).toBe('/api/v1/calendar/holidays/a%2Fb');
  });

  it('resolves a 202 without a body to undefined', async () => {
    const fetch = answer(202);
    const body = { email: 'a@example.org' };
    await expect(unwrap(client.POST('/api/v1/auth/password-reset', { body, baseUrl, fetch }))).resolves.toBe(
      undefined,
    );
  });

  it('turns a problem+json answer into an ApiError', async () => {
    const fetch = answer(
      429,
      { status: 429, title: 'Too many', code: 'RATE_LIMITED', detail: 'Wait', requestId: 'r1' },
      { 'Retry-After': '60' },
    );
    const body = { email: 'a@example.org', password: 'x' };
    const error = await unwrap(client.POST('/api/v1/auth/login', { body, baseUrl, fetch })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED', detail: 'Wait', retryAfter: 60 });
  });

  it('turns a network failure into a NETWORK_ERROR', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await unwrap(client.GET('/api/v1/auth/me', { baseUrl, fetch })).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR', detail: 'Failed to fetch' });
  });

  it('tells the unauthorized listeners of a 401 on an authenticated request only', async () => {
    const listener = vi.fn();
    unsubscribe.push(onUnauthorized(listener));
    const problem = { status: 401, code: 'UNAUTHENTICATED' };
    await expect(
      unwrap(client.GET('/api/v1/auth/me', { baseUrl, fetch: answer(401, problem) })),
    ).rejects.toBeInstanceOf(ApiError);
    expect(listener).not.toHaveBeenCalled();
    await expect(
      unwrap(client.GET('/api/v1/outbox', { params: { query: {} }, baseUrl, fetch: answer(401, problem) })),
    ).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('apiUrl', () => {
  it('builds a link without the empty filters', () => {
    expect(apiUrl('/api/v1/users/export.csv', { q: 'ana maria', role: undefined, sort: '' })).toBe(
      '/api/v1/users/export.csv?q=ana+maria',
    );
    expect(apiUrl('/api/v1/audit/export.csv')).toBe('/api/v1/audit/export.csv');
  });
});
