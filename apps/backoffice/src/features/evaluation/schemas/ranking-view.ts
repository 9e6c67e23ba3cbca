import { parseMoney } from '@cofinanca/domain';
import type { RankingItem } from '../../../api/types';

/**
 * The officer's view of a ranking: the API sends the whole ranking at once (a call can have thousands of
 * applications; api.md "Evaluation" has no paging for it), so filtering, sorting and paging happen here, and the
 * screen renders only the rows of the current page.
 */

/** What the outcome filter offers: a partial award is told apart from a full one. */
export const OUTCOME_FILTERS = ['granted', 'partial', 'waitlisted', 'below_threshold', 'pending'] as const;
export type OutcomeFilter = (typeof OUTCOME_FILTERS)[number];

/** `divergent`: the evaluators' totals diverge and no consensus is recorded yet; `consensus`: one is recorded. */
export const AGREEMENT_FILTERS = ['divergent', 'consensus'] as const;
export type AgreementFilter = (typeof AGREEMENT_FILTERS)[number];

export const RANKING_SORT_FIELDS = ['rank', 'total', 'entityName', 'award'] as const;
export type RankingSortField = (typeof RANKING_SORT_FIELDS)[number];

export interface RankingFilters {
  outcome?: OutcomeFilter;
  agreement?: AgreementFilter;
  /** Free text, matched against the registry number, the entity's name and the title. */
  q?: string;
}

export interface RankingViewQuery extends RankingFilters {
  /** `field` or `-field` (SortHeader's form); anything else sorts by rank. */
  sort: string;
  page: number;
  pageSize: number;
  /** The language whose alphabet orders the entities' names. */
  locale: string;
}

export interface RankingPage<T> {
  /** The rows of the page, in order. */
  items: T[];
  /** How many rows pass the filters (all pages). */
  total: number;
  /** The page shown: the asked one, kept within 1..pages (a filter can leave fewer pages than before). */
  page: number;
  pages: number;
  /** The 1-based positions of the first and last rows of the page among the filtered ones; 0 and 0 when none. */
  from: number;
  to: number;
}

type Row = Pick<
  RankingItem,
  | 'rank'
  | 'total'
  | 'entityName'
  | 'award'
  | 'outcome'
  | 'partial'
  | 'divergent'
  | 'consensus'
  | 'registryNumber'
  | 'title'
>;

/** The outcome a row counts as in the filter. */
export function outcomeOf(row: Pick<Row, 'outcome' | 'partial'>): OutcomeFilter {
  if (row.outcome === 'provisionally_granted') return row.partial ? 'partial' : 'granted';
  return row.outcome;
}

/** Lower case, without accents: "Associació" is found by "associacio" and by "ASSOCIACIÓ". */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function matches(row: Row, filters: RankingFilters, needle: string): boolean {
  if (filters.outcome && outcomeOf(row) !== filters.outcome) return false;
  if (filters.agreement === 'divergent' && !(row.divergent && !row.consensus)) return false;
  if (filters.agreement === 'consensus' && !row.consensus) return false;
  if (needle) {
    const haystack = folded([row.registryNumber ?? '', row.entityName, row.title ?? ''].join('\n'));
    if (!haystack.includes(needle)) return false;
  }
  return true;
}

/** The rows that pass the filters, in the ranking's order. */
export function filterRanking<T extends Row>(rows: readonly T[], filters: RankingFilters): T[] {
  const needle = folded(filters.q?.trim() ?? '');
  return rows.filter((row) => matches(row, filters, needle));
}

/** The sort field and direction of a `field` / `-field` sort; an unknown field sorts by rank. */
export function parseSort(sort: string): { field: RankingSortField; descending: boolean } {
  const descending = sort.startsWith('-');
  const field = (descending ? sort.slice(1) : sort) as RankingSortField;
  if (!RANKING_SORT_FIELDS.includes(field)) return { field: 'rank', descending: false };
  return { field, descending };
}

/**
 * The rows sorted (a new array). Equal values keep the ranking's order (by rank), in both directions; rows
 * without an award go last in both directions (there is nothing to compare). Awards are compared as cents, never
 * as floats.
 */
export function sortRanking<T extends Row>(rows: readonly T[], sort: string, locale: string): T[] {
  const { field, descending } = parseSort(sort);
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const direction = descending ? -1 : 1;
  const cents = new Map<T, bigint | null>();
  if (field === 'award') for (const row of rows) cents.set(row, row.award ? parseMoney(row.award) : null);
  const compare = (a: T, b: T): number => {
    switch (field) {
      case 'rank':
        return a.rank - b.rank;
      case 'total':
        return a.total - b.total;
      case 'entityName':
        return collator.compare(a.entityName, b.entityName);
      case 'award': {
        const x = cents.get(a) ?? null;
        const y = cents.get(b) ?? null;
        if (x === null || y === null) return 0; // placed below, whatever the direction
        return x === y ? 0 : x < y ? -1 : 1;
      }
    }
  };
  return [...rows].sort((a, b) => {
    if (field === 'award') {
      const missing = Number(cents.get(a) === null) - Number(cents.get(b) === null);
      if (missing !== 0) return missing;
    }
    return direction * compare(a, b) || a.rank - b.rank;
  });
}

/** One page of rows; the page is kept within 1..pages. */
export function pageOf<T>(rows: readonly T[], page: number, pageSize: number): RankingPage<T> {
  const size = Math.max(1, Math.floor(pageSize));
  const total = rows.length;
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const start = (current - 1) * size;
  const items = rows.slice(start, start + size);
  return {
    items,
    total,
    page: current,
    pages,
    from: items.length ? start + 1 : 0,
    to: start + items.length,
  };
}

/** Filtered, sorted and paged: what the ranking table shows. */
export function rankingView<T extends Row>(rows: readonly T[], query: RankingViewQuery): RankingPage<T> {
  return pageOf(
    sortRanking(filterRanking(rows, query), query.sort, query.locale),
    query.page,
    query.pageSize,
  );
}
