import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/problem';
import type { User } from '../../../api/types';
import { FormAlert } from '../../../components/FormAlert';
import { DialogFormActions, ModalDialog } from '../../../components/ModalDialog';
import { LocaleOptions } from '../../../components/LocaleOptions';
import { SelectField, TextField } from '../../../components/Field';
import { currentLocale } from '../../../i18n';
import { applyFieldErrors } from '../../../lib/problem';
import { PASSWORD_MIN } from '../../auth/schemas/auth-schemas';
import { useCreateUser } from '../hooks/use-users';
import { toCreateRequest, userCreateSchema, type UserCreateValues } from '../schemas/user-schemas';
import { RoleCheckboxes } from './RoleCheckboxes';

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (user: User, invited: boolean) => void;
}

export function UserCreateDialog({ open, onOpenChange, onCreated }: Props) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('users.createTitle')}
      description={t('users.createDescription')}
    >
      {open && <UserCreateForm onCreated={onCreated} />}
    </ModalDialog>
  );
}

function UserCreateForm({ onCreated }: Pick<Props, 'onCreated'>) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const create = useCreateUser();
  const [extra, setExtra] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<UserCreateValues>({
    resolver: zodResolver(userCreateSchema),
    defaultValues: { email: '', name: '', roles: [], locale: currentLocale(), invite: true, password: '' },
  });
  const invite = watch('invite');

  return (
    <form
      className="form"
      noValidate
      onSubmit={handleSubmit(async (values) => {
        setExtra([]);
        try {
          const user = await create.mutateAsync(toCreateRequest(values));
          onCreated(user, values.invite);
        } catch (error) {
          setExtra(applyFieldErrors(error, setError, ['email', 'name', 'roles', 'locale', 'password']));
          if (isApiError(error) && error.code === 'DUPLICATE') {
            setError('email', { type: 'server', message: t('users.duplicateEmail') }, { shouldFocus: true });
          }
        }
      })}
    >
      <FormAlert error={create.error} extra={extra} />
      <fieldset disabled={isSubmitting}>
        <legend className="visually-hidden">{t('users.createTitle')}</legend>
        <TextField
          label={t('users.email')}
          type="email"
          autoComplete="off"
          required
          error={errors.email?.message}
          {...register('email')}
        />
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
          <label className="checkbox" htmlFor={`${idPrefix}-invite`}>
            <input id={`${idPrefix}-invite`} type="checkbox" {...register('invite')} />
            {t('users.invite')}
          </label>
          <p className="field-hint">{t('users.inviteHint')}</p>
        </div>
        {!invite && (
          <TextField
            label={t('users.password')}
            type="password"
            autoComplete="new-password"
            required
            hint={t('validation.passwordMin', { min: PASSWORD_MIN })}
            error={errors.password?.message}
            {...register('password')}
          />
        )}
        <DialogFormActions label={t('users.createSubmit')} busy={isSubmitting} />
      </fieldset>
    </form>
  );
}
