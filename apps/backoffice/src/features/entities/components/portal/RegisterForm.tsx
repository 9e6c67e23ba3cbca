import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm, type FieldError, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../../api/problem';
import { SelectField, TextField } from '../../../../components/Field';
import { FormAlert } from '../../../../components/FormAlert';
import { currentLocale } from '../../../../i18n';
import { applyFieldErrors } from '../../../../lib/problem';
import { ROUTES } from '../../../../routes';
import { PASSWORD_MIN } from '../../../auth/schemas/auth-schemas';
import type { Registration } from '../../../../api/types';
import { useRegister } from '../../hooks/use-entities';
import {
  emptyRegisterValues,
  REGISTER_FIELDS,
  registerSchema,
  toRegisterRequest,
  type RegisterValues,
} from '../../schemas/entity-schemas';
import { useCountries, useMessage } from '../../../../lib/use-locale';

/** The entity part of the form, shared with the profile: the same fields under a prefix (`entity.` or none). */
export function EntityFields({
  register,
  errors,
  prefix,
  nif,
}: {
  // The register of either form: the registration (prefix "entity.") or the profile (no prefix).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  register: UseFormRegister<any>;
  /** The errors of those fields (the form's errors, or `errors.entity`). */
  errors: unknown;
  prefix: '' | 'entity.';
  /** The NIF input (registration), or the NIF shown read-only (profile). */
  nif: { editable: true } | { editable: false; value: string };
}) {
  const { t } = useTranslation();
  const msg = useMessage();
  const countries = useCountries();
  const err = (path: string) => {
    let node: unknown = errors;
    for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
    return msg((node as FieldError | undefined)?.message);
  };
  const f = (name: string) => register(`${prefix}${name}`);

  return (
    <>
      <fieldset className="portal-fieldset">
        <legend>{t('portal.entity.dataTitle')}</legend>
        <TextField
          label={t('grants.entityField.legalName')}
          required
          autoComplete="organization"
          error={err('legalName')}
          {...f('legalName')}
        />
        <div className="form-row">
          {nif.editable ? (
            <TextField
              label={t('grants.entityField.nif')}
              required
              hint={t('portal.entity.nifHint')}
              autoComplete="off"
              spellCheck={false}
              error={err('nif')}
              {...f('nif')}
            />
          ) : (
            <TextField
              label={t('grants.entityField.nif')}
              readOnly
              value={nif.value}
              hint={t('portal.entity.nifReadOnly')}
            />
          )}
          <TextField
            label={t('grants.entityField.registryNumber')}
            autoComplete="off"
            error={err('registryNumber')}
            {...f('registryNumber')}
          />
          <TextField
            label={t('grants.entityField.foundedOn')}
            type="date"
            error={err('foundedOn')}
            {...f('foundedOn')}
          />
        </div>
        <div className="form-row">
          <TextField
            label={t('grants.entityField.email')}
            type="email"
            required
            autoComplete="email"
            error={err('email')}
            {...f('email')}
          />
          <TextField
            label={t('grants.entityField.phone')}
            type="tel"
            autoComplete="tel"
            error={err('phone')}
            {...f('phone')}
          />
          <TextField
            label={t('grants.entityField.website')}
            type="url"
            autoComplete="url"
            hint={t('portal.entity.websiteHint')}
            error={err('website')}
            {...f('website')}
          />
        </div>
      </fieldset>

      <fieldset className="portal-fieldset">
        <legend>{t('grants.entityField.address')}</legend>
        <div className="form-row">
          <TextField
            label={t('grants.entityField.street')}
            required
            autoComplete="address-line1"
            error={err('address.street')}
            {...f('address.street')}
          />
          <TextField
            label={t('grants.entityField.number')}
            autoComplete="address-line2"
            error={err('address.number')}
            {...f('address.number')}
          />
        </div>
        <div className="form-row">
          <TextField
            label={t('grants.entityField.postcode')}
            required
            autoComplete="postal-code"
            inputMode="numeric"
            error={err('address.postcode')}
            {...f('address.postcode')}
          />
          <TextField
            label={t('grants.entityField.town')}
            required
            autoComplete="address-level2"
            error={err('address.town')}
            {...f('address.town')}
          />
          <TextField
            label={t('grants.entityField.municipalityCode')}
            required
            inputMode="numeric"
            hint={t('portal.entity.ineHint')}
            error={err('address.municipalityCode')}
            {...f('address.municipalityCode')}
          />
        </div>
        <div className="form-row">
          <TextField
            label={t('grants.entityField.province')}
            required
            autoComplete="address-level1"
            error={err('address.province')}
            {...f('address.province')}
          />
          <SelectField
            label={t('grants.entityField.countryCode')}
            required
            autoComplete="country"
            error={err('address.countryCode')}
            {...f('address.countryCode')}
          >
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </SelectField>
        </div>
      </fieldset>

      <fieldset className="portal-fieldset">
        <legend>{t('portal.entity.bankTitle')}</legend>
        <TextField
          label={t('grants.entityField.iban')}
          required
          autoComplete="off"
          spellCheck={false}
          hint={t('portal.entity.ibanHint')}
          error={err('iban')}
          {...f('iban')}
        />
      </fieldset>

      <fieldset className="portal-fieldset">
        <legend>{t('grants.entityField.legalRepresentative')}</legend>
        <TextField
          label={t('grants.entityField.representativeName')}
          required
          autoComplete="off"
          error={err('legalRepresentative.name')}
          {...f('legalRepresentative.name')}
        />
        <div className="form-row">
          <TextField
            label={t('grants.entityField.representativeIdNumber')}
            required
            autoComplete="off"
            spellCheck={false}
            hint={t('portal.entity.idNumberHint')}
            error={err('legalRepresentative.idNumber')}
            {...f('legalRepresentative.idNumber')}
          />
          <TextField
            label={t('grants.entityField.representativePosition')}
            required
            autoComplete="organization-title"
            error={err('legalRepresentative.position')}
            {...f('legalRepresentative.position')}
          />
        </div>
      </fieldset>
    </>
  );
}

/** The privacy notice (RGPD art. 13): what data, what for, on what basis, and the person's rights. */
export function PrivacyNotice({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <section className="portal-privacy" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('portal.privacy.title')}</h2>
      <dl className="portal-privacy-list">
        <dt>{t('portal.privacy.controllerLabel')}</dt>
        <dd>{t('portal.privacy.controller')}</dd>
        <dt>{t('portal.privacy.dataLabel')}</dt>
        <dd>{t('portal.privacy.data')}</dd>
        <dt>{t('portal.privacy.purposeLabel')}</dt>
        <dd>{t('portal.privacy.purpose')}</dd>
        <dt>{t('portal.privacy.basisLabel')}</dt>
        <dd>{t('portal.privacy.basis')}</dd>
        <dt>{t('portal.privacy.recipientsLabel')}</dt>
        <dd>{t('portal.privacy.recipients')}</dd>
        <dt>{t('portal.privacy.retentionLabel')}</dt>
        <dd>{t('portal.privacy.retention')}</dd>
        <dt>{t('portal.privacy.rightsLabel')}</dt>
        <dd>{t('portal.privacy.rights')}</dd>
      </dl>
    </section>
  );
}

function RegisterDone({ registration }: { registration: Registration }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="alert alert-success portal-done" role="status">
      <h2 ref={heading} tabIndex={-1}>
        {t('portal.register.doneTitle')}
      </h2>
      <p>
        <Trans
          i18nKey="portal.register.doneVerify"
          values={{ email: registration.user.email }}
          components={{ strong: <strong /> }}
        />
      </p>
      <p>{t('portal.register.doneValidation', { name: registration.entity.legalName })}</p>
      <p>{t('portal.register.doneSignIn')}</p>
      <p>
        <Link className="button button-primary" to={ROUTES.login}>
          {t('portal.register.signIn')}
        </Link>
      </p>
    </div>
  );
}

/**
 * The first user and the privacy notice. A component of its own so that its inputs register after the entity's
 * (react-hook-form focuses the first invalid input in registration order).
 */
function AccountFields({
  register,
  errors,
}: {
  register: UseFormRegister<RegisterValues>;
  errors: FieldErrors<RegisterValues>;
}) {
  const { t } = useTranslation();
  const msg = useMessage();
  const privacyId = useId();
  const privacyError = msg(errors.privacyAccepted?.message);
  return (
    <>
      <fieldset className="portal-fieldset">
        <legend>{t('portal.register.userTitle')}</legend>
        <p className="field-hint">{t('portal.register.userIntro')}</p>
        <TextField
          label={t('portal.register.userName')}
          required
          autoComplete="name"
          error={msg(errors.user?.name?.message)}
          {...register('user.name')}
        />
        <TextField
          label={t('portal.register.userEmail')}
          type="email"
          required
          autoComplete="email"
          hint={t('portal.register.userEmailHint')}
          error={msg(errors.user?.email?.message)}
          {...register('user.email')}
        />
        <div className="form-row">
          <TextField
            label={t('portal.register.password')}
            type="password"
            required
            autoComplete="new-password"
            hint={t('validation.passwordMin', { min: PASSWORD_MIN })}
            error={msg(errors.user?.password?.message)}
            {...register('user.password')}
          />
          <TextField
            label={t('portal.register.confirm')}
            type="password"
            required
            autoComplete="new-password"
            error={msg(errors.user?.confirm?.message)}
            {...register('user.confirm')}
          />
        </div>
      </fieldset>

      <PrivacyNotice id={privacyId} />
      <div className={`field${privacyError ? ' field-invalid' : ''}`}>
        <label className="checkbox" htmlFor={`${privacyId}-accept`}>
          <input
            id={`${privacyId}-accept`}
            type="checkbox"
            aria-invalid={privacyError ? true : undefined}
            aria-describedby={privacyError ? `${privacyId}-accept-error` : `${privacyId}-title`}
            {...register('privacyAccepted')}
          />
          {t('portal.privacy.accept')}
        </label>
        {privacyError && (
          <p className="field-error" id={`${privacyId}-accept-error`}>
            {privacyError}
          </p>
        )}
      </div>
    </>
  );
}

export function RegisterForm() {
  const { t } = useTranslation();
  const registration = useRegister();
  const [extra, setExtra] = useState<string[]>([]);
  const [done, setDone] = useState<Registration | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<RegisterValues>({
    resolver: zodResolver(registerSchema),
    defaultValues: emptyRegisterValues(),
  });
  // The field the API refused takes the focus once the fieldset is enabled again (a disabled input cannot).
  const [refused, setRefused] = useState<(typeof REGISTER_FIELDS)[number] | null>(null);
  useEffect(() => {
    if (!refused || isSubmitting) return;
    setFocus(refused);
    setRefused(null);
  }, [refused, isSubmitting, setFocus]);

  if (done) return <RegisterDone registration={done} />;

  return (
    <form
      className="form portal-form"
      noValidate
      onSubmit={handleSubmit(async (values) => {
        setExtra([]);
        try {
          setDone(await registration.mutateAsync(toRegisterRequest(values, currentLocale())));
        } catch (error) {
          setExtra(applyFieldErrors(error, setError, REGISTER_FIELDS));
          if (!isApiError(error)) return;
          // A NIF registered already (409 DUPLICATE naming `entity.nif`, or no field at all) is not an invalid NIF:
          // say what it is, on the NIF.
          const nifTaken =
            error.code === 'DUPLICATE' &&
            (Object.keys(error.fieldErrors).length === 0 || 'entity.nif' in error.fieldErrors);
          if (nifTaken) {
            setError('entity.nif', { type: 'server', message: t('portal.register.duplicate') });
          }
          setRefused(
            REGISTER_FIELDS.find((field) => field in error.fieldErrors) ?? (nifTaken ? 'entity.nif' : null),
          );
        }
      })}
    >
      <FormAlert error={registration.error} extra={extra} />
      <fieldset disabled={isSubmitting}>
        <legend className="visually-hidden">{t('portal.register.title')}</legend>
        <p className="muted">{t('portal.register.requiredNote')}</p>

        <EntityFields register={register} errors={errors.entity} prefix="entity." nif={{ editable: true }} />

        <AccountFields register={register} errors={errors} />

        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {isSubmitting ? t('portal.register.submitting') : t('portal.register.submit')}
          </button>
          <Link to={ROUTES.login}>{t('portal.register.haveAccount')}</Link>
        </div>
      </fieldset>
    </form>
  );
}
