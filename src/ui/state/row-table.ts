// Row summaries and the current view order live here, outside the zustand store: the store only
// carries version counters so components re-render when these change.
import type { RowSummary } from '../../workers/dataset-api.ts';

let rows: RowSummary[] = [];
/** Display order as row indices; null means "all rows in load order". */
let view: Int32Array | null = null;

export function resetRows(): void {
  rows = [];
  view = null;
}

export function appendRows(batch: readonly RowSummary[]): void {
  for (const row of batch) rows.push(row);
}

export function setView(indices: Int32Array | null): void {
  view = indices;
}

export function visibleRowCount(): number {
  return view ? view.length : rows.length;
}

export function rowAt(position: number): RowSummary | undefined {
  return rows[view ? view[position] : position];
}

export function positionOfId(id: string): number {
  const total = visibleRowCount();
  for (let position = 0; position < total; position++) if (rowAt(position)?.id === id) return position;
  return -1;
}

export function totalRowCount(): number {
  return rows.length;
}
