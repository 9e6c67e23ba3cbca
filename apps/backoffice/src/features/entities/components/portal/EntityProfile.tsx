import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatIban, MAX_DOCUMENT_BYTES } from '@cofinanca/domain';
import { isApiError } from '../../../../api/problem';
import { FormAlert, StaleVersionAlert } from '../../../../components/FormAlert';
import { StatusNotice } from '../../../../components/States';
import { useFormat } from '../../../../i18n/format';
import { applyFieldErrors, problemMessage } from '../../../../lib/problem';
import type { Entity } from '../../../../api/types';
import {
  useOwnAddressUnverified,
  useResendVerification,
  useUpdateEntity,
  useUploadCertificate,
} from '../../hooks/use-entities';
import {
  entityProfileSchema,
  ibanNeedsCertificate,
  PROFILE_FIELDS,
  toProfileValues,
  toUpdateEntityRequest,
  type EntityProfileValues,
} from '../../schemas/entity-schemas';
import { useFileSize } from '../../../../lib/use-locale';
import { EntityFields } from './RegisterForm';
import { StatusBadge } from '../../../../components/StatusBadge';

/** Whether the entity's own users may change its profile (libs/domain `isEditableByMembers`). */
const editable = (entity: Entity) => entity.status === 'pending_validation' || entity.status === 'active';

/** The entity's status and what it means, and the state of its IBAN. */
export function EntityStatusPanel({ entity }: { entity: Entity }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const iban = formatIban(entity.iban);
  const validated = entity.validatedIban ? formatIban(entity.validatedIban) : '';
  return (
    <section className="card portal-status" aria-labelledby="entity-status-title">
      <h2 id="entity-status-title">{t('portal.entity.statusTitle')}</h2>
      <dl className="meta-list">
        <dt>{t('grants.entityField.status')}</dt>
        <dd>
          <StatusBadge kind="entity" status={entity.status} />
        </dd>
        <dt>{t('grants.entityField.ibanStatus')}</dt>
        <dd>
          <span className={`badge ${entity.ibanStatus === 'validated' ? 'badge-success' : 'badge-warning'}`}>
            {t(`grants.ibanStatus.${entity.ibanStatus}`)}
          </span>
        </dd>
        {entity.validatedAt && (
          <>
            <dt>{t('portal.entity.validatedAt')}</dt>
            <dd>{fmt.instant(entity.validatedAt)}</dd>
          </>
        )}
      </dl>
      <p>{t(`portal.entity.statusText.${entity.status}`)}</p>
      {entity.statusReason && (entity.status === 'suspended' || entity.status === 'rejected') && (
        <p className="alert alert-error">
          <strong>{t('grants.entityField.statusReason')}:</strong> {entity.statusReason}
        </p>
      )}
      <VerifyAddressReminder entityId={entity.id} />
      <p>
        {entity.ibanStatus === 'validated'
          ? t('portal.entity.ibanValidated', { iban })
          : entity.validatedIban
            ? t('portal.entity.ibanPendingChange', { iban, validated })
            : t('portal.entity.ibanPendingFirst', { iban })}
      </p>
    </section>
  );
}

/**
 * Until the user verifies their address the office cannot validate the entity: say so, and send a new link on
 * request (the first one may have expired or gone astray).
 */
function VerifyAddressReminder({ entityId }: { entityId: string }) {
  const { t } = useTranslation();
  const unverified = useOwnAddressUnverified(entityId);
  const resend = useResendVerification();
  if (!unverified) return null;
  return (
    <div className="alert portal-alert-warning">
      <p>{t('portal.entity.verifyReminder')}</p>
      <button
        type="button"
        className="button button-secondary"
        disabled={resend.isPending || resend.isSuccess}
        onClick={() => resend.mutate()}
      >
        {t('portal.entity.resendVerification')}
      </button>
      <StatusNotice message={resend.isSuccess ? t('portal.entity.verificationSent') : ''} />
      <FormAlert error={resend.error} />
    </div>
  );
}

/** The profile form: every field but the NIF, the version sent, and a new IBAN backed by its certificate. */
export function EntityProfileForm({
  entity,
  onReload,
}: {
  entity: Entity;
  /** Loads the entity again (after someone else changed it). */
  onReload: () => Promise<{ data?: Entity }>;
}) {
  const { t } = useTranslation();
  const fileSize = useFileSize();
  const certificateId = useId();
  const update = useUpdateEntity(entity.id);
  const upload = useUploadCertificate(entity.id);
  const [extra, setExtra] = useState<string[]>([]);
  const [notice, setNotice] = useState('');
  const [certificate, setCertificate] = useState<File | null>(null);
  const [certificateError, setCertificateError] = useState('');
  const [focusCertificate, setFocusCertificate] = useState(false);
  const values = useMemo(() => toProfileValues(entity), [entity]);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<EntityProfileValues>({
    resolver: zodResolver(entityProfileSchema),
    values,
    resetOptions: { keepDirtyValues: true },
  });
  const iban = watch('iban');
  const needsCertificate = ibanNeedsCertificate(entity, iban ?? '');
  const stale = isApiError(update.error) && update.error.code === 'STALE_VERSION';
  const canEdit = editable(entity);

  // The file input can take the focus only once the form is enabled again after the attempt.
  useEffect(() => {
    if (!focusCertificate || isSubmitting) return;
    document.getElementById(certificateId)?.focus();
    setFocusCertificate(false);
  }, [focusCertificate, isSubmitting, certificateId]);

  const chooseCertificate = (file: File | null) => {
    setCertificateError('');
    setCertificate(file);
    if (file && file.size > MAX_DOCUMENT_BYTES) setCertificateError(t('portal.documents.tooLarge'));
  };

  const onSubmit = handleSubmit(async (v) => {
    setExtra([]);
    setNotice('');
    let certificateDocId: string | undefined;
    if (needsCertificate) {
      if (!certificate) {
        setCertificateError(t('portal.entity.certificateRequired'));
        setFocusCertificate(true);
        return;
      }
      try {
        certificateDocId = (await upload.mutateAsync(certificate)).id;
      } catch (error) {
        setCertificateError(problemMessage(t, error));
        setFocusCertificate(true);
        return;
      }
    }
    try {
      const saved = await update.mutateAsync(toUpdateEntityRequest(entity, v, certificateDocId));
      setCertificate(null);
      setNotice(
        needsCertificate && saved.ibanStatus === 'pending'
          ? t('portal.entity.savedIbanPending')
          : t('portal.entity.saved'),
      );
    } catch (error) {
      setExtra(applyFieldErrors(error, setError, PROFILE_FIELDS));
      if (isApiError(error) && error.fieldErrors.ibanCertificateId) {
        setCertificateError(t('portal.entity.certificateRequired'));
      }
    }
  });

  if (!canEdit) {
    return (
      <section className="card" aria-labelledby="entity-profile-title">
        <h2 id="entity-profile-title">{t('portal.entity.profileTitle')}</h2>
        <p>{t('portal.entity.readOnly')}</p>
        <EntitySummary entity={entity} />
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby="entity-profile-title">
      <h2 id="entity-profile-title">{t('portal.entity.profileTitle')}</h2>
      <StatusNotice message={notice} />
      {stale ? (
        <StaleVersionAlert
          message={t('portal.entity.stale')}
          reloadLabel={t('portal.entity.reload')}
          onReload={async () => {
            update.reset();
            const fresh = await onReload();
            // Someone else's version replaces what was typed here (the message asked to repeat the changes).
            if (fresh.data) reset(toProfileValues(fresh.data));
          }}
        />
      ) : (
        <FormAlert error={update.error} extra={extra} />
      )}
      <form className="form portal-form" noValidate onSubmit={onSubmit}>
        <fieldset disabled={isSubmitting}>
          <legend className="visually-hidden">{t('portal.entity.profileTitle')}</legend>
          <EntityFields
            register={register}
            errors={errors}
            prefix=""
            nif={{ editable: false, value: entity.nif }}
          />
          {needsCertificate && (
            <div className={`field portal-certificate${certificateError ? ' field-invalid' : ''}`}>
              <p className="alert portal-alert-warning" id={`${certificateId}-hint`}>
                {t('portal.entity.ibanChangeExplained')}
              </p>
              <label htmlFor={certificateId}>
                {t('grants.documentType.bank_certificate')}
                <span className="required" aria-hidden="true">
                  {' '}
                  *
                </span>
                <span className="visually-hidden"> ({t('common.required')})</span>
              </label>
              <input
                id={certificateId}
                type="file"
                accept=".pdf,image/*"
                aria-required
                aria-invalid={certificateError ? true : undefined}
                aria-describedby={`${certificateId}-hint${certificateError ? ` ${certificateId}-error` : ''}`}
                onChange={(e) => chooseCertificate(e.target.files?.[0] ?? null)}
              />
              {certificate && (
                <p className="field-hint">
                  {certificate.name} · {fileSize(certificate.size)}
                </p>
              )}
              {certificateError && (
                <p className="field-error" id={`${certificateId}-error`}>
                  {certificateError}
                </p>
              )}
            </div>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {isSubmitting ? t('common.saving') : t('portal.entity.save')}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}

/** The profile read-only (a suspended or rejected entity). */
function EntitySummary({ entity }: { entity: Entity }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const a = entity.address;
  return (
    <dl className="meta-list">
      <dt>{t('grants.entityField.legalName')}</dt>
      <dd>{entity.legalName}</dd>
      <dt>{t('grants.entityField.nif')}</dt>
      <dd>{entity.nif}</dd>
      <dt>{t('grants.entityField.registryNumber')}</dt>
      <dd>{entity.registryNumber ?? '—'}</dd>
      <dt>{t('grants.entityField.foundedOn')}</dt>
      <dd>{entity.foundedOn ? fmt.date(entity.foundedOn) : '—'}</dd>
      <dt>{t('grants.entityField.address')}</dt>
      <dd>
        {a.street} {a.number ?? ''}, {a.postcode} {a.town} ({a.province}) · {a.municipalityCode} ·{' '}
        {a.countryCode}
      </dd>
      <dt>{t('grants.entityField.email')}</dt>
      <dd>{entity.email}</dd>
      <dt>{t('grants.entityField.iban')}</dt>
      <dd>{formatIban(entity.iban)}</dd>
      <dt>{t('grants.entityField.legalRepresentative')}</dt>
      <dd>
        {entity.legalRepresentative.name} ({entity.legalRepresentative.idNumber}) ·{' '}
        {entity.legalRepresentative.position}
      </dd>
    </dl>
  );
}
