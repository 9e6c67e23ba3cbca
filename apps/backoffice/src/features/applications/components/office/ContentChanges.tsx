import { useTranslation } from 'react-i18next';
import type { Call, Requirement } from '../../../../api/types';
import { useFormat } from '../../../../i18n/format';
import { useFieldLabel } from '../portal/field-labels';
import { useDirectoryEntities } from '../../../entities/hooks/use-entity-directory';

type Change = NonNullable<Requirement['responseChanges']>[number];

const MONEY =
  /^(totalCost|requestedAmount|ownContribution|(budgetLines|cofunding)\[\d+\]\.(amount|requestedAmount))$/;
const DATES = /^(startDate|endDate)$/;
const PERCENT = /^sectors\[\d+\]\.percent$/;

/** What the entity changed against the submitted version, as a list "field: before → after" (labels in ca/es/en). */
export function ContentChanges({ changes, call }: { changes: Change[]; call: Call | undefined }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const label = useFieldLabel(call);
  // Partner entities by name (the directory has the active ones; others keep their id).
  const partnerIds = changes
    .filter((c) => c.path === 'partnerEntityIds')
    .flatMap((c) => [c.before, c.after])
    .flatMap((v) => (Array.isArray(v) ? v.map(String) : []));
  const { byId } = useDirectoryEntities(partnerIds);

  const show = (path: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('office.changes.empty');
    if (typeof value === 'string') {
      if (MONEY.test(path)) return fmt.money(value);
      if (DATES.test(path)) return fmt.date(value);
      if (PERCENT.test(path)) return `${fmt.number(Number(value))} %`;
      return value;
    }
    if (typeof value === 'number') return fmt.number(value);
    if (Array.isArray(value)) {
      if (value.length === 0) return t('office.changes.empty');
      if (path === 'partnerEntityIds')
        return value.map((id) => byId.get(String(id))?.legalName ?? String(id)).join(', ');
      return value.map((v) => show('', v)).join(', ');
    }
    if (typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (path === 'documents')
        return `${String(o['fileName'])} (SHA-256 ${String(o['sha256']).slice(0, 12)}…)`;
      const item = /^(\w+)\[\d+\]$/.exec(path);
      return Object.entries(o)
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([k, v]) => show(item ? `${item[1]}[0].${k}` : k, v))
        .join(' · ');
    }
    return String(value);
  };

  if (changes.length === 0) return <p className="muted">{t('office.changes.none')}</p>;
  return (
    <ul className="office-changes" aria-label={t('office.changes.title')}>
      {changes.map((c, i) => (
        <li key={`${c.path}-${i}`}>
          <strong>{label(c.path)}</strong>
          {c.path === 'documents' && (
            <span className="muted">
              {' '}
              ({t(c.before === null ? 'office.changes.added' : 'office.changes.removed')})
            </span>
          )}
          : <del className="office-change-before">{show(c.path, c.before)}</del>
          <span aria-hidden="true"> → </span>
          <span className="visually-hidden"> {t('office.changes.to')} </span>
          <ins className="office-change-after">{show(c.path, c.after)}</ins>
        </li>
      ))}
    </ul>
  );
}
