import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RowQuery, TriState } from '../../workers/dataset-api.ts';
import { useStudio } from '../state/store.ts';
import { updateQuery } from '../state/view-actions.ts';
import { visibleRowCount, totalRowCount } from '../state/row-table.ts';
import { formatCount } from '../format.ts';

const SEARCH_DEBOUNCE_MS = 150;

type FlagKey = 'hasReference' | 'hasAnswer' | 'truncated';
const FLAGS: Array<{ key: FlagKey; label: string }> = [
  { key: 'hasAnswer', label: 'Answer' },
  { key: 'hasReference', label: 'Reference' },
  { key: 'truncated', label: 'Truncated' },
];

function FlagFilter({ flag, label, value }: { flag: FlagKey; label: string; value: TriState }) {
  return (
    <label className="filter">
      {label}
      <select value={value} onChange={(e) => updateQuery({ [flag]: e.currentTarget.value as TriState } as Partial<RowQuery>)}>
        <option value="any">any</option>
        <option value="yes">yes</option>
        <option value="no">no</option>
      </select>
    </label>
  );
}

export function TableFilters() {
  const query = useStudio((s) => s.query);
  useStudio(useShallow((s) => [s.rowsVersion, s.viewVersion]));
  const [search, setSearch] = useState(query.search);

  useEffect(() => {
    if (search === useStudio.getState().query.search) return;
    const timer = setTimeout(() => updateQuery({ search }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search]);

  return (
    <div className="table-filters" role="search">
      <input
        type="search"
        placeholder="Search problems…"
        aria-label="Search problems"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      {FLAGS.map(({ key, label }) => <FlagFilter key={key} flag={key} label={label} value={query[key]} />)}
      <span className="row-count" aria-live="polite">{formatCount(visibleRowCount())} of {formatCount(totalRowCount())} traces</span>
    </div>
  );
}
