import { todayInMadrid } from '../../../../lib/madrid-time';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '@cofinanca/domain';
import type { Requirement } from '../../../../api/types';
import { TextField } from '../../../../components/Field';
import { FormAlert } from '../../../../components/FormAlert';
import { DialogFormActions, ModalDialog } from '../../../../components/ModalDialog';
import { useFormat } from '../../../../i18n/format';
import { applyFieldErrors } from '../../../../lib/problem';
import { useDueDatePreview, useRequestCorrection } from '../../hooks/use-applications';
import {
  requirementSchema,
  toRequirementRequest,
  type RequirementValues,
} from '../../schemas/admissibility-schemas';
import { TextAreaField } from '../../../../components/Field';

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  applicationId: string;
  /** The call's correction period in business days (for the preview of the due date). */
  correctionDays: number | undefined;
  onCreated: (requirement: Requirement) => void;
}

/** "Request correction": the points the entity must correct, and the notification date (default today). */
export function RequestCorrectionDialog({
  open,
  onOpenChange,
  applicationId,
  correctionDays,
  onCreated,
}: Props) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={open}
      onOpenChange={onOpenChange}
      size="wide"
      title={t('office.requirements.dialogTitle')}
      description={t('office.requirements.dialogDescription', { count: correctionDays ?? 10 })}
    >
      {open && (
        <RequestCorrectionForm
          applicationId={applicationId}
          correctionDays={correctionDays}
          onCreated={onCreated}
        />
      )}
    </ModalDialog>
  );
}

function RequestCorrectionForm({
  applicationId,
  correctionDays,
  onCreated,
}: Omit<Props, 'open' | 'onOpenChange'>) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const today = useMemo(() => todayInMadrid(), []);
  const schema = useMemo(() => requirementSchema(today), [today]);
  const request = useRequestCorrection(applicationId);
  const [extra, setExtra] = useState<string[]>([]);
  const {
    control,
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<RequirementValues>({
    resolver: zodResolver(schema),
    defaultValues: { items: [{ description: '' }], notifiedOn: '' },
  });
  const items = useFieldArray({ control, name: 'items' });
  const notifiedOn = useWatch({ control, name: 'notifiedOn' });
  const from = notifiedOn && isIsoDate(notifiedOn) && notifiedOn <= today ? notifiedOn : today;
  const preview = useDueDatePreview(from, correctionDays);
  const message = (m?: string) => (m?.startsWith('office.') ? t(m) : m);

  return (
    <form
      className="form"
      noValidate
      onSubmit={handleSubmit(async (values) => {
        setExtra([]);
        try {
          onCreated(await request.mutateAsync(toRequirementRequest(values)));
        } catch (error) {
          setExtra(applyFieldErrors(error, setError, ['notifiedOn']));
        }
      })}
    >
      <FormAlert error={request.error} extra={extra} />
      <fieldset disabled={isSubmitting}>
        <legend className="visually-hidden">{t('office.requirements.dialogTitle')}</legend>
        <fieldset className="office-list-editor">
          <legend>{t('office.requirements.items')}</legend>
          {errors.items?.message && <p className="field-error">{message(errors.items.message)}</p>}
          <ol className="office-rows">
            {items.fields.map((field, i) => (
              <li key={field.id} className="office-row office-row-wide">
                <TextAreaField
                  label={t('office.requirements.itemLabel', { n: i + 1 })}
                  required
                  rows={3}
                  maxLength={2000}
                  error={errors.items?.[i]?.description?.message}
                  {...register(`items.${i}.description`)}
                />
                <button
                  type="button"
                  className="button button-small button-danger-outline office-row-button"
                  disabled={items.fields.length === 1}
                  onClick={() => {
                    items.remove(i);
                    setFocus(`items.${Math.max(0, i - 1)}.description`);
                  }}
                >
                  {t('office.requirements.removeItem', { n: i + 1 })}
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => items.append({ description: '' }, { shouldFocus: true })}
          >
            {t('office.requirements.addItem')}
          </button>
        </fieldset>
        <TextField
          label={t('office.requirements.notifiedOnLabel')}
          hint={t('office.requirements.notifiedOnHint')}
          type="date"
          max={today}
          error={message(errors.notifiedOn?.message)}
          {...register('notifiedOn')}
        />
        <p className="office-due-preview" role="status" aria-live="polite">
          {preview.data
            ? t('office.requirements.duePreview', {
                date: fmt.longDate(preview.data.dueDate),
                count: correctionDays ?? 0,
              })
            : preview.isFetching
              ? t('common.loading')
              : ''}
        </p>
        <DialogFormActions
          label={t('office.requirements.send')}
          busy={isSubmitting}
          busyLabel={t('office.common.working')}
        />
      </fieldset>
    </form>
  );
}
