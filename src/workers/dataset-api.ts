// The typed surface of the dataset worker (comlink). The UI imports only these types; the
// TraceRecords themselves stay in the worker and cross over one at a time (getTrace).
import type { DatasetError, DatasetFile, Detection, OpenProgress, OpenSummary } from '../data/open-dataset.ts';
import type { TraceRecord } from '../cot/trace.ts';

export type { DatasetError, DatasetFile, Detection, OpenProgress, OpenSummary };

/** One table row: small, so the UI can hold hundreds of thousands of them. */
export interface RowSummary {
  /** Position in load order; the index the worker's queries return. */
  index: number;
  id: string;
  problemLine: string;
  reasoningChars: number;
  reasoningWords: number;
  hasAnswer: boolean;
  hasReference: boolean;
  truncated: boolean;
  layout: string;
  file: string;
  row: number;
  line?: number;
}

export type TriState = 'any' | 'yes' | 'no';

export type SortKey = 'index' | 'id' | 'problemLine' | 'reasoningChars' | 'reasoningWords' | 'hasAnswer' | 'hasReference' | 'truncated';

export interface RowQuery {
  /** Case-insensitive substring search over the full problem text. */
  search: string;
  hasReference: TriState;
  hasAnswer: TriState;
  truncated: TriState;
  sortKey: SortKey;
  sortDescending: boolean;
}

/** Called across the worker boundary (comlink proxies), hence the promises. */
export interface LoadHandlers {
  onRows(batch: RowSummary[]): void | Promise<void>;
  onErrors(batch: DatasetError[]): void | Promise<void>;
  onProgress(progress: OpenProgress): void | Promise<void>;
}

export interface LoadResult {
  summary: OpenSummary;
  cancelled: boolean;
  /** Set when the reader itself failed (not a bad row): the message to show. */
  failure: string | null;
}

export interface DatasetWorkerApi {
  detect(files: DatasetFile[]): Promise<Detection[]>;
  /** Replaces any loaded dataset. Resolves when every file was read or the load was cancelled. */
  load(files: DatasetFile[], handlers: LoadHandlers): Promise<LoadResult>;
  cancel(): void;
  getTrace(id: string): Promise<TraceRecord | null>;
  /** Row indices (load order) matching the query, in display order. */
  query(query: RowQuery): Promise<Int32Array>;
}
