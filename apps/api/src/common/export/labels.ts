/** Words of the codes that exports write in the reader's language (the same words as the back-office's screens). */
import type { Words } from './columns';

type Labels = Readonly<Record<string, Words>>;

export const APPLICATION_STATUS_LABELS: Labels = {
  draft: { ca: 'Esborrany', es: 'Borrador', en: 'Draft' },
  submitted: { ca: 'Presentada', es: 'Presentada', en: 'Submitted' },
  correction_requested: {
    ca: "Requeriment d'esmena",
    es: 'Requerimiento de subsanación',
    en: 'Correction requested',
  },
  admitted: { ca: 'Admesa', es: 'Admitida', en: 'Admitted' },
  inadmissible: { ca: 'Inadmesa', es: 'Inadmitida', en: 'Inadmissible' },
  withdrawn: { ca: 'Desistida', es: 'Desistida', en: 'Withdrawn' },
};

export const CALL_STATUS_LABELS: Labels = {
  draft: { ca: 'Esborrany', es: 'Borrador', en: 'Draft' },
  published: { ca: 'Publicada', es: 'Publicada', en: 'Published' },
  closed: { ca: 'Tancada', es: 'Cerrada', en: 'Closed' },
  evaluating: { ca: 'En avaluació', es: 'En evaluación', en: 'Under evaluation' },
  provisionally_resolved: {
    ca: 'Resolta provisionalment',
    es: 'Resuelta provisionalmente',
    en: 'Provisionally resolved',
  },
  resolved: { ca: 'Resolta', es: 'Resuelta', en: 'Resolved' },
  archived: { ca: 'Arxivada', es: 'Archivada', en: 'Archived' },
};

export const ENTITY_STATUS_LABELS: Labels = {
  pending_validation: { ca: 'Pendent de validació', es: 'Pendiente de validación', en: 'Pending validation' },
  active: { ca: 'Activa', es: 'Activa', en: 'Active' },
  suspended: { ca: 'Suspesa', es: 'Suspendida', en: 'Suspended' },
  rejected: { ca: 'Rebutjada', es: 'Rechazada', en: 'Rejected' },
};

export const IBAN_STATUS_LABELS: Labels = {
  validated: { ca: 'Validat', es: 'Validado', en: 'Validated' },
  pending: { ca: 'Pendent de validació', es: 'Pendiente de validación', en: 'Pending validation' },
};

export const MODALITY_LABELS: Labels = {
  development: {
    ca: 'Cooperació al desenvolupament',
    es: 'Cooperación al desarrollo',
    en: 'Development cooperation',
  },
  epts: {
    ca: 'Educació per a la transformació social (EpTS)',
    es: 'Educación para la transformación social (EpTS)',
    en: 'Education for social transformation (EpTS)',
  },
  humanitarian: { ca: 'Acció humanitària', es: 'Acción humanitaria', en: 'Humanitarian action' },
};

export const ROLE_LABELS: Labels = {
  admin: { ca: 'Administració', es: 'Administración', en: 'Administrator' },
  officer: { ca: 'Personal tècnic', es: 'Personal técnico', en: 'Programme officer' },
  evaluator: { ca: 'Avaluació', es: 'Evaluación', en: 'Evaluator' },
  finance: { ca: 'Finances', es: 'Finanzas', en: 'Finance' },
  viewer: { ca: 'Consulta', es: 'Consulta', en: 'Viewer' },
  entity: { ca: 'Entitat', es: 'Entidad', en: 'Entity' },
};

export const LANGUAGE_LABELS: Labels = {
  ca: { ca: 'Català', es: 'Catalán', en: 'Catalan' },
  es: { ca: 'Castellà', es: 'Castellano', en: 'Spanish' },
  en: { ca: 'Anglès', es: 'Inglés', en: 'English' },
};

export const ACTIVE_LABELS: Labels = {
  true: { ca: 'Actiu', es: 'Activo', en: 'Active' },
  false: { ca: 'Inactiu', es: 'Inactivo', en: 'Inactive' },
};
