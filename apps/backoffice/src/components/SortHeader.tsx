import { useTranslation } from 'react-i18next';

interface Props {
  field: string;
  label: string;
  /** The current sort: `field` or `-field`. */
  sort: string;
  onSort: (sort: string) => void;
}

/** A column header that sorts the list; it tells assistive technology the current order with aria-sort. */
export function SortHeader({ field, label, sort, onSort }: Props) {
  const { t } = useTranslation();
  const active = sort === field || sort === `-${field}`;
  const descending = sort === `-${field}`;
  const ariaSort = active ? (descending ? 'descending' : 'ascending') : 'none';
  const next = active && !descending ? `-${field}` : field;
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(next)}
        title={t('common.sortBy', { column: label })}
      >
        {label}
        <span className="sort-indicator" aria-hidden="true">
          {active ? (descending ? '▼' : '▲') : '↕'}
        </span>
      </button>
    </th>
  );
}
