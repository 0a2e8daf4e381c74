import type { StateCreator } from 'zustand';
import type { RowQuery } from '../../workers/dataset-api.ts';

export type MathMode = 'rendered' | 'raw';

export const DEFAULT_QUERY: RowQuery = {
  search: '',
  hasReference: 'any',
  hasAnswer: 'any',
  truncated: 'any',
  sortKey: 'index',
  sortDescending: false,
};

export interface ViewSlice {
  query: RowQuery;
  /** Bumped whenever the view order (row-table.ts) changes. */
  viewVersion: number;
  selectedId: string | null;
  mathMode: MathMode;
  helpOpen: boolean;
}

export const createViewSlice: StateCreator<ViewSlice, [], [], ViewSlice> = () => ({
  query: DEFAULT_QUERY,
  viewVersion: 0,
  selectedId: null,
  mathMode: 'rendered',
  helpOpen: false,
});
