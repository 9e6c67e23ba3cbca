import { useTranslation } from 'react-i18next';
import type { CallForm } from '../../schemas/call-form';
import { fieldId, groupBySection } from '../../schemas/call-form';
import { SECTION_HEADING_ID } from './CallEditorSections';
import { useCallMessages } from '../../hooks/use-call-messages';
import type { FieldRule } from '../../../../lib/problem';

/** Focuses the input of an API path, or the closest thing that exists (its group, then its section). */
export function focusPath(path: string, section: keyof typeof SECTION_HEADING_ID) {
  const candidates: string[] = [];
  let p = path;
  while (p) {
    // A window (opensAt, closesAt) is edited by its date input first.
    candidates.push(fieldId(`${p}.date`), fieldId(p));
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut > 0 ? p.slice(0, cut) : '';
  }
  candidates.push(SECTION_HEADING_ID[section]);
  for (const id of candidates) {
    const el = document.getElementById(id);
    if (el) {
      el.focus();
      el.scrollIntoView?.({ block: 'center' });
      return;
    }
  }
}

/**
 * The live "ready to publish" checklist: what `callCompletenessErrors` (the API's own check) still finds, grouped by
 * section, each a link to its input.
 */
export function PublishChecklist({ errors, form }: { errors: Record<string, FieldRule[]>; form: CallForm }) {
  const { t } = useTranslation();
  const { check, pathLabel } = useCallMessages();
  const groups = groupBySection(errors);
  const count = Object.keys(errors).length;
  return (
    <section className="card office-checklist" aria-labelledby="call-checklist-title">
      <h2 id="call-checklist-title" tabIndex={-1}>
        {t('office.editor.checklistTitle')}
      </h2>
      <p role="status" aria-live="polite" className={count === 0 ? 'office-ready' : 'office-not-ready'}>
        {count === 0 ? t('office.editor.readyToPublish') : t('office.editor.notReady', { count })}
      </p>
      {[...groups].map(([section, entries]) => (
        <div key={section}>
          <h3>{t(`office.editor.sections.${section}`)}</h3>
          <ul className="office-checklist-items">
            {entries.map(([path, messages]) => (
              <li key={path}>
                <a
                  href={`#${fieldId(path)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusPath(path, section);
                  }}
                >
                  {pathLabel(path, form)}
                </a>
                : {[...new Set(messages.map(check))].join(' ')}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
