import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type DirectoryEntity,
  DIRECTORY_MIN_CHARS,
  useDirectoryEntities,
  useEntityDirectorySearch,
} from '../../../entities/hooks/use-entity-directory';
import { addPartner, MAX_PARTNER_ENTITIES, removePartner } from '../../schemas/application-form';
import { useCountries } from '../../../../lib/use-locale';
import { FormField, FormSection, useFocusAfterRender, type SectionProps } from './form-kit';

/** "Name (town)" of a partner, or a numbered placeholder while (or when) its name cannot be read. */
function usePartnerLabel() {
  const { t } = useTranslation();
  return (entity: DirectoryEntity | undefined, n: number) =>
    entity ? `${entity.legalName} (${entity.town})` : t('portal.counterpart.partnerN', { n });
}

/**
 * The partner Lleida entities of a joint project: the chosen ones (with their names looked up by id) and a debounced
 * search of the entity directory to add more. Keyboard: Tab through everything; ArrowDown from the search goes to
 * the results, ArrowUp/ArrowDown move between them and Escape goes back to the search.
 */
function PartnersPicker({ values, set, error }: SectionProps) {
  const { t } = useTranslation();
  const label = usePartnerLabel();
  const baseId = useId();
  const searchId = `${baseId}-search`;
  const resultsId = `${baseId}-results`;
  const focusLater = useFocusAfterRender();
  const resultsRef = useRef<HTMLUListElement>(null);
  const [term, setTerm] = useState('');
  const [announcement, setAnnouncement] = useState('');
  /** Entities added from the results, known before the lookup by id answers. */
  const [known, setKnown] = useState<ReadonlyMap<string, DirectoryEntity>>(new Map());
  const chosen = values.partnerEntityIds ?? [];
  const lookup = useDirectoryEntities(chosen);
  const search = useEntityDirectorySearch(term);
  const full = chosen.length >= MAX_PARTNER_ENTITIES;

  const entityOf = (id: string) => lookup.byId.get(id) ?? known.get(id);
  const removeButtonId = (id: string) => `${baseId}-remove-${id}`;
  const groupError = error('partnerEntityIds');

  const add = (entity: DirectoryEntity) => {
    setKnown((m) => new Map(m).set(entity.id, entity));
    set({ partnerEntityIds: addPartner(chosen, entity.id) });
    setTerm('');
    setAnnouncement(t('portal.counterpart.partnerAdded', { name: entity.legalName }));
    focusLater(searchId);
  };

  const remove = (id: string, index: number) => {
    const rest = removePartner(chosen, id);
    set({ partnerEntityIds: rest });
    setAnnouncement(t('portal.counterpart.partnerRemoved', { name: label(entityOf(id), index + 1) }));
    // The focus goes to the next partner's button (or the previous one, or the search when none is left).
    const next = rest[Math.min(index, rest.length - 1)];
    focusLater(next ? removeButtonId(next) : searchId);
  };

  const resultButtons = () =>
    Array.from(resultsRef.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? []);

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      const first = resultButtons()[0];
      if (first) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  const onResultsKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const buttons = resultButtons();
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const to = e.key === 'ArrowDown' ? Math.min(at + 1, buttons.length - 1) : at - 1;
      if (to < 0) document.getElementById(searchId)?.focus();
      else buttons[to]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      document.getElementById(searchId)?.focus();
    }
  };

  const count = search.items.length;
  const status = !search.active
    ? ''
    : search.failed
      ? t('portal.counterpart.partnerSearchError')
      : !search.settled
        ? ''
        : count === 0
          ? t('portal.counterpart.partnerResultsNone')
          : t('portal.counterpart.partnerResults', { count });

  return (
    <div className="portal-partners">
      <h3 id={`${baseId}-title`}>{t('grants.field.partnerEntityIds')}</h3>
      <p className="field-hint">{t('portal.counterpart.partnersHint', { max: MAX_PARTNER_ENTITIES })}</p>
      {groupError && <p className="field-error">{groupError}</p>}

      {chosen.length === 0 ? (
        <p className="muted">{t('portal.counterpart.partnersNone')}</p>
      ) : (
        <ul className="portal-list" aria-labelledby={`${baseId}-title`}>
          {chosen.map((id, i) => {
            const entity = entityOf(id);
            const missing = !entity && lookup.query.isSuccess && !lookup.query.isPlaceholderData;
            const name = entity || missing ? label(entity, i + 1) : t('common.loading');
            const itemError = error(`partnerEntityIds[${i}]`);
            const errorId = `${baseId}-error-${i}`;
            return (
              <li key={id} className="portal-list-row">
                <span>{name}</span>
                {missing && (
                  <span className="muted"> — {t('portal.counterpart.partnerUnavailable')}</span>
                )}{' '}
                <button
                  type="button"
                  id={removeButtonId(id)}
                  className="button button-small button-danger-outline"
                  aria-label={t('portal.counterpart.removePartner', { name: label(entity, i + 1) })}
                  aria-describedby={itemError ? errorId : undefined}
                  onClick={() => remove(id, i)}
                >
                  {t('portal.form.remove')}
                </button>
                {itemError && (
                  <p className="field-error" id={errorId}>
                    {itemError}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}

      <div className="field">
        <label htmlFor={searchId}>{t('portal.counterpart.partnerSearch')}</label>
        <p className="field-hint" id={`${searchId}-hint`}>
          {full
            ? t('portal.counterpart.partnersFull', { max: MAX_PARTNER_ENTITIES })
            : t('portal.counterpart.partnerSearchHint', { min: DIRECTORY_MIN_CHARS })}
        </p>
        <input
          id={searchId}
          type="search"
          autoComplete="off"
          maxLength={200}
          aria-describedby={`${searchId}-hint ${searchId}-status`}
          aria-controls={count > 0 ? resultsId : undefined}
          value={term}
          onChange={(e) => setTerm(e.target.value)}
          onKeyDown={onSearchKey}
        />
      </div>
      <p
        id={`${searchId}-status`}
        className={search.failed ? 'field-error' : 'muted'}
        role="status"
        aria-live="polite"
      >
        {status}
      </p>
      {search.active && !search.settled && !search.failed && (
        <p className="muted" aria-hidden="true">
          {t('portal.counterpart.partnerSearching')}
        </p>
      )}
      {count > 0 && (
        <ul
          ref={resultsRef}
          id={resultsId}
          className="portal-results"
          aria-label={t('portal.counterpart.partnerResultsLabel')}
          onKeyDown={onResultsKey}
        >
          {search.items.map((entity) => {
            const already = chosen.includes(entity.id);
            return (
              <li key={entity.id}>
                <button
                  type="button"
                  className="link-button"
                  disabled={already || full}
                  aria-label={
                    already
                      ? undefined
                      : t('portal.counterpart.addPartner', { name: entity.legalName, town: entity.town })
                  }
                  onClick={() => add(entity)}
                >
                  {entity.legalName} ({entity.town})
                  {already && <span className="muted"> ({t('portal.counterpart.alreadyPartner')})</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

/** 5. Local counterpart and the partner Lleida entities of a joint project. */
export function CounterpartSection({ values, set, error, call }: SectionProps) {
  const { t } = useTranslation();
  const countries = useCountries();
  const c = values.counterpart;
  const change = (patch: Partial<typeof c>) => set({ counterpart: { ...c, ...patch } });
  return (
    <FormSection
      id="counterpart"
      title={t('portal.form.sections.counterpart')}
      intro={t('portal.counterpart.intro')}
    >
      <div className="form-row">
        <FormField
          path="counterpart.name"
          label={t('grants.field.counterpartName')}
          required
          error={error('counterpart.name')}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="text"
              maxLength={300}
              value={c.name}
              onChange={(e) => change({ name: e.target.value })}
            />
          )}
        </FormField>
        <FormField
          path="counterpart.countryCode"
          label={t('grants.field.counterpartCountry')}
          required
          error={error('counterpart.countryCode')}
        >
          {(a11y) => (
            <select {...a11y} value={c.countryCode} onChange={(e) => change({ countryCode: e.target.value })}>
              <option value="">{t('portal.form.choose')}</option>
              {countries.map((country) => (
                <option key={country.code} value={country.code}>
                  {country.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormField
        path="counterpart.description"
        label={t('grants.field.counterpartDescription')}
        required
        hint={t('portal.counterpart.descriptionHint')}
        error={error('counterpart.description')}
      >
        {(a11y) => (
          <textarea
            {...a11y}
            rows={5}
            maxLength={5000}
            value={c.description}
            onChange={(e) => change({ description: e.target.value })}
          />
        )}
      </FormField>
      <PartnersPicker values={values} set={set} error={error} call={call} />
    </FormSection>
  );
}
