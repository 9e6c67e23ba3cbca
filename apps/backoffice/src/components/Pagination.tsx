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
}

export function Pagination({ page, pageSize, total, onPageChange, onPageSizeChange }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const sizeId = useId();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pagination" aria-label={t('common.pagination')}>
      <p className="pagination-summary" aria-live="polite">
        {t('common.totalResults', { count: total, formatted: fmt.number(total) })} ·{' '}
        {t('common.pageOf', { page: fmt.number(page), pages: fmt.number(pages) })}
      </p>
      <div className="pagination-controls">
        <label htmlFor={sizeId}>{t('common.pageSize')}</label>
        <select id={sizeId} value={pageSize} onChange={(e) => onPageSizeChange(Number(e.target.value))}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-secondary"
          disabled={page <= 1}
          onClick={() => onPageChange(page - 1)}
        >
          {t('common.previous')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={page >= pages}
          onClick={() => onPageChange(page + 1)}
        >
          {t('common.next')}
        </button>
      </div>
    </nav>
  );
}
