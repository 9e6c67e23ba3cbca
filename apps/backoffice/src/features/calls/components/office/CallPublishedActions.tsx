import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { canExtendDeadline, callTransition } from '@cofinanca/domain';
import type { Call } from '../../../../api/types';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { TextField } from '../../../../components/Field';
import { FormAlert } from '../../../../components/FormAlert';
import { DialogFormActions, ModalDialog } from '../../../../components/ModalDialog';
import { useFormat } from '../../../../i18n/format';
import { applyFieldErrors } from '../../../../lib/problem';
import { useCloseCall, useExtendCall, useStartEvaluation } from '../../hooks/use-calls';
import { useCan } from '../../../auth/hooks/use-permissions';
import { isApiError } from '../../../../api/problem';
import type { TFunction } from 'i18next';

/** The applications a refused start of evaluation names (422 ADMISSIBILITY_PENDING), one line each. */
function pendingApplications(error: unknown, t: TFunction): string[] {
  if (!isApiError(error) || error.code !== 'ADMISSIBILITY_PENDING') return [];
  return Object.values(error.fieldErrors).flatMap((issues) =>
    issues.map((issue) =>
      t('office.calls.pendingApplication', {
        registryNumber: issue.params?.['registryNumber'] ?? '—',
        status: t(`grants.applicationStatus.${String(issue.params?.['status'] ?? '')}`),
      }),
    ),
  );
}
import { extendSchema, toExtendRequest, type ExtendValues } from '../../schemas/call-schemas';
import { CLOSES_DEFAULT_TIME, isoToMadrid } from '../../../../lib/madrid-time';
import { TextAreaField } from '../../../../components/Field';

/**
 * An officer's actions on a call after its draft: close the window now, extend the deadline with a reason, start the
 * evaluation of a closed call.
 */
export function CallPublishedActions({ call, onDone }: { call: Call; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const close = useCloseCall(call.id);
  const start = useStartEvaluation(call.id);
  const managesEvaluation = useCan('evaluations.manage');
  const [closing, setClosing] = useState(false);
  const [starting, setStarting] = useState(false);
  const [extending, setExtending] = useState(false);
  const canClose = callTransition(call.status, 'close') !== null;
  const canStart = managesEvaluation && callTransition(call.status, 'start_evaluation') !== null;
  const canExtend = canExtendDeadline(
    call.status,
    call.closesAt ? new Date(call.closesAt) : null,
    new Date(),
  );
  if (!canClose && !canExtend && !canStart) return null;

  return (
    <div className="office-actions">
      <h2 className="visually-hidden">{t('common.actions')}</h2>
      <div className="toolbar-actions">
        {canExtend && (
          <button type="button" className="button button-primary" onClick={() => setExtending(true)}>
            {t('office.calls.extend')}
          </button>
        )}
        {canStart && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              start.reset();
              setStarting(true);
            }}
          >
            {t('office.calls.startEvaluation')}
          </button>
        )}
        {canClose && (
          <button
            type="button"
            className="button button-danger-outline"
            onClick={() => {
              close.reset();
              setClosing(true);
            }}
          >
            {t('office.calls.close')}
          </button>
        )}
      </div>
      <ConfirmDialog
        open={closing}
        onOpenChange={setClosing}
        title={t('office.calls.closeTitle', { code: call.code })}
        description={t('office.calls.closeBody', { closesAt: fmt.instant(call.closesAt) })}
        confirmLabel={t('office.calls.closeConfirm')}
        busy={close.isPending}
        onConfirm={() =>
          close.mutate(undefined, {
            onSuccess: () => {
              setClosing(false);
              onDone(t('office.calls.closed'));
            },
          })
        }
      >
        <FormAlert error={close.error} />
      </ConfirmDialog>
      <ConfirmDialog
        open={starting}
        onOpenChange={setStarting}
        title={t('office.calls.startEvaluationTitle', { code: call.code })}
        description={t('office.calls.startEvaluationBody')}
        confirmLabel={t('office.calls.startEvaluationConfirm')}
        busy={start.isPending}
        onConfirm={() =>
          start.mutate(undefined, {
            onSuccess: () => {
              setStarting(false);
              onDone(t('office.calls.evaluationStarted'));
            },
          })
        }
      >
        <FormAlert error={start.error} extra={pendingApplications(start.error, t)} />
      </ConfirmDialog>
      <ModalDialog
        open={extending}
        onOpenChange={setExtending}
        title={t('office.calls.extendTitle', { code: call.code })}
        description={t('office.calls.extendDescription', { closesAt: fmt.instant(call.closesAt) })}
      >
        {extending && (
          <ExtendForm
            call={call}
            onExtended={(updated) => {
              setExtending(false);
              onDone(t('office.calls.extended', { closesAt: fmt.instant(updated.closesAt) }));
            }}
          />
        )}
      </ModalDialog>
    </div>
  );
}

function ExtendForm({ call, onExtended }: { call: Call; onExtended: (call: Call) => void }) {
  const { t } = useTranslation();
  const extend = useExtendCall(call.id);
  const [extra, setExtra] = useState<string[]>([]);
  const schema = useMemo(() => extendSchema(call.closesAt), [call.closesAt]);
  const current = isoToMadrid(call.closesAt);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ExtendValues>({
    resolver: zodResolver(schema),
    defaultValues: { date: current.date, time: current.time, reason: '' },
  });
  const message = (m?: string) => (m?.startsWith('office.') ? t(m) : m);

  return (
    <form
      className="form"
      noValidate
      onSubmit={handleSubmit(async (values) => {
        setExtra([]);
        try {
          onExtended(await extend.mutateAsync(toExtendRequest(values)));
        } catch (error) {
          setExtra(applyFieldErrors(error, setError, ['reason']));
        }
      })}
    >
      <FormAlert error={extend.error} extra={extra} />
      <fieldset disabled={isSubmitting}>
        <legend className="visually-hidden">{t('office.calls.extendTitle', { code: call.code })}</legend>
        <div className="form-row">
          <TextField
            label={t('office.calls.newClosingDate')}
            type="date"
            required
            error={message(errors.date?.message)}
            {...register('date')}
          />
          <TextField
            label={t('office.calls.newClosingTime')}
            type="time"
            step={1}
            hint={t('office.editor.closesTimeHint', { time: CLOSES_DEFAULT_TIME })}
            {...register('time')}
          />
        </div>
        <TextAreaField
          label={t('office.calls.extendReason')}
          hint={t('office.calls.extendReasonHint')}
          required
          maxLength={2000}
          error={errors.reason?.message}
          {...register('reason')}
        />
        <DialogFormActions
          label={t('office.calls.extendConfirm')}
          busy={isSubmitting}
          busyLabel={t('office.common.working')}
        />
      </fieldset>
    </form>
  );
}
