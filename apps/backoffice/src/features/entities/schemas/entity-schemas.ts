import { z } from 'zod';
import { isCountryCode, LOCALES } from '@cofinanca/contracts';
import {
  dateInTimeZone,
  formatIban,
  isIneMunicipalityCode,
  isIsoDate,
  isSpanishPostcode,
  isValidIban,
  isValidNif,
  isValidPersonalId,
  normaliseIban,
  normaliseTaxId,
} from '@cofinanca/domain';
import { emailSchema, passwordSchema } from '../../auth/schemas/auth-schemas';
import type {
  CreateEntityRequest,
  Entity,
  InviteMemberRequest,
  RegisterRequest,
  UpdateEntityRequest,
} from '../../../api/types';

/**
 * The entity's data as the registration and profile forms hold it (every input a string), checked with the same
 * functions of libs/domain the API uses. Messages are i18n keys (validation.* of the platform, portal.validation.*).
 */

const required = (max: number) =>
  z.string().trim().min(1, { message: 'validation.required' }).max(max, { message: 'validation.tooLong' });
const optional = (max: number) => z.string().trim().max(max, { message: 'validation.tooLong' });

/** The API's phone pattern: digits, spaces, dots, dashes and brackets, an optional leading +. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ().-]{5,28}$/;

/** A web address with or without "https://". */
export function isWebsite(value: string): boolean {
  try {
    const url = new URL(/^https?:\/\//i.test(value) ? value : `https://${value}`);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

export const addressSchema = z
  .object({
    street: required(200),
    number: optional(20),
    postcode: required(10),
    town: required(100),
    municipalityCode: required(10),
    province: required(100),
    countryCode: z.string().refine(isCountryCode, { message: 'validation.required' }),
  })
  .superRefine((a, ctx) => {
    if (a.countryCode !== 'ES') return;
    if (a.municipalityCode && !isIneMunicipalityCode(a.municipalityCode)) {
      ctx.addIssue({ code: 'custom', path: ['municipalityCode'], message: 'validation.ineCode' });
    }
    if (a.postcode && !isSpanishPostcode(a.postcode)) {
      ctx.addIssue({ code: 'custom', path: ['postcode'], message: 'portal.validation.postcode' });
    } else if (
      a.postcode &&
      isIneMunicipalityCode(a.municipalityCode) &&
      a.postcode.slice(0, 2) !== a.municipalityCode.slice(0, 2)
    ) {
      ctx.addIssue({ code: 'custom', path: ['postcode'], message: 'portal.validation.postcodeProvince' });
    }
  });

const representativeSchema = z.object({
  name: required(200),
  idNumber: z
    .string()
    .trim()
    .min(1, { message: 'validation.required' })
    .refine(isValidPersonalId, { message: 'portal.validation.personalId' }),
  position: required(100),
});

const ibanSchema = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .refine(isValidIban, { message: 'portal.validation.iban' });

const profileFields = {
  legalName: required(300),
  registryNumber: optional(60),
  foundedOn: z
    .string()
    .trim()
    .refine((v) => v === '' || isIsoDate(v), { message: 'validation.date' })
    .refine((v) => v === '' || !isIsoDate(v) || v <= dateInTimeZone(new Date()), {
      message: 'portal.validation.pastDate',
    }),
  address: addressSchema,
  email: emailSchema,
  phone: optional(30).refine((v) => v === '' || PHONE_PATTERN.test(v), {
    message: 'portal.validation.phone',
  }),
  website: optional(300).refine((v) => v === '' || isWebsite(v), { message: 'portal.validation.website' }),
  iban: ibanSchema,
  legalRepresentative: representativeSchema,
};

/** The entity's profile (everything but the NIF, which only an officer corrects). */
export const entityProfileSchema = z.object(profileFields);
export type EntityProfileValues = z.infer<typeof entityProfileSchema>;

export const entitySchema = z.object({
  ...profileFields,
  nif: z
    .string()
    .trim()
    .min(1, { message: 'validation.required' })
    .refine(isValidNif, { message: 'portal.validation.nif' }),
});
export type EntityValues = z.infer<typeof entitySchema>;

/** NGO self-registration: the entity, its first user and the privacy notice. */
export const registerSchema = z.object({
  entity: entitySchema,
  user: z
    .object({
      name: required(200),
      email: emailSchema,
      password: passwordSchema,
      confirm: z.string().min(1, { message: 'validation.required' }),
    })
    .refine((u) => u.password === u.confirm, { message: 'validation.passwordsMatch', path: ['confirm'] }),
  privacyAccepted: z.boolean().refine((v) => v, { message: 'portal.validation.privacy' }),
});
export type RegisterValues = z.infer<typeof registerSchema>;

const orNull = (value: string) => (value === '' ? null : value);

function profileRequest(v: EntityProfileValues): Omit<CreateEntityRequest, 'nif'> {
  return {
    legalName: v.legalName,
    registryNumber: orNull(v.registryNumber),
    foundedOn: orNull(v.foundedOn),
    address: { ...v.address, number: orNull(v.address.number) },
    email: v.email,
    phone: orNull(v.phone),
    website: orNull(v.website),
    iban: normaliseIban(v.iban),
    legalRepresentative: {
      ...v.legalRepresentative,
      idNumber: normaliseTaxId(v.legalRepresentative.idNumber),
    },
  };
}

export function toRegisterRequest(v: RegisterValues, locale: RegisterRequest['locale']): RegisterRequest {
  return {
    entity: { ...profileRequest(v.entity), nif: normaliseTaxId(v.entity.nif) },
    user: { name: v.user.name, email: v.user.email, password: v.user.password },
    privacyAccepted: true,
    locale,
  };
}

export const emptyAddress = {
  street: '',
  number: '',
  postcode: '',
  town: '',
  municipalityCode: '',
  province: '',
  countryCode: 'ES',
};

export function emptyRegisterValues(): RegisterValues {
  return {
    entity: {
      legalName: '',
      nif: '',
      registryNumber: '',
      foundedOn: '',
      address: { ...emptyAddress },
      email: '',
      phone: '',
      website: '',
      iban: '',
      legalRepresentative: { name: '', idNumber: '', position: '' },
    },
    user: { name: '', email: '', password: '', confirm: '' },
    privacyAccepted: false,
  };
}

/** The profile form filled from the stored entity. */
export function toProfileValues(e: Entity): EntityProfileValues {
  return {
    legalName: e.legalName,
    registryNumber: e.registryNumber ?? '',
    foundedOn: e.foundedOn ?? '',
    address: { ...e.address, number: e.address.number ?? '' },
    email: e.email,
    phone: e.phone ?? '',
    website: e.website ?? '',
    iban: formatIban(e.iban),
    legalRepresentative: { ...e.legalRepresentative },
  };
}

/**
 * True when saving this IBAN needs a bank-ownership certificate: the entity has been validated and the IBAN is
 * neither the one it has now nor the last validated one. (The API decides with `ibanChange()` of libs/domain.)
 */
export function ibanNeedsCertificate(
  entity: Pick<Entity, 'status' | 'iban' | 'validatedIban'>,
  iban: string,
) {
  const next = normaliseIban(iban);
  if (entity.status !== 'active' && entity.status !== 'suspended') return false;
  return next !== entity.iban && next !== entity.validatedIban;
}

export function toUpdateEntityRequest(
  entity: Pick<Entity, 'version'>,
  v: EntityProfileValues,
  ibanCertificateId?: string,
): UpdateEntityRequest {
  const body: UpdateEntityRequest = { version: entity.version, ...profileRequest(v) };
  if (ibanCertificateId) body.ibanCertificateId = ibanCertificateId;
  return body;
}

export const inviteMemberSchema = z.object({
  name: required(200),
  email: emailSchema,
  locale: z.enum(LOCALES),
});
export type InviteMemberValues = z.infer<typeof inviteMemberSchema>;

export function toInviteRequest(v: InviteMemberValues): InviteMemberRequest {
  return { name: v.name, email: v.email, locale: v.locale };
}

/** The fields of the registration form, as the API names them in its errors (`entity.address.postcode`…). */
export const REGISTER_FIELDS = [
  'entity.legalName',
  'entity.nif',
  'entity.registryNumber',
  'entity.foundedOn',
  'entity.address.street',
  'entity.address.number',
  'entity.address.postcode',
  'entity.address.town',
  'entity.address.municipalityCode',
  'entity.address.province',
  'entity.address.countryCode',
  'entity.email',
  'entity.phone',
  'entity.website',
  'entity.iban',
  'entity.legalRepresentative.name',
  'entity.legalRepresentative.idNumber',
  'entity.legalRepresentative.position',
  'user.name',
  'user.email',
  'user.password',
  'privacyAccepted',
] as const;

export const PROFILE_FIELDS = REGISTER_FIELDS.filter(
  (f) => f.startsWith('entity.') && f !== 'entity.nif',
).map((f) => f.slice('entity.'.length)) as readonly ProfileField[];
type ProfileField =
  | 'legalName'
  | 'registryNumber'
  | 'foundedOn'
  | 'address.street'
  | 'address.number'
  | 'address.postcode'
  | 'address.town'
  | 'address.municipalityCode'
  | 'address.province'
  | 'address.countryCode'
  | 'email'
  | 'phone'
  | 'website'
  | 'iban'
  | 'legalRepresentative.name'
  | 'legalRepresentative.idNumber'
  | 'legalRepresentative.position';
