import { useTranslation } from 'react-i18next';
import { blockTotal, LANGUAGES } from '@cofinanca/domain';
import type { Call } from '../../../../api/types';
import { useFormat } from '../../../../i18n/format';
import { localised } from '../../../../lib/localised';
import { DataTable } from '../../../../components/List';
import { Link } from 'react-router';
import { pathTo, ROUTES } from '../../../../routes';
import { useCan } from '../../../auth/hooks/use-permissions';

/** A call read-only: every parameter, the texts in the three languages, the rubric and the required documents. */
export function CallView({ call }: { call: Call }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const managesEvaluation = useCan('evaluations.manage');
  const percent = (value: string) => t('grants.units.percent', { value: fmt.number(Number(value)) });
  const points = (value: number) => t('grants.units.points', { count: value, formatted: fmt.number(value) });
  const orDash = (value: string | null | undefined, show: (v: string) => string) =>
    value ? show(value) : '—';

  return (
    <div className="office-stack">
      <section className="card" aria-labelledby="call-view-general">
        <h2 id="call-view-general">{t('office.editor.sections.general')}</h2>
        <dl className="meta-list">
          <dt>{t('grants.callField.code')}</dt>
          <dd>{call.code}</dd>
          <dt>{t('grants.callField.year')}</dt>
          <dd>{call.year}</dd>
          <dt>{t('grants.callField.modalities')}</dt>
          <dd>{call.modalities.map((m) => t(`grants.modality.${m}`)).join(', ') || '—'}</dd>
          <dt>{t('grants.callField.requiresGenderMarker')}</dt>
          <dd>{call.requiresGenderMarker ? t('office.common.yes') : t('office.common.no')}</dd>
          {call.publishedAt && (
            <>
              <dt>{t('office.calls.publishedAt')}</dt>
              <dd>{fmt.instant(call.publishedAt)}</dd>
            </>
          )}
          {call.closedAt && (
            <>
              <dt>{t('office.calls.closedAt')}</dt>
              <dd>{fmt.instant(call.closedAt)}</dd>
            </>
          )}
        </dl>
        <h3>{t('grants.callField.title')}</h3>
        <dl className="meta-list">
          {LANGUAGES.map((language) => (
            <div key={language} className="office-dl-row">
              <dt>{t(`language.${language}`)}</dt>
              <dd lang={language}>{call.title[language] || '—'}</dd>
            </div>
          ))}
        </dl>
        <h3>{t('grants.callField.description')}</h3>
        <dl className="meta-list">
          {LANGUAGES.map((language) => (
            <div key={language} className="office-dl-row">
              <dt>{t(`language.${language}`)}</dt>
              <dd lang={language} className="office-prewrap">
                {call.description[language] || '—'}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <div className="office-grid">
        <section className="card" aria-labelledby="call-view-money">
          <h2 id="call-view-money">{t('office.editor.sections.money')}</h2>
          <dl className="meta-list">
            <dt>{t('grants.callField.budget')}</dt>
            <dd>{orDash(call.budget, fmt.money)}</dd>
            <dt>{t('grants.callField.maxAmountPerApplication')}</dt>
            <dd>{orDash(call.maxAmountPerApplication, fmt.money)}</dd>
            <dt>{t('grants.callField.maxCofinancingPercent')}</dt>
            <dd>{percent(call.maxCofinancingPercent)}</dd>
            <dt>{t('grants.callField.advancePercent')}</dt>
            <dd>{percent(call.advancePercent)}</dd>
            <dt>{t('grants.callField.budgetDeviationPercent')}</dt>
            <dd>{percent(call.budgetDeviationPercent)}</dd>
            <dt>{t('grants.callField.minPartialAwardPercent')}</dt>
            <dd>{percent(call.minPartialAwardPercent)}</dd>
          </dl>
        </section>

        <section className="card" aria-labelledby="call-view-dates">
          <h2 id="call-view-dates">{t('office.editor.sections.dates')}</h2>
          <dl className="meta-list">
            <dt>{t('grants.callField.opensAt')}</dt>
            <dd>{orDash(call.opensAt, fmt.instant)}</dd>
            <dt>{t('grants.callField.closesAt')}</dt>
            <dd>{orDash(call.closesAt, fmt.instant)}</dd>
            <dt>{t('grants.callField.maxExecutionMonths')}</dt>
            <dd>{t('grants.units.months', { count: call.maxExecutionMonths })}</dd>
            <dt>{t('grants.callField.justificationMonths')}</dt>
            <dd>{t('grants.units.months', { count: call.justificationMonths })}</dd>
            <dt>{t('grants.callField.correctionDays')}</dt>
            <dd>{t('grants.units.businessDays', { count: call.correctionDays })}</dd>
            <dt>{t('grants.callField.allegationDays')}</dt>
            <dd>{t('grants.units.businessDays', { count: call.allegationDays })}</dd>
          </dl>
          <p className="field-hint">{t('office.editor.timeZoneNote')}</p>
        </section>

        <section className="card" aria-labelledby="call-view-evaluation">
          <h2 id="call-view-evaluation">{t('office.editor.sections.evaluation')}</h2>
          {managesEvaluation && call.status === 'evaluating' && (
            <p>
              <Link className="button button-primary" to={pathTo(ROUTES.callAssignments, call.id)}>
                {t('evaluation.board.open')}
              </Link>{' '}
              <Link className="button button-secondary" to={pathTo(ROUTES.callRanking, call.id)}>
                {t('evaluation.ranking.open')}
              </Link>{' '}
              <Link className="button button-secondary" to={pathTo(ROUTES.callCommittee, call.id)}>
                {t('committee.list.open')}
              </Link>
            </p>
          )}
          <dl className="meta-list">
            <dt>{t('grants.callField.minimumTotalScore')}</dt>
            <dd>{points(call.minimumTotalScore)}</dd>
            <dt>{t('grants.callField.divergenceThreshold')}</dt>
            <dd>{points(call.divergenceThreshold)}</dd>
            <dt>{t('grants.callField.allocationMethod')}</dt>
            <dd>{t(`grants.allocationMethod.${call.allocationMethod}`)}</dd>
            <dt>{t('grants.callField.evaluatorsPerApplication')}</dt>
            <dd>{call.evaluatorsPerApplication}</dd>
            <dt>{t('grants.callField.consensusRequired')}</dt>
            <dd>{call.consensusRequired ? t('office.common.yes') : t('office.common.no')}</dd>
          </dl>
          {call.allocationMethod === 'score_bands' && call.scoreBands && call.scoreBands.length > 0 && (
            <table className="table">
              <caption>{t('grants.callField.scoreBands')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('office.editor.itemField.minScore')}</th>
                  <th scope="col">{t('office.editor.itemField.percent')}</th>
                </tr>
              </thead>
              <tbody>
                {call.scoreBands.map((band) => (
                  <tr key={band.minScore}>
                    <td>{points(band.minScore)}</td>
                    <td>{percent(band.percent)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="call-view-documents">
        <h2 id="call-view-documents">{t('office.editor.sections.documents')}</h2>
        {call.requiredDocuments.length === 0 ? (
          <p className="muted">{t('office.editor.noDocuments')}</p>
        ) : (
          <DataTable caption={t('office.editor.sections.documents')}>
            <thead>
              <tr>
                <th scope="col">{t('office.editor.documentCode')}</th>
                {LANGUAGES.map((language) => (
                  <th key={language} scope="col">
                    {t('office.editor.inLanguage', {
                      field: t('office.editor.documentName'),
                      language: t(`office.languages.${language}`),
                    })}
                  </th>
                ))}
                <th scope="col">{t('office.editor.documentRequired')}</th>
              </tr>
            </thead>
            <tbody>
              {call.requiredDocuments.map((doc) => (
                <tr key={doc.code}>
                  <td>
                    <code>{doc.code}</code>
                  </td>
                  {LANGUAGES.map((language) => (
                    <td key={language} lang={language}>
                      {doc.name[language]}
                    </td>
                  ))}
                  <td>{doc.required ? t('office.common.yes') : t('office.common.no')}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>

      <section className="card" aria-labelledby="call-view-rubric">
        <h2 id="call-view-rubric">{t('office.editor.sections.rubric')}</h2>
        <p className="office-total">
          {t('office.editor.rubricTotal', {
            points: fmt.number(call.rubricTotal),
            count: call.rubric.blocks.length,
          })}
        </p>
        <div className="table-wrap">
          <table className="table office-rubric-table">
            <caption className="visually-hidden">{t('office.calls.rubricCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('office.editor.itemField.code')}</th>
                <th scope="col">{t('office.editor.itemField.name')}</th>
                <th scope="col" className="office-num">
                  {t('grants.callField.maxPoints')}
                </th>
                <th scope="col">{t('office.calls.conditions')}</th>
              </tr>
            </thead>
            {call.rubric.blocks.map((block) => (
              <tbody key={block.code}>
                <tr className="office-rubric-block">
                  <th scope="rowgroup">{block.code}</th>
                  <th scope="row">{localised(block.name)}</th>
                  <td className="office-num">{fmt.number(blockTotal(block))}</td>
                  <td>
                    {[
                      block.minPoints != null
                        ? t('office.calls.minPointsValue', { points: fmt.number(block.minPoints) })
                        : '',
                      block.tieBreakOrder != null
                        ? t('office.calls.tieBreakValue', { order: block.tieBreakOrder })
                        : '',
                    ]
                      .filter(Boolean)
                      .join(' · ') || '—'}
                  </td>
                </tr>
                {block.criteria.map((criterion) => (
                  <tr key={criterion.code}>
                    <td>{criterion.code}</td>
                    <td>
                      {localised(criterion.name)}
                      {criterion.guidance && <p className="field-hint">{criterion.guidance}</p>}
                    </td>
                    <td className="office-num">{fmt.number(criterion.maxPoints)}</td>
                    <td />
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      </section>
    </div>
  );
}
