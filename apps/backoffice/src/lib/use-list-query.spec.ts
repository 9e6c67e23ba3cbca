import { act, cleanup, renderHook } from '@testing-library/react';
import type { ChangeEvent, FormEvent } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiUrl } from '../api/client';
import type { CallListQuery, CallStatus } from '../api/types';
import { useListFilters, useListQuery } from './use-list-query';

afterEach(cleanup);

type CallsQuery = CallListQuery;
type Draft = { q: string; status: '' | CallStatus };

const submit = () => ({ preventDefault: vi.fn() }) as unknown as FormEvent & { preventDefault: () => void };
const change = (value: string) => ({ target: { value } }) as ChangeEvent<HTMLInputElement>;

describe('useListQuery', () => {
  it('starts from the base query and the initial filters', () => {
    const { result } = renderHook(() =>
      useListQuery<CallsQuery>({ page: 1, pageSize: 25, sort: 'closesAt' }, { status: 'published' }),
    );
    expect(result.current.query).toEqual({ page: 1, pageSize: 25, sort: 'closesAt', status: 'published' });
  });

  it('applies filters on page 1, keeping page size, sort and the fixed parameters, in the same order', () => {
    const { result } = renderHook(() =>
      useListQuery<CallsQuery>({ page: 1, pageSize: 25, status: 'published', sort: 'closesAt' }),
    );
    act(() => result.current.pageProps.onPageSizeChange(50));
    act(() => result.current.pageProps.onPageChange(3));
    act(() => result.current.sortProps.onSort('-code'));
    act(() => result.current.pageProps.onPageChange(2));
    act(() => result.current.applyFilters({ q: 'water' }));
    expect(result.current.query).toEqual({
      page: 1,
      pageSize: 50,
      status: 'published',
      sort: '-code',
      q: 'water',
    });
    // The order of the keys is the order of the parameters in the URLs (CSV export link).
    expect(Object.keys(result.current.query)).toEqual(['page', 'pageSize', 'status', 'sort', 'q']);
    expect(apiUrl('/api/v1/calls/export.csv', result.current.query)).toBe(
      '/api/v1/calls/export.csv?page=1&pageSize=50&status=published&sort=-code&q=water',
    );
  });

  it('replaces the previous filters, and clearing them keeps only the base query', () => {
    const { result } = renderHook(() =>
      useListQuery<CallsQuery>({ page: 1, pageSize: 25 }, { status: 'draft' }),
    );
    act(() => result.current.applyFilters({ q: 'x', year: 2026 }));
    expect(result.current.query).toEqual({ page: 1, pageSize: 25, q: 'x', year: 2026 });
    act(() => result.current.pageProps.onPageChange(2));
    act(() => result.current.clearFilters());
    expect(result.current.query).toEqual({ page: 1, pageSize: 25 });
  });

  it('gives SortHeader and Pagination their props: sorting and a new page size go back to page 1', () => {
    const { result } = renderHook(() => useListQuery<CallsQuery>({ page: 1, pageSize: 25 }));
    expect(result.current.sortProps.sort).toBe('');
    act(() => result.current.pageProps.onPageChange(4));
    expect(result.current.pageProps).toMatchObject({ page: 4, pageSize: 25 });
    act(() => result.current.sortProps.onSort('year'));
    expect(result.current.query).toEqual({ page: 1, pageSize: 25, sort: 'year' });
    expect(result.current.sortProps.sort).toBe('year');
    act(() => result.current.pageProps.onPageChange(2));
    act(() => result.current.pageProps.onPageSizeChange(10));
    expect(result.current.pageProps).toMatchObject({ page: 1, pageSize: 10 });
  });
});

describe('useListFilters', () => {
  const options = {
    draft: { q: '', status: 'closed' } as Draft,
    toFilters: (d: Draft) => ({
      q: d.q.trim() || undefined,
      status: d.status || undefined,
    }),
  };

  it('starts from the filters of the initial draft', () => {
    const { result } = renderHook(() =>
      useListFilters<CallsQuery, Draft>({ page: 1, pageSize: 25, sort: '-year' }, options),
    );
    expect(result.current.draft).toEqual({ q: '', status: 'closed' });
    expect(apiUrl('/api/v1/calls/export.csv', result.current.query)).toBe(
      '/api/v1/calls/export.csv?page=1&pageSize=25&sort=-year&status=closed',
    );
  });

  it('edits the draft through bind() and applies it only on submit', () => {
    const { result } = renderHook(() =>
      useListFilters<CallsQuery, Draft>({ page: 1, pageSize: 25 }, options),
    );
    expect(result.current.bind('q').value).toBe('');
    act(() => result.current.bind('q').onChange(change('  water ')));
    act(() => result.current.bind('status').onChange(change('')));
    expect(result.current.draft).toEqual({ q: '  water ', status: '' });
    expect(result.current.query).toEqual({ page: 1, pageSize: 25, q: undefined, status: 'closed' });

    const event = submit();
    act(() => result.current.apply(event));
    expect(event.preventDefault).toHaveBeenCalled();
    expect(result.current.query).toEqual({ page: 1, pageSize: 25, q: 'water', status: undefined });
  });

  it('clears back to the initial draft by default, or to `cleared`', () => {
    const { result } = renderHook(() =>
      useListFilters<CallsQuery, Draft>({ page: 1, pageSize: 25 }, options),
    );
    act(() => result.current.setDraft({ q: 'a', status: '' }));
    act(() => result.current.apply(submit()));
    act(() => result.current.clear());
    expect(result.current.draft).toEqual({ q: '', status: 'closed' });
    expect(result.current.query).toMatchObject({ page: 1, pageSize: 25, status: 'closed' });

    const cleared = renderHook(() =>
      useListFilters<CallsQuery, Draft>(
        { page: 1, pageSize: 25 },
        { ...options, cleared: { q: '', status: '' } },
      ),
    ).result;
    act(() => cleared.current.clear());
    expect(cleared.current.draft).toEqual({ q: '', status: '' });
    expect(apiUrl('/api/v1/calls/export.csv', cleared.current.query)).toBe(
      '/api/v1/calls/export.csv?page=1&pageSize=25',
    );
  });
});
