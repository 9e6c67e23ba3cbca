import { ENTITY_STATUS_LABELS, IBAN_STATUS_LABELS, type Columns } from '../../common/export';
import type { NgoEntity } from './ngo.entity';

/** The columns of the entities export (CSV and XLSX). */
export const ENTITY_COLUMNS: Columns<NgoEntity> = [
  {
    key: 'legalName',
    header: { ca: 'Nom legal', es: 'Nombre legal', en: 'Legal name' },
    type: 'text',
    value: (e) => e.legalName,
    width: 40,
  },
  {
    key: 'nif',
    header: { ca: 'NIF', es: 'NIF', en: 'Tax ID (NIF)' },
    type: 'text',
    value: (e) => e.nif,
    width: 12,
  },
  {
    key: 'status',
    header: { ca: 'Estat', es: 'Estado', en: 'Status' },
    type: 'status',
    value: (e) => e.status,
    labels: ENTITY_STATUS_LABELS,
  },
  {
    key: 'ibanStatus',
    header: { ca: "Estat de l'IBAN", es: 'Estado del IBAN', en: 'IBAN status' },
    type: 'status',
    value: (e) => e.ibanStatus,
    labels: IBAN_STATUS_LABELS,
  },
  {
    key: 'registryNumber',
    header: { ca: 'Número de registre', es: 'Número de registro', en: 'Registry number' },
    type: 'text',
    value: (e) => e.registryNumber,
  },
  {
    key: 'town',
    header: { ca: 'Municipi', es: 'Municipio', en: 'Town' },
    type: 'text',
    value: (e) => e.address.town,
  },
  {
    key: 'municipalityCode',
    header: { ca: 'Codi INE', es: 'Código INE', en: 'INE code' },
    type: 'text',
    value: (e) => e.address.municipalityCode,
    width: 10,
  },
  {
    key: 'email',
    header: { ca: 'Adreça electrònica', es: 'Correo electrónico', en: 'E-mail address' },
    type: 'text',
    value: (e) => e.email,
    width: 32,
  },
  {
    key: 'phone',
    header: { ca: 'Telèfon', es: 'Teléfono', en: 'Phone' },
    type: 'text',
    value: (e) => e.phone,
    width: 14,
  },
  {
    key: 'validatedAt',
    header: { ca: 'Validada', es: 'Validada', en: 'Validated' },
    type: 'instant',
    value: (e) => e.validatedAt,
  },
  {
    key: 'createdAt',
    header: { ca: "Data d'alta", es: 'Fecha de alta', en: 'Created' },
    type: 'instant',
    value: (e) => e.createdAt,
  },
];
