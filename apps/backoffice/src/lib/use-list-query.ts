import { useState, type ChangeEvent, type FormEvent } from 'react';

/** The paging and sorting of every list query (`sort` is `field` or `-field`). */
export interface ListQuery {
  page: number;
  pageSize: number;
  sort?: string;
}

/** The parameters of a list query other than paging and sorting: its filters. */
export type ListFilters<Q extends ListQuery> = Partial<Omit<Q, 'page' | 'pageSize' | 'sort'>>;

/** What <Pagination> needs besides the total. */
export interface PageProps {
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
}

/** What <SortHeader> needs besides its field and label. */
export interface SortProps {
  sort: string;
  onSort: (sort: string) => void;
}

/**
 * The query of a paged list screen. `base` is what the screen always sends: page, page size, sort and any fixed
 * parameter (e.g. `status: 'published'`); the filters go on top of it, starting with `initialFilters`.
 *
 * - `applyFilters(filters)` replaces the filters and goes back to page 1, keeping page size, sort and the fixed
 *   parameters; `clearFilters()` does the same with no filters.
 * - `sortProps` (for SortHeader) sorts and goes back to page 1; `pageProps` (for Pagination) changes the page, or
 *   the page size and goes back to page 1.
 *
 * Filters left `undefined` are not sent (see `cleanQuery` in api/client.ts) and do not change the query key.
 */
export function useListQuery<Q extends ListQuery>(base: Q, initialFilters: ListFilters<Q> = {}) {
  const [baseKeys] = useState(() => Object.keys(base) as (keyof Q)[]);
  const [query, setQuery] = useState<Q>(() => ({ ...base, ...initialFilters }));

  const applyFilters = (filters: ListFilters<Q>) =>
    setQuery((q) => ({ ...pick(q, baseKeys), page: 1, ...filters }));

  const sortProps: SortProps = {
    sort: query.sort ?? '',
    onSort: (sort) => setQuery({ ...query, sort, page: 1 }),
  };
  const pageProps: PageProps = {
    page: query.page,
    pageSize: query.pageSize,
    onPageChange: (page) => setQuery({ ...query, page }),
    onPageSizeChange: (pageSize) => setQuery({ ...query, pageSize, page: 1 }),
  };

  return { query, setQuery, applyFilters, clearFilters: () => applyFilters({}), sortProps, pageProps };
}

/** The given keys of an object, in their order (the query of a list sends its parameters in key order). */
function pick<T extends object>(from: T, keys: readonly (keyof T)[]): T {
  const out = {} as T;
  for (const key of keys) out[key] = from[key];
  return out;
}

/** The keys of a filter draft that hold the text of an input or the value of a select. */
type TextKeys<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D];

interface FilterOptions<Q extends ListQuery, D> {
  /** The values of the filter inputs when the screen opens. */
  draft: D;
  /** What "Clear filters" puts back in the inputs (by default `draft`). */
  cleared?: D;
  /** The query filters of what the inputs hold (trimmed, empty ones `undefined`). */
  toFilters: (draft: D) => ListFilters<Q>;
}

/**
 * A list query (see useListQuery) with a form of filters: the inputs edit a `draft`, which becomes the query's
 * filters on `apply` (the form's submit) and goes back to `cleared` on `clear`. `bind(key)` wires a text input or a
 * select to one key of the draft.
 */
export function useListFilters<Q extends ListQuery, D extends object>(
  base: Q,
  { draft: initialDraft, cleared = initialDraft, toFilters }: FilterOptions<Q, D>,
) {
  const list = useListQuery(base, toFilters(initialDraft));
  const [draft, setDraft] = useState<D>(initialDraft);

  return {
    ...list,
    draft,
    setDraft,
    bind: <K extends TextKeys<D>>(key: K) => ({
      value: draft[key],
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
        setDraft({ ...draft, [key]: e.target.value as D[K] }),
    }),
    apply: (e: FormEvent) => {
      e.preventDefault();
      list.applyFilters(toFilters(draft));
    },
    clear: () => {
      setDraft(cleared);
      list.applyFilters(toFilters(cleared));
    },
  };
}
