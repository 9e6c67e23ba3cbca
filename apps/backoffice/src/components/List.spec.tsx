import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n';
import { DataTable, ExportCsvLink, FilterForm, ListToolbar, PagedList } from './List';

afterEach(cleanup);

type Page = { items: string[]; total: number };

const paging = { page: 1, pageSize: 25, onPageChange: vi.fn(), onPageSizeChange: vi.fn() };

function query<T>(data: T | undefined, state: Partial<{ isPending: boolean; isError: boolean }> = {}) {
  return { isPending: false, isError: false, error: null, data, refetch: vi.fn(), ...state };
}

describe('FilterForm', () => {
  it('is a named search landmark with "Filter" and "Clear filters"', () => {
    const onSubmit = vi.fn((e: { preventDefault: () => void }) => e.preventDefault());
    const onClear = vi.fn();
    render(
      <FilterForm label="Filtres dels usuaris" onSubmit={onSubmit} onClear={onClear}>
        <input aria-label="Cerca" />
      </FilterForm>,
    );
    const form = screen.getByRole('search', { name: 'Filtres dels usuaris' });
    expect(form).toHaveProperty('noValidate', false);
    expect(form.className).toBe('filters');
    fireEvent.click(within(form).getByRole('button', { name: 'Filtra' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    fireEvent.click(within(form).getByRole('button', { name: 'Esborra els filtres' }));
    expect(onClear).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const actions = form.querySelector('.filters-actions');
    expect(actions?.children).toHaveLength(2);
  });

  it('can leave validation to its schema and take more actions after its buttons', () => {
    render(
      <FilterForm
        label="Filtres"
        noValidate
        onSubmit={vi.fn()}
        onClear={vi.fn()}
        actions={<ExportCsvLink href="/api/v1/audit/export.csv?action=x" />}
      >
        <input aria-label="Acció" />
      </FilterForm>,
    );
    const form = screen.getByRole('search', { name: 'Filtres' });
    expect(form).toHaveProperty('noValidate', true);
    const buttons = form.querySelector('.filters-actions')?.children;
    expect(Array.from(buttons ?? []).map((b) => b.textContent)).toEqual([
      'Filtra',
      'Esborra els filtres',
      'Exporta a CSV',
    ]);
  });
});

describe('ListToolbar and ExportCsvLink', () => {
  it('puts the actions after the filters, and no actions box without actions', () => {
    const { container, rerender } = render(
      <ListToolbar actions={<ExportCsvLink href="/api/v1/users/export.csv?q=a" />}>
        <p>filters</p>
      </ListToolbar>,
    );
    const link = screen.getByRole('link', { name: 'Exporta a CSV' });
    expect(link.getAttribute('href')).toBe('/api/v1/users/export.csv?q=a');
    expect(link.hasAttribute('download')).toBe(true);
    expect(link.className).toBe('button button-secondary');
    expect(container.querySelector('.toolbar > .toolbar-actions')).not.toBeNull();

    rerender(
      <ListToolbar actions={false}>
        <p>filters</p>
      </ListToolbar>,
    );
    expect(container.querySelector('.toolbar-actions')).toBeNull();
    expect(container.querySelector('.toolbar')?.textContent).toBe('filters');
  });
});

describe('DataTable', () => {
  it('names the table with a visually hidden caption, inside the scrolling wrapper', () => {
    const { container } = render(
      <DataTable caption="Usuaris">
        <tbody>
          <tr>
            <td>Anna</td>
          </tr>
        </tbody>
      </DataTable>,
    );
    const table = screen.getByRole('table', { name: 'Usuaris' });
    expect(table.className).toBe('table');
    expect(table.parentElement?.className).toBe('table-wrap');
    expect(container.querySelector('caption')?.className).toBe('visually-hidden');
  });
});

describe('PagedList', () => {
  const rows = (data: { items: string[] }) => (
    <ul>
      {data.items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );

  it('shows the page followed by its pagination', () => {
    render(
      <PagedList query={query({ items: ['a', 'b'], total: 60 })} empty="Cap" paging={paging}>
        {rows}
      </PagedList>,
    );
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    const nav = screen.getByRole('navigation', { name: 'Paginació' });
    expect(nav.textContent).toContain('60 resultats');
    expect(nav.textContent).toContain('Pàgina 1 de 3');
    fireEvent.click(within(nav).getByRole('button', { name: 'Següent' }));
    expect(paging.onPageChange).toHaveBeenCalledWith(2);
  });

  it('says when the page is empty, and shows loading and errors', () => {
    const { rerender } = render(
      <PagedList query={query({ items: [], total: 0 })} empty="Cap usuari" paging={paging}>
        {rows}
      </PagedList>,
    );
    expect(screen.getByText('Cap usuari')).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();

    rerender(
      <PagedList query={query<Page>(undefined, { isPending: true })} empty="Cap usuari" paging={paging}>
        {rows}
      </PagedList>,
    );
    expect(screen.getByRole('status').textContent).toContain("S'està carregant");

    rerender(
      <PagedList query={query<Page>(undefined, { isError: true })} empty="Cap usuari" paging={paging}>
        {rows}
      </PagedList>,
    );
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Torna-ho a provar' })).toBeTruthy();
  });
});
