import { zodResolver } from '@hookform/resolvers/zod';
import { AlertDialog } from 'radix-ui';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormAlert } from './FormAlert';
import { reasonSchema, type ReasonValues } from '../lib/reason-schema';
import { TextAreaField } from './Field';

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** `danger` for refusals (reject, suspend, inadmissible…), `primary` for the rest. */
  tone?: 'primary' | 'danger';
  /** Asks for a reason (told to the entity) before confirming. */
  reason?: { label: string; hint?: string };
  /** Runs the action; the dialog shows its error and stays open when it fails. */
  onConfirm: (reason?: string) => Promise<unknown>;
  error?: unknown;
  busy?: boolean;
  children?: ReactNode;
}

/**
 * A confirmation for an officer's decision (radix AlertDialog: focus trapped, Escape cancels), optionally with a
 * reason. The problem of a refused action (e.g. 422 EMAIL_NOT_VERIFIED) is shown inside it.
 */
export function ActionDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  tone = 'primary',
  reason,
  onConfirm,
  error,
  busy,
  children,
}: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const textareaRef = useRef<HTMLTextAreaElement | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ReasonValues>({
    // Without a reason field there is nothing to validate.
    resolver: reason ? zodResolver(reasonSchema) : undefined,
    defaultValues: { reason: '' },
  });

  useEffect(() => {
    if (open) reset({ reason: '' });
  }, [open, reset]);

  const submit = handleSubmit(async (values) => {
    try {
      await onConfirm(reason ? values.reason : undefined);
    } catch {
      // The error is shown by the parent through `error`.
    }
  });
  const { ref: reasonRef, ...reasonField } = register('reason');
  const working = busy || isSubmitting;

  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content
          className="dialog"
          onOpenAutoFocus={(e) => {
            if (reason && textareaRef.current) {
              e.preventDefault();
              textareaRef.current.focus();
            }
          }}
        >
          <AlertDialog.Title className="dialog-title">{title}</AlertDialog.Title>
          <AlertDialog.Description className="dialog-description">{description}</AlertDialog.Description>
          {children}
          <FormAlert error={error} />
          <form id={formId} className="form" noValidate onSubmit={submit}>
            {reason && (
              <TextAreaField
                label={reason.label}
                hint={reason.hint}
                required
                maxLength={2000}
                error={errors.reason?.message}
                ref={(el) => {
                  reasonRef(el);
                  textareaRef.current = el;
                }}
                {...reasonField}
              />
            )}
            <div className="dialog-actions">
              <AlertDialog.Cancel asChild>
                <button type="button" className="button button-secondary">
                  {t('common.cancel')}
                </button>
              </AlertDialog.Cancel>
              <button
                type="submit"
                className={`button ${tone === 'danger' ? 'button-danger' : 'button-primary'}`}
                disabled={working}
                aria-busy={working || undefined}
              >
                {working ? t('office.common.working') : confirmLabel}
              </button>
            </div>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
