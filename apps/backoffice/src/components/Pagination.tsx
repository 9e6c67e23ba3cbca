import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

export const PAGE_SIZES = [10, 25, 50] as const;

interface Props {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  /** The page sizes offered (by default PAGE_SIZES). */
  sizes?: readonly number[];
  /**
   * For long lists (hundreds of pages): the summary says which rows the page holds ("rows 51–100 of 10,000") and
   * "First" and "Last" buttons go with "Previous" and "Next".
   */
  long?: boolean;
}

export function Pagination({
  page,
  pageSize,
  total,
  onPageChange,
  onPageSizeChange,
  sizes = PAGE_SIZES,
  long = false,
}: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const sizeId = useId();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const step = (label: string, target: number, disabled: boolean) => (
    <button
      type="button"
      className="button button-secondary"
      disabled={disabled}
      onClick={() => onPageChange(target)}
    >
      {label}
    </button>
  );
  return (
    <nav className="pagination" aria-label={t('common.pagination')}>
      <p className="pagination-summary" aria-live="polite">
        {long
          ? t('common.rowsRange', {
              count: total,
              from: fmt.number(from),
              to: fmt.number(to),
              formatted: fmt.number(total),
            })
          : t('common.totalResults', { count: total, formatted: fmt.number(total) })}{' '}
        · {t('common.pageOf', { page: fmt.number(page), pages: fmt.number(pages) })}
      </p>
      <div className="pagination-controls">
        <label htmlFor={sizeId}>{t('common.pageSize')}</label>
        <select id={sizeId} value={pageSize} onChange={(e) => onPageSizeChange(Number(e.target.value))}>
          {sizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
        {long && step(t('common.first'), 1, page <= 1)}
        {step(t('common.previous'), page - 1, page <= 1)}
        {step(t('common.next'), page + 1, page >= pages)}
        {long && step(t('common.last'), pages, page >= pages)}
      </div>
    </nav>
  );
}
