import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n';
import { StaleVersionAlert } from './FormAlert';
import { DialogFormActions, ModalDialog } from './ModalDialog';
import { StatusNotice } from './States';

afterEach(cleanup);

describe('ModalDialog and DialogFormActions', () => {
  it('is a dialog named by its title and described by its description; Cancel closes it', () => {
    const onOpenChange = vi.fn();
    const onSubmit = vi.fn((e: { preventDefault: () => void }) => e.preventDefault());
    render(
      <ModalDialog open onOpenChange={onOpenChange} size="wide" title="Usuari nou" description="Les dades">
        <form onSubmit={onSubmit}>
          <DialogFormActions label="Crea l'usuari" busy={false} />
        </form>
      </ModalDialog>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Usuari nou' });
    expect(dialog.className).toBe('dialog dialog-wide');
    expect(dialog.getAttribute('aria-describedby')).toBe(screen.getByText('Les dades').id);

    fireEvent.click(within(dialog).getByRole('button', { name: "Crea l'usuari" }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel·la' }));
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('has the default width unless told otherwise, and renders nothing closed', () => {
    const { rerender } = render(<ModalDialog open onOpenChange={vi.fn()} title="T" description="D" />);
    expect(screen.getByRole('dialog', { name: 'T' }).className).toBe('dialog');
    rerender(<ModalDialog open={false} onOpenChange={vi.fn()} title="T" description="D" />);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says "Saving…" while busy, or the busy label given', () => {
    const inDialog = (actions: React.ReactNode) => (
      <ModalDialog open onOpenChange={vi.fn()} title="T" description="D">
        {actions}
      </ModalDialog>
    );
    const { rerender } = render(inDialog(<DialogFormActions label="Desa" busy />));
    expect(screen.getByRole('button', { name: "S'està desant…" }).getAttribute('type')).toBe('submit');
    rerender(inDialog(<DialogFormActions label="Crea" busy busyLabel="Treballant…" />));
    expect(screen.getByRole('button', { name: 'Treballant…' })).toBeTruthy();
    rerender(inDialog(<DialogFormActions label="Crea" busy={false} busyLabel="Treballant…" />));
    expect(screen.getByRole('button', { name: 'Crea' })).toBeTruthy();
  });
});

describe('StaleVersionAlert', () => {
  it('is an alert with a reload button', () => {
    const onReload = vi.fn();
    render(
      <StaleVersionAlert
        message="Algú altre l'ha canviat."
        reloadLabel="Torna a carregar"
        onReload={onReload}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain("Algú altre l'ha canviat.");
    fireEvent.click(within(alert).getByRole('button', { name: 'Torna a carregar' }));
    expect(onReload).toHaveBeenCalledTimes(1);
  });
});

describe('StatusNotice', () => {
  it('is a polite status region, hidden until there is a message', () => {
    const { rerender } = render(<StatusNotice message="" />);
    const status = screen.getByRole('status');
    expect(status.className).toBe('visually-hidden');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.hasAttribute('tabindex')).toBe(false);
    rerender(<StatusNotice message="Desat." tabIndex={-1} />);
    expect(status.className).toBe('alert alert-success');
    expect(status.textContent).toBe('Desat.');
    expect(status.getAttribute('tabindex')).toBe('-1');
  });
});
