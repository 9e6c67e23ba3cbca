import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/problem';
import type { User } from '../../../api/types';
import { FormAlert, StaleVersionAlert } from '../../../components/FormAlert';
import { DialogFormActions, ModalDialog } from '../../../components/ModalDialog';
import { LocaleOptions } from '../../../components/LocaleOptions';
import { SelectField, TextField } from '../../../components/Field';
import { applyFieldErrors } from '../../../lib/problem';
import { useResendInvitation, useUpdateUser } from '../hooks/use-users';
import { toUpdateRequest, userEditSchema, type UserEditValues } from '../schemas/user-schemas';
import { RoleCheckboxes } from './RoleCheckboxes';

interface Props {
  user: User | null;
  onOpenChange: (open: boolean) => void;
  onSaved: (user: User) => void;
  onReload: () => void;
}

export function UserEditDialog({ user, onOpenChange, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={!!user}
      onOpenChange={onOpenChange}
      title={t('users.editTitle', { name: user?.name ?? '' })}
      description={user?.email}
    >
      {user && !user.passwordSet && user.active && <ResendInvitation userId={user.id} />}
      {user && (
        <UserEditForm key={`${user.id}-${user.version}`} user={user} onSaved={onSaved} onReload={onReload} />
      )}
    </ModalDialog>
  );
}

function UserEditForm({ user, onSaved, onReload }: { user: User } & Pick<Props, 'onSaved' | 'onReload'>) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const update = useUpdateUser();
  const [extra, setExtra] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<UserEditValues>({
    resolver: zodResolver(userEditSchema),
    defaultValues: { name: user.name, roles: user.roles, locale: user.locale, active: user.active },
  });
  const stale = isApiError(update.error) && update.error.code === 'STALE_VERSION';

  return (
    <form
      className="form"
      noValidate
      onSubmit={handleSubmit(async (values) => {
        setExtra([]);
        try {
          onSaved(await update.mutateAsync({ id: user.id, body: toUpdateRequest(user, values) }));
        } catch (error) {
          setExtra(applyFieldErrors(error, setError, ['name', 'roles', 'locale', 'active']));
        }
      })}
    >
      {stale ? (
        <StaleVersionAlert
          message={t('users.staleVersion')}
          reloadLabel={t('users.reload')}
          onReload={onReload}
        />
      ) : (
        <FormAlert error={update.error} extra={extra} />
      )}
      <fieldset disabled={isSubmitting}>
        <legend className="visually-hidden">{t('users.editTitle', { name: user.name })}</legend>
        <TextField
          label={t('users.name')}
          required
          autoComplete="off"
          error={errors.name?.message}
          {...register('name')}
        />
        <RoleCheckboxes registration={register('roles')} error={errors.roles?.message} idPrefix={idPrefix} />
        <SelectField label={t('users.locale')} error={errors.locale?.message} {...register('locale')}>
          <LocaleOptions />
        </SelectField>
        <div className="field">
          <label className="checkbox" htmlFor={`${idPrefix}-active`}>
            <input id={`${idPrefix}-active`} type="checkbox" {...register('active')} />
            {t('users.activeToggle')}
          </label>
          <p className="field-hint">{t('users.activeHint')}</p>
        </div>
        <DialogFormActions label={t('common.save')} busy={isSubmitting} />
      </fieldset>
    </form>
  );
}

/** A user who never chose a password can be sent a new invitation link (the old one stops working). */
function ResendInvitation({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const resend = useResendInvitation();
  return (
    <div className="invitation-box">
      <p>{t('users.invitationPendingHint')}</p>
      <FormAlert error={resend.error} />
      {resend.isSuccess && (
        <p className="alert alert-success" role="status">
          {t('users.invitationSent')}
        </p>
      )}
      <button
        type="button"
        className="button button-secondary"
        disabled={resend.isPending}
        onClick={() => resend.mutate(userId)}
      >
        {t('users.resendInvitation')}
      </button>
    </div>
  );
}
