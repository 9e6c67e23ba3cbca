import { useTranslation } from 'react-i18next';

type Kind = 'entity' | 'iban' | 'call' | 'application' | 'requirement' | 'assignment';

const TONE: Record<string, 'success' | 'warning' | 'danger' | 'muted'> = {
  // entities and IBANs
  pending_validation: 'warning',
  active: 'success',
  suspended: 'danger',
  rejected: 'danger',
  validated: 'success',
  pending: 'warning',
  // calls
  draft: 'muted',
  published: 'success',
  closed: 'muted',
  // applications
  submitted: 'warning',
  correction_requested: 'warning',
  admitted: 'success',
  inadmissible: 'danger',
  withdrawn: 'muted',
  // correction requests
  open: 'warning',
  answered: 'success',
  expired: 'muted',
};

/** Tones of a kind whose statuses share a name with another kind's but not its meaning. */
const KIND_TONE: Partial<Record<Kind, Record<string, 'success' | 'warning' | 'danger' | 'muted'>>> = {
  assignment: {
    pending_declaration: 'warning',
    in_progress: 'warning',
    submitted: 'success',
    conflict_declared: 'muted',
  },
};

const VOCABULARY: Record<Kind, string> = {
  entity: 'grants.entityStatus',
  iban: 'grants.ibanStatus',
  call: 'grants.callStatus',
  application: 'grants.applicationStatus',
  requirement: 'grants.requirementStatus',
  assignment: 'evaluation.assignmentStatus',
};

/** A status as a coloured badge with its name in the user's language (the colour is never the only cue). */
export function StatusBadge({ kind, status }: { kind: Kind; status: string }) {
  const { t } = useTranslation();
  const tone = KIND_TONE[kind]?.[status] ?? TONE[status] ?? 'muted';
  return (
    <span className={`badge badge-${tone}`}>
      {t(`${VOCABULARY[kind]}.${status}`, { defaultValue: status })}
    </span>
  );
}
