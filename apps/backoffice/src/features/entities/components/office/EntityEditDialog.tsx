import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { normaliseTaxId } from '@cofinanca/domain';
import { isApiError } from '../../../../api/problem';
import type { Entity } from '../../../../api/types';
import { FormAlert, StaleVersionAlert } from '../../../../components/FormAlert';
import { DialogFormActions, ModalDialog } from '../../../../components/ModalDialog';
import { applyFieldErrors } from '../../../../lib/problem';
import { EntityFields } from '../portal/RegisterForm';
import {
  entitySchema,
  PROFILE_FIELDS,
  toProfileValues,
  toUpdateEntityRequest,
  type EntityValues,
} from '../../schemas/entity-schemas';
import { useUpdateEntity } from '../../hooks/use-entities';

interface Props {
  entity: Entity;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: () => void;
  onReload: () => void;
}

/**
 * An officer's correction of an entity's profile (the NIF included), with the `version` read: the same fields and
 * checks as the NGO's own profile form.
 */
export function EntityEditDialog({ entity, open, onOpenChange, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={open}
      onOpenChange={onOpenChange}
      size="wide"
      title={t('office.entities.editTitle', { name: entity.legalName })}
      description={t('office.entities.editDescription')}
    >
      {open && <EntityEditForm key={entity.version} entity={entity} onSaved={onSaved} onReload={onReload} />}
    </ModalDialog>
  );
}

function EntityEditForm({ entity, onSaved, onReload }: Pick<Props, 'entity' | 'onSaved' | 'onReload'>) {
  const { t } = useTranslation();
  const update = useUpdateEntity(entity.id);
  const [extra, setExtra] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EntityValues>({
    resolver: zodResolver(entitySchema),
    defaultValues: { ...toProfileValues(entity), nif: entity.nif },
  });
  const stale = isApiError(update.error) && update.error.code === 'STALE_VERSION';

  return (
    <form
      className="form"
      noValidate
      onSubmit={handleSubmit(async (values) => {
        setExtra([]);
        try {
          await update.mutateAsync({
            ...toUpdateEntityRequest(entity, values),
            nif: normaliseTaxId(values.nif),
          });
          onSaved();
        } catch (error) {
          setExtra(applyFieldErrors(error, setError, [...PROFILE_FIELDS, 'nif']));
        }
      })}
    >
      {stale ? (
        <StaleVersionAlert
          message={t('office.entities.staleVersion')}
          reloadLabel={t('office.entities.reload')}
          onReload={onReload}
        />
      ) : (
        <FormAlert error={update.error} extra={extra} />
      )}
      <p className="field-hint">{t('office.entities.ibanEditHint')}</p>
      <fieldset disabled={isSubmitting}>
        <legend className="visually-hidden">
          {t('office.entities.editTitle', { name: entity.legalName })}
        </legend>
        <EntityFields register={register} errors={errors} prefix="" nif={{ editable: true }} />
        <DialogFormActions label={t('common.save')} busy={isSubmitting} />
      </fieldset>
    </form>
  );
}
