import { AUDIT_ACTION_LABELS, AUDIT_SUBJECT_TYPE_LABELS } from '@cofinanca/contracts';
import { ROLE_LABELS, type Columns } from '../../common/export';
import type { AuditEventResponse } from './audit.dto';

const SYSTEM = { ca: 'Sistema', es: 'Sistema', en: 'System' } as const;

/** The columns of the audit export (CSV and XLSX): actions and subjects in words, as the audit screen shows them. */
export const AUDIT_COLUMNS: Columns<AuditEventResponse> = [
  {
    key: 'at',
    header: { ca: 'Data i hora', es: 'Fecha y hora', en: 'Date and time' },
    type: 'instant',
    value: (e) => e.at,
  },
  {
    key: 'actor',
    header: { ca: 'Qui', es: 'Quién', en: 'Who' },
    type: 'text',
    value: (e, l) => e.actorEmail ?? SYSTEM[l],
    width: 30,
  },
  {
    key: 'actorRoles',
    header: { ca: 'Rols', es: 'Roles', en: 'Roles' },
    type: 'status',
    value: (e) => e.actorRoles,
    labels: ROLE_LABELS,
    width: 24,
  },
  {
    key: 'action',
    header: { ca: 'Acció', es: 'Acción', en: 'Action' },
    type: 'status',
    value: (e) => e.action,
    labels: AUDIT_ACTION_LABELS,
    width: 32,
  },
  {
    key: 'subjectType',
    header: { ca: "Tipus d'objecte", es: 'Tipo de objeto', en: 'Subject type' },
    type: 'status',
    value: (e) => e.subjectType,
    labels: AUDIT_SUBJECT_TYPE_LABELS,
    width: 14,
  },
  {
    key: 'subject',
    header: { ca: 'Objecte', es: 'Objeto', en: 'Subject' },
    type: 'text',
    value: (e) => e.subjectLabel,
    width: 32,
  },
  {
    key: 'subjectId',
    header: { ca: "Identificador de l'objecte", es: 'Identificador del objeto', en: 'Subject id' },
    type: 'text',
    value: (e) => e.subjectId,
    width: 38,
  },
  {
    key: 'before',
    header: { ca: 'Abans', es: 'Antes', en: 'Before' },
    type: 'text',
    value: (e) => (e.before ? JSON.stringify(e.before) : null),
    width: 40,
  },
  {
    key: 'after',
    header: { ca: 'Després', es: 'Después', en: 'After' },
    type: 'text',
    value: (e) => (e.after ? JSON.stringify(e.after) : null),
    width: 40,
  },
  {
    key: 'requestId',
    header: { ca: 'Identificador de la petició', es: 'Identificador de la petición', en: 'Request id' },
    type: 'text',
    value: (e) => e.requestId,
    width: 38,
  },
];
