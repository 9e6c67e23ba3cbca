import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { TextField } from '../../../components/Field';
import { applyFieldErrors } from '../../../lib/problem';
import { ROUTES } from '../../../routes';
import { useLogin } from '../hooks/use-auth-mutations';
import { loginSchema, type LoginValues } from '../schemas/auth-schemas';

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const [extra, setExtra] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<LoginValues>({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: '', password: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setExtra([]);
    try {
      await login.mutateAsync(values);
      onSignedIn();
    } catch (error) {
      setExtra(applyFieldErrors(error, setError, ['email', 'password']));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormAlert error={login.error} extra={extra} />
      <fieldset disabled={isSubmitting}>
        <legend className="visually-hidden">{t('login.title')}</legend>
        <TextField
          label={t('login.email')}
          type="email"
          autoComplete="username"
          required
          error={errors.email?.message}
          {...register('email')}
        />
        <TextField
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          required
          error={errors.password?.message}
          {...register('password')}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {isSubmitting ? t('login.submitting') : t('login.submit')}
          </button>
          <Link to={ROUTES.forgotPassword}>{t('login.forgot')}</Link>
        </div>
      </fieldset>
    </form>
  );
}
