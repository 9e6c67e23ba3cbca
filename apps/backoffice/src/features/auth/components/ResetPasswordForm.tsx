import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { TextField } from '../../../components/Field';
import { applyFieldErrors } from '../../../lib/problem';
import { ROUTES } from '../../../routes';
import { useConfirmPasswordReset } from '../hooks/use-auth-mutations';
import { resetPasswordSchema, type ResetPasswordValues } from '../schemas/auth-schemas';

export function ResetPasswordForm({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirmPasswordReset();
  const [extra, setExtra] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ResetPasswordValues>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { password: '', confirm: '' },
  });

  if (!token) {
    return (
      <div className="alert alert-error" role="alert">
        <p>{t('reset.missingToken')}</p>
        <p>
          <Link to={ROUTES.forgotPassword}>{t('login.forgot')}</Link>
        </p>
      </div>
    );
  }

  return (
    <form
      className="form"
      noValidate
      onSubmit={handleSubmit(async ({ password }) => {
        setExtra([]);
        try {
          await confirm.mutateAsync({ token, password });
          onDone();
        } catch (error) {
          setExtra(applyFieldErrors(error, setError, ['password']).filter((m) => !m.startsWith('token')));
        }
      })}
    >
      <p>{t('reset.intro')}</p>
      <FormAlert error={confirm.error} extra={extra} />
      <fieldset disabled={isSubmitting}>
        <legend className="visually-hidden">{t('reset.title')}</legend>
        <TextField
          label={t('reset.password')}
          type="password"
          autoComplete="new-password"
          required
          hint={t('validation.passwordMin', { min: 10 })}
          error={errors.password?.message}
          {...register('password')}
        />
        <TextField
          label={t('reset.confirm')}
          type="password"
          autoComplete="new-password"
          required
          error={errors.confirm?.message}
          {...register('confirm')}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('reset.submit')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
