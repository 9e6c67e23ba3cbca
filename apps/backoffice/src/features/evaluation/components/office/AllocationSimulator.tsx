import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Call, Ranking, Simulation } from '../../../../api/types';
import { isApiError } from '../../../../api/problem';
import { SelectField, TextField } from '../../../../components/Field';
import { FormAlert } from '../../../../components/FormAlert';
import { DataTable } from '../../../../components/List';
import { Pagination } from '../../../../components/Pagination';
import { QueryStates } from '../../../../components/States';
import { useFormat } from '../../../../i18n/format';
import { fieldMessages } from '../../../../lib/problem';
import { useLocale } from '../../../../lib/use-locale';
import { useRanking, useSimulation } from '../../hooks/use-evaluation';
import {
  bandsForInput,
  blankBand,
  simulatedMethod,
  toSimulateRequest,
  type BandDraft,
  type SimpleField,
  type SimulatorDraft,
} from '../../schemas/simulator-form';
import { pageOf } from '../../schemas/ranking-view';
import { AwardCells, RANKING_PAGE_SIZES } from './RankingTable';

const FIELD_ID: Record<SimpleField | 'allocationMethod', string> = {
  budget: 'simulator-budget',
  allocationMethod: 'simulator-method',
  minPartialAwardPercent: 'simulator-min-partial',
  minimumTotalScore: 'simulator-threshold',
};
const BANDS_ID = 'simulator-bands';
const ADD_BAND_ID = 'simulator-add-band';
const bandInputId = (band: BandDraft, field: 'minScore' | 'percent') => `simulator-band-${band.key}-${field}`;

/**
 * The allocation simulator: budget, method, score bands (with `score_bands`), minimum partial award and threshold
 * → the ranking under those parameters beside the current one, the applications whose outcome or award changes
 * highlighted. It stores nothing. The form checks the bands by the domain's rules before sending; the API checks
 * everything again, and its field errors (400) show on the fields they name.
 */
export function AllocationSimulator({ call }: { call: Call }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const locale = useLocale();
  const current = useRanking(call.id);
  const simulation = useSimulation(call.id);
  const [draft, setDraft] = useState<SimulatorDraft>(() => {
    const bands = bandsForInput(call.scoreBands, locale === 'en' ? '.' : ',');
    return {
      budget: '',
      allocationMethod: '',
      minPartialAwardPercent: '',
      minimumTotalScore: '',
      scoreBands: bands.length > 0 ? bands : [blankBand()],
    };
  });
  const [invalid, setInvalid] = useState<SimpleField[]>([]);
  const [bandIssues, setBandIssues] = useState<Record<string, { code: string }[]>>({});
  const [focusId, setFocusId] = useState<string | null>(null);
  // The side-by-side rankings and the changes are paged like the ranking (a call can rank thousands); both columns
  // show the same page, position against position. Each run starts them again at page 1.
  const [columns, setColumns] = useState({ page: 1, pageSize: 50 });
  const [run, setRun] = useState(0);
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const serverErrors = isApiError(simulation.error) ? simulation.error.fieldErrors : {};
  const bandPaths = draft.scoreBands.flatMap((_, i) => [
    `scoreBands[${i}].minScore`,
    `scoreBands[${i}].percent`,
  ]);
  const shown = new Set<string>([...Object.keys(FIELD_ID), 'scoreBands', ...bandPaths]);
  const unplaced = Object.entries(serverErrors)
    .filter(([path]) => !shown.has(path))
    .map(([path, rules]) => `${path}: ${fieldMessages(rules)}`);
  /** The message of a field: the form's own check first, else the API's answer. */
  const errorFor = (path: string): string | undefined => {
    if ((invalid as string[]).includes(path)) return t('evaluation.simulator.invalid');
    const rules = bandIssues[path] ?? serverErrors[path];
    return rules?.length ? fieldMessages(rules) : undefined;
  };
  const bind = (key: SimpleField) => ({
    id: FIELD_ID[key],
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }),
    error: errorFor(key),
  });
  const setBand = (index: number, patch: Partial<BandDraft>) =>
    setDraft({
      ...draft,
      scoreBands: draft.scoreBands.map((band, i) => (i === index ? { ...band, ...patch } : band)),
    });
  const withBands = simulatedMethod(draft, call.allocationMethod) === 'score_bands';
  const bandsError = errorFor('scoreBands');
  const changed = new Set((simulation.data?.changes ?? []).map((c) => c.applicationId));

  return (
    <>
      <form
        className="filters"
        noValidate
        aria-labelledby="simulator-form"
        onSubmit={(e) => {
          e.preventDefault();
          const form = toSimulateRequest(draft, call.allocationMethod);
          setInvalid(form.invalid);
          setBandIssues(form.bandIssues);
          const firstBand = Object.keys(form.bandIssues)[0];
          if (form.invalid.length > 0) {
            setFocusId(FIELD_ID[form.invalid[0]]);
          } else if (firstBand) {
            const match = /^scoreBands\[(\d+)\]\.(minScore|percent)$/.exec(firstBand);
            setFocusId(
              match ? bandInputId(draft.scoreBands[Number(match[1])], match[2] as 'minScore') : BANDS_ID,
            );
          } else {
            setDraft({ ...draft, scoreBands: form.bands });
            setColumns({ ...columns, page: 1 });
            setRun(run + 1);
            simulation.mutate(form.body);
          }
        }}
      >
        <h2 id="simulator-form" className="visually-hidden">
          {t('evaluation.simulator.parameters')}
        </h2>
        <TextField
          label={t('evaluation.simulator.budget')}
          hint={t('evaluation.simulator.current', { value: call.budget ? fmt.money(call.budget) : '—' })}
          inputMode="decimal"
          {...bind('budget')}
        />
        <SelectField
          id={FIELD_ID.allocationMethod}
          label={t('grants.callField.allocationMethod')}
          value={draft.allocationMethod}
          onChange={(e) =>
            setDraft({ ...draft, allocationMethod: e.target.value as SimulatorDraft['allocationMethod'] })
          }
          error={errorFor('allocationMethod')}
        >
          <option value="">
            {t('evaluation.simulator.callMethod', {
              method: t(`grants.allocationMethod.${call.allocationMethod}`),
            })}
          </option>
          <option value="rank_order">{t('grants.allocationMethod.rank_order')}</option>
          <option value="score_bands">{t('grants.allocationMethod.score_bands')}</option>
        </SelectField>
        <TextField
          label={t('evaluation.simulator.minPartial')}
          hint={t('evaluation.simulator.current', {
            value: `${fmt.number(Number(call.minPartialAwardPercent))} %`,
          })}
          inputMode="decimal"
          {...bind('minPartialAwardPercent')}
        />
        <TextField
          label={t('evaluation.simulator.threshold')}
          hint={t('evaluation.simulator.current', { value: fmt.number(call.minimumTotalScore) })}
          inputMode="decimal"
          {...bind('minimumTotalScore')}
        />
        {withBands && (
          <fieldset
            className="office-list-editor simulator-bands"
            id={BANDS_ID}
            tabIndex={-1}
            aria-describedby={`${BANDS_ID}-hint${bandsError ? ` ${BANDS_ID}-error` : ''}`}
          >
            <legend>{t('evaluation.simulator.bands')}</legend>
            <p className="field-hint" id={`${BANDS_ID}-hint`}>
              {t('evaluation.simulator.bandsHint')}
            </p>
            {bandsError && (
              <p className="field-error" id={`${BANDS_ID}-error`}>
                {bandsError}
              </p>
            )}
            <ol className="office-rows">
              {draft.scoreBands.map((band, i) => (
                <li key={band.key} className="office-row">
                  <TextField
                    id={bandInputId(band, 'minScore')}
                    label={t('evaluation.simulator.bandMinScore', { n: i + 1 })}
                    inputMode="decimal"
                    size={8}
                    value={band.minScore}
                    onChange={(e) => setBand(i, { minScore: e.target.value })}
                    error={errorFor(`scoreBands[${i}].minScore`)}
                  />
                  <TextField
                    id={bandInputId(band, 'percent')}
                    label={t('evaluation.simulator.bandPercent', { n: i + 1 })}
                    inputMode="decimal"
                    size={8}
                    value={band.percent}
                    onChange={(e) => setBand(i, { percent: e.target.value })}
                    error={errorFor(`scoreBands[${i}].percent`)}
                  />
                  <button
                    type="button"
                    className="button button-small button-danger-outline office-row-button"
                    onClick={() => {
                      setDraft({ ...draft, scoreBands: draft.scoreBands.filter((_, j) => j !== i) });
                      // The row's errors, the form's and the API's, would now name another row.
                      setBandIssues({});
                      if (simulation.isError) simulation.reset();
                      setFocusId(ADD_BAND_ID);
                    }}
                  >
                    {t('evaluation.simulator.removeBand', { n: i + 1 })}
                  </button>
                </li>
              ))}
            </ol>
            <button
              type="button"
              id={ADD_BAND_ID}
              className="button button-secondary"
              onClick={() => {
                const added = blankBand();
                setDraft({ ...draft, scoreBands: [...draft.scoreBands, added] });
                setFocusId(bandInputId(added, 'minScore'));
              }}
            >
              {t('evaluation.simulator.addBand')}
            </button>
          </fieldset>
        )}
        <div className="filters-actions">
          <button type="submit" className="button button-primary" disabled={simulation.isPending}>
            {simulation.isPending ? t('office.common.working') : t('evaluation.simulator.run')}
          </button>
        </div>
      </form>
      <FormAlert error={simulation.error} extra={unplaced} />
      {simulation.data && (
        <section className="card" aria-labelledby="simulator-changes" aria-live="polite">
          <h2 id="simulator-changes">
            {t('evaluation.simulator.changes', { count: simulation.data.changes.length })}
          </h2>
          <ChangesTable key={run} simulation={simulation.data} />
        </section>
      )}
      <div className="simulator-columns">
        <section aria-labelledby="simulator-current">
          <h2 id="simulator-current">{t('evaluation.simulator.currentRanking')}</h2>
          <QueryStates
            query={current}
            isEmpty={(r) => r.items.length === 0}
            empty={t('evaluation.ranking.empty')}
          >
            {(r) => (
              <Outcomes
                ranking={r}
                changed={changed}
                caption={t('evaluation.simulator.currentRanking')}
                {...columns}
              />
            )}
          </QueryStates>
        </section>
        <section aria-labelledby="simulator-result">
          <h2 id="simulator-result">{t('evaluation.simulator.simulated')}</h2>
          {simulation.data ? (
            <Outcomes
              ranking={simulation.data}
              changed={changed}
              caption={t('evaluation.simulator.simulated')}
              {...columns}
            />
          ) : (
            <p className="muted">{t('evaluation.simulator.notYet')}</p>
          )}
        </section>
      </div>
      {current.data && current.data.items.length > 0 && (
        <Pagination
          page={pageOf(current.data.items, columns.page, columns.pageSize).page}
          pageSize={columns.pageSize}
          total={Math.max(current.data.items.length, simulation.data?.items.length ?? 0)}
          onPageChange={(page) => setColumns({ ...columns, page })}
          onPageSizeChange={(pageSize) => setColumns({ page: 1, pageSize })}
          sizes={RANKING_PAGE_SIZES}
          long
        />
      )}
    </>
  );
}

function Outcomes({
  ranking,
  changed,
  caption,
  page,
  pageSize,
}: {
  ranking: Ranking | Simulation;
  changed: ReadonlySet<string>;
  caption: string;
  page: number;
  pageSize: number;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <>
      <p>
        {t('evaluation.simulator.budgetLine', {
          budget: fmt.money(ranking.budget),
          allocated: fmt.money(ranking.allocated),
          remaining: fmt.money(ranking.remaining),
        })}
      </p>
      {/* A half-width column scrolls sideways: the region takes the focus, so the keyboard scrolls it too. */}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
        <table className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evaluation.ranking.rank')}</th>
              <th scope="col">{t('grants.field.registryNumber')}</th>
              <th scope="col">{t('evaluation.ranking.total')}</th>
              <th scope="col">{t('evaluation.ranking.award')}</th>
              <th scope="col">{t('evaluation.ranking.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {pageOf(ranking.items, page, pageSize).items.map((item) => (
              <tr
                key={item.applicationId}
                className={changed.has(item.applicationId) ? 'row-changed' : undefined}
              >
                <td>{item.rank}</td>
                <th scope="row">
                  {item.registryNumber ?? item.applicationId}
                  {changed.has(item.applicationId) && (
                    <span className="badge badge-warning">{t('evaluation.simulator.changed')}</span>
                  )}
                </th>
                <td className="office-num">{fmt.number(item.total)}</td>
                <AwardCells item={item} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ChangesTable({ simulation }: { simulation: Simulation }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const row = (r: Simulation['changes'][number]['before']) =>
    r ? `${t(`evaluation.ranking.outcomes.${r.outcome}`)}${r.award ? ` · ${fmt.money(r.award)}` : ''}` : '—';
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  if (simulation.changes.length === 0) return <p>{t('evaluation.simulator.noChanges')}</p>;
  const view = pageOf(simulation.changes, paging.page, paging.pageSize);
  return (
    <>
      <DataTable caption={t('evaluation.simulator.changesCaption')}>
        <thead>
          <tr>
            <th scope="col">{t('grants.field.registryNumber')}</th>
            <th scope="col">{t('grants.field.entity')}</th>
            <th scope="col">{t('evaluation.simulator.before')}</th>
            <th scope="col">{t('evaluation.simulator.after')}</th>
          </tr>
        </thead>
        <tbody>
          {view.items.map((c) => (
            <tr key={c.applicationId}>
              <th scope="row">{c.registryNumber ?? c.applicationId}</th>
              <td>{c.entityName}</td>
              <td>{row(c.before)}</td>
              <td>{row(c.after)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Pagination
        page={view.page}
        pageSize={paging.pageSize}
        total={view.total}
        onPageChange={(page) => setPaging({ ...paging, page })}
        onPageSizeChange={(pageSize) => setPaging({ page: 1, pageSize })}
        sizes={RANKING_PAGE_SIZES}
        long
      />
    </>
  );
}
