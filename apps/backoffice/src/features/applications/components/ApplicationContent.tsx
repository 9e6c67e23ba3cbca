import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  APPLICATION_POLICY_MARKERS,
  policyMarkerName,
  sdgGoalName,
  SDG_TARGETS,
  sectorName,
} from '@cofinanca/contracts';
import { AGE_BANDS } from '@cofinanca/domain';
import type { Application } from '../../../api/types';
import { DataTable } from '../../../components/List';
import { currentLocale } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { useCountryName } from '../../../lib/use-locale';
import { useDirectoryEntities } from '../../entities/hooks/use-entity-directory';

const SEXES = ['women', 'men', 'other'] as const;
const MARKER_ORDER = APPLICATION_POLICY_MARKERS as readonly string[];

function targetName(code: string): string {
  return SDG_TARGETS.find((target) => target.code === code)?.name ?? '';
}

export interface ApplicationContentProps {
  application: Application;
  /**
   * Level of the section headings: 2 (default) renders each section as a card of its own (the officer's review);
   * 3 renders them inside a card the caller provides under its own level-2 heading (the NGO's view).
   */
  headingLevel?: 2 | 3;
  /** Where a partner entity links to (the officer's entity page); plain text when not given. */
  partnerHref?: (id: string) => string;
}

/**
 * Every field of an application, read-only, in the sections of the NGO's form: project, budget (lines and
 * co-funding), classification, beneficiaries, counterpart and partner entities. Shared by the officer's review and
 * the NGO's view of a submitted application.
 */
export function ApplicationContent({
  application: a,
  headingLevel = 2,
  partnerHref,
}: ApplicationContentProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const country = useCountryName();
  const locale = currentLocale();
  const baseId = useId();
  const level = headingLevel;
  const H = level === 2 ? 'h2' : 'h3';
  const Sub = level === 2 ? 'h3' : 'h4';
  const sectionClass = level === 2 ? 'card' : undefined;
  const money = (value: string | null | undefined) => (value ? fmt.money(value) : '—');
  const date = (value: string | null | undefined) => (value ? fmt.date(value) : '—');
  const totals = a.totals;

  return (
    <div className={level === 2 ? 'office-stack' : undefined}>
      <section className={sectionClass} aria-labelledby={`${baseId}-project`}>
        <H id={`${baseId}-project`}>{t('office.review.projectTitle')}</H>
        <dl className="meta-list">
          <dt>{t('grants.field.title')}</dt>
          <dd>{a.title || '—'}</dd>
          <dt>{t('grants.field.modality')}</dt>
          <dd>{a.modality ? t(`grants.modality.${a.modality}`) : '—'}</dd>
          <dt>{t('grants.field.countryCode')}</dt>
          <dd>{a.countryCode ? country(a.countryCode) : '—'}</dd>
          <dt>{t('grants.field.locations')}</dt>
          <dd>{a.locations.length > 0 ? a.locations.join('; ') : '—'}</dd>
          <dt>{t('grants.field.startDate')}</dt>
          <dd>{date(a.startDate)}</dd>
          <dt>{t('grants.field.endDate')}</dt>
          <dd>{date(a.endDate)}</dd>
        </dl>
        <Sub>{t('grants.field.summary')}</Sub>
        <p className="office-prewrap">{a.summary || '—'}</p>
      </section>

      <section className={sectionClass} aria-labelledby={`${baseId}-budget`}>
        <H id={`${baseId}-budget`}>{t('office.review.budgetTitle')}</H>
        <dl className="meta-list">
          <dt>{t('grants.field.totalCost')}</dt>
          <dd>{money(a.totalCost)}</dd>
          <dt>{t('grants.field.requestedAmount')}</dt>
          <dd>{money(a.requestedAmount)}</dd>
          <dt>{t('grants.field.ownContribution')}</dt>
          <dd>{money(a.ownContribution)}</dd>
          <dt>{t('grants.field.cofinancingPercent')}</dt>
          <dd>
            {totals.cofinancingPercent !== null
              ? t('grants.units.percent', { value: fmt.number(Number(totals.cofinancingPercent)) })
              : '—'}
          </dd>
          <dt>{t('office.review.budgetBalanced')}</dt>
          <dd>
            <span className={`badge ${totals.budgetBalanced ? 'badge-success' : 'badge-danger'}`}>
              {totals.budgetBalanced ? t('office.review.balanced') : t('office.review.notBalanced')}
            </span>
          </dd>
        </dl>
        <div className="table-wrap">
          <table className="table">
            <caption>{t('grants.field.budgetLines')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('grants.field.budgetLineCode')}</th>
                <th scope="col">{t('grants.field.budgetLineCategory')}</th>
                <th scope="col">{t('grants.field.budgetLineDescription')}</th>
                <th scope="col" className="office-num">
                  {t('grants.field.budgetLineAmount')}
                </th>
                <th scope="col" className="office-num">
                  {t('grants.field.budgetLineRequested')}
                </th>
              </tr>
            </thead>
            <tbody>
              {a.budgetLines.length === 0 && (
                <tr>
                  <td colSpan={5} className="muted">
                    {t('office.review.none')}
                  </td>
                </tr>
              )}
              {a.budgetLines.map((line, i) => (
                <tr key={`${line.code}-${i}`}>
                  <td>{line.code}</td>
                  <td>{line.category}</td>
                  <td>{line.description}</td>
                  <td className="office-num">{money(line.amount)}</td>
                  <td className="office-num">{money(line.requestedAmount)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('office.review.total')}
                </th>
                <td className="office-num">{money(totals.budgetLinesTotal)}</td>
                <td className="office-num">{money(totals.budgetLinesRequested)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        <div className="table-wrap">
          <table className="table">
            <caption>{t('grants.field.cofunding')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('grants.field.cofundingFunder')}</th>
                <th scope="col">{t('grants.field.cofundingStatus')}</th>
                <th scope="col" className="office-num">
                  {t('grants.field.cofundingAmount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {a.cofunding.length === 0 && (
                <tr>
                  <td colSpan={3} className="muted">
                    {t('office.review.none')}
                  </td>
                </tr>
              )}
              {a.cofunding.map((c, i) => (
                <tr key={`${c.funder}-${i}`}>
                  <td>{c.funder}</td>
                  <td>{t(`grants.cofundingStatus.${c.status}`)}</td>
                  <td className="office-num">{money(c.amount)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('office.review.total')}
                </th>
                <td className="office-num">{money(totals.cofundingTotal)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section className={sectionClass} aria-labelledby={`${baseId}-classification`}>
        <H id={`${baseId}-classification`}>{t('office.review.classificationTitle')}</H>
        <p className="field-hint">{t('office.review.englishNames')}</p>
        <div className="table-wrap">
          <table className="table">
            <caption>{t('grants.field.sectors')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('grants.field.sectorCode')}</th>
                <th scope="col" className="office-num">
                  {t('grants.field.sectorPercent')}
                </th>
              </tr>
            </thead>
            <tbody>
              {a.sectors.map((s) => (
                <tr key={s.code}>
                  <td>
                    <code>{s.code}</code> <span lang="en">{sectorName(s.code) ?? ''}</span>
                  </td>
                  <td className="office-num">
                    {t('grants.units.percent', { value: fmt.number(Number(s.percent)) })}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('office.review.total')}</th>
                <td className="office-num">
                  {t('grants.units.percent', { value: fmt.number(Number(totals.sectorsPercent)) })}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
        <Sub>{t('grants.field.sdgs')}</Sub>
        {a.sdgs.length === 0 ? (
          <p className="muted">{t('office.review.none')}</p>
        ) : (
          <ul className="office-plain-list">
            {a.sdgs.map((sdg) => (
              <li key={sdg.goal}>
                <strong>
                  {t('office.review.sdgGoal', { goal: sdg.goal })} {sdgGoalName(sdg.goal, locale) ?? ''}
                </strong>
                {sdg.targets.length > 0 && (
                  <ul>
                    {sdg.targets.map((target) => (
                      <li key={target}>
                        <code>{target}</code> <span lang="en">{targetName(target)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
        <Sub>{t('grants.field.policyMarkers')}</Sub>
        {a.policyMarkers.length === 0 ? (
          <p className="muted">{t('office.review.none')}</p>
        ) : (
          <dl className="meta-list">
            {[...a.policyMarkers]
              .sort((x, y) => MARKER_ORDER.indexOf(x.code) - MARKER_ORDER.indexOf(y.code))
              .map((m) => (
                <div key={m.code} className="office-dl-row">
                  <dt>{policyMarkerName(m.code, locale) ?? m.code}</dt>
                  <dd>{t(`grants.significance.${m.significance}`)}</dd>
                </div>
              ))}
          </dl>
        )}
      </section>

      <section className={sectionClass} aria-labelledby={`${baseId}-beneficiaries`}>
        <H id={`${baseId}-beneficiaries`}>{t('grants.field.beneficiaries')}</H>
        {a.beneficiaries ? (
          <DataTable caption={t('grants.field.beneficiaries')}>
            <thead>
              <tr>
                <td />
                {SEXES.map((sex) => (
                  <th key={sex} scope="col" className="office-num">
                    {t(`grants.sex.${sex}`)}
                  </th>
                ))}
              </tr>
            </thead>
            {(['direct', 'indirect'] as const).map((group) => {
              const g = a.beneficiaries?.[group];
              if (!g) return null;
              return (
                <tbody key={group}>
                  <tr>
                    <th scope="row">{t(`grants.beneficiaryGroup.${group}`)}</th>
                    {SEXES.map((sex) => (
                      <td key={sex} className="office-num">
                        {fmt.number(g[sex])}
                      </td>
                    ))}
                  </tr>
                  {AGE_BANDS.map((band) => {
                    const counts = g.byAge?.[band];
                    if (!counts) return null;
                    return (
                      <tr key={band} className="office-subrow">
                        <th scope="row">
                          <span className="visually-hidden">{t(`grants.beneficiaryGroup.${group}`)}, </span>
                          {t(`grants.ageBand.${band}`)}
                        </th>
                        {SEXES.map((sex) => (
                          <td key={sex} className="office-num">
                            {fmt.number(counts[sex])}
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              );
            })}
          </DataTable>
        ) : (
          <p className="muted">{t('office.review.none')}</p>
        )}
      </section>

      <section className={sectionClass} aria-labelledby={`${baseId}-counterpart`}>
        <H id={`${baseId}-counterpart`}>{t('grants.field.counterpart')}</H>
        {a.counterpart ? (
          <dl className="meta-list">
            <dt>{t('grants.field.counterpartName')}</dt>
            <dd>{a.counterpart.name}</dd>
            <dt>{t('grants.field.counterpartCountry')}</dt>
            <dd>{country(a.counterpart.countryCode)}</dd>
            <dt>{t('grants.field.counterpartDescription')}</dt>
            <dd className="office-prewrap">{a.counterpart.description}</dd>
          </dl>
        ) : (
          <p className="muted">{t('office.review.none')}</p>
        )}
        <Sub>{t('grants.field.partnerEntityIds')}</Sub>
        <PartnerList ids={a.partnerEntityIds} href={partnerHref} />
      </section>
    </div>
  );
}

/** The partner Lleida entities of a joint project, by "name (town)" from the entity directory. */
function PartnerList({ ids, href }: { ids: readonly string[]; href?: (id: string) => string }) {
  const { t } = useTranslation();
  const { byId, query } = useDirectoryEntities(ids);
  if (ids.length === 0) return <p className="muted">{t('office.review.none')}</p>;
  return (
    <ul className="office-plain-list">
      {ids.map((id, i) => {
        const entity = byId.get(id);
        // The directory returns only active entities: a numbered label for any other (or while loading).
        const label = entity
          ? `${entity.legalName} (${entity.town})`
          : query.isPending
            ? t('common.loading')
            : t('office.review.partnerN', { n: i + 1 });
        return <li key={id}>{href ? <Link to={href(id)}>{label}</Link> : label}</li>;
      })}
    </ul>
  );
}
