import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../api/types';
import { FormAlert } from '../../../components/FormAlert';
import { LocaleOptions } from '../../../components/LocaleOptions';
import { SelectField, TextField } from '../../../components/Field';
import { setLocale } from '../../../i18n';
import { applyFieldErrors } from '../../../lib/problem';
import { useUpdateMe } from '../hooks/use-auth-mutations';
import { profileSchema, type ProfileValues } from '../schemas/auth-schemas';

export function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const update = useUpdateMe();
  const [saved, setSaved] = useState(false);
  const [extra, setExtra] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ProfileValues>({
    resolver: zodResolver(profileSchema),
    defaultValues: { name: me.name, locale: me.locale },
  });

  return (
    <form
      className="form"
      noValidate
      onSubmit={handleSubmit(async (values) => {
        setSaved(false);
        setExtra([]);
        try {
          const updated = await update.mutateAsync(values);
          await setLocale(updated.locale);
          reset({ name: updated.name, locale: updated.locale });
          setSaved(true);
        } catch (error) {
          setExtra(applyFieldErrors(error, setError, ['name', 'locale']));
        }
      })}
    >
      <FormAlert error={update.error} extra={extra} />
      {saved && (
        <p className="alert alert-success" role="status">
          {t('profile.saved')}
        </p>
      )}
      <fieldset disabled={isSubmitting}>
        <legend>{t('profile.details')}</legend>
        <TextField label={t('profile.email')} value={me.email} readOnly type="email" />
        <TextField
          label={t('profile.name')}
          required
          autoComplete="name"
          error={errors.name?.message}
          {...register('name')}
        />
        <SelectField
          label={t('profile.locale')}
          hint={t('profile.localeHint')}
          error={errors.locale?.message}
          {...register('locale')}
        >
          <LocaleOptions />
        </SelectField>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('common.save')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
