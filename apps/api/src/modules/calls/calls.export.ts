import { localisedText } from '@cofinanca/domain';
import { CALL_STATUS_LABELS, MODALITY_LABELS, type Columns } from '../../common/export';
import type { CallSummary } from './calls.dto';

/** The columns of the calls export (CSV and XLSX). */
export const CALL_COLUMNS: Columns<CallSummary> = [
  {
    key: 'code',
    header: { ca: 'Codi', es: 'Código', en: 'Code' },
    type: 'text',
    value: (c) => c.code,
    width: 16,
  },
  {
    key: 'year',
    header: { ca: 'Any', es: 'Año', en: 'Year' },
    type: 'number',
    value: (c) => c.year,
    width: 8,
  },
  {
    key: 'title',
    header: { ca: 'Títol', es: 'Título', en: 'Title' },
    type: 'text',
    value: (c, l) => localisedText(c.title, l),
    width: 40,
  },
  {
    key: 'status',
    header: { ca: 'Estat', es: 'Estado', en: 'Status' },
    type: 'status',
    value: (c) => c.status,
    labels: CALL_STATUS_LABELS,
  },
  {
    key: 'modalities',
    header: { ca: 'Modalitats', es: 'Modalidades', en: 'Modalities' },
    type: 'status',
    value: (c) => c.modalities,
    labels: MODALITY_LABELS,
    width: 40,
  },
  {
    key: 'budget',
    header: { ca: 'Pressupost', es: 'Presupuesto', en: 'Budget' },
    type: 'money',
    value: (c) => c.budget,
  },
  {
    key: 'maxAmountPerApplication',
    header: {
      ca: 'Import màxim per sol·licitud',
      es: 'Importe máximo por solicitud',
      en: 'Maximum per application',
    },
    type: 'money',
    value: (c) => c.maxAmountPerApplication,
  },
  {
    key: 'maxCofinancingPercent',
    header: {
      ca: 'Cofinançament màxim (%)',
      es: 'Cofinanciación máxima (%)',
      en: 'Maximum co-financing (%)',
    },
    type: 'percent',
    value: (c) => c.maxCofinancingPercent,
  },
  {
    key: 'opensAt',
    header: { ca: 'Obertura', es: 'Apertura', en: 'Opens' },
    type: 'instant',
    value: (c) => c.opensAt,
  },
  {
    key: 'closesAt',
    header: { ca: 'Tancament', es: 'Cierre', en: 'Closes' },
    type: 'instant',
    value: (c) => c.closesAt,
  },
  {
    key: 'publishedAt',
    header: { ca: 'Publicada', es: 'Publicada', en: 'Published' },
    type: 'instant',
    value: (c) => c.publishedAt,
  },
  {
    key: 'closedAt',
    header: { ca: 'Tancada', es: 'Cerrada', en: 'Closed' },
    type: 'instant',
    value: (c) => c.closedAt,
  },
  {
    key: 'createdAt',
    header: { ca: 'Creada', es: 'Creada', en: 'Created' },
    type: 'instant',
    value: (c) => c.createdAt,
  },
];
