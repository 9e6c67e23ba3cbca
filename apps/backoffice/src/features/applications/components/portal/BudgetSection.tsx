import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  applicationTotals,
  budgetMismatchErrors,
  isPercent,
  MONEY_PATTERN,
  parseMoney,
  parsePercent,
} from '@cofinanca/domain';
import { useFormat } from '../../../../i18n/format';
import { toContent, type BudgetLineValues, type CofundingValues } from '../../schemas/application-form';
import { usePercent } from '../../../../lib/use-locale';
import {
  CellError,
  cellProps,
  fieldId,
  FormField,
  FormSection,
  moveItem,
  removeAt,
  replaceAt,
  useFocusAfterRender,
  type SectionProps,
} from './form-kit';

const emptyLine = (): BudgetLineValues => ({
  code: '',
  category: '',
  description: '',
  amount: '',
  requestedAmount: '',
});
const emptyCofunder = (): CofundingValues => ({ funder: '', amount: '', status: 'requested' });

/** The live totals and every budget warning, computed with the same libs/domain functions as the API. */
function BudgetSummary({ values, call }: Pick<SectionProps, 'values' | 'call'>) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const percent = usePercent();
  const content = useMemo(() => toContent(values), [values]);
  const totals = applicationTotals(content);
  const warnings: string[] = [];

  const requested = content.requestedAmount;
  const total = content.totalCost;
  const requestedCents = requested && MONEY_PATTERN.test(requested) ? parseMoney(requested) : null;
  const totalCents = total && MONEY_PATTERN.test(total) ? parseMoney(total) : null;
  if (
    requestedCents !== null &&
    totalCents !== null &&
    totalCents > 0n &&
    isPercent(call.maxCofinancingPercent) &&
    requestedCents * 10000n > parsePercent(call.maxCofinancingPercent) * totalCents
  ) {
    warnings.push(
      t('portal.budget.overCofinancing', {
        percent: percent(totals.cofinancingPercent),
        max: percent(call.maxCofinancingPercent),
      }),
    );
  }
  if (
    requestedCents !== null &&
    call.maxAmountPerApplication !== null &&
    requestedCents > parseMoney(call.maxAmountPerApplication)
  ) {
    warnings.push(t('portal.budget.overCap', { cap: fmt.money(call.maxAmountPerApplication) }));
  }
  if (values.budgetLines.length > 0) {
    const mismatch = budgetMismatchErrors(content);
    if (mismatch.ownContribution) {
      warnings.push(
        t('portal.budget.unbalanced', {
          funding: fmt.money(totals.fundingTotal),
          total: fmt.money(total ?? '0'),
        }),
      );
    }
    const overLines = Object.keys(mismatch)
      .filter((p) => /^budgetLines\[\d+\]\.requestedAmount$/.test(p))
      .map((p) => Number(/\[(\d+)\]/.exec(p)![1]) + 1);
    if (overLines.length > 0) {
      warnings.push(t('portal.budget.lineOverAmount', { lines: overLines.join(', ') }));
    }
  }

  return (
    <div className="portal-budget-summary">
      <h3>{t('portal.budget.summaryTitle')}</h3>
      <dl className="meta-list">
        <dt>{t('grants.field.totalCost')}</dt>
        <dd>{fmt.money(totals.budgetLinesTotal)}</dd>
        <dt>{t('grants.field.requestedAmount')}</dt>
        <dd>{fmt.money(totals.budgetLinesRequested)}</dd>
        <dt>{t('grants.field.cofunding')}</dt>
        <dd>{fmt.money(totals.cofundingTotal)}</dd>
        <dt>{t('grants.field.ownContribution')}</dt>
        <dd>
          {content.ownContribution && MONEY_PATTERN.test(content.ownContribution)
            ? fmt.money(content.ownContribution)
            : fmt.money('0')}
        </dd>
        <dt>{t('portal.budget.fundingTotal')}</dt>
        <dd>{fmt.money(totals.fundingTotal)}</dd>
        <dt>{t('grants.field.cofinancingPercent')}</dt>
        <dd>
          {totals.cofinancingPercent === null ? '—' : percent(totals.cofinancingPercent)}{' '}
          <span className="muted">
            ({t('portal.budget.maxPercent', { max: percent(call.maxCofinancingPercent) })})
          </span>
        </dd>
        {call.maxAmountPerApplication && (
          <>
            <dt>{t('grants.callField.maxAmountPerApplication')}</dt>
            <dd>{fmt.money(call.maxAmountPerApplication)}</dd>
          </>
        )}
      </dl>
      {warnings.length > 0 ? (
        <ul className="alert portal-alert-warning portal-warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : values.budgetLines.length > 0 ? (
        <p className="alert alert-success">{t('portal.budget.balanced')}</p>
      ) : null}
    </div>
  );
}

/** 2. Budget: lines (their sums are the total cost and the requested amount), own contribution, co-funders. */
export function BudgetSection({ values, set, error, call }: SectionProps) {
  const { t } = useTranslation();
  const focusLater = useFocusAfterRender();
  const lines = values.budgetLines;
  const cofunding = values.cofunding;
  const setLine = (i: number, patch: Partial<BudgetLineValues>) =>
    set({ budgetLines: replaceAt(lines, i, { ...lines[i], ...patch }) });
  const setCofunder = (i: number, patch: Partial<CofundingValues>) =>
    set({ cofunding: replaceAt(cofunding, i, { ...cofunding[i], ...patch }) });

  return (
    <FormSection id="budget" title={t('portal.form.sections.budget')} intro={t('portal.budget.intro')}>
      <h3 id="budget-lines-title">{t('grants.field.budgetLines')}</h3>
      {error('budgetLines') && <p className="field-error">{error('budgetLines')}</p>}
      {error('totalCost') && <p className="field-error">{error('totalCost')}</p>}
      {error('requestedAmount') && <p className="field-error">{error('requestedAmount')}</p>}
      {lines.length === 0 ? (
        <p className="muted">{t('portal.budget.noLines')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table portal-edit-table">
            <caption className="visually-hidden">{t('grants.field.budgetLines')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('grants.field.budgetLineCode')}</th>
                <th scope="col">{t('grants.field.budgetLineCategory')}</th>
                <th scope="col">{t('grants.field.budgetLineDescription')}</th>
                <th scope="col">{t('grants.field.budgetLineAmount')}</th>
                <th scope="col">{t('grants.field.budgetLineRequested')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line, i) => {
                const n = i + 1;
                const p = (f: string) => `budgetLines[${i}].${f}`;
                return (
                  <tr key={i}>
                    <td>
                      <input
                        {...cellProps(
                          p('code'),
                          t('portal.budget.lineField', { n, field: t('grants.field.budgetLineCode') }),
                          error(p('code')),
                        )}
                        className="portal-input-code"
                        value={line.code}
                        maxLength={40}
                        onChange={(e) => setLine(i, { code: e.target.value })}
                      />
                      <CellError path={p('code')} error={error(p('code'))} />
                    </td>
                    <td>
                      <input
                        {...cellProps(
                          p('category'),
                          t('portal.budget.lineField', { n, field: t('grants.field.budgetLineCategory') }),
                          error(p('category')),
                        )}
                        value={line.category}
                        maxLength={200}
                        onChange={(e) => setLine(i, { category: e.target.value })}
                      />
                      <CellError path={p('category')} error={error(p('category'))} />
                    </td>
                    <td>
                      <input
                        {...cellProps(
                          p('description'),
                          t('portal.budget.lineField', { n, field: t('grants.field.budgetLineDescription') }),
                          error(p('description')),
                        )}
                        value={line.description}
                        maxLength={2000}
                        onChange={(e) => setLine(i, { description: e.target.value })}
                      />
                      <CellError path={p('description')} error={error(p('description'))} />
                    </td>
                    <td>
                      <input
                        {...cellProps(
                          p('amount'),
                          t('portal.budget.lineField', { n, field: t('grants.field.budgetLineAmount') }),
                          error(p('amount')),
                        )}
                        className="portal-input-money"
                        inputMode="decimal"
                        value={line.amount}
                        onChange={(e) => setLine(i, { amount: e.target.value })}
                      />
                      <CellError path={p('amount')} error={error(p('amount'))} />
                    </td>
                    <td>
                      <input
                        {...cellProps(
                          p('requestedAmount'),
                          t('portal.budget.lineField', { n, field: t('grants.field.budgetLineRequested') }),
                          error(p('requestedAmount')),
                        )}
                        className="portal-input-money"
                        inputMode="decimal"
                        value={line.requestedAmount}
                        onChange={(e) => setLine(i, { requestedAmount: e.target.value })}
                      />
                      <CellError path={p('requestedAmount')} error={error(p('requestedAmount'))} />
                    </td>
                    <td className="portal-row-actions">
                      <button
                        type="button"
                        className="button button-small button-secondary"
                        aria-label={t('portal.budget.moveUp', { n })}
                        disabled={i === 0}
                        onClick={() => {
                          set({ budgetLines: moveItem(lines, i, i - 1) });
                          focusLater(fieldId(`budgetLines[${i - 1}].code`));
                        }}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="button button-small button-secondary"
                        aria-label={t('portal.budget.moveDown', { n })}
                        disabled={i === lines.length - 1}
                        onClick={() => {
                          set({ budgetLines: moveItem(lines, i, i + 1) });
                          focusLater(fieldId(`budgetLines[${i + 1}].code`));
                        }}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className="button button-small button-danger-outline"
                        aria-label={t('portal.budget.removeLine', { n })}
                        onClick={() => {
                          set({ budgetLines: removeAt(lines, i) });
                          focusLater('app-add-budget-line');
                        }}
                      >
                        {t('portal.form.remove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="field-hint">{t('portal.budget.moneyHint')}</p>
      <button
        id="app-add-budget-line"
        type="button"
        className="button button-secondary"
        onClick={() => {
          set({ budgetLines: [...lines, emptyLine()] });
          focusLater(fieldId(`budgetLines[${lines.length}].code`));
        }}
      >
        {t('portal.budget.addLine')}
      </button>

      <FormField
        path="ownContribution"
        label={t('grants.field.ownContribution')}
        required
        hint={t('portal.budget.ownHint')}
        error={error('ownContribution')}
      >
        {(a11y) => (
          <input
            {...a11y}
            className="portal-input-money"
            inputMode="decimal"
            value={values.ownContribution}
            onChange={(e) => set({ ownContribution: e.target.value })}
          />
        )}
      </FormField>

      <h3>{t('grants.field.cofunding')}</h3>
      <p className="muted">{t('portal.budget.cofundingIntro')}</p>
      {cofunding.length > 0 && (
        <div className="table-wrap">
          <table className="table portal-edit-table">
            <caption className="visually-hidden">{t('grants.field.cofunding')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('grants.field.cofundingFunder')}</th>
                <th scope="col">{t('grants.field.cofundingAmount')}</th>
                <th scope="col">{t('grants.field.cofundingStatus')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {cofunding.map((c, i) => {
                const n = i + 1;
                const p = (f: string) => `cofunding[${i}].${f}`;
                return (
                  <tr key={i}>
                    <td>
                      <input
                        {...cellProps(
                          p('funder'),
                          t('portal.budget.cofunderField', { n, field: t('grants.field.cofundingFunder') }),
                          error(p('funder')),
                        )}
                        value={c.funder}
                        maxLength={300}
                        onChange={(e) => setCofunder(i, { funder: e.target.value })}
                      />
                      <CellError path={p('funder')} error={error(p('funder'))} />
                    </td>
                    <td>
                      <input
                        {...cellProps(
                          p('amount'),
                          t('portal.budget.cofunderField', { n, field: t('grants.field.cofundingAmount') }),
                          error(p('amount')),
                        )}
                        className="portal-input-money"
                        inputMode="decimal"
                        value={c.amount}
                        onChange={(e) => setCofunder(i, { amount: e.target.value })}
                      />
                      <CellError path={p('amount')} error={error(p('amount'))} />
                    </td>
                    <td>
                      <select
                        {...cellProps(
                          p('status'),
                          t('portal.budget.cofunderField', { n, field: t('grants.field.cofundingStatus') }),
                        )}
                        value={c.status}
                        onChange={(e) =>
                          setCofunder(i, { status: e.target.value as CofundingValues['status'] })
                        }
                      >
                        <option value="confirmed">{t('grants.cofundingStatus.confirmed')}</option>
                        <option value="requested">{t('grants.cofundingStatus.requested')}</option>
                      </select>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button-small button-danger-outline"
                        aria-label={t('portal.budget.removeCofunder', { n })}
                        onClick={() => {
                          set({ cofunding: removeAt(cofunding, i) });
                          focusLater('app-add-cofunder');
                        }}
                      >
                        {t('portal.form.remove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <button
        id="app-add-cofunder"
        type="button"
        className="button button-secondary"
        onClick={() => {
          set({ cofunding: [...cofunding, emptyCofunder()] });
          focusLater(fieldId(`cofunding[${cofunding.length}].funder`));
        }}
      >
        {t('portal.budget.addCofunder')}
      </button>

      <BudgetSummary values={values} call={call} />
    </FormSection>
  );
}
