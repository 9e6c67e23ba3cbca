import { describe, expect, it } from 'vitest';
import type { RankingItem } from '../../../api/types';
import { filterRanking, outcomeOf, pageOf, parseSort, rankingView, sortRanking } from './ranking-view';

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

function row(rank: number, patch: Partial<Row> = {}): Row {
  return {
    rank,
    total: 100 - rank,
    entityName: `Entitat ${rank}`,
    award: null,
    outcome: 'pending',
    partial: false,
    divergent: false,
    consensus: false,
    registryNumber: `SOL-2026-${String(rank).padStart(5, '0')}`,
    title: `Projecte ${rank}`,
    ...patch,
  };
}

const ranks = (rows: readonly Row[]) => rows.map((r) => r.rank);

const ranking: Row[] = [
  row(1, { entityName: 'Òmnium Solidari', award: '12000.00', outcome: 'provisionally_granted', total: 90 }),
  row(2, {
    entityName: 'associació Lleida',
    award: '9000.50',
    outcome: 'provisionally_granted',
    partial: true,
    total: 85.5,
    divergent: true,
    consensus: true,
  }),
  row(3, { entityName: 'Bombers Units', outcome: 'waitlisted', total: 85.5, divergent: true }),
  row(4, { entityName: 'Zeta ONG', outcome: 'below_threshold', total: 40, title: 'Aigua per a Ziguinchor' }),
  row(5, { entityName: 'Amics', outcome: 'pending', total: 0, registryNumber: null, title: null }),
  row(6, { entityName: 'Ésser', award: '12000.00', outcome: 'provisionally_granted', total: 70 }),
];

describe(outcomeOf.name, () => {
  it('tells a partial award from a full one; the other outcomes are the API’s', () => {
    expect(ranking.map(outcomeOf)).toEqual([
      'granted',
      'partial',
      'waitlisted',
      'below_threshold',
      'pending',
      'granted',
    ]);
  });
});

describe(filterRanking.name, () => {
  it('keeps everything, in the ranking’s order, without filters', () => {
    expect(ranks(filterRanking(ranking, {}))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it.each([
    ['granted', [1, 6]],
    ['partial', [2]],
    ['waitlisted', [3]],
    ['below_threshold', [4]],
    ['pending', [5]],
  ] as const)('by outcome: %s', (outcome, expected) => {
    expect(ranks(filterRanking(ranking, { outcome }))).toEqual(expected);
  });

  it('divergent means still waiting for a consensus; consensus means one is recorded', () => {
    expect(ranks(filterRanking(ranking, { agreement: 'divergent' }))).toEqual([3]);
    expect(ranks(filterRanking(ranking, { agreement: 'consensus' }))).toEqual([2]);
  });

  it('finds free text in the registry number, the entity and the title, without case or accents', () => {
    expect(ranks(filterRanking(ranking, { q: '  ASSOCIACIO ' }))).toEqual([2]);
    expect(ranks(filterRanking(ranking, { q: 'sol-2026-00003' }))).toEqual([3]);
    expect(ranks(filterRanking(ranking, { q: 'ziguinchor' }))).toEqual([4]);
    expect(ranks(filterRanking(ranking, { q: 'esser' }))).toEqual([6]);
    expect(ranks(filterRanking(ranking, { q: 'no hi és' }))).toEqual([]);
  });

  it('combines the filters', () => {
    expect(ranks(filterRanking(ranking, { outcome: 'granted', q: 'omnium' }))).toEqual([1]);
    expect(ranks(filterRanking(ranking, { outcome: 'waitlisted', agreement: 'consensus' }))).toEqual([]);
  });
});

describe(parseSort.name, () => {
  it('reads field and -field; anything else is by rank', () => {
    expect(parseSort('-award')).toEqual({ field: 'award', descending: true });
    expect(parseSort('entityName')).toEqual({ field: 'entityName', descending: false });
    expect(parseSort('-createdAt')).toEqual({ field: 'rank', descending: false });
    expect(parseSort('')).toEqual({ field: 'rank', descending: false });
  });
});

describe(sortRanking.name, () => {
  it('by rank, both ways, without changing its input', () => {
    const copy = [...ranking].reverse();
    expect(ranks(sortRanking(copy, 'rank', 'ca'))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ranks(sortRanking(ranking, '-rank', 'ca'))).toEqual([6, 5, 4, 3, 2, 1]);
    expect(ranks(copy)).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('by total; equal totals keep the ranking’s order in both directions', () => {
    expect(ranks(sortRanking(ranking, 'total', 'ca'))).toEqual([5, 4, 6, 2, 3, 1]);
    expect(ranks(sortRanking(ranking, '-total', 'ca'))).toEqual([1, 2, 3, 6, 4, 5]);
  });

  it('by entity name in the language’s alphabet: accents and case do not push a name to the end', () => {
    expect(sortRanking(ranking, 'entityName', 'ca').map((r) => r.entityName)).toEqual([
      'Amics',
      'associació Lleida',
      'Bombers Units',
      'Ésser',
      'Òmnium Solidari',
      'Zeta ONG',
    ]);
    expect(sortRanking(ranking, '-entityName', 'ca')[0].entityName).toBe('Zeta ONG');
  });

  it('by award as cents; rows without an award go last both ways', () => {
    expect(ranks(sortRanking(ranking, 'award', 'ca'))).toEqual([2, 1, 6, 3, 4, 5]);
    expect(ranks(sortRanking(ranking, '-award', 'ca'))).toEqual([1, 6, 2, 3, 4, 5]);
    // 9 999 999 999.99 and 10 000 000 000.00 differ by one cent: as floats they may not, as cents they do.
    const big = [row(1, { award: '10000000000.00' }), row(2, { award: '9999999999.99' })];
    expect(ranks(sortRanking(big, 'award', 'ca'))).toEqual([2, 1]);
  });
});

describe(pageOf.name, () => {
  const rows = Array.from({ length: 123 }, (_, i) => i + 1);

  it('cuts the page and says which rows it holds', () => {
    expect(pageOf(rows, 1, 50)).toMatchObject({ total: 123, page: 1, pages: 3, from: 1, to: 50 });
    expect(pageOf(rows, 3, 50)).toMatchObject({ page: 3, from: 101, to: 123 });
    expect(pageOf(rows, 3, 50).items).toHaveLength(23);
    expect(pageOf(rows, 2, 50).items[0]).toBe(51);
  });

  it('keeps the page within the pages there are (a filter can leave fewer)', () => {
    expect(pageOf(rows, 9, 50)).toMatchObject({ page: 3, from: 101, to: 123 });
    expect(pageOf(rows, 0, 50)).toMatchObject({ page: 1, from: 1 });
    expect(pageOf([], 4, 50)).toEqual({ items: [], total: 0, page: 1, pages: 1, from: 0, to: 0 });
  });
});

describe(rankingView.name, () => {
  it('filters, then sorts, then pages', () => {
    const view = rankingView(ranking, {
      outcome: 'granted',
      sort: '-rank',
      page: 1,
      pageSize: 1,
      locale: 'ca',
    });
    expect(view).toMatchObject({ total: 2, pages: 2, from: 1, to: 1 });
    expect(ranks(view.items)).toEqual([6]);
  });

  it('hands back one page of ten thousand rows, quickly', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      row(i + 1, {
        award: i % 3 ? `${(i * 37) % 20000}.50` : null,
        entityName: `Entitat ${(i * 7919) % 10_000}`,
      }),
    );
    const started = performance.now();
    const view = rankingView(many, { sort: '-award', page: 3, pageSize: 50, locale: 'ca', q: 'entitat' });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(view).toMatchObject({ total: 10_000, pages: 200, page: 3, from: 101, to: 150 });
    expect(view.items).toHaveLength(50);
  });
});
