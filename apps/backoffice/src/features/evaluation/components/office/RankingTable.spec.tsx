import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Call, Ranking, RankingItem } from '../../../../api/types';
import '../../../../i18n';
import { RankingTable } from './RankingTable';

// The whole ranking of a call of ten thousand applications, as GET /calls/:id/ranking sends it.
const items: RankingItem[] = Array.from({ length: 10_000 }, (_, i) => ({
  rank: i + 1,
  applicationId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  registryNumber: `SOL-2026-${String(i + 1).padStart(5, '0')}`,
  entityName: `Entitat ${String(10_000 - i).padStart(5, '0')}`,
  title: `Projecte ${i + 1}`,
  total: 100 - i / 100,
  blocks: [],
  fundable: true,
  reasons: [],
  eligibleAmount: '10000.00',
  award: i < 10 ? '10000.00' : null,
  outcome: i < 10 ? 'provisionally_granted' : i === 10 ? 'waitlisted' : 'pending',
  partial: false,
  divergent: i === 3,
  consensus: false,
  evaluated: i < 11,
  bandPercent: null,
}));
const ranking = {
  callId: 'c1',
  allocationMethod: 'rank_order',
  budget: '100000.00',
  allocated: '100000.00',
  remaining: '0.00',
  complete: false,
  items,
} as Ranking;

vi.mock('../../hooks/use-evaluation', () => ({
  useRanking: () => ({ isPending: false, isError: false, error: null, data: ranking, refetch: vi.fn() }),
}));

afterEach(cleanup);

const call = { id: 'c1', code: 'COOP-2026' } as Call;

function renderTable() {
  render(
    <MemoryRouter>
      <RankingTable call={call} />
    </MemoryRouter>,
  );
  const table = screen.getByRole('table', { name: 'Rànquing de COOP-2026' });
  const rows = () => within(table).getAllByRole('row').slice(1);
  const summary = () => document.querySelector('.pagination-summary')?.textContent;
  return { table, rows, summary };
}

describe('RankingTable', () => {
  it('renders only the current page of ten thousand rows', () => {
    const { rows, summary } = renderTable();
    expect(rows()).toHaveLength(50);
    expect(summary()).toBe('Files 1–50 de 10.000 · Pàgina 1 de 200');
    fireEvent.click(screen.getByRole('button', { name: 'Última' }));
    expect(rows()).toHaveLength(50);
    expect(rows()[49]).toHaveProperty('textContent', expect.stringContaining('SOL-2026-10000'));
    expect(summary()).toBe('Files 9.951–10.000 de 10.000 · Pàgina 200 de 200');
  });

  it('sorts by a header button, saying the order with aria-sort, and goes back to page 1', () => {
    const { table, rows, summary } = renderTable();
    fireEvent.click(screen.getByRole('button', { name: 'Següent' }));
    const entity = within(table).getByRole('columnheader', { name: /Entitat/ });
    expect(entity.getAttribute('aria-sort')).toBe('none');
    expect(
      within(table)
        .getByRole('columnheader', { name: /Posició/ })
        .getAttribute('aria-sort'),
    ).toBe('ascending');
    fireEvent.click(within(entity).getByRole('button'));
    expect(entity.getAttribute('aria-sort')).toBe('ascending');
    expect(summary()).toMatch(/^Files 1–50 /);
    // Entitat 00001 is the last of the ranking.
    expect(rows()[0].textContent).toContain('SOL-2026-10000');
    fireEvent.click(within(entity).getByRole('button'));
    expect(entity.getAttribute('aria-sort')).toBe('descending');
    expect(rows()[0].textContent).toContain('SOL-2026-00001');
  });

  it('filters by outcome, divergence and text on "Filter", and says when nothing matches', () => {
    const { rows, summary } = renderTable();
    const filters = screen.getByRole('search', { name: 'Filtres del rànquing' });
    fireEvent.change(within(filters).getByRole('combobox', { name: 'Resultat' }), {
      target: { value: 'granted' },
    });
    expect(rows()).toHaveLength(50); // not before "Filtra"
    fireEvent.click(within(filters).getByRole('button', { name: 'Filtra' }));
    expect(rows()).toHaveLength(10);
    expect(summary()).toBe('Files 1–10 de 10 · Pàgina 1 de 1');

    fireEvent.change(within(filters).getByRole('combobox', { name: 'Divergència' }), {
      target: { value: 'divergent' },
    });
    fireEvent.click(within(filters).getByRole('button', { name: 'Filtra' }));
    expect(rows().map((r) => r.querySelector('th')?.textContent)).toEqual([
      expect.stringContaining('SOL-2026-00004'),
    ]);

    fireEvent.change(within(filters).getByRole('searchbox', { name: /Cerca/ }), {
      target: { value: 'no hi és' },
    });
    fireEvent.click(within(filters).getByRole('button', { name: 'Filtra' }));
    expect(screen.getByRole('status').textContent).toBe(
      'Cap sol·licitud del rànquing no coincideix amb els filtres.',
    );

    fireEvent.click(within(filters).getByRole('button', { name: 'Esborra els filtres' }));
    expect(summary()).toBe('Files 1–50 de 10.000 · Pàgina 1 de 200');
  });

  it('keeps the exports, which hold the whole ranking', () => {
    renderTable();
    expect(screen.getByRole('link', { name: 'Exporta a CSV' }).getAttribute('href')).toBe(
      '/api/v1/calls/c1/ranking.csv',
    );
    expect(screen.getByRole('link', { name: 'Exporta a XLSX' }).getAttribute('href')).toBe(
      '/api/v1/calls/c1/ranking.xlsx',
    );
    expect(screen.getByText(/contenen tot el rànquing/)).toBeTruthy();
  });
});
