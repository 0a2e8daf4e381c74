import type { StateCreator } from 'zustand';
import type { DatasetError, Detection, OpenProgress, OpenSummary } from '../../workers/dataset-api.ts';

export type LoadPhase = 'idle' | 'fetching' | 'detecting' | 'detected' | 'loading' | 'done' | 'cancelled' | 'failed';

/** Errors shown in the panel; the summary still counts every one. */
export const MAX_SHOWN_ERRORS = 2000;

export interface DatasetSlice {
  phase: LoadPhase;
  fileNames: string[];
  detections: Detection[];
  progress: OpenProgress | null;
  errors: DatasetError[];
  summary: OpenSummary | null;
  failure: string | null;
  /** Bumped whenever rows arrive (the rows themselves are in row-table.ts). */
  rowsVersion: number;
}

export const createDatasetSlice: StateCreator<DatasetSlice, [], [], DatasetSlice> = () => ({
  phase: 'idle',
  fileNames: [],
  detections: [],
  progress: null,
  errors: [],
  summary: null,
  failure: null,
  rowsVersion: 0,
});
