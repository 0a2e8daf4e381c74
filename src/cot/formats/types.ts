// The contract every dataset-layout adapter implements: sniff a layout from a row, then turn one row
// into canonical traces. Adapters are pure and never throw on odd rows; an empty result means
// "no recognisable trace in this row" and the reader reports it.
import type { TraceRecord } from '../trace.ts';

export type Row = Record<string, unknown>;

export interface DetectResult {
  /** 0 = not this layout, 1 = certain. */
  confidence: number;
  reason: string;
}

export interface AdapterContext {
  /** File name as opened. */
  file: string;
  /** 0-based row index within the file. */
  row: number;
  /** 1-based physical line, for line-oriented files. */
  line?: number;
  /** Lets an adapter say why part of a row could not be used (field + reason). */
  issue?: (field: string, reason: string) => void;
}

export interface LayoutAdapter {
  id: string;
  title: string;
  detect(keys: ReadonlySet<string>, sample: Row): DetectResult;
  toTraces(row: Row, ctx: AdapterContext): TraceRecord[];
}

export const NO_MATCH: DetectResult = { confidence: 0, reason: 'required fields missing' };
