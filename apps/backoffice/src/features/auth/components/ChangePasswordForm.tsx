import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { TextField } from '../../../components/Field';
import { applyFieldErrors } from '../../../lib/problem';
import { useChangePassword } from '../hooks/use-auth-mutations';
import { changePasswordSchema, PASSWORD_MIN, type ChangePasswordValues } from '../schemas/auth-schemas';

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [done, setDone] = useState(false);
  const [extra, setExtra] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ChangePasswordValues>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: '', newPassword: '', confirm: '' },
  });

  return (
    <form
      className="form"
      noValidate
      onSubmit={handleSubmit(async ({ currentPassword, newPassword }) => {
        setDone(false);
        setExtra([]);
        try {
          await change.mutateAsync({ currentPassword, newPassword });
          reset();
          setDone(true);
        } catch (error) {
          setExtra(applyFieldErrors(error, setError, ['currentPassword', 'newPassword']));
        }
      })}
    >
      <FormAlert error={change.error} extra={extra} />
      {done && (
        <p className="alert alert-success" role="status">
          {t('profile.password.changed')}
        </p>
      )}
      <fieldset disabled={isSubmitting}>
        <legend>{t('profile.password.title')}</legend>
        <TextField
          label={t('profile.password.current')}
          type="password"
          autoComplete="current-password"
          required
          error={errors.currentPassword?.message}
          {...register('currentPassword')}
        />
        <TextField
          label={t('profile.password.new')}
          type="password"
          autoComplete="new-password"
          required
          hint={t('validation.passwordMin', { min: PASSWORD_MIN })}
          error={errors.newPassword?.message}
          {...register('newPassword')}
        />
        <TextField
          label={t('profile.password.confirm')}
          type="password"
          autoComplete="new-password"
          required
          error={errors.confirm?.message}
          {...register('confirm')}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('profile.password.submit')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
