import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { TextField } from '../../../components/Field';
import { ROUTES } from '../../../routes';
import { useRequestPasswordReset } from '../hooks/use-auth-mutations';
import { forgotPasswordSchema, type ForgotPasswordValues } from '../schemas/auth-schemas';

export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const reset = useRequestPasswordReset();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<ForgotPasswordValues>({
    resolver: zodResolver(forgotPasswordSchema),
    defaultValues: { email: '' },
  });

  if (reset.isSuccess) {
    return (
      <div className="alert alert-success" role="status">
        <p>{t('forgot.sent')}</p>
        <p>
          <Link to={ROUTES.login}>{t('forgot.backToLogin')}</Link>
        </p>
      </div>
    );
  }

  return (
    <form
      className="form"
      noValidate
      onSubmit={handleSubmit(async ({ email }) => {
        await reset.mutateAsync(email).catch(() => undefined);
      })}
    >
      <p>{t('forgot.intro')}</p>
      <FormAlert error={reset.error} />
      <fieldset disabled={isSubmitting}>
        <legend className="visually-hidden">{t('forgot.title')}</legend>
        <TextField
          label={t('login.email')}
          type="email"
          autoComplete="email"
          required
          error={errors.email?.message}
          {...register('email')}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('forgot.submit')}
          </button>
          <Link to={ROUTES.login}>{t('forgot.backToLogin')}</Link>
        </div>
      </fieldset>
    </form>
  );
}
