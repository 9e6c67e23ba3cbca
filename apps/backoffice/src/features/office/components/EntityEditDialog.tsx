import { zodResolver } from '@hookform/resolvers/zod';
import { Dialog } from 'radix-ui';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { normaliseTaxId } from '@cofinanca/domain';
import { isApiError } from '../../../api/problem';
import type { Entity } from '../../../api/types';
import { FormAlert } from '../../../components/FormAlert';
import { applyFieldErrors } from '../../../lib/problem';
import { EntityFields } from '../../portal/components/RegisterForm';
import {
  entitySchema,
  PROFILE_FIELDS,
  toProfileValues,
  toUpdateEntityRequest,
  type EntityValues,
} from '../../portal/schemas/entity-schemas';
import { useUpdateEntity } from '../hooks/use-entities';

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
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog-wide">
          <Dialog.Title className="dialog-title">
            {t('office.entities.editTitle', { name: entity.legalName })}
          </Dialog.Title>
          <Dialog.Description className="dialog-description">
            {t('office.entities.editDescription')}
          </Dialog.Description>
          {open && (
            <EntityEditForm key={entity.version} entity={entity} onSaved={onSaved} onReload={onReload} />
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
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
        <div className="alert alert-error" role="alert">
          <p>{t('office.entities.staleVersion')}</p>
          <button type="button" className="button button-secondary" onClick={onReload}>
            {t('office.entities.reload')}
          </button>
        </div>
      ) : (
        <FormAlert error={update.error} extra={extra} />
      )}
      <p className="field-hint">{t('office.entities.ibanEditHint')}</p>
      <fieldset disabled={isSubmitting}>
        <legend className="visually-hidden">
          {t('office.entities.editTitle', { name: entity.legalName })}
        </legend>
        <EntityFields register={register} errors={errors} prefix="" nif={{ editable: true }} />
        <div className="dialog-actions">
          <Dialog.Close asChild>
            <button type="button" className="button button-secondary">
              {t('common.cancel')}
            </button>
          </Dialog.Close>
          <button type="submit" className="button button-primary">
            {isSubmitting ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
