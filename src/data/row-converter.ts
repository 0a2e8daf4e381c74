// Turns parsed rows into traces for one file: a layout fixed from the first rows when they agree,
// per-row detection when they are mixed or when a row does not fit the fixed layout.
import { adapterById, detectRow, detectSample, type SampleDetection } from '../cot/formats/registry.ts';
import type { AdapterContext, LayoutAdapter, Row } from '../cot/formats/types.ts';
import type { TraceRecord } from '../cot/trace.ts';
import type { DatasetError } from './open-dataset.ts';
import type { RawRow } from './raw-row.ts';

export interface Converted {
  traces: TraceRecord[];
  error?: DatasetError;
}

function keyList(row: Row): string {
  const keys = Object.keys(row);
  const shown = keys.slice(0, 8).join(', ');
  return keys.length > 8 ? `${shown}, … (${keys.length} keys)` : shown || 'none';
}

export class RowConverter {
  private fixed: LayoutAdapter | null = null;
  detection: SampleDetection | null = null;

  constructor(private readonly file: string) {}

  /** Fixes the layout from sample rows when they agree. */
  decide(sample: Row[]): SampleDetection {
    this.detection = detectSample(sample);
    this.fixed = this.detection.layout ? (adapterById(this.detection.layout) ?? null) : null;
    return this.detection;
  }

  convert(raw: RawRow & { value: Row }): Converted {
    const issues: { field: string; reason: string }[] = [];
    const ctx: AdapterContext = { file: this.file, row: raw.row, line: raw.line, issue: (field, reason) => issues.push({ field, reason }) };
    // The fixed layout only speaks for rows that look like it; others go to per-row detection.
    let adapter = this.fixed && this.fits(this.fixed, raw.value) ? this.fixed : null;
    let traces = adapter ? this.run(adapter, raw.value, ctx, issues) : [];
    if (traces.length === 0) {
      const match = detectRow(raw.value);
      const other = match && match.layout !== adapter?.id ? adapterById(match.layout) : undefined;
      if (other) {
        adapter = other;
        traces = this.run(other, raw.value, ctx, issues);
      }
    }
    if (traces.length > 0) return { traces };
    const error: DatasetError = { file: this.file, row: raw.row, reason: '' };
    if (raw.line !== undefined) error.line = raw.line;
    const issue = issues[0];
    if (issue) {
      error.field = issue.field;
      error.reason = `${adapter?.id ?? 'layout'}: '${issue.field}' ${issue.reason}`;
    } else {
      error.reason = `row with no recognisable trace (keys: ${keyList(raw.value)})`;
    }
    return { traces: [], error };
  }

  private fits(adapter: LayoutAdapter, row: Row): boolean {
    try {
      return adapter.detect(new Set(Object.keys(row)), row).confidence > 0;
    } catch {
      return false;
    }
  }

  private run(adapter: LayoutAdapter, row: Row, ctx: AdapterContext, issues: { field: string; reason: string }[]): TraceRecord[] {
    try {
      return adapter.toTraces(row, ctx);
    } catch (error) {
      issues.push({ field: '(row)', reason: `could not be converted: ${error instanceof Error ? error.message : String(error)}` });
      return [];
    }
  }
}
