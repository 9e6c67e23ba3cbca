import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n';
import { Pagination } from './Pagination';

afterEach(cleanup);

const handlers = () => ({ onPageChange: vi.fn(), onPageSizeChange: vi.fn() });

describe('Pagination', () => {
  it('says how many results and which page, with previous and next only, by default', () => {
    render(<Pagination page={1} pageSize={25} total={30} {...handlers()} />);
    const nav = screen.getByRole('navigation', { name: 'Paginació' });
    expect(nav.querySelector('.pagination-summary')?.textContent).toBe('30 resultats · Pàgina 1 de 2');
    expect(
      within(nav)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Anterior', 'Següent']);
    expect(
      within(nav)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['10', '25', '50']);
  });

  it('for a long list, says which rows the page holds and jumps to the first and the last page', () => {
    const h = handlers();
    render(<Pagination page={2} pageSize={50} total={10_000} sizes={[25, 50, 100]} long {...h} />);
    const nav = screen.getByRole('navigation', { name: 'Paginació' });
    expect(nav.querySelector('.pagination-summary')?.textContent).toBe(
      'Files 51–100 de 10.000 · Pàgina 2 de 200',
    );
    expect(
      within(nav)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['25', '50', '100']);
    fireEvent.click(within(nav).getByRole('button', { name: 'Última' }));
    expect(h.onPageChange).toHaveBeenLastCalledWith(200);
    fireEvent.click(within(nav).getByRole('button', { name: 'Primera' }));
    expect(h.onPageChange).toHaveBeenLastCalledWith(1);
    fireEvent.change(within(nav).getByRole('combobox', { name: 'Files per pàgina' }), {
      target: { value: '100' },
    });
    expect(h.onPageSizeChange).toHaveBeenCalledWith(100);
  });

  it('disables what leads nowhere: the first page cannot go back, the last cannot go on', () => {
    const { rerender } = render(<Pagination page={1} pageSize={50} total={120} long {...handlers()} />);
    const state = () =>
      Object.fromEntries(
        screen.getAllByRole('button').map((b) => [b.textContent, (b as HTMLButtonElement).disabled]),
      );
    expect(state()).toEqual({ Primera: true, Anterior: true, Següent: false, Última: false });
    rerender(<Pagination page={3} pageSize={50} total={120} long {...handlers()} />);
    expect(state()).toEqual({ Primera: false, Anterior: false, Següent: true, Última: true });
    expect(document.querySelector('.pagination-summary')?.textContent).toBe(
      'Files 101–120 de 120 · Pàgina 3 de 3',
    );
  });
});
