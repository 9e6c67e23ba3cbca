import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface EditableColumn {
  key: string;
  header: ReactNode;
  /** The cell names its row (a `<th scope="row">`), as the first column usually does. */
  rowHeader?: boolean;
  className?: string;
}

export interface EditableTableProps<T> {
  caption: ReactNode;
  /** The caption is read by assistive technology only (a heading above already says it). */
  captionHidden?: boolean;
  columns: readonly EditableColumn[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string | number;
  /** The content of one cell: an input with its label and error (see `cellProps` / `CellError`). */
  cell: (row: T, index: number, column: string) => ReactNode;
  /** Moving rows up and down (labels say which row, for screen readers). */
  move?: {
    upLabel: (index: number) => string;
    downLabel: (index: number) => string;
    onMove: (from: number, to: number) => void;
  };
  /** Removing a row. */
  remove?: { label: (row: T, index: number) => string; onRemove: (index: number) => void };
}

/**
 * The one editable table of the back-office: rows of inputs with an accessible caption, column headers, row
 * headers, and per-row move and remove buttons whose names say which row they act on. Budget lines, co-funders,
 * sectors and beneficiary counts are all this table; what a cell holds is the caller's.
 */
export function EditableTable<T>({
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
  cell,
  move,
  remove,
}: EditableTableProps<T>) {
  const { t } = useTranslation();
  const hasActions = !!(move || remove);
  return (
    <div className="table-wrap">
      <table className="table portal-edit-table">
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c.key}>
                {c.header}
              </th>
            ))}
            {hasActions && (
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={rowKey(row, i)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th scope="row" key={c.key} className={c.className ?? 'portal-row-head'}>
                    {cell(row, i, c.key)}
                  </th>
                ) : (
                  <td key={c.key} className={c.className}>
                    {cell(row, i, c.key)}
                  </td>
                ),
              )}
              {hasActions && (
                <td className="portal-row-actions">
                  {move && (
                    <>
                      <button
                        type="button"
                        className="button button-small button-secondary"
                        aria-label={move.upLabel(i)}
                        disabled={i === 0}
                        onClick={() => move.onMove(i, i - 1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="button button-small button-secondary"
                        aria-label={move.downLabel(i)}
                        disabled={i === rows.length - 1}
                        onClick={() => move.onMove(i, i + 1)}
                      >
                        ↓
                      </button>
                    </>
                  )}
                  {remove && (
                    <button
                      type="button"
                      className="button button-small button-danger-outline"
                      aria-label={remove.label(row, i)}
                      onClick={() => remove.onRemove(i)}
                    >
                      {t('portal.form.remove')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
