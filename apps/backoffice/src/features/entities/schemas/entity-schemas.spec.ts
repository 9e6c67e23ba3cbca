import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../api/types';
import {
  emptyRegisterValues,
  entityProfileSchema,
  ibanNeedsCertificate,
  inviteMemberSchema,
  isWebsite,
  registerSchema,
  toProfileValues,
  toRegisterRequest,
  toUpdateEntityRequest,
  type RegisterValues,
} from './entity-schemas';

/** A complete registration that passes every check (valid NIF, DNI and a Spanish IBAN). */
function valid(): RegisterValues {
  const v = emptyRegisterValues();
  v.entity = {
    legalName: '  Lleida Solidària  ',
    nif: 'g-25.012.345',
    registryNumber: '12345',
    foundedOn: '1998-03-14',
    address: {
      street: 'Carrer Major',
      number: '1, 2n',
      postcode: '25007',
      town: 'Lleida',
      municipalityCode: '25120',
      province: 'Lleida',
      countryCode: 'ES',
    },
    email: 'info@lleidasolidaria.cat',
    phone: '+34 973 00 00 00',
    website: 'lleidasolidaria.cat',
    iban: 'es91 2100 0418 4502 0005 1332',
    legalRepresentative: { name: 'Anna Puig', idNumber: '12345678z', position: 'Presidenta' },
  };
  v.user = {
    name: 'Anna Puig',
    email: 'anna@lleidasolidaria.cat',
    password: 'una-contrasenya',
    confirm: 'una-contrasenya',
  };
  v.privacyAccepted = true;
  return v;
}

function issues(values: unknown) {
  const result = registerSchema.safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('registerSchema', () => {
  it('accepts a complete registration and builds the API request with normalised identifiers', () => {
    const parsed = registerSchema.parse(valid());
    const body = toRegisterRequest(parsed, 'ca');
    expect(body.entity.nif).toBe('G25012345');
    expect(body.entity.iban).toBe('ES9121000418450200051332');
    expect(body.entity.legalName).toBe('Lleida Solidària');
    expect(body.entity.legalRepresentative.idNumber).toBe('12345678Z');
    expect(body.user).toEqual({
      name: 'Anna Puig',
      email: 'anna@lleidasolidaria.cat',
      password: 'una-contrasenya',
    });
    expect(body.privacyAccepted).toBe(true);
    expect(body.locale).toBe('ca');
  });

  it('sends empty optional fields as null', () => {
    const v = valid();
    v.entity.registryNumber = '';
    v.entity.foundedOn = '';
    v.entity.phone = '';
    v.entity.website = '';
    v.entity.address.number = '';
    const body = toRegisterRequest(registerSchema.parse(v), 'es');
    expect(body.entity).toMatchObject({ registryNumber: null, foundedOn: null, phone: null, website: null });
    expect(body.entity.address.number).toBeNull();
  });

  it('refuses a NIF, a DNI and an IBAN with wrong check characters (the domain functions)', () => {
    const v = valid();
    v.entity.nif = 'G25012344';
    v.entity.legalRepresentative.idNumber = '12345678A';
    v.entity.iban = 'ES9121000418450200051333';
    expect(issues(v)).toEqual({
      'entity.nif': 'portal.validation.nif',
      'entity.legalRepresentative.idNumber': 'portal.validation.personalId',
      'entity.iban': 'portal.validation.iban',
    });
  });

  it('accepts a NIE for the representative', () => {
    const v = valid();
    v.entity.legalRepresentative.idNumber = 'X1234567L';
    expect(registerSchema.safeParse(v).success).toBe(true);
  });

  it('checks the INE code and a postcode of the same province in Spain only', () => {
    const v = valid();
    v.entity.address.municipalityCode = '2512';
    v.entity.address.postcode = '08001';
    expect(issues(v)).toEqual({
      'entity.address.municipalityCode': 'validation.ineCode',
    });
    v.entity.address.municipalityCode = '25120';
    expect(issues(v)).toEqual({ 'entity.address.postcode': 'portal.validation.postcodeProvince' });
    v.entity.address.postcode = '2500';
    expect(issues(v)).toEqual({ 'entity.address.postcode': 'portal.validation.postcode' });
    v.entity.address.countryCode = 'FR';
    v.entity.address.postcode = '75001';
    v.entity.address.municipalityCode = '75056';
    expect(registerSchema.safeParse(v).success).toBe(true);
  });

  it('requires the privacy notice, matching passwords and a password of 10 characters', () => {
    const v = valid();
    v.privacyAccepted = false;
    v.user.confirm = 'una-altra-cosa';
    expect(issues(v)).toEqual({
      privacyAccepted: 'portal.validation.privacy',
      'user.confirm': 'validation.passwordsMatch',
    });
    v.user.password = 'curta';
    v.user.confirm = 'curta';
    v.privacyAccepted = true;
    expect(issues(v)).toEqual({ 'user.password': 'validation.passwordMin' });
  });

  it('refuses a founding date in the future, a bad phone and a bad website', () => {
    const v = valid();
    v.entity.foundedOn = '2999-01-01';
    v.entity.phone = 'telèfon';
    v.entity.website = 'no és una web';
    expect(issues(v)).toEqual({
      'entity.foundedOn': 'portal.validation.pastDate',
      'entity.phone': 'portal.validation.phone',
      'entity.website': 'portal.validation.website',
    });
  });

  it('requires every mandatory field', () => {
    const result = issues(emptyRegisterValues());
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining([
        'entity.legalName',
        'entity.nif',
        'entity.address.street',
        'entity.address.postcode',
        'entity.address.town',
        'entity.address.municipalityCode',
        'entity.address.province',
        'entity.email',
        'entity.iban',
        'entity.legalRepresentative.name',
        'entity.legalRepresentative.idNumber',
        'entity.legalRepresentative.position',
        'user.name',
        'user.email',
        'user.password',
        'privacyAccepted',
      ]),
    );
    expect(result['entity.registryNumber']).toBeUndefined();
    expect(result['entity.phone']).toBeUndefined();
  });
});

describe('isWebsite', () => {
  it('accepts addresses with or without a scheme', () => {
    expect(isWebsite('https://example.cat')).toBe(true);
    expect(isWebsite('www.example.cat/qui-som')).toBe(true);
    expect(isWebsite('ftp://example.cat')).toBe(false);
    expect(isWebsite('localhost')).toBe(false);
  });
});

const entity: Entity = {
  id: 'e1',
  legalName: 'Lleida Solidària',
  nif: 'G25012345',
  registryNumber: null,
  foundedOn: null,
  address: {
    street: 'Carrer Major',
    number: null,
    postcode: '25007',
    town: 'Lleida',
    municipalityCode: '25120',
    province: 'Lleida',
    countryCode: 'ES',
  },
  email: 'info@example.cat',
  phone: null,
  website: null,
  iban: 'ES9121000418450200051332',
  ibanStatus: 'validated',
  validatedIban: 'ES9121000418450200051332',
  ibanCertificateId: null,
  legalRepresentative: { name: 'Anna Puig', idNumber: '12345678Z', position: 'Presidenta' },
  status: 'active',
  statusReason: null,
  privacyAcceptedAt: null,
  validatedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  version: 4,
};

describe('entity profile', () => {
  it('round-trips the stored entity and sends the version (and the certificate of a new IBAN)', () => {
    const values = entityProfileSchema.parse(toProfileValues(entity));
    expect(values.registryNumber).toBe('');
    const body = toUpdateEntityRequest(entity, values);
    expect(body).toMatchObject({ version: 4, registryNumber: null, iban: entity.iban });
    expect(body).not.toHaveProperty('nif');
    expect(body).not.toHaveProperty('ibanCertificateId');
    expect(toUpdateEntityRequest(entity, values, 'doc-1').ibanCertificateId).toBe('doc-1');
  });

  it('needs a certificate only for a new IBAN of a validated entity', () => {
    const other = 'ES79 2100 0813 6101 2345 6789';
    expect(ibanNeedsCertificate(entity, entity.iban)).toBe(false);
    expect(ibanNeedsCertificate(entity, other)).toBe(true);
    expect(ibanNeedsCertificate({ ...entity, status: 'pending_validation' }, other)).toBe(false);
    expect(ibanNeedsCertificate({ ...entity, iban: 'ES7921000813610123456789' }, entity.iban)).toBe(false);
  });
});

describe('inviteMemberSchema', () => {
  it('needs a name, an e-mail and a language', () => {
    expect(
      inviteMemberSchema.safeParse({ name: 'Pau', email: 'pau@example.cat', locale: 'ca' }).success,
    ).toBe(true);
    const result = inviteMemberSchema.safeParse({ name: ' ', email: 'x', locale: 'fr' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['email', 'locale', 'name']);
  });
});
