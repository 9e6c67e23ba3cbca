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
import { EditableTable } from '../../../../components/EditableTable';
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

/** The columns of a budget line, in order: the field, its header and how its input looks. */
const LINE_COLUMNS: readonly {
  key: 'code' | 'category' | 'description' | 'amount' | 'requestedAmount';
  header: string;
  className?: string;
  maxLength?: number;
  money?: boolean;
}[] = [
  { key: 'code', header: 'grants.field.budgetLineCode', className: 'portal-input-code', maxLength: 40 },
  { key: 'category', header: 'grants.field.budgetLineCategory', maxLength: 200 },
  { key: 'description', header: 'grants.field.budgetLineDescription', maxLength: 2000 },
  { key: 'amount', header: 'grants.field.budgetLineAmount', className: 'portal-input-money', money: true },
  {
    key: 'requestedAmount',
    header: 'grants.field.budgetLineRequested',
    className: 'portal-input-money',
    money: true,
  },
];

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
        <EditableTable
          caption={t('grants.field.budgetLines')}
          captionHidden
          columns={LINE_COLUMNS.map((c) => ({ key: c.key, header: t(c.header) }))}
          rows={lines}
          rowKey={(_, i) => i}
          cell={(line, i, key) => {
            const column = LINE_COLUMNS.find((c) => c.key === key)!;
            const path = `budgetLines[${i}].${key}`;
            return (
              <>
                <input
                  {...cellProps(
                    path,
                    t('portal.budget.lineField', { n: i + 1, field: t(column.header) }),
                    error(path),
                  )}
                  className={column.className}
                  inputMode={column.money ? 'decimal' : undefined}
                  maxLength={column.maxLength}
                  value={line[column.key]}
                  onChange={(e) => setLine(i, { [column.key]: e.target.value })}
                />
                <CellError path={path} error={error(path)} />
              </>
            );
          }}
          move={{
            upLabel: (i) => t('portal.budget.moveUp', { n: i + 1 }),
            downLabel: (i) => t('portal.budget.moveDown', { n: i + 1 }),
            onMove: (from, to) => {
              set({ budgetLines: moveItem(lines, from, to) });
              focusLater(fieldId(`budgetLines[${to}].code`));
            },
          }}
          remove={{
            label: (_, i) => t('portal.budget.removeLine', { n: i + 1 }),
            onRemove: (i) => {
              set({ budgetLines: removeAt(lines, i) });
              focusLater('app-add-budget-line');
            },
          }}
        />
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
        <EditableTable
          caption={t('grants.field.cofunding')}
          captionHidden
          columns={[
            { key: 'funder', header: t('grants.field.cofundingFunder') },
            { key: 'amount', header: t('grants.field.cofundingAmount') },
            { key: 'status', header: t('grants.field.cofundingStatus') },
          ]}
          rows={cofunding}
          rowKey={(_, i) => i}
          cell={(c, i, key) => {
            const n = i + 1;
            const path = `cofunding[${i}].${key}`;
            const label = (field: string) => t('portal.budget.cofunderField', { n, field: t(field) });
            if (key === 'status')
              return (
                <select
                  {...cellProps(path, label('grants.field.cofundingStatus'))}
                  value={c.status}
                  onChange={(e) => setCofunder(i, { status: e.target.value as CofundingValues['status'] })}
                >
                  <option value="confirmed">{t('grants.cofundingStatus.confirmed')}</option>
                  <option value="requested">{t('grants.cofundingStatus.requested')}</option>
                </select>
              );
            return key === 'funder' ? (
              <>
                <input
                  {...cellProps(path, label('grants.field.cofundingFunder'), error(path))}
                  value={c.funder}
                  maxLength={300}
                  onChange={(e) => setCofunder(i, { funder: e.target.value })}
                />
                <CellError path={path} error={error(path)} />
              </>
            ) : (
              <>
                <input
                  {...cellProps(path, label('grants.field.cofundingAmount'), error(path))}
                  className="portal-input-money"
                  inputMode="decimal"
                  value={c.amount}
                  onChange={(e) => setCofunder(i, { amount: e.target.value })}
                />
                <CellError path={path} error={error(path)} />
              </>
            );
          }}
          remove={{
            label: (_, i) => t('portal.budget.removeCofunder', { n: i + 1 }),
            onRemove: (i) => {
              set({ cofunding: removeAt(cofunding, i) });
              focusLater('app-add-cofunder');
            },
          }}
        />
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
