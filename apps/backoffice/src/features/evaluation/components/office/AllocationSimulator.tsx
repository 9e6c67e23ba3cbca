import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Call, Ranking, SimulateRequest, Simulation } from '../../../../api/types';
import { SelectField, TextField } from '../../../../components/Field';
import { FormAlert } from '../../../../components/FormAlert';
import { DataTable } from '../../../../components/List';
import { QueryStates } from '../../../../components/States';
import { useFormat } from '../../../../i18n/format';
import { pointsInput } from '../../../../lib/inputs';
import { parseMoneyInput, parsePercentInput } from '../../../../lib/money-input';
import { useRanking, useSimulation } from '../../hooks/use-evaluation';
import { AwardCells } from './RankingTable';

interface Draft {
  budget: string;
  allocationMethod: '' | 'rank_order' | 'score_bands';
  minPartialAwardPercent: string;
  minimumTotalScore: string;
}

/** The request of the simulator: only what was typed (the rest stays the call's); null when something is not valid. */
export function toSimulateRequest(d: Draft): { body: SimulateRequest; invalid: (keyof Draft)[] } {
  const body: SimulateRequest = {};
  const invalid: (keyof Draft)[] = [];
  if (d.budget.trim()) {
    const v = parseMoneyInput(d.budget);
    if (v === null) invalid.push('budget');
    else body.budget = v;
  }
  if (d.allocationMethod) body.allocationMethod = d.allocationMethod;
  if (d.minPartialAwardPercent.trim()) {
    const v = parsePercentInput(d.minPartialAwardPercent);
    if (v === null) invalid.push('minPartialAwardPercent');
    else body.minPartialAwardPercent = v;
  }
  if (d.minimumTotalScore.trim()) {
    const v = pointsInput(d.minimumTotalScore);
    if (Number.isNaN(v)) invalid.push('minimumTotalScore');
    else body.minimumTotalScore = v;
  }
  return { body, invalid };
}

/**
 * The allocation simulator: budget, method, minimum partial award and threshold → the ranking under those
 * parameters beside the current one, the applications whose outcome or award changes highlighted. It stores nothing.
 */
export function AllocationSimulator({ call }: { call: Call }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const current = useRanking(call.id);
  const simulation = useSimulation(call.id);
  const [draft, setDraft] = useState<Draft>({
    budget: '',
    allocationMethod: '',
    minPartialAwardPercent: '',
    minimumTotalScore: '',
  });
  const [invalid, setInvalid] = useState<(keyof Draft)[]>([]);
  const bind = (key: keyof Draft) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }),
    error: invalid.includes(key) ? t('evaluation.simulator.invalid') : undefined,
  });
  const changed = new Set((simulation.data?.changes ?? []).map((c) => c.applicationId));

  return (
    <>
      <form
        className="filters"
        noValidate
        aria-labelledby="simulator-form"
        onSubmit={(e) => {
          e.preventDefault();
          const { body, invalid: bad } = toSimulateRequest(draft);
          setInvalid(bad);
          if (bad.length === 0) simulation.mutate(body);
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
        <SelectField label={t('grants.callField.allocationMethod')} {...bind('allocationMethod')}>
          <option value="">{t('evaluation.simulator.callMethod')}</option>
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
        <div className="filters-actions">
          <button type="submit" className="button button-primary" disabled={simulation.isPending}>
            {simulation.isPending ? t('office.common.working') : t('evaluation.simulator.run')}
          </button>
        </div>
      </form>
      <FormAlert error={simulation.error} />
      {simulation.data && (
        <section className="card" aria-labelledby="simulator-changes" aria-live="polite">
          <h2 id="simulator-changes">
            {t('evaluation.simulator.changes', { count: simulation.data.changes.length })}
          </h2>
          <ChangesTable simulation={simulation.data} />
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
              <Outcomes ranking={r} changed={changed} caption={t('evaluation.simulator.currentRanking')} />
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
            />
          ) : (
            <p className="muted">{t('evaluation.simulator.notYet')}</p>
          )}
        </section>
      </div>
    </>
  );
}

function Outcomes({
  ranking,
  changed,
  caption,
}: {
  ranking: Ranking | Simulation;
  changed: ReadonlySet<string>;
  caption: string;
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
            {ranking.items.map((item) => (
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
  if (simulation.changes.length === 0) return <p>{t('evaluation.simulator.noChanges')}</p>;
  return (
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
        {simulation.changes.map((c) => (
          <tr key={c.applicationId}>
            <th scope="row">{c.registryNumber ?? c.applicationId}</th>
            <td>{c.entityName}</td>
            <td>{row(c.before)}</td>
            <td>{row(c.after)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
