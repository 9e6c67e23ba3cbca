import { Dialog } from 'radix-ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ModalDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  /** The width of the dialog: the default one, `small` or `wide`. */
  size?: 'small' | 'wide';
  children?: ReactNode;
}

/** A modal dialog (radix Dialog: focus trapped and given back, Escape closes) with its title and description. */
export function ModalDialog({ open, onOpenChange, title, description, size, children }: ModalDialogProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className={size ? `dialog dialog-${size}` : 'dialog'}>
          <Dialog.Title className="dialog-title">{title}</Dialog.Title>
          <Dialog.Description className="dialog-description">{description}</Dialog.Description>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

interface DialogFormActionsProps {
  /** The label of the submit button. */
  label: string;
  /** While the form is being submitted the button says `busyLabel` (by default "Saving…"). */
  busy: boolean;
  busyLabel?: string;
}

/** The buttons at the foot of a form in a ModalDialog: "Cancel" (closes it) and the submit button. */
export function DialogFormActions({ label, busy, busyLabel }: DialogFormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="dialog-actions">
      <Dialog.Close asChild>
        <button type="button" className="button button-secondary">
          {t('common.cancel')}
        </button>
      </Dialog.Close>
      <button type="submit" className="button button-primary">
        {busy ? (busyLabel ?? t('common.saving')) : label}
      </button>
    </div>
  );
}
