import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../lib/use-list-query';
import { Pagination } from './Pagination';
import { QueryStates, type QueryLike } from './States';

/** The pieces every list screen is made of: filters, toolbar, CSV and XLSX exports, captioned table, paged states. */

interface FilterFormProps {
  /** The accessible name of the search landmark. */
  label: string;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  onClear: () => void;
  /** For forms validated by their own schema (react-hook-form). */
  noValidate?: boolean;
  /** More buttons or links after "Filter" and "Clear filters". */
  actions?: ReactNode;
  children: ReactNode;
}

/** The filters of a list: a search landmark with its inputs, then "Filter" (submit) and "Clear filters". */
export function FilterForm({ label, onSubmit, onClear, noValidate, actions, children }: FilterFormProps) {
  const { t } = useTranslation();
  return (
    <form className="filters" onSubmit={onSubmit} noValidate={noValidate} role="search" aria-label={label}>
      {children}
      <div className="filters-actions">
        <button type="submit" className="button button-primary">
          {t('common.filter')}
        </button>
        <button type="button" className="button button-secondary" onClick={onClear}>
          {t('common.clearFilters')}
        </button>
        {actions}
      </div>
    </form>
  );
}

/** The bar above a list: its filters, then its actions (export, create…) when there are any. */
export function ListToolbar({ actions, children }: { actions?: ReactNode; children: ReactNode }) {
  return (
    <div className="toolbar">
      {children}
      {actions && <div className="toolbar-actions">{actions}</div>}
    </div>
  );
}

/** The link that downloads the CSV export of a list (with the session cookie). */
export function ExportCsvLink({ href }: { href: string }) {
  const { t } = useTranslation();
  return (
    <a className="button button-secondary" href={href} download>
      {t('common.exportCsv')}
    </a>
  );
}

/** The link that downloads the XLSX export of a list (typed cells; with the session cookie). */
export function ExportXlsxLink({ href }: { href: string }) {
  const { t } = useTranslation();
  return (
    <a className="button button-secondary" href={href} download>
      {t('common.exportXlsx')}
    </a>
  );
}

/** Both downloads of a list, side by side: `url(format)` is the export of the same filters. */
export function ExportLinks({ url }: { url: (format: 'csv' | 'xlsx') => string }) {
  return (
    <>
      <ExportCsvLink href={url('csv')} />
      <ExportXlsxLink href={url('xlsx')} />
    </>
  );
}

/** A table in its scrolling wrapper, named by a caption that only assistive technology reads. */
export function DataTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

interface PagedListProps<T extends { items: readonly unknown[]; total: number }> {
  /** The query of one page of the list. */
  query: QueryLike<T>;
  /** What to say when the page has no items. */
  empty: ReactNode;
  paging: PageProps;
  children: (data: T) => ReactNode;
}

/** A page of a list in its states (loading, error, empty), followed by its pagination. */
export function PagedList<T extends { items: readonly unknown[]; total: number }>({
  query,
  empty,
  paging,
  children,
}: PagedListProps<T>) {
  return (
    <QueryStates query={query} isEmpty={(d) => d.items.length === 0} empty={empty}>
      {(data) => (
        <>
          {children(data)}
          <Pagination {...paging} total={data.total} />
        </>
      )}
    </QueryStates>
  );
}
