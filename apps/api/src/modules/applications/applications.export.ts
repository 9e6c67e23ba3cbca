import { APPLICATION_STATUS_LABELS, type Columns } from '../../common/export';
import type { ApplicationSummary } from './application.dto';

/** The columns of the applications export (CSV and XLSX). */
export const APPLICATION_COLUMNS: Columns<ApplicationSummary> = [
  {
    key: 'registryNumber',
    header: { ca: 'Número de registre', es: 'Número de registro', en: 'Registry number' },
    type: 'text',
    value: (a) => a.registryNumber,
    width: 18,
  },
  {
    key: 'submittedAt',
    header: { ca: 'Presentada', es: 'Presentada', en: 'Submitted' },
    type: 'instant',
    value: (a) => a.submittedAt,
  },
  {
    key: 'status',
    header: { ca: 'Estat', es: 'Estado', en: 'Status' },
    type: 'status',
    value: (a) => a.status,
    labels: APPLICATION_STATUS_LABELS,
    width: 22,
  },
  {
    key: 'call',
    header: { ca: 'Convocatòria', es: 'Convocatoria', en: 'Call' },
    type: 'text',
    value: (a) => a.call.code,
    width: 16,
  },
  {
    key: 'entity',
    header: { ca: 'Entitat', es: 'Entidad', en: 'Entity' },
    type: 'text',
    value: (a) => a.entity.legalName,
    width: 36,
  },
  {
    key: 'nif',
    header: { ca: 'NIF', es: 'NIF', en: 'Tax ID (NIF)' },
    type: 'text',
    value: (a) => a.entity.nif,
    width: 12,
  },
  {
    key: 'title',
    header: { ca: 'Títol', es: 'Título', en: 'Title' },
    type: 'text',
    value: (a) => a.title,
    width: 40,
  },
  {
    key: 'countryCode',
    header: { ca: 'Codi del país', es: 'Código del país', en: 'Country code' },
    type: 'text',
    value: (a) => a.countryCode,
    width: 8,
  },
  {
    key: 'totalCost',
    header: { ca: 'Cost total', es: 'Coste total', en: 'Total cost' },
    type: 'money',
    value: (a) => a.totalCost,
  },
  {
    key: 'requestedAmount',
    header: { ca: 'Import sol·licitat', es: 'Importe solicitado', en: 'Amount requested' },
    type: 'money',
    value: (a) => a.requestedAmount,
  },
];
