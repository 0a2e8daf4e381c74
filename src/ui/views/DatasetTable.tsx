import { useRef, useEffect, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useShallow } from 'zustand/react/shallow';
import type { RowSummary, SortKey } from '../../workers/dataset-api.ts';
import { rowAt, visibleRowCount, positionOfId } from '../state/row-table.ts';
import { useStudio } from '../state/store.ts';
import { moveSelection, selectTrace, toggleSort } from '../state/view-actions.ts';
import { formatCount } from '../format.ts';

const ROW_HEIGHT_PX = 28;
const PAGE_ROWS = 20;
const KEY_STEPS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE_ROWS, PageUp: -PAGE_ROWS };

function onGridKey(event: KeyboardEvent): void {
  const step = KEY_STEPS[event.key];
  if (step === undefined) return;
  event.preventDefault();
  moveSelection(step);
}

interface Column {
  key: SortKey;
  label: string;
  className: string;
  cell(row: RowSummary): string;
}

const yesNo = (value: boolean) => (value ? 'yes' : '—');

const COLUMNS: Column[] = [
  { key: 'id', label: 'ID', className: 'col-id', cell: (r) => r.id },
  { key: 'problemLine', label: 'Problem', className: 'col-problem', cell: (r) => r.problemLine },
  { key: 'reasoningChars', label: 'Chars', className: 'col-num', cell: (r) => formatCount(r.reasoningChars) },
  { key: 'reasoningWords', label: 'Words', className: 'col-num', cell: (r) => formatCount(r.reasoningWords) },
  { key: 'hasAnswer', label: 'Answer', className: 'col-flag', cell: (r) => yesNo(r.hasAnswer) },
  { key: 'hasReference', label: 'Reference', className: 'col-flag', cell: (r) => yesNo(r.hasReference) },
  { key: 'truncated', label: 'Truncated', className: 'col-flag', cell: (r) => (r.truncated ? 'cut off' : '—') },
];

function HeaderRow() {
  const { sortKey, sortDescending } = useStudio(useShallow((s) => ({ sortKey: s.query.sortKey, sortDescending: s.query.sortDescending })));
  return (
    <div role="row" className="table-row table-head" aria-rowindex={1}>
      {COLUMNS.map((column) => {
        const sorted = sortKey === column.key;
        return (
          <div key={column.key} role="columnheader" className={column.className}
            aria-sort={sorted ? (sortDescending ? 'descending' : 'ascending') : 'none'}>
            <button type="button" className="sort-button" onClick={() => toggleSort(column.key)}>
              {column.label}{sorted ? (sortDescending ? ' ▼' : ' ▲') : ''}
            </button>
          </div>
        );
      })}
    </div>
  );
}

/** One row per trace, virtualized: only the visible rows are in the DOM. */
export function DatasetTable() {
  const scrollRef = useRef<HTMLDivElement>(null);
  const selectedId = useStudio((s) => s.selectedId);
  useStudio(useShallow((s) => [s.rowsVersion, s.viewVersion]));
  const count = visibleRowCount();
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT_PX, overscan: 12 });

  useEffect(() => {
    if (selectedId === null) return;
    const position = positionOfId(selectedId);
    if (position >= 0) virtualizer.scrollToIndex(position, { align: 'auto' });
  }, [selectedId, virtualizer]);

  return (
    <div role="grid" aria-label="Traces" aria-rowcount={count + 1} className="dataset-table">
      <HeaderRow />
      <div ref={scrollRef} className="table-body" role="rowgroup" tabIndex={0} onKeyDown={onGridKey}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rowAt(item.index);
            if (!row) return null;
            const selected = row.id === selectedId;
            return (
              <div key={item.key} role="row" aria-rowindex={item.index + 2} aria-selected={selected}
                className={`table-row${selected ? ' selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT_PX }}
                onClick={() => selectTrace(row.id)}>
                {COLUMNS.map((column) => (
                  <div key={column.key} role="gridcell" className={column.className} title={column.key === 'problemLine' || column.key === 'id' ? column.cell(row) : undefined}>
                    {column.cell(row)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
