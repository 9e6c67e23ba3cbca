import { zodResolver } from '@hookform/resolvers/zod';
import { INTEREST_RELATIONS } from '@cofinanca/domain';
import { useEffect, useId, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/problem';
import type { Interests } from '../../../api/types';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { FormAlert, StaleVersionAlert } from '../../../components/FormAlert';
import { ErrorState, Loading, StatusNotice } from '../../../components/States';
import { useFormat } from '../../../i18n/format';
import { applyFieldErrors } from '../../../lib/problem';
import { useNotice } from '../../../lib/use-notice';
import { useEntityDirectorySearch } from '../../entities/hooks/use-entity-directory';
import { useInterests, useUpdateInterests } from '../hooks/use-evaluation';
import {
  INTEREST_NOTE_MAX,
  interestsSchema,
  MAX_INTERESTS,
  newInterest,
  toInterestsForm,
  toInterestsRequest,
  type InterestsForm,
} from '../schemas/interests-form';

/** A register of interests, loaded and then edited (the evaluator's own, or any evaluator's for officers). */
export function InterestsEditor({ userId }: { userId: string }) {
  const register = useInterests(userId);
  if (register.isPending) return <Loading />;
  if (register.isError || !register.data) {
    return <ErrorState error={register.error} onRetry={() => void register.refetch()} />;
  }
  return <InterestsFormView register={register.data} onReload={() => register.refetch()} userId={userId} />;
}

function InterestsFormView({
  register,
  onReload,
  userId,
}: {
  register: Interests;
  onReload: () => Promise<unknown>;
  userId: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const save = useUpdateInterests(userId);
  const { notice, setNotice, ref: noticeRef } = useNotice();
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm<InterestsForm>({
    resolver: zodResolver(interestsSchema),
    defaultValues: toInterestsForm(register),
  });
  const lines = useFieldArray({ control: form.control, name: 'items', keyName: 'key' });
  const stale = isApiError(save.error) && save.error.code === 'STALE_VERSION';

  // A reloaded (or saved) register replaces what the form holds.
  useEffect(() => {
    form.reset(toInterestsForm(register));
  }, [register, form]);

  const submit = form.handleSubmit(async (values) => {
    setNotice('');
    setExtra([]);
    try {
      await save.mutateAsync(toInterestsRequest(values, register.version));
      setNotice(t('evaluation.interests.saved'));
    } catch (error) {
      setExtra(applyFieldErrors(error, form.setError, []));
    }
  });

  const chosen = lines.fields.map((f) => f.entityId);
  const errors = form.formState.errors.items;

  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="interests-heading">
      <h2 id="interests-heading" className="visually-hidden">
        {t('evaluation.interests.title')}
      </h2>
      <StatusNotice message={notice} ref={noticeRef} tabIndex={-1} />
      {stale ? (
        <StaleVersionAlert
          message={t('evaluation.interests.stale')}
          reloadLabel={t('evaluation.interests.reload')}
          onReload={() => {
            save.reset();
            void onReload();
          }}
        />
      ) : (
        <FormAlert error={save.error} extra={extra} />
      )}
      <p className="muted">
        {register.updatedAt
          ? t('evaluation.interests.updatedAt', { date: fmt.instant(register.updatedAt) })
          : t('evaluation.interests.neverSaved')}
      </p>
      <fieldset disabled={form.formState.isSubmitting}>
        <legend className="visually-hidden">{t('evaluation.interests.linesLegend')}</legend>
        {lines.fields.length === 0 ? (
          <p className="state state-empty">{t('evaluation.interests.empty')}</p>
        ) : (
          <ul className="interest-lines">
            {lines.fields.map((line, index) => (
              <li key={line.key} className="card interest-line">
                <h3 id={`interest-${line.entityId}`}>{line.entityName}</h3>
                <SelectField
                  label={t('evaluation.interests.relation')}
                  required
                  {...form.register(`items.${index}.relation`)}
                >
                  {INTEREST_RELATIONS.map((r) => (
                    <option key={r} value={r}>
                      {t(`evaluation.relation.${r}`)}
                    </option>
                  ))}
                </SelectField>
                <TextAreaField
                  label={t('evaluation.interests.note')}
                  hint={t('evaluation.interests.noteHint')}
                  rows={2}
                  maxLength={INTEREST_NOTE_MAX}
                  error={errors?.[index]?.note?.message}
                  {...form.register(`items.${index}.note`)}
                />
                <button
                  type="button"
                  className="button button-secondary"
                  aria-describedby={`interest-${line.entityId}`}
                  onClick={() => lines.remove(index)}
                >
                  {t('evaluation.interests.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {lines.fields.length < MAX_INTERESTS && (
          <DirectoryPicker
            exclude={chosen}
            onPick={(entity) => {
              lines.append(newInterest(entity));
              setNotice(t('evaluation.interests.added', { name: entity.legalName }));
            }}
          />
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-busy={save.isPending || undefined}>
            {save.isPending ? t('common.saving') : t('evaluation.interests.save')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

/** A search of the entity directory; each result is a button that adds the entity. */
function DirectoryPicker({
  exclude,
  onPick,
}: {
  exclude: readonly string[];
  onPick: (entity: { id: string; legalName: string }) => void;
}) {
  const { t } = useTranslation();
  const resultsId = useId();
  const [term, setTerm] = useState('');
  const search = useEntityDirectorySearch(term);
  const results = search.items.filter((e) => !exclude.includes(e.id));
  return (
    <div className="directory-picker">
      <TextField
        label={t('evaluation.interests.search')}
        hint={t('evaluation.interests.searchHint')}
        type="search"
        value={term}
        aria-controls={resultsId}
        onChange={(e) => setTerm(e.target.value)}
        onKeyDown={(e) => {
          // Enter searches (it must not save the form half-edited).
          if (e.key === 'Enter') e.preventDefault();
        }}
      />
      <div id={resultsId} aria-live="polite">
        {search.failed && <ErrorState error={search.query.error} />}
        {search.settled && results.length === 0 && (
          <p className="muted">{t('evaluation.interests.noResults')}</p>
        )}
        {results.length > 0 && (
          <ul className="directory-results" aria-label={t('evaluation.interests.results')}>
            {results.map((e) => (
              <li key={e.id}>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    onPick(e);
                    setTerm('');
                  }}
                >
                  {t('evaluation.interests.add', { name: `${e.legalName} (${e.town})` })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
