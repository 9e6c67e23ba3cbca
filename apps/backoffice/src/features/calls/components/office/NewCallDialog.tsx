import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../../api/problem';
import { TextField } from '../../../../components/Field';
import { FormAlert } from '../../../../components/FormAlert';
import { DialogFormActions, ModalDialog } from '../../../../components/ModalDialog';
import { applyFieldErrors } from '../../../../lib/problem';
import { pathTo, ROUTES } from '../../../../routes';
import { useCreateCall, useCreateCallFromTemplate } from '../../hooks/use-calls';
import {
  fromTemplateSchema,
  toFromTemplateRequest,
  type FromTemplateValues,
} from '../../schemas/call-schemas';
import { todayInMadrid } from '../../../../lib/madrid-time';

export type NewCallMode = 'template' | 'blank';

interface Props {
  mode: NewCallMode | null;
  onOpenChange: (open: boolean) => void;
}

/** A blank call starts without texts, rubric or documents (the money and time parameters keep their defaults). */
const BLANK = {
  title: { ca: '', es: '', en: '' },
  description: { ca: '', es: '', en: '' },
  modalities: [],
  requiresGenderMarker: true,
  rubric: { blocks: [] },
  requiredDocuments: [],
  // The generated request type marks fields with a default as required: these are the template's defaults.
  evaluatorsPerApplication: 2,
  consensusRequired: true,
};

/** "New call from template" / "New blank call": a code and a year, then the editor of the new draft. */
export function NewCallDialog({ mode, onOpenChange }: Props) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={mode !== null}
      onOpenChange={onOpenChange}
      size="small"
      title={mode === 'blank' ? t('office.calls.newBlankTitle') : t('office.calls.newFromTemplateTitle')}
      description={
        mode === 'blank'
          ? t('office.calls.newBlankDescription')
          : t('office.calls.newFromTemplateDescription')
      }
    >
      {mode && <NewCallForm key={mode} mode={mode} />}
    </ModalDialog>
  );
}

function NewCallForm({ mode }: { mode: NewCallMode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fromTemplate = useCreateCallFromTemplate();
  const blank = useCreateCall();
  const mutation = mode === 'blank' ? blank : fromTemplate;
  const [extra, setExtra] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FromTemplateValues>({
    resolver: zodResolver(fromTemplateSchema),
    defaultValues: { code: '', year: todayInMadrid().slice(0, 4) },
  });
  const fieldError = (message?: string) => (message?.startsWith('office.') ? t(message) : message);
  const duplicate = isApiError(mutation.error) && mutation.error.code === 'DUPLICATE';

  return (
    <form
      className="form"
      noValidate
      onSubmit={handleSubmit(async (values) => {
        setExtra([]);
        try {
          const body = toFromTemplateRequest(values);
          const call =
            mode === 'blank'
              ? await blank.mutateAsync({ ...body, ...BLANK })
              : await fromTemplate.mutateAsync(body);
          await navigate(pathTo(ROUTES.call, call.id));
        } catch (error) {
          setExtra(applyFieldErrors(error, setError, ['code', 'year']));
        }
      })}
    >
      {duplicate ? (
        <div className="alert alert-error" role="alert">
          <p>{t('office.calls.duplicateCode')}</p>
        </div>
      ) : (
        <FormAlert error={mutation.error} extra={extra} />
      )}
      <fieldset disabled={isSubmitting}>
        <legend className="visually-hidden">{t('office.calls.newLegend')}</legend>
        <TextField
          label={t('grants.callField.code')}
          hint={t('office.calls.codeHint')}
          required
          autoComplete="off"
          error={fieldError(errors.code?.message)}
          {...register('code')}
        />
        <TextField
          label={t('grants.callField.year')}
          required
          inputMode="numeric"
          autoComplete="off"
          error={fieldError(errors.year?.message)}
          {...register('year')}
        />
        <DialogFormActions
          label={t('office.calls.create')}
          busy={isSubmitting}
          busyLabel={t('office.common.working')}
        />
      </fieldset>
    </form>
  );
}
